package io.olmp.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The comparison as an aligned text table and as an HTML table. */
public final class ComparisonTable {

    static final List<String> HEADER = List.of("run", "method", "architecture", "data", "delivered", "ratio", "kept",
            "reference test", "delivered test", "last loop ratio", "last loop test", "wall", "evaluations");

    private ComparisonTable() {}

    public static List<List<String>> cells(List<ComparisonRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (ComparisonRow r : rows) {
            cells.add(List.of(r.run(), r.method(), r.architecture(), r.data(), r.delivered(),
                    String.format(Locale.ROOT, "%.1fx", r.compressionRatio()),
                    String.format(Locale.ROOT, "%,d / %,d", r.kept(), r.size()),
                    percent(r.referenceTestAccuracy()), percent(r.finalTestAccuracy()),
                    String.format(Locale.ROOT, "%.1fx", r.lastCompressionRatio()), percent(r.lastTestAccuracy()),
                    duration(r.wallSeconds()), String.format(Locale.ROOT, "%,d", r.evaluations())));
        }
        return cells;
    }

    public static String text(List<ComparisonRow> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(cells(rows));
        int[] width = new int[HEADER.size()];
        lines.forEach(line -> {
            for (int i = 0; i < line.size(); i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                boolean numeric = i >= 4;
                String format = "%" + (numeric ? "" : "-") + width[i] + "s";
                text.append(String.format(format, line.get(i))).append(i + 1 < line.size() ? "  " : "");
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }

    public static String html(List<ComparisonRow> rows, List<String> images) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<title>olmp compare</title><style>body{font-family:sans-serif}table{border-collapse:collapse}"
                + "td,th{border:1px solid #999;padding:3px 8px}td.n{text-align:right}</style></head><body>\n"
                + "<h1>olmp compare</h1>\n<table>\n<tr>");
        HEADER.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> line : cells(rows)) {
            html.append("<tr>");
            for (int i = 0; i < line.size(); i++) {
                html.append(i >= 4 ? "<td class=\"n\">" : "<td>").append(escape(line.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        images.forEach(src -> html.append("<p><img src=\"").append(escape(src)).append("\" alt=\"")
                .append(escape(src)).append("\"></p>\n"));
        return html.append("</body></html>\n").toString();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
