/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.PartnershipReport.CountRow;
import uk.resolve.domain.report.ReportTable;
import uk.resolve.domain.report.ReportTables;
import uk.resolve.domain.time.UkTime;
import uk.resolve.pdf.PdfDocument;
import uk.resolve.pdf.PdfDocument.Bar;
import uk.resolve.pdf.PdfDocument.BarChart;
import uk.resolve.pdf.PdfDocument.Block;
import uk.resolve.pdf.PdfDocument.Details;
import uk.resolve.pdf.PdfDocument.Heading;
import uk.resolve.pdf.PdfDocument.Item;
import uk.resolve.pdf.PdfDocument.Pair;
import uk.resolve.pdf.PdfDocument.Paragraph;
import uk.resolve.pdf.PdfDocument.Subheading;
import uk.resolve.pdf.PdfDocument.Table;
import uk.resolve.pdf.PdfRenderer;

/**
 * The partnership's annual summary as a PDF: the report's tables and bar charts as blocks of a
 * {@link PdfDocument}, laid out by the same {@link PdfRenderer} as forms and the chronology, and
 * written as PDF/A-2b (fonts embedded, XMP metadata, sRGB output intent) for the board's archive.
 */
public final class ReportPdf {

    /** The document's title, on its first page, in its footer and in its metadata. */
    public static final String TITLE = "Resolution of professional differences: monitoring report";
    /** A summary for a printed annual report: beyond this many items a list points to its CSV file. */
    static final int MAX_LISTED = 100;
    private static final String NONE_HERE = "None in this period.";

    private final PartnershipReport report;
    private final List<Block> blocks = new ArrayList<>();

    private ReportPdf(PartnershipReport report) {
        this.report = report;
    }

    /** Writes the report to {@code file}, replacing it only once the new one is complete. */
    public static void write(PartnershipReport report, Path file) throws IOException {
        new PdfRenderer().write(document(report), true, report.asAt(), file);
    }

    /** What the report's PDF says, block by block. */
    public static PdfDocument document(PartnershipReport report) {
        return new ReportPdf(report).build();
    }

    private PdfDocument build() {
        blocks.add(new Paragraph("For the partnership's annual report on the use of its procedure.", false));
        blocks.add(new Details(List.of(
                new Pair("Procedure:", report.procedure()),
                new Pair("Period:", report.query().period().describe() + " (cases raised in the period)"),
                new Pair("Figures as at:", UkTime.format(report.asAt())))));
        blocks.add(new Paragraph("Anonymised: this report contains no child names or references. Sample cases are"
                + " left out. Working days exclude weekends and the bank holidays of the calendar each procedure"
                + " names (England and Wales unless it says otherwise).", true));
        section(ReportTables.summary(report));
        section(ReportTables.categories(report));
        chart("Escalations raised, by category", report.categories().stream().map(c -> c.counts()).toList());
        section(ReportTables.childStatus(report));
        chart("Escalations raised, by status of the child",
                report.childStatuses().stream().filter(c -> c.raised() > 0).toList());
        agencies();
        section(ReportTables.resolutionStage(report));
        chart("Resolved, by stage of resolution", report.resolutionStages().stream()
                .map(s -> new CountRow("Stage " + s.stage(), s.resolved(), 0, 0, 0)).toList());
        stageTimes();
        // the deadlines kept are in a table of their own: thirteen columns do not fit a page
        ReportTable totals = ReportTables.totalTimes(report);
        int figures = totals.columns().size() - 3;
        section(new ReportTable(totals.id(), totals.title(), totals.note(), totals.columns().subList(0, figures),
                totals.rows().stream().map(r -> r.subList(0, figures)).toList()));
        ReportTable overdue = ReportTables.overdue(report);
        section(new ReportTable(overdue.id(), overdue.title(), overdue.note(), overdue.columns(),
                overdue.rows().stream().limit(MAX_LISTED).toList()));
        more(overdue, overdue.rows().size() - MAX_LISTED);
        learning();
        feedback();
        return new PdfDocument(TITLE, "Monitoring report for the partnership · anonymised", null,
                report.procedure() + " · " + report.query().period().describe(), "Resolve", false, blocks);
    }

    private void heading(ReportTable table) {
        blocks.add(new Heading(table.title()));
        if (!table.note().isEmpty()) {
            blocks.add(new Paragraph(table.note(), true));
        }
    }

    private void section(ReportTable table) {
        heading(table);
        blocks.add(new Table(table.columns(), table.rows(), NONE_HERE));
    }

    private void chart(String title, List<CountRow> rows) {
        blocks.add(new BarChart(title, rows.stream().map(r -> new Bar(r.label(), r.raised())).toList()));
    }

    /**
     * One small table per procedure, the stage's title and timescales in the last column so that
     * the figures of a stage stay on one line.
     */
    private void stageTimes() {
        ReportTable all = ReportTables.stageTimes(report);
        heading(all);
        List<String> procedures = report.stageTimes().stream().map(t -> t.procedure()).distinct().toList();
        if (procedures.isEmpty()) {
            blocks.add(new Table(List.of("Stage"), List.of(), NONE_HERE));
        }
        for (String procedure : procedures) {
            List<List<String>> rows = new ArrayList<>();
            for (var t : report.stageTimes()) {
                if (t.procedure().equals(procedure)) {
                    String prefix = "Stage " + t.stage() + " — ";
                    String title = t.heading().startsWith(prefix) ? t.heading().substring(prefix.length())
                            : t.heading();
                    rows.add(List.of("Stage " + t.stage(), n(t.completedVisits()),
                            ReportTables.average(t.workingDays(), t.completedVisits()),
                            t.completedVisits() == 0 ? ReportTables.NONE : n(t.longest()), n(t.met()), n(t.notMet()),
                            n(t.noTimescale()), n(t.inProgress()), n(t.inProgressPast()),
                            (t.track() == null ? "" : t.track() + ": ") + title + ". Timescale: " + t.timescale()));
                }
            }
            blocks.add(new Subheading(procedure));
            blocks.add(new Table(List.of("Stage", "Visits completed", "Average working days", "Longest", "Met",
                    "Not met", "No timescale", "At stage now", "Now past timescale", "Stage and timescale"), rows,
                    NONE_HERE));
        }
        deadlinesKept();
    }

    /** Deadlines met on time, met late and open past due, for each stage that has a timescale. */
    private void deadlinesKept() {
        List<List<String>> rows = new ArrayList<>();
        for (var t : report.stageTimes()) {
            if (!"none".equals(t.timescale())) {
                rows.add(List.of(t.procedure(), t.track() == null ? "" : t.track(), "Stage " + t.stage(),
                        n(t.deadlines().metOnTime()), n(t.deadlines().metLate()), n(t.deadlines().openOverdue())));
            }
        }
        blocks.add(new Heading("Deadlines kept at each stage"));
        blocks.add(new Paragraph("Each deadline that applied to a visit to a stage: marked met by its due time, met"
                + " after it, or still open and past due.", true));
        blocks.add(new Table(List.of("Procedure", "Track", "Stage", "Met on time", "Met late", "Open and overdue"),
                rows, NONE_HERE));
    }

    /** The agency matrix fits a page up to five receiving agencies; beyond that, one line per pair. */
    private void agencies() {
        ReportTable matrix = ReportTables.agencies(report);
        var m = report.agencies();
        if (m.receiving().size() <= 5) {
            section(matrix);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < m.raising().size(); i++) {
                for (int j = 0; j < m.receiving().size(); j++) {
                    if (m.count(i, j) > 0) {
                        rows.add(List.of(m.raising().get(i), m.receiving().get(j), n(m.count(i, j))));
                    }
                }
            }
            section(new ReportTable(matrix.id(), matrix.title(), "Each pair of agencies with at least one case.",
                    List.of("Raising agency", "Receiving agency", "Cases"), rows));
        }
        List<CountRow> totals = new ArrayList<>();
        for (int i = 0; i < m.raising().size(); i++) {
            totals.add(new CountRow(m.raising().get(i), m.rowTotal(i), 0, 0, 0));
        }
        chart("Escalations raised, by raising agency", totals);
    }

    private void learning() {
        ReportTable t = ReportTables.learning(report);
        heading(t);
        report.learning().stream().limit(MAX_LISTED).forEach(l -> blocks.add(new Item(l.procedure() + " · "
                + l.category() + " · resolved at stage " + l.stage() + " on " + UkTime.formatDate(l.resolvedOn()),
                null, l.learning(), List.of())));
        none(report.learning().isEmpty());
        more(t, report.learning().size() - MAX_LISTED);
    }

    private void feedback() {
        ReportTable t = ReportTables.feedback(report);
        heading(t);
        report.feedback().stream().limit(MAX_LISTED).forEach(f -> blocks.add(new Item(f.procedure() + " · "
                + f.form() + " · stage " + f.stage(), null, "Effectiveness: " + orNone(f.effectiveness())
                + "\nSuggestions: " + orNone(f.suggestions()), List.of())));
        none(report.feedback().isEmpty());
        more(t, report.feedback().size() - MAX_LISTED);
    }

    private void none(boolean empty) {
        if (empty) {
            blocks.add(new Paragraph(NONE_HERE, true));
        }
    }

    private void more(ReportTable table, int left) {
        if (left > 0) {
            blocks.add(new Paragraph("… and " + left + " more: see " + table.fileName() + ".", true));
        }
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? ReportTables.NONE : s;
    }

    private static String n(long value) {
        return Long.toString(value);
    }
}
