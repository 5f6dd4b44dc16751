/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.report;

import java.util.List;

import uk.resolve.domain.report.ReportTable;

/** Report tables as plain text with aligned columns, for the command line. */
public final class ReportText {

    private static final int MAX_CELL = 60;

    private ReportText() {
    }

    public static String render(List<ReportTable> tables) {
        StringBuilder sb = new StringBuilder();
        for (ReportTable t : tables) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(t.title()).append('\n');
            if (t.rows().isEmpty()) {
                sb.append("  None in this period.\n");
                continue;
            }
            int[] widths = new int[t.columns().size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = cell(t.columns().get(c)).length();
                for (List<String> r : t.rows()) {
                    widths[c] = Math.max(widths[c], cell(r.get(c)).length());
                }
            }
            line(sb, t.columns(), widths);
            for (List<String> r : t.rows()) {
                line(sb, r, widths);
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        StringBuilder l = new StringBuilder("  ");
        for (int c = 0; c < cells.size(); c++) {
            String v = cell(cells.get(c));
            l.append(v).append(" ".repeat(widths[c] - v.length()));
            if (c < cells.size() - 1) {
                l.append("  ");
            }
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static String cell(String s) {
        String v = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return v.length() > MAX_CELL ? v.substring(0, MAX_CELL - 1) + "…" : v;
    }
}
