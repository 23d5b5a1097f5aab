package dev.repro.report;

import java.util.regex.Pattern;
import java.util.regex.Matcher;
import dev.repro.study.Label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Collections;
import java.util.Locale;

/**
 * A rendered table before it is written in any format: header rows (column numbers, titles, the dependent
 * variable), body rows (a stub label then one cell per data column) and notes. Every number is already
 * formatted (Locale.ROOT, the table's decimals), so the templates only lay the cells out.
 *
 * @param id        the table id, also the file name ({@code <id>.tex}) and the LaTeX label {@code tab:<id>}
 * @param kind      the table kind (regression, descriptive, ...), for templates that want to differ
 * @param title     the caption
 * @param columns   number of data columns (the stub column is not counted)
 * @param header    header rows; every row's cells, spans included, cover 1 + columns
 * @param body      body rows
 * @param notes     notes printed below the table
 * @param siunitx   whether the LaTeX uses siunitx S columns for the data columns
 * @param align     per data column: "d" numbers (centred, or decimal-aligned S columns with siunitx),
 *                  "l" left-aligned text, "c" centred text
 */
public record TableModel(String id, String kind, Label title, int columns, List<Row> header, List<Row> body,
                         List<Label> notes, boolean siunitx, List<String> align) {

    /** A table whose data columns all hold numbers. */
    public TableModel(String id, String kind, Label title, int columns, List<Row> header, List<Row> body,
                      List<Label> notes, boolean siunitx) {
        this(id, kind, title, columns, header, body, notes, siunitx, Collections.nCopies(Math.max(columns, 0), "d"));
    }

    public TableModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        header = List.copyOf(header);
        body = List.copyOf(body);
        notes = List.copyOf(notes);
        if (columns < 1) {
            throw new IllegalArgumentException("a table needs at least one data column");
        }
        align = List.copyOf(align);
        if (align.size() != columns || !align.stream().allMatch(a -> a.equals("d") || a.equals("l") || a.equals("c"))) {
            throw new IllegalArgumentException("align needs one of d, l, c per data column: " + align);
        }
        for (Row r : header) {
            r.checkWidth(columns + 1);
        }
        for (Row r : body) {
            r.checkWidth(columns + 1);
        }
    }

    /** What a row is, for templates (a statistic row sits under its coefficient and has no visible label). */
    public enum RowKind { HEADER, COEFFICIENT, STATISTIC, SUMMARY, TEXT }

    /**
     * One row. {@code rule} asks for a rule above the row (a booktabs {@code \midrule}); {@code hidden} is a
     * label read out by screen readers where the stub is empty (e.g. "t statistic of Open").
     */
    public record Row(RowKind kind, List<Cell> cells, boolean rule, String hidden) {
        public Row {
            Objects.requireNonNull(kind, "kind");
            cells = List.copyOf(cells);
        }

        public static Row of(RowKind kind, List<Cell> cells) {
            return new Row(kind, cells, false, null);
        }

        public Row withRule() {
            return new Row(kind, cells, true, hidden);
        }

        void checkWidth(int width) {
            int w = 0;
            for (Cell c : cells) {
                w += c.span();
            }
            if (w != width) {
                throw new IllegalArgumentException("row spans " + w + " columns, the table has " + width);
            }
        }
    }

    /**
     * A formatted number split for the templates: sign, digits with grouping, digits without, stars, brackets.
     * {@code decimal} is false for counts (N, groups, lags), which are centred rather than aligned on the
     * decimal point in siunitx columns.
     */
    public record Num(String sign, String abs, String plainAbs, String stars, String open, String close, boolean decimal) {
        public Num {
            Objects.requireNonNull(sign, "sign");
            Objects.requireNonNull(abs, "abs");
            Objects.requireNonNull(plainAbs, "plainAbs");
            stars = stars == null ? "" : stars;
            open = open == null ? "" : open;
            close = close == null ? "" : close;
        }

        /** From a string made by {@link Fmt}: "-4,937.897". */
        public static Num of(String formatted, String stars, String open, String close) {
            boolean neg = formatted.startsWith("-");
            String abs = neg ? formatted.substring(1) : formatted;
            return new Num(neg ? "-" : "", abs, abs.replace(",", ""), stars, open, close, true);
        }

        /** A count (N, groups) or a number with significant digits: centred, not decimal-aligned. */
        public static Num centred(String formatted) {
            Num n = of(formatted, "", "", "");
            return new Num(n.sign, n.abs, n.plainAbs, "", "", "", false);
        }

        /** As the paper prints it: "(-2.43)", "-4,937.897**". */
        public String display() {
            return open + sign + abs + close + stars;
        }

        /** Integer digits (for siunitx table-format). */
        int intDigits() {
            int dot = plainAbs.indexOf('.');
            return dot < 0 ? plainAbs.length() : dot;
        }

        int decimals() {
            int dot = plainAbs.indexOf('.');
            return dot < 0 ? 0 : plainAbs.length() - dot - 1;
        }

        boolean numeric() {
            return !plainAbs.isEmpty() && plainAbs.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch == '.');
        }
    }

    /** A cell: text, a number, or empty; {@code span} data columns wide (header cells may span several). */
    public record Cell(Label text, Num num, int span) {
        public static final Cell EMPTY = new Cell(null, null, 1);
        /** A statistic that could not be computed: never a number, always explained by {@link #MISSING_NOTE}. */
        public static final Cell MISSING = new Cell(Label.plain("n/a"), null, 1);
        /** The note a table with a {@link #MISSING} cell carries. */
        public static final String MISSING_NOTE = "n/a: could not be computed.";

        public Cell {
            if (span < 1) {
                throw new IllegalArgumentException("span must be >= 1");
            }
            if (text != null && num != null) {
                throw new IllegalArgumentException("a cell is text or a number, not both");
            }
        }

        public static Cell text(Label l) {
            return new Cell(l, null, 1);
        }

        public static Cell text(String s) {
            return new Cell(Label.plain(s), null, 1);
        }

        public static Cell span(Label l, int span) {
            return new Cell(l, null, span);
        }

        public static Cell num(Num n) {
            return new Cell(null, n, 1);
        }

        /** The cell as plain text (CSV, tests). */
        public String plain() {
            return num != null ? num.display() : text != null ? text.text() : "";
        }
    }

    /** The cell texts of every row as plain strings, header then body (tests and CSV-like checks). */
    public List<List<String>> plainRows() {
        List<List<String>> out = new ArrayList<>();
        for (List<Row> part : List.of(header, body)) {
            for (Row r : part) {
                List<String> cells = new ArrayList<>();
                for (Cell c : r.cells()) {
                    cells.add(c.plain());
                    for (int i = 1; i < c.span(); i++) {
                        cells.add("");
                    }
                }
                out.add(cells);
            }
        }
        return out;
    }

    /** "Table 5. Title", "Table A1: Title", "Table 3 - Title": the number and the title after it. */
    private static final Pattern OWN_NUMBER = Pattern.compile(
            "Table\\s+([A-Z]?[0-9]{1,3}[a-z]?)\\s*[.:\\u2013\\u2014-]\\s*(\\S.*)", Pattern.DOTALL);

    /**
     * The plain-data view the templates get (maps, lists, strings, numbers, booleans and LaTeX markup only).
     * Keys are documented in docs/tables.md.
     */
    public Map<String, Object> toTemplateModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind);
        m.put("title", label(title));
        // a title that carries its own number ("Table 5. ...") is captioned under that number, not numbered twice
        Matcher own = OWN_NUMBER.matcher(title.text());
        if (!title.isRaw() && own.matches()) {
            m.put("number", own.group(1));
            m.put("caption", label(Label.plain(own.group(2))));
        } else {
            m.put("caption", label(title));
        }
        m.put("columns", columns);
        m.put("siunitx", siunitx);
        m.put("sformats", siunitxFormats());
        m.put("align", align);
        int[] widest = TexLayout.widestNumbers(this);
        m.put("header", rows(header, widest));
        m.put("body", rows(body, widest));
        // LaTeX layout: the columns that wrap and their shares, the narrowest they may get (docs/tables.md)
        m.put("wrap", TexLayout.wrapShares(this).stream().map(w -> w == null ? "" : w).toList());
        m.put("sspace", TexLayout.siunitxSpace(this).stream().map(p -> p.stream().map(LatexMarkup::of).toList()).toList());
        m.put("wrapMinEm", TexLayout.MIN_WRAP_EM * TexLayout.wrapCount(this));
        List<Object> ns = new ArrayList<>();
        for (Label n : notes) {
            ns.add(label(n));
        }
        m.put("notes", ns);
        return m;
    }

    /** siunitx {@code table-format} of each data column, e.g. "-5.3", from the widest number in it. */
    List<String> siunitxFormats() {
        int[] ints = new int[columns];
        int[] decs = new int[columns];
        boolean[] neg = new boolean[columns];
        for (List<Row> part : List.of(header, body)) {
            for (Row r : part) {
                int col = -1;
                for (Cell c : r.cells()) {
                    if (col >= 0 && c.span() == 1 && c.num() != null && c.num().numeric() && c.num().decimal()) {
                        ints[col] = Math.max(ints[col], c.num().intDigits());
                        decs[col] = Math.max(decs[col], c.num().decimals());
                        neg[col] |= !c.num().sign().isEmpty();
                    }
                    col += c.span();
                }
            }
        }
        List<String> out = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            out.add((neg[i] ? "-" : "") + Math.max(1, ints[i]) + "." + decs[i]);
        }
        return out;
    }

    private List<Object> rows(List<Row> rows, int[] widest) {
        List<Object> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
            m.put("rule", r.rule());
            m.put("hidden", r.hidden() == null ? "" : r.hidden());
            List<Object> cells = new ArrayList<>(r.cells().size());
            List<String> cmid = new ArrayList<>();
            int col = 1;
            boolean first = true;
            for (Cell c : r.cells()) {
                Map<String, Object> cm = cell(c, first);
                cm.put("col", col - 1);
                if (!first && c.span() == 1 && c.text() != null && !align.get(col - 2).equals("l")) {
                    // a long text in a number column is stacked rather than widening the column
                    List<String> lines = TexLayout.lines(c.text(), TexLayout.lineLimit(widest[col - 2]));
                    if (lines.size() > 1) {
                        cm.put("lines", lines.stream().map(LatexMarkup::of).toList());
                    }
                }
                cells.add(cm);
                if (c.span() > 1 && c.text() != null && !c.text().text().isEmpty()) {
                    cmid.add(col + "-" + (col + c.span() - 1));
                }
                col += c.span();
                first = false;
            }
            m.put("cells", cells);
            m.put("cmidrules", cmid);
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> cell(Cell c, boolean stub) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stub", stub);
        m.put("span", c.span());
        if (c.num() != null) {
            Num n = c.num();
            m.put("type", "num");
            m.put("text", n.display());
            m.put("tex", LatexMarkup.of(Escape.latex(n.display())));
            m.put("sign", n.sign());
            m.put("abs", n.abs());
            m.put("plainAbs", n.plainAbs());
            m.put("numeric", n.numeric());
            m.put("decimal", n.decimal());
            m.put("stars", n.stars());
            m.put("open", n.open());
            m.put("close", n.close());
        } else if (c.text() != null) {
            m.put("type", c.text().text().isEmpty() && !c.text().isRaw() ? "empty" : "text");
            m.put("text", c.text().text());
            m.put("tex", LatexMarkup.of(Escape.tex(c.text())));
        } else {
            m.put("type", "empty");
            m.put("text", "");
            m.put("tex", LatexMarkup.of(""));
        }
        return m;
    }

    private static Map<String, Object> label(Label l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", l.text());
        m.put("tex", LatexMarkup.of(Escape.tex(l)));
        return m;
    }
}
