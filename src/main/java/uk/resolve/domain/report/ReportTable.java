/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

import java.util.List;

/**
 * One table of a report, as text ready to show, print or export.
 *
 * @param id      a stable name, used for the CSV file ({@code id}.csv)
 * @param title   the heading shown above it
 * @param note    what it counts, in a sentence; may be empty
 * @param columns the column headings
 * @param rows    the cells, each row as long as {@code columns}
 */
public record ReportTable(String id, String title, String note, List<String> columns, List<List<String>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException(id + ": a row has " + r.size() + " cells for " + columns.size()
                        + " columns");
            }
        }
    }

    public String fileName() {
        return id + ".csv";
    }

    /** The cell in {@code column} of the first row whose first cell is {@code key}, or null. */
    public String cell(String key, String column) {
        int c = columns.indexOf(column);
        return rows.stream().filter(r -> r.get(0).equals(key)).findFirst().map(r -> r.get(c)).orElse(null);
    }
}
