package dev.repro.data.xlsx;

import dev.repro.data.ColumnTable;
import dev.repro.data.CsvOptions;
import dev.repro.data.DataFiles;
import dev.repro.data.Dataset;
import dev.repro.data.ReadOptions;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.io.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads one worksheet of an .xlsx workbook into a {@link Dataset} with the checks of a CSV file. Each cell
 * becomes the text a CSV file would hold: a number as Excel stored it ({@code 12.5}), text as written, a
 * formula as its cached value, a date as an integer ({@link ReadOptions.DateRule}), TRUE/FALSE as text, an
 * error such as {@code #DIV/0!} as itself (so a numeric column reports it). Empty rows are skipped.
 */
public final class XlsxReader {
    private static final LocalDate STATA_ORIGIN = LocalDate.of(1960, 1, 1);

    private XlsxReader() {
    }

    public static Dataset read(Path file, CsvOptions o, ReadOptions read, Problems problems) {
        return read(file, o, read, problems, w -> { });
    }

    /** As {@link #read}, with the warnings (a formula without a cached value) given to {@code warn}. */
    public static Dataset read(Path file, CsvOptions o, ReadOptions read, Problems problems, Consumer<String> warn) {
        if (!DataFiles.present(file, o, problems)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            DataFiles.cannotRead(e, o, problems);
            return null;
        }
        byte[] head = Arrays.copyOf(bytes, 8);
        if (ReadableWorkbook.isOLE2Header(head)) {
            problems.add(Problem.at(o.displayPath(), 0, 0, "the file is an old Excel .xls workbook (or another OLE2 file), not .xlsx; open it in Excel and save it as .xlsx"));
            return null;
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(head)) {
            problems.add(Problem.at(o.displayPath(), 0, 0, "the file is not an .xlsx workbook (it does not start as a ZIP archive); save it from Excel as .xlsx, or give the dataset a format: that fits the file"));
            return null;
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
            Sheet sheet = sheet(wb, o, read, problems);
            if (sheet == null) {
                return null;
            }
            Grid g = grid(sheet, MergedCells.of(bytes, sheet.getId()), wb.isDate1904(), o, read, problems, warn);
            if (g == null) {
                return null;
            }
            return g.table(o, problems).finish(Sha256.of(bytes));
        } catch (IOException | ExcelReaderException | IllegalStateException e) {
            problems.add(Problem.at(o.displayPath(), 0, 0, "the workbook cannot be read (" + e.getMessage()
                    + "); the file is damaged or not an Excel workbook: open it in Excel and save it again as .xlsx"));
            return null;
        }
    }

    private static Sheet sheet(ReadableWorkbook wb, CsvOptions o, ReadOptions read, Problems problems) {
        List<Sheet> all = wb.getSheets().toList();
        String want = read.sheet();
        Optional<Sheet> s;
        if (want == null) {
            s = all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        } else if (want.matches("[0-9]{1,5}")) {
            int n = Integer.parseInt(want);
            s = n >= 1 && n <= all.size() ? Optional.of(all.get(n - 1)) : Optional.empty();
        } else {
            s = wb.findSheet(want);
        }
        if (s.isEmpty()) {
            List<String> names = all.stream().map(x -> "'" + x.getName() + "'").toList();
            problems.addKey(o.studyFile(), 0, 0, o.datasetKey() + ".sheet", o.displayPath() + " has no sheet "
                    + (want == null ? "at all" : want.matches("[0-9]+") ? "number " + want : "'" + want + "'")
                    + "; its sheets are " + String.join(", ", names) + " (give sheet: a name or a number from 1)");
            return null;
        }
        return s.get();
    }

    /** The cells of the header row and of the data rows, within the range. */
    private static Grid grid(Sheet sheet, List<MergedCells.Area> merges, boolean date1904, CsvOptions o, ReadOptions read,
                             Problems problems, Consumer<String> warn) throws IOException {
        int r0 = 1;
        int r1 = Integer.MAX_VALUE;
        int c0 = 0;
        int c1 = Integer.MAX_VALUE;
        if (read.range() != null) {
            String[] ends = read.range().split(":");
            CellAddress a = new CellAddress(ends[0].toUpperCase(Locale.ROOT));
            CellAddress b = new CellAddress(ends[1].toUpperCase(Locale.ROOT));
            r0 = Math.min(a.getRow(), b.getRow()) + 1;
            r1 = Math.max(a.getRow(), b.getRow()) + 1;
            c0 = Math.min(a.getColumn(), b.getColumn());
            c1 = Math.max(a.getColumn(), b.getColumn());
        }
        Grid g = new Grid(sheet.getName(), c0);
        int headerRow = read.headerRow();
        Map<MergedCells.Area, String> mergedText = new HashMap<>();
        try (Stream<Row> rows = sheet.openStream()) {
            for (Row row : (Iterable<Row>) rows::iterator) {
                int rn = row.getRowNum();
                for (MergedCells.Area m : merges) {
                    Cell first = m.firstRow() == rn ? row.getCell(m.firstColumn()) : null;
                    String v = first == null ? null : value(first, date1904, read.dates(), g, warn, o);
                    if (v != null && !v.isEmpty()) {
                        mergedText.put(m, v);
                    }
                }
                if (rn < r0 || rn > r1 || (headerRow > 0 && rn < headerRow)) {
                    continue;
                }
                int last = Math.min(row.getCellCount() - 1, c1);
                String[] cells = new String[Math.max(0, last - c0 + 1)];
                boolean any = false;
                for (int c = c0; c <= last; c++) {
                    Cell cell = row.getCell(c);
                    String v = cell == null ? null : value(cell, date1904, read.dates(), g, warn, o);
                    cells[c - c0] = v == null || v.isEmpty() ? null : v;
                    any |= cells[c - c0] != null;
                }
                if (g.header == null) {
                    cells = named(cells, rn, c0, c1, merges, mergedText);
                    any |= Arrays.stream(cells).anyMatch(x -> x != null);
                    if (any || rn == headerRow) {
                        g.header(rn, cells);
                    }
                } else if (any) {
                    g.add(rn, cells);
                }
            }
        }
        if (g.header == null) {
            problems.add(Problem.at(o.displayPath(), 0, 0, "sheet " + g.sheet + (read.range() != null ? " range " + read.range() : "")
                    + " is empty; expected a header row with the column names, then one row per observation"));
            return null;
        }
        return g;
    }

    /**
     * The header row with its merged cells named by their text: a column of a merged area that covers the row and
     * has no text of its own takes the area's text (its top-left cell, possibly in a row above), the area's later
     * columns with _2, _3, ... so that the names stay distinct ("GDP" over C3:E3 names C, D and E GDP, GDP_2, GDP_3).
     */
    private static String[] named(String[] cells, int rn, int c0, int c1, List<MergedCells.Area> merges, Map<MergedCells.Area, String> text) {
        String[] out = cells;
        for (MergedCells.Area m : merges) {
            String t = text.get(m);
            if (t == null || !m.coversRow(rn)) {
                continue;
            }
            for (int c = Math.max(m.firstColumn(), c0); c <= Math.min(m.lastColumn(), c1); c++) {
                int i = c - c0;
                if (i >= out.length) {
                    out = Arrays.copyOf(out, i + 1);
                }
                if (out[i] == null) {
                    out[i] = c == m.firstColumn() ? t : t + "_" + (c - m.firstColumn() + 1);
                }
            }
        }
        return out;
    }

    private static String value(Cell cell, boolean date1904, ReadOptions.DateRule rule, Grid g, Consumer<String> warn, CsvOptions o) {
        CellType t = cell.getType();
        String raw = cell.getRawValue();
        switch (t) {
            case EMPTY:
                return null;
            case STRING:
            case ERROR:
                return cell.getText();
            case BOOLEAN:
                return Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
            case FORMULA:
                if (raw == null || raw.isEmpty()) {
                    warn.accept(o.displayPath() + ": " + g.where(cell.getAddress().getRow() + 1, cell.getColumnIndex() - g.c0)
                            + ": the formula =" + cell.getFormula() + " has no cached value, so it is read as missing;"
                            + " open the workbook in Excel (or LibreOffice) and save it, which stores the computed values");
                    return null;
                }
                return isDate(cell) ? date(raw, date1904, rule) : raw;
            default:
                return isDate(cell) ? date(raw, date1904, rule) : raw;
        }
    }

    /** Whether a number is shown as a date: its display format has day, month or year codes outside quotes and brackets. */
    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String f = cell.getDataFormatString();
        if (f == null) {
            return false;
        }
        String bare = f.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "");
        return bare.matches("(?i).*[dmy].*") && !bare.matches("(?i).*[0#?].*");
    }

    private static String date(String raw, boolean date1904, ReadOptions.DateRule rule) {
        double serial;
        try {
            serial = new BigDecimal(raw).doubleValue();
        } catch (NumberFormatException e) {
            return raw;
        }
        // serial 1 is 1900-01-01, with Excel's phantom 1900-02-29 (serial 60); 1904 workbooks count from 1904-01-01
        long days = (long) Math.floor(serial);
        LocalDate d = date1904 ? LocalDate.of(1904, 1, 1).plusDays(days)
                : LocalDate.of(1899, 12, 31).plusDays(days < 60 ? days : days - 1);
        return Long.toString(rule == ReadOptions.DateRule.YEAR ? d.getYear() : ChronoUnit.DAYS.between(STATA_ORIGIN, d));
    }

    /** Column letters of a 0-based column index: 0 is A, 26 is AA. */
    static String letters(int column) {
        return CellAddress.convertNumToColString(column);
    }

    /** The rows read so far, as texts per cell. */
    private static final class Grid {
        final String sheet;
        final int c0;
        int headerRowNumber;
        String[] header;
        final List<String[]> rows = new ArrayList<>();
        final List<Integer> numbers = new ArrayList<>();

        Grid(String sheet, int c0) {
            this.sheet = sheet;
            this.c0 = c0;
        }

        void header(int rn, String[] cells) {
            headerRowNumber = rn;
            int n = cells.length;
            while (n > 0 && cells[n - 1] == null) {
                n--;
            }
            header = Arrays.copyOf(cells, n);
        }

        void add(int rn, String[] cells) {
            rows.add(cells);
            numbers.add(rn);
        }

        String quoted() {
            return sheet.matches("[A-Za-z_][A-Za-z0-9_.]*") ? sheet : "'" + sheet.replace("'", "''") + "'";
        }

        String where(int row, int column) {
            return quoted() + "!" + letters(c0 + column) + row;
        }

        ColumnTable table(CsvOptions o, Problems problems) {
            ColumnTable t = new ColumnTable(o, problems, new ColumnTable.Place() {
                @Override
                public Problem cell(int row, int column, String message) {
                    return Problem.at(o.displayPath(), 0, 0, (column >= 0 ? where(row, column) : quoted() + " row " + row) + ": " + message);
                }

                @Override
                public String row(int row) {
                    return "in " + quoted() + " row " + row;
                }
            });
            int[] rowNumbers = numbers.stream().mapToInt(Integer::intValue).toArray();
            List<String> names = new ArrayList<>();
            for (String h : header) {
                names.add(h == null ? "" : h);
            }
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r);
                for (int c = header.length; c < cells.length; c++) {
                    if (cells[c] != null) {
                        problems.add(Problem.at(o.displayPath(), 0, 0, where(rowNumbers[r], c) + ": the value '" + cells[c]
                                + "' is in a column without a name in the header row " + headerRowNumber
                                + "; name the column, or give a range: that leaves it out"));
                    }
                }
            }
            t.header(names, headerRowNumber, rowNumbers);
            for (int c = 0; c < header.length; c++) {
                String[] column = new String[rows.size()];
                for (int r = 0; r < column.length; r++) {
                    String[] cells = rows.get(r);
                    column[r] = c < cells.length ? cells[c] : null;
                }
                t.texts(c, column);
            }
            return t;
        }
    }
}
