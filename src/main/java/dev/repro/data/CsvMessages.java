package dev.repro.data;

import dev.repro.diag.Excerpt;
import dev.repro.diag.Suggest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The wording of every CSV message (without the {@code file:line:column: } prefix), kept in one place. */
final class CsvMessages {
    static final String EXCEL_HINT = "in Excel: Save As > CSV UTF-8";
    private static final int LIST_MAX = 30;
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final List<String> SPREADSHEET_ERRORS =
            List.of("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NUM!", "#NAME?", "#NULL!");

    private CsvMessages() {
    }

    /** A cell value for a message: in single quotes, control characters escaped, long values cut. */
    static String show(String value) {
        return Excerpt.quoted(value);
    }

    /** A bound or number from the study, as short as exact: 0, 1.5, 0.0001, 1e+300 stays readable. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        String plain = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return plain.length() <= 24 ? plain : Double.toString(v);
    }

    /** "empty, NA or ." for the configured missing tokens; null when there are none. */
    static String missingPhrase(List<String> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                sb.append(i == tokens.size() - 1 ? " or " : ", ");
            }
            String t = tokens.get(i);
            sb.append(t.isEmpty() ? "empty" : t);
        }
        return sb.toString();
    }

    /** 'a', 'b', 'c' (cut after 30 names). */
    static String list(List<String> names) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(names.size(), LIST_MAX);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(show(names.get(i)));
        }
        if (names.size() > LIST_MAX) {
            sb.append(", ... (").append(names.size()).append(" in all)");
        }
        return sb.toString();
    }

    /** The candidate closest to {@code wanted} by edit distance (ignoring case and surrounding spaces), or null. */
    static String closest(String wanted, List<String> candidates) {
        String w = wanted.trim().toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = Suggest.distance(w, c.trim().toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance && !c.equals(wanted)) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    // ---- the file as a whole ----

    static String fileNotFound(String displayPath, String absolute) {
        return "file " + show(displayPath) + " not found (looked for " + absolute
                + "); check the path, which is relative to the project directory";
    }

    static String isDirectory(String displayPath) {
        return show(displayPath) + " is a directory, not a file; name the CSV file inside it";
    }

    static String cannotRead(String displayPath, String reason) {
        return "cannot read " + show(displayPath) + " (" + reason + "); check that the file exists and is readable";
    }

    static String utf16() {
        return "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 (" + EXCEL_HINT + ")";
    }

    static String nulByte(long offset) {
        return "the file contains a NUL byte (file offset " + offset + "), so it is not a text CSV file;"
                + " export it as CSV UTF-8 (a spreadsheet such as .xlsx or a UTF-16 file cannot be read)";
    }

    static String invalidUtf8(byte[] bytes, int byteColumn) {
        StringBuilder sb = new StringBuilder("invalid UTF-8: ").append(bytes.length == 1 ? "byte" : "bytes");
        for (byte x : bytes) {
            sb.append(String.format(Locale.ROOT, " 0x%02X", x & 0xFF));
        }
        return sb.append(" at byte ").append(byteColumn).append(" of the line; save the file as UTF-8 (")
                .append(EXCEL_HINT).append("), not Windows-1252 or Latin-1").toString();
    }

    static String empty() {
        return "the file is empty; expected a header row with the column names, then one row per observation";
    }

    static String headerOnly() {
        return "the file has a header but no data rows; add the data below the header row";
    }

    static String emptyHeaderName(int column) {
        return "header column " + column + " has no name; name every column"
                + " (a comma at the end of the header adds an unnamed column)";
    }

    static String duplicateHeaderName(int column, String name, int firstColumn) {
        return "header column " + column + ": the name " + show(name) + " is already used by column "
                + firstColumn + "; give every column a unique name";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    static String tooManyFields(int fields, int columns) {
        return "the row has " + count(fields, "field") + " but the header has " + count(columns, "column")
                + "; quote a value that contains a comma (\"1,5\") or remove the extra fields";
    }

    static String tooFewFields(int fields, int columns, String missingPhrase) {
        String s = "the row has " + count(fields, "field") + " but the header has " + count(columns, "column")
                + "; add the missing fields";
        return missingPhrase == null ? s : s + " (missing values are written as " + missingPhrase + ")";
    }

    static String unclosedQuote() {
        return "the quoted value that starts on this line is never closed; add the closing double quote"
                + " (a double quote inside a quoted value is written as \"\")";
    }

    static String junkAfterQuote(char c) {
        return "unexpected character " + show(String.valueOf(c)) + " after the closing double quote;"
                + " write a double quote inside a quoted value as \"\" (e.g. \"say \"\"hi\"\"\")";
    }

    static String bareQuote(String value) {
        String fixed = "\"" + value.replace("\"", "\"\"") + "\"";
        // the corrected value is shown only when it is a short excerpt that needs no escaping
        boolean plain = fixed.length() <= Excerpt.MAX && Excerpt.quoted(fixed).equals("'" + fixed + "'");
        return "the unquoted value " + show(value) + " contains a double quote; quote the value and double"
                + " the inner quotes" + (plain ? ": " + fixed : " (write \"say \"\"hi\"\"\" for say \"hi\")");
    }

    static String quotedTooLong(int max) {
        return "the quoted value that starts on this line is longer than " + max
                + " characters; a closing double quote is probably missing";
    }

    static String rowTooLong(int max) {
        return "the row that starts on this line is longer than " + max
                + " characters; the file is probably not a CSV file or has no line breaks";
    }

    static String notInHeader(String column, List<String> header) {
        String s = "column " + show(column) + " is not in the header; the header has " + list(header);
        String near = closest(column, header);
        return near == null ? s : s + "; did you mean " + show(near) + "?";
    }

    // ---- the study's declarations ----

    static String timeIsText(String column) {
        return "the time column " + show(column) + " holds whole numbers, not text; use type: integer or leave type out";
    }

    static String idIsNumber(String column) {
        return "the id column " + show(column) + " holds text or whole numbers, not any number;"
                + " use type: integer or type: text";
    }

    static String idIsTime(String column) {
        return show(column) + " is also the id column; the time column must be another column";
    }

    static String boundNotANumber(String which) {
        return "NaN is not a bound; write a number as " + which;
    }

    static String minAboveMax(double min, double max) {
        return "min " + number(min) + " is greater than max " + number(max) + "; swap min and max";
    }

    static String boundOnText(String which) {
        return "a text column has no " + ("min".equals(which) ? "minimum" : "maximum") + "; remove " + which
                + " or use type: number";
    }

    static String allowedNotNumber(String value, String column, boolean integer) {
        return integer
                ? show(value) + " is not an integer, but column " + show(column) + " holds integers; list whole numbers only"
                : show(value) + " is not a number, but column " + show(column) + " is numeric; list numbers only";
    }

    // ---- cells ----

    /**
     * Why a cell is not a number (or not an integer).
     *
     * @param kind 'n' number column, 'i' integer column, 't' the time column
     * @param missingPhrase the missing tokens to suggest, or null when the column may not be missing
     */
    static String notANumber(String value, char kind, String missingPhrase) {
        String trimmed = value.strip();
        double v = DecimalParser.parse(value);
        if (!trimmed.equals(value) && !trimmed.isEmpty() && Double.isFinite(DecimalParser.parse(trimmed))) {
            return show(value) + " is not a number because of the spaces around it; write " + trimmed;
        }
        if (NOT_FINITE.matcher(value).matches()) {
            return show(value) + " is not a finite number; "
                    + (missingPhrase == null ? "fix the computation that produced it"
                    : "write a missing value (" + missingPhrase + ") or fix the computation that produced it");
        }
        if (SPREADSHEET_ERRORS.contains(value.toUpperCase(Locale.ROOT))) {
            return show(value) + " is a spreadsheet error, not a number; fix the formula"
                    + (missingPhrase == null ? "" : " or write a missing value (" + missingPhrase + ")");
        }
        if (Double.isInfinite(v)) {
            return show(value) + " is out of range for a number (at most about 1.8e308 in absolute value)";
        }
        if (THOUSANDS.matcher(value).matches()) {
            return show(value) + " is not a number; write it without thousands separators: " + value.replace(",", "");
        }
        int comma = value.indexOf(',');
        if (comma >= 0 && comma == value.lastIndexOf(',') && Double.isFinite(DecimalParser.parse(value.replace(',', '.')))) {
            return show(value) + " is not a number; use a point as the decimal separator: " + value.replace(',', '.');
        }
        String missingNote = missingPhrase == null ? "" : " (missing values are written as " + missingPhrase + ")";
        return switch (kind) {
            case 'n' -> show(value) + " is not a number; expected a number such as 1.5" + missingNote;
            case 'i' -> show(value) + " is not an integer; expected a whole number such as 12" + missingNote;
            default -> show(value) + " is not an integer; the time column needs whole numbers such as 2015";
        };
    }

    static String belowMin(String value, double min, String key) {
        return show(value) + " is less than the minimum " + number(min) + "; correct the value, or lower min in " + key;
    }

    static String aboveMax(String value, double max, String key) {
        return show(value) + " is greater than the maximum " + number(max) + "; correct the value, or raise max in " + key;
    }

    /** @param suggest whether to suggest the closest allowed value (for text; a near number is no hint) */
    static String notAllowed(String value, List<String> allowed, String key, boolean suggest) {
        String near = suggest ? closest(value, allowed) : null;
        return show(value) + " is not one of the allowed values " + list(allowed)
                + (near == null ? "" : " (did you mean " + show(near) + "?)")
                + "; correct the value or add it to allowed in " + key;
    }

    private static String missingShown(String value) {
        return value.isEmpty() ? "empty" : show(value);
    }

    static String requiredMissing(String value, String key) {
        return "the value is missing (" + missingShown(value) + ") but the column is required; fill it in,"
                + " or remove required from " + key;
    }

    static String idMissing(String value) {
        return "the id is missing (" + missingShown(value) + "); every row needs an id: fill it in or delete the row";
    }

    static String timeMissing(String value) {
        return "the time is missing (" + missingShown(value) + "); every row needs a time: fill it in or delete the row";
    }

    static String idNotWhole(String value, String datasetKey) {
        return show(value) + " is not a whole number, so it cannot be a panel id; use whole numbers or text"
                + " (to read the ids as text, declare type: text for this column under " + datasetKey + ".columns)";
    }

    static String idTooLong(String value, String datasetKey) {
        return show(value) + " has too many digits to be kept exactly as a number; declare type: text for this"
                + " column under " + datasetKey + ".columns";
    }

    /** A whole number of an integer, id or time column ({@code kind} 'i', 'd' or 't') at or beyond 2^53. */
    static String integerTooLarge(String value, char kind, String datasetKey) {
        String why = show(value) + " is too large to be kept exactly (whole numbers are exact up to 9007199254740991 in"
                + " absolute value), so two different values could merge";
        return switch (kind) {
            case 't' -> why + "; the time column needs whole numbers such as 2015";
            case 'd' -> why + "; declare type: text for this column under " + datasetKey + ".columns";
            default -> why + "; declare type: text (or type: number, if approximate values will do) for this column under "
                    + datasetKey + ".columns";
        };
    }

    /** An id of an inferred numeric id column written in a second way that reads as the same number. */
    static String idSpelledTwice(String value, String first, int firstLine, String datasetKey) {
        return "the id " + show(value) + " reads as the same number as the id " + show(first) + " on line " + firstLine
                + ", so the two would merge into one panel unit; write the ids the same way, or declare type: text for"
                + " this column under " + datasetKey + ".columns to keep them apart";
    }

    /** A header with more columns than {@link CsvReader#MAX_COLUMNS}. */
    static String tooManyColumns(int count, int max) {
        return "the header has " + count + " columns; at most " + max + " are read (the limit keeps memory bounded);"
                + " keep the columns the study uses, or reshape a wide table to long form (one row per id and time)";
    }

    static String duplicateKey(String id, String time, String idValue, String timeValue, int firstLine) {
        return duplicateKey(id, time, idValue, timeValue, "on line " + firstLine);
    }

    /** {@code first} says where the first occurrence is: "on line 5", "in observation 5", "at Sheet1!A5". */
    static String duplicateKey(String id, String time, String idValue, String timeValue, String first) {
        return "duplicate (" + id + ", " + time + ") = (" + idValue + ", " + timeValue + "), first seen " + first + "; keep one row per (" + id + ", " + time + ") or correct the " + id + " or "
                + time + " of one of them";
    }
}
