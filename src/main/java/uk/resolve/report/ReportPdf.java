/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.PartnershipReport.CountRow;
import uk.resolve.domain.report.ReportCalculator;
import uk.resolve.domain.report.ReportTable;
import uk.resolve.domain.report.ReportTables;
import uk.resolve.domain.time.UkTime;
import uk.resolve.pdf.EmbeddedFonts;

/**
 * The partnership's annual summary as a PDF: A4, DejaVu Sans embedded, the report's tables with
 * bar charts drawn as vector graphics, and "Page n of N" on every page. Needs no display.
 */
public final class ReportPdf {

    static final float MARGIN = 50;
    /** A summary for a printed annual report: beyond this many items a list points to its CSV file. */
    static final int MAX_LISTED = 100;
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s]+");
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color MUTED = new Color(0x55, 0x5f, 0x6d);
    private static final Color RULE = new Color(0xc8, 0xcd, 0xd4);
    private static final Color HEADER_FILL = new Color(0xe8, 0xec, 0xf1);
    private static final Color BAR = new Color(0x2f, 0x6f, 0xab);

    private final PartnershipReport report;
    private PDDocument doc;
    private PDType0Font regular;
    private PDType0Font bold;
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    private ReportPdf(PartnershipReport report) {
        this.report = report;
    }

    /** Writes the report to {@code file}, replacing it only once the new one is complete. */
    public static void write(PartnershipReport report, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Path temp = file.resolveSibling("." + file.getFileName() + ".part");
        try (EmbeddedFonts fonts = EmbeddedFonts.borrow(); PDDocument d = new ReportPdf(report).build(fonts)) {
            d.save(temp.toFile());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        CsvExport.move(temp, file);
    }

    private PDDocument build(EmbeddedFonts fonts) throws IOException {
        doc = new PDDocument();
        try {
            regular = fonts.regular(doc);
            bold = fonts.bold(doc);
            info();
            newPage();
            cover();
            section(ReportTables.summary(report), null);
            section(ReportTables.categories(report), () -> chart("Escalations raised, by category",
                    report.categories().stream().map(c -> c.counts()).toList()));
            section(ReportTables.childStatus(report), () -> chart("Escalations raised, by status of the child",
                    report.childStatuses().stream().filter(c -> c.raised() > 0).toList()));
            agencies();
            section(ReportTables.resolutionStage(report), () -> chart("Resolved, by stage of resolution",
                    report.resolutionStages().stream().map(s -> new CountRow("Stage " + s.stage(), s.resolved(), 0, 0, 0))
                            .toList()));
            stageTimes();
            section(ReportTables.totalTimes(report), null);
            ReportTable overdue = ReportTables.overdue(report);
            section(new ReportTable(overdue.id(), overdue.title(), overdue.note(), overdue.columns(),
                    overdue.rows().stream().limit(MAX_LISTED).toList()), null);
            y += 14;
            more(overdue, overdue.rows().size() - MAX_LISTED);
            y -= 14;
            learning();
            feedback();
            cs.close();
            cs = null;
            pageNumbers();
            return doc;
        } catch (IOException | RuntimeException e) {
            if (cs != null) {
                cs.close();
            }
            doc.close();
            throw e;
        }
    }

    private void info() {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("Resolution of professional differences: monitoring report, " + report.query().period().describe());
        info.setSubject(report.procedure());
        info.setCreator("Resolve");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone(UkTime.ZONE));
        created.setTimeInMillis(report.asAt().toEpochMilli());
        info.setCreationDate(created);
    }

    // ---- layout ---------------------------------------------------------------------------

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN + 20) {
            newPage();
        }
    }

    private void cover() throws IOException {
        text(bold, 18, MARGIN, y - 18, "Resolution of professional differences", INK);
        y -= 26;
        text(regular, 13, MARGIN, y - 13, "Monitoring report for the partnership's annual report", MUTED);
        y -= 28;
        String[][] facts = {
                {"Procedure", report.procedure()},
                {"Period", report.query().period().describe() + " (cases raised in the period)"},
                {"Figures as at", UkTime.format(report.asAt())}};
        for (String[] f : facts) {
            text(bold, 10, MARGIN, y - 10, f[0] + ":", INK);
            text(regular, 10, MARGIN + 80, y - 10, f[1], INK);
            y -= 15;
        }
        y -= 4;
        for (String line : wrap("Anonymised: this report contains no child names or references. Sample cases are"
                + " left out. Working days exclude weekends and bank holidays in England and Wales.", regular, 9, WIDTH)) {
            text(regular, 9, MARGIN, y - 9, line, MUTED);
            y -= 12;
        }
        y -= 10;
    }

    private void section(ReportTable table, Chart chart) throws IOException {
        float height = tableHeight(table, 8.5f);
        if (height < 260 && y - height - 60 < MARGIN + 20) {
            newPage();
        }
        heading(table);
        table(table, 8.5f);
        if (chart != null) {
            chart.draw();
        }
        y -= 14;
    }

    private interface Chart {
        void draw() throws IOException;
    }

    private void heading(ReportTable table) throws IOException {
        List<String> note = table.note().isEmpty() ? List.of() : wrap(table.note(), regular, 8.5f, WIDTH);
        need(18 + note.size() * 11 + 40);
        text(bold, 12, MARGIN, y - 12, table.title(), INK);
        y -= 18;
        for (String line : note) {
            text(regular, 8.5f, MARGIN, y - 8.5f, line, MUTED);
            y -= 11;
        }
        y -= 3;
    }

    /**
     * One small table per procedure, the stage's title and timescales in the last column so that
     * the figures of a stage stay on one line.
     */
    private void stageTimes() throws IOException {
        ReportTable all = ReportTables.stageTimes(report);
        heading(all);
        List<String> procedures = report.stageTimes().stream().map(t -> t.procedure()).distinct().toList();
        if (procedures.isEmpty()) {
            table(new ReportTable(all.id(), all.title(), "", List.of("Stage"), List.of()), 8.5f);
        }
        for (String procedure : procedures) {
            List<List<String>> rows = new ArrayList<>();
            for (var t : report.stageTimes()) {
                if (t.procedure().equals(procedure)) {
                    String title = t.heading().startsWith("Stage " + t.stage() + " — ")
                            ? t.heading().substring(("Stage " + t.stage() + " — ").length()) : t.heading();
                    rows.add(List.of("Stage " + t.stage(), Integer.toString(t.completedVisits()),
                            ReportTables.average(t.workingDays(), t.completedVisits()),
                            t.completedVisits() == 0 ? ReportTables.NONE : Integer.toString(t.longest()),
                            Integer.toString(t.met()), Integer.toString(t.notMet()), Integer.toString(t.noTimescale()),
                            Integer.toString(t.inProgress()), Integer.toString(t.inProgressPast()),
                            (t.track() == null ? "" : t.track() + ": ") + title + ". Timescale: " + t.timescale()));
                }
            }
            ReportTable part = new ReportTable(all.id(), procedure, "", List.of("Stage", "Visits completed",
                    "Average working days", "Longest", "Met", "Not met", "No timescale", "At stage now",
                    "Now past timescale", "Stage and timescale"), rows);
            float height = tableHeight(part, 8f) + 16;
            if (height < 420 && y - height < MARGIN + 20) {
                newPage();
            }
            need(16 + 40);
            text(bold, 10, MARGIN, y - 10, procedure, INK);
            y -= 15;
            table(part, 8f);
            y -= 8;
        }
        y -= 6;
    }

    private void learning() throws IOException {
        ReportTable t = ReportTables.learning(report);
        List<String[]> items = report.learning().stream().limit(MAX_LISTED).map(l -> new String[] {
                l.procedure() + " · " + l.category() + " · resolved at stage " + l.stage() + " on "
                        + UkTime.formatDate(l.resolvedOn()), l.learning()}).toList();
        paragraphs(t, items, report.learning().size());
    }

    private void feedback() throws IOException {
        ReportTable t = ReportTables.feedback(report);
        List<String[]> items = report.feedback().stream().limit(MAX_LISTED).map(f -> new String[] {
                f.procedure() + " · " + f.form() + " · stage " + f.stage(),
                "Effectiveness: " + (f.effectiveness() == null || f.effectiveness().isBlank() ? ReportTables.NONE
                        : f.effectiveness()),
                "Suggestions: " + (f.suggestions() == null || f.suggestions().isBlank() ? ReportTables.NONE
                        : f.suggestions())}).toList();
        paragraphs(t, items, report.feedback().size());
    }

    /** Free text reads better as paragraphs than squeezed into table cells. */
    private void paragraphs(ReportTable table, List<String[]> items, int all) throws IOException {
        heading(table);
        if (items.isEmpty()) {
            text(regular, 8.5f, MARGIN, y - 8.5f, "None in this period.", MUTED);
            y -= 16;
        }
        for (String[] item : items) {
            need(30);
            for (String line : wrap(item[0], bold, 8.5f, WIDTH)) {
                text(bold, 8.5f, MARGIN, y - 8.5f, line, INK);
                y -= 11.5f;
            }
            for (int i = 1; i < item.length; i++) {
                for (String line : wrap(item[i], regular, 9, WIDTH - 12)) {
                    need(12);
                    text(regular, 9, MARGIN + 12, y - 9, line, INK);
                    y -= 12;
                }
            }
            y -= 6;
        }
        more(table, all - items.size());
        y -= 14;
    }

    private void more(ReportTable table, int left) throws IOException {
        if (left > 0) {
            need(14);
            text(regular, 8.5f, MARGIN, y - 8.5f, "… and " + left + " more: see " + table.fileName() + ".", MUTED);
            y -= 14;
        }
    }

    /** The agency matrix fits a page up to five receiving agencies; beyond that, one line per pair. */
    private void agencies() throws IOException {
        ReportTable matrix = ReportTables.agencies(report);
        if (report.agencies().receiving().size() <= 5) {
            section(matrix, () -> chart("Escalations raised, by raising agency", raisingTotals()));
            return;
        }
        var m = report.agencies();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < m.raising().size(); i++) {
            for (int j = 0; j < m.receiving().size(); j++) {
                if (m.count(i, j) > 0) {
                    rows.add(List.of(m.raising().get(i), m.receiving().get(j), Integer.toString(m.count(i, j))));
                }
            }
        }
        section(new ReportTable(matrix.id(), matrix.title(), "Each pair of agencies with at least one case.",
                List.of("Raising agency", "Receiving agency", "Cases"), rows),
                () -> chart("Escalations raised, by raising agency", raisingTotals()));
    }

    private List<CountRow> raisingTotals() {
        var m = report.agencies();
        List<CountRow> rows = new ArrayList<>();
        for (int i = 0; i < m.raising().size(); i++) {
            rows.add(new CountRow(m.raising().get(i), m.rowTotal(i), 0, 0, 0));
        }
        return rows;
    }

    // ---- tables ---------------------------------------------------------------------------

    private void table(ReportTable t, float size) throws IOException {
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            final int col = c;
            if (c == 0 || t.rows().isEmpty() || t.rows().stream().anyMatch(r -> !r.get(col).isBlank())) {
                shown.add(c);
            }
        }
        if (t.rows().isEmpty()) {
            need(14);
            text(regular, size, MARGIN, y - size, "None in this period.", MUTED);
            y -= 16;
            return;
        }
        float fontSize = shown.size() > 8 ? 7f : size;
        float[] widths = widths(t, shown, fontSize);
        boolean[] numeric = new boolean[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            final int col = shown.get(i);
            numeric[i] = i > 0 && t.rows().stream().allMatch(r -> r.get(col).matches("-?[0-9.]+%?|–|"));
        }
        List<String> header = shown.stream().map(t.columns()::get).toList();
        row(header, widths, numeric, bold, fontSize, true);
        for (List<String> r : t.rows()) {
            List<String> cells = shown.stream().map(r::get).toList();
            float h = rowHeight(cells, widths, regular, fontSize);
            if (y - h < MARGIN + 20) {
                newPage();
                row(header, widths, numeric, bold, fontSize, true);
            }
            boolean total = "Total".equals(cells.get(0)) || ReportCalculator.ALL_PROCEDURES.equals(cells.get(0));
            row(cells, widths, numeric, total ? bold : regular, fontSize, false);
        }
    }

    private float tableHeight(ReportTable t, float size) throws IOException {
        if (t.rows().isEmpty()) {
            return 30;
        }
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            all.add(c);
        }
        float[] widths = widths(t, all, size);
        float h = rowHeight(t.columns(), widths, bold, size);
        for (List<String> r : t.rows()) {
            h += rowHeight(r, widths, regular, size);
        }
        return h + 40;
    }

    private float[] widths(ReportTable t, List<Integer> shown, float size) throws IOException {
        int n = shown.size();
        float pad = 8;
        float[] min = new float[n];
        float[] want = new float[n];
        for (int i = 0; i < n; i++) {
            int col = shown.get(i);
            List<String> cells = new ArrayList<>();
            cells.add(t.columns().get(col));
            t.rows().forEach(r -> cells.add(r.get(col)));
            boolean numeric = i > 0 && t.rows().stream().allMatch(r -> r.get(col).matches("-?[0-9.]+%?|–|"));
            for (int k = 0; k < cells.size(); k++) {
                String cell = cells.get(k);
                PDType0Font f = k == 0 ? bold : regular;
                float longestWord = 0;
                for (String word : clean(cell).split(" ")) {
                    longestWord = Math.max(longestWord, Math.min(width(f, size, word) + pad, WIDTH / 4));
                }
                min[i] = Math.max(min[i], longestWord);
                if (k > 0) {
                    // short cells ("Stage 1", "22 Apr 2027") read badly broken
                    min[i] = Math.max(min[i], Math.min(width(f, size, cell) + pad, 62));
                }
                // a figure's heading may wrap, so that text columns get the room
                want[i] = Math.max(want[i], k == 0 && numeric ? longestWord : width(f, size, cell) + pad);
            }
        }
        float sumWant = sum(want);
        if (sumWant <= WIDTH) {
            want[0] += WIDTH - sumWant > 120 ? 0 : WIDTH - sumWant;
            return want;
        }
        float sumMin = sum(min);
        float[] out = new float[n];
        if (sumMin >= WIDTH) {
            for (int i = 0; i < n; i++) {
                out[i] = min[i] * WIDTH / sumMin;
            }
            return out;
        }
        float spare = WIDTH - sumMin;
        float extra = sumWant - sumMin;
        for (int i = 0; i < n; i++) {
            out[i] = min[i] + spare * (want[i] - min[i]) / extra;
        }
        return out;
    }

    private float rowHeight(List<String> cells, float[] widths, PDType0Font f, float size) throws IOException {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, wrap(cells.get(i), f, size, widths[i] - 8).size());
        }
        return lines * (size + 2.5f) + 6;
    }

    private void row(List<String> cells, float[] widths, boolean[] numeric, PDType0Font f, float size,
                     boolean header) throws IOException {
        float h = rowHeight(cells, widths, f, size);
        need(h);
        float total = sum(widths);
        if (header) {
            fill(HEADER_FILL, MARGIN, y - h, total, h);
        }
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = wrap(cells.get(i), f, size, widths[i] - 8);
            float ly = y - 3 - size;
            for (String line : lines) {
                float lx = numeric[i] && !header ? x + widths[i] - 4 - width(f, size, line) : x + 4;
                text(f, size, lx, ly, line, INK);
                ly -= size + 2.5f;
            }
            x += widths[i];
        }
        y -= h;
        line(RULE, MARGIN, y, MARGIN + total, y);
    }

    // ---- charts ---------------------------------------------------------------------------

    /** A horizontal bar chart of the rows' "raised" figure (the value each row carries). */
    private void chart(String title, List<CountRow> rows) throws IOException {
        if (rows.isEmpty() || rows.stream().allMatch(r -> r.raised() == 0)) {
            return;
        }
        float labelWidth = 170;
        float barArea = WIDTH - labelWidth - 40;
        float barHeight = 11;
        float gap = 5;
        List<List<String>> labels = new ArrayList<>();
        float height = 18;
        for (CountRow r : rows) {
            List<String> l = wrap(r.label(), regular, 8, labelWidth - 6);
            l = l.size() > 2 ? List.of(l.get(0), ellipsis(l.get(1), labelWidth - 6)) : l;
            labels.add(l);
            height += Math.max(barHeight, l.size() * 10) + gap;
        }
        y -= 8;
        need(height + 16);
        text(bold, 9, MARGIN, y - 9, title, MUTED);
        y -= 16;
        int max = rows.stream().mapToInt(CountRow::raised).max().orElse(1);
        float x0 = MARGIN + labelWidth;
        float top = y;
        for (int i = 0; i < rows.size(); i++) {
            List<String> l = labels.get(i);
            float rowH = Math.max(barHeight, l.size() * 10);
            float ly = y - 8;
            for (String s : l) {
                text(regular, 8, MARGIN + labelWidth - 6 - width(regular, 8, s), ly, s, INK);
                ly -= 10;
            }
            int v = rows.get(i).raised();
            float w = max == 0 ? 0 : barArea * v / max;
            fill(BAR, x0, y - barHeight, Math.max(w, v > 0 ? 1 : 0), barHeight);
            text(regular, 8, x0 + w + 4, y - 8.5f, Integer.toString(v), INK);
            y -= rowH + gap;
        }
        line(MUTED, x0, top + 2, x0, y + gap - 2);
        y -= 6;
    }

    // ---- drawing --------------------------------------------------------------------------

    private void text(PDType0Font f, float size, float x, float baseline, String s, Color colour) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(colour);
        cs.setFont(f, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(printable(f, s));
        cs.endText();
    }

    private void fill(Color colour, float x, float yy, float w, float h) throws IOException {
        cs.setNonStrokingColor(colour);
        cs.addRect(x, yy, w, h);
        cs.fill();
    }

    private void line(Color colour, float x1, float y1, float x2, float y2) throws IOException {
        cs.setStrokingColor(colour);
        cs.setLineWidth(0.5f);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    private void pageNumbers() throws IOException {
        int total = doc.getNumberOfPages();
        String left = report.procedure() + " · " + report.query().period().describe() + " · anonymised";
        for (int i = 0; i < total; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                cs = footer;
                String label = "Page " + (i + 1) + " of " + total;
                text(regular, 8, MARGIN, MARGIN - 20, left, MUTED);
                text(regular, 8, MARGIN + WIDTH - width(regular, 8, label), MARGIN - 20, label, MUTED);
            }
        }
        cs = null;
    }

    // ---- text -----------------------------------------------------------------------------

    /** Lines of at most {@code max} points; a word longer than a line is broken. */
    static List<String> wrap(String text, PDType0Font f, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : clean(text).split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (width(f, size, candidate) <= max + 0.5f) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            String rest = word;
            while (width(f, size, rest) > max && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(f, size, rest.substring(0, cut)) > max) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        lines.add(current.toString());
        return lines;
    }

    private String ellipsis(String s, float max) throws IOException {
        String out = s;
        while (out.length() > 1 && width(regular, 8, out + "…") > max) {
            out = out.substring(0, out.length() - 1);
        }
        return out.strip() + "…";
    }

    static float width(PDType0Font f, float size, String s) throws IOException {
        return f.getStringWidth(printable(f, s)) / 1000 * size;
    }

    private static String clean(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** {@code s} with any character the font cannot show replaced by "?". */
    static String printable(PDType0Font f, String s) {
        String c = clean(s);
        try {
            f.encode(c);
            return c;
        } catch (IOException | IllegalArgumentException e) {
            StringBuilder sb = new StringBuilder();
            c.codePoints().forEach(cp -> {
                String one = new String(Character.toChars(cp));
                try {
                    f.encode(one);
                    sb.append(one);
                } catch (IOException | IllegalArgumentException bad) {
                    sb.append('?');
                }
            });
            return sb.toString();
        }
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }
}
