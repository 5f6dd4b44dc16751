/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import uk.resolve.domain.report.ReportTable;

/**
 * Writes report tables as CSV: one file per table, UTF-8 with a byte-order mark (so that Excel on
 * Windows reads dashes and accents correctly), RFC 4180 quoting and CRLF line ends. A cell that a
 * spreadsheet would take for a formula (starting {@code = + - @}) gets a leading apostrophe.
 */
public final class CsvExport {

    private static final String BOM = "\uFEFF";

    private CsvExport() {
    }

    /** Writes every table into {@code folder} (created when missing); returns the files written. */
    public static List<Path> write(List<ReportTable> tables, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (ReportTable t : tables) {
            Path file = folder.resolve(t.fileName());
            Path temp = folder.resolve("." + t.fileName() + ".part");
            Files.writeString(temp, BOM + toCsv(t), StandardCharsets.UTF_8);
            move(temp, file);
            written.add(file);
        }
        return written;
    }

    /** The table as CSV text (without the byte-order mark). */
    public static String toCsv(ReportTable t) {
        StringBuilder sb = new StringBuilder();
        line(sb, t.columns());
        t.rows().forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /** One field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
    public static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException again) {
                Files.deleteIfExists(temp);
                throw again;
            }
        }
    }
}
