package dev.repro.drift;

import dev.repro.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The drift check as a JUnit XML report, so that CI systems list every compared value as a test case and
 * every drifted one as a failure with its baseline, new value, difference and tolerance.
 */
public final class DriftReports {
    private DriftReports() {
    }

    public static void writeJUnit(Path file, String baselineName, List<DriftItem> items) throws IOException {
        writeJUnit(file, baselineName, items, List.of());
    }

    /**
     * As above, with the head of the drift report ({@link DriftSummary#lines()} and the inputs that changed) as the
     * suite's {@code system-out}, so that a CI page shows the summary before the failed cases.
     */
    public static void writeJUnit(Path file, String baselineName, List<DriftItem> items, List<String> head) throws IOException {
        long failures = items.stream().filter(DriftItem::failed).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"repro.drift\" tests=\"").append(items.size()).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"0\">\n");
        for (DriftItem d : items) {
            sb.append("  <testcase classname=\"").append(xml(baselineName)).append("\" name=\"").append(xml(d.item())).append('"');
            if (!d.failed()) {
                sb.append("/>\n");
                continue;
            }
            String msg = d.status() + ": baseline " + num(d.baseline()) + ", now " + num(d.now()) + ", difference "
                    + num(d.difference()) + ", tolerance " + num(d.tolerance()) + (d.note() == null ? "" : " (" + DriftTable.oneLine(d.note()) + ")");
            sb.append(">\n    <failure type=\"").append(d.status()).append("\" message=\"").append(xml(msg)).append("\"/>\n  </testcase>\n");
        }
        if (!head.isEmpty()) {
            sb.append("  <system-out>").append(xml(String.join("\n", head))).append("</system-out>\n");
        }
        sb.append("</testsuite>\n");
        AtomicFiles.writeString(file, sb.toString());
    }

    private static String num(Double d) {
        return d == null ? "-" : DriftTable.number(d);
    }

    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
