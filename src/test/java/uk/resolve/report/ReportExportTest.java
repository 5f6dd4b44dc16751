/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * Every figure of the report over {@link ReportCases}, read back from the CSV files and the PDF.
 * The expected figures are worked out by hand from the dates in {@link ReportCases}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportExportTest {

    @TempDir
    static Path folder;

    private Services services;
    private ReportCases cases;
    private Path csv;
    private Path pdf;
    private String pdfText;

    @BeforeAll
    void buildCasesAndExport() throws IOException {
        services = Fixtures.services(folder, MutableClock.at(ReportCases.NOW));
        cases = new ReportCases(services);
        PartnershipReport report = services.reports().compute(new ReportQuery(
                new ReportPeriod(LocalDate.parse(ReportCases.FROM), LocalDate.parse(ReportCases.TO)), null));
        csv = folder.resolve("csv");
        pdf = folder.resolve("report.pdf");
        services.reports().exportCsv(report, csv);
        services.reports().exportPdf(report, pdf);
        String keep = System.getProperty("resolve.report.keep");
        if (keep != null) {
            // for looking at the output: mvn test -Dresolve.report.keep=/some/folder
            Files.createDirectories(Path.of(keep));
            Files.copy(pdf, Path.of(keep).resolve("report.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            pdfText = stripper.getText(doc).replaceAll("[ \\t]+", " ");
        }
    }

    @AfterAll
    void close() {
        services.close();
    }

    private List<List<String>> table(String name) throws IOException {
        return Csv.read(csv.resolve(name + ".csv"));
    }

    /** The PDF text from the first {@code start} after the stage-times heading up to and including the line starting at {@code last}. */
    private String pdfSection(String start, String last) {
        int from = pdfText.indexOf(start, pdfText.indexOf("Working days at each stage against"));
        int to = pdfText.indexOf("\n", pdfText.indexOf(last, from) + 1);
        return pdfText.substring(from, to);
    }

    private void pdfHasLines(String... lines) {
        for (String line : lines) {
            assertThat(pdfText).as("PDF line").contains(line + "\n");
        }
    }

    @Test
    void oneCsvFilePerTable() throws IOException {
        try (Stream<Path> files = Files.list(csv)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("agencies.csv",
                    "cases.csv", "categories.csv", "child-status.csv", "feedback.csv", "learning.csv", "overdue.csv",
                    "resolution-stage.csv", "stage-times.csv", "summary.csv", "total-times.csv");
        }
    }

    @Test
    void summaryCountsCasesRaisedInThePeriodAsTheyStandNow() throws IOException {
        assertThat(table("summary")).containsExactly(
                List.of("Figure", "Value"),
                List.of("Procedure", "All procedures"),
                List.of("Period", "1 Dec 2026 to 30 Apr 2027"),
                List.of("Figures as at", "10 May 2027, 12:00"),
                List.of("Escalations raised in the period", "7"),
                List.of("Resolved", "5"),
                List.of("Withdrawn", "1"),
                List.of("Still open", "1"),
                List.of("Still open and past a deadline", "1"),
                List.of("Escalated beyond the first stage", "6"),
                List.of("Started above the first stage (immediate risk)", "1"),
                List.of("Resolved within the procedure's timescales", "1"),
                List.of("Average working days to resolution", "7.6"),
                List.of("Resolved in the period but raised before it", "1"));
        pdfHasLines("Procedure: All procedures", "Period: 1 Dec 2026 to 30 Apr 2027 (cases raised in the period)",
                "Figures as at: 10 May 2027, 12:00",
                "Escalations raised in the period 7", "Resolved 5", "Withdrawn 1", "Still open 1",
                "Still open and past a deadline 1", "Escalated beyond the first stage 6",
                "Started above the first stage (immediate risk) 1", "Resolved within the procedure's timescales 1",
                "Average working days to resolution 7.6", "Resolved in the period but raised before it 1");
    }

    @Test
    void agenciesFormAMatrixMatchedWithoutRegardToCaseOrSpacing() throws IOException {
        assertThat(table("agencies")).containsExactly(
                List.of("Raising agency \\ Receiving agency", "Children's Social Care", "Education", "Health", "Police",
                        "Total"),
                List.of("Health", "0", "1", "0", "1", "2"),
                List.of("Police", "1", "0", "0", "0", "1"),
                List.of("School", "2", "0", "1", "0", "3"),
                List.of("Voluntary sector", "0", "0", "1", "0", "1"),
                List.of("Total", "3", "1", "2", "1", "7"));
        pdfHasLines("Health 0 1 0 1 2", "Police 1 0 0 0 1", "School 2 0 1 0 3", "Voluntary sector 0 0 1 0 1",
                "Total 3 1 2 1 7");
    }

    @Test
    void categoriesAreEachProceduresOwnAndNeverMergedByLabel() throws IOException {
        assertThat(table("categories")).containsExactly(
                List.of("Procedure", "Category", "Raised", "Resolved", "Withdrawn", "Open"),
                List.of("Croydon", "Levels of need", "1", "1", "0", "0"),
                List.of("Croydon", "Roles and responsibilities", "0", "0", "0", "0"),
                List.of("Croydon",
                        "Quality and progression of plans (early help, child in need, child protection, looked after)",
                        "0", "0", "0", "0"),
                List.of("Croydon", "Communication", "1", "1", "0", "0"),
                List.of("Havering", "Levels of need", "1", "1", "0", "0"),
                List.of("Havering", "Roles and responsibilities", "1", "0", "1", "0"),
                List.of("Havering", "The need for action", "0", "0", "0", "0"),
                List.of("Havering", "Progressing plans and communication", "0", "0", "0", "0"),
                List.of("North Somerset", "Thresholds and levels of need", "1", "1", "0", "0"),
                List.of("North Somerset", "A decision or action that is not safe", "0", "0", "0", "0"),
                List.of("North Somerset", "A decision or action that is inappropriate", "0", "0", "0", "0"),
                List.of("North Somerset", "A decision or action that creates a significant issue", "0", "0", "0", "0"),
                List.of("North Somerset", "A service requested but not provided", "1", "0", "0", "1"),
                List.of("North Somerset", "Lack of clarity in working together", "0", "0", "0", "0"),
                List.of("Safety of Children policy", "Levels of need", "0", "0", "0", "0"),
                List.of("Safety of Children policy", "Roles and responsibilities", "0", "0", "0", "0"),
                List.of("Safety of Children policy", "The need for action", "1", "1", "0", "0"),
                List.of("Safety of Children policy", "Communication", "0", "0", "0", "0"));
        pdfHasLines("Croydon Levels of need 1 1 0 0", "Havering Roles and responsibilities 1 0 1 0",
                "Croydon Communication 1 1 0 0", "Safety of Children policy The need for action 1 1 0 0",
                "Havering Progressing plans and communication 0 0 0 0",
                "North Somerset Thresholds and levels of need 1 1 0 0",
                "North Somerset A service requested but not provided 1 0 0 1");
    }

    @Test
    void childStatusesIncludeNotStated() throws IOException {
        assertThat(table("child-status")).containsExactly(
                List.of("Child status", "Raised", "Resolved", "Withdrawn", "Open"),
                List.of("Early help", "1", "1", "0", "0"),
                List.of("Child in need", "2", "2", "0", "0"),
                List.of("Child protection plan", "2", "2", "0", "0"),
                List.of("Looked after child", "1", "0", "0", "1"),
                List.of("Adult at risk", "0", "0", "0", "0"),
                List.of("Not stated", "1", "0", "1", "0"));
        pdfHasLines("Early help 1 1 0 0", "Child in need 2 2 0 0", "Child protection plan 2 2 0 0",
                "Looked after child 1 0 0 1", "Adult at risk 0 0 0 0", "Not stated 1 0 1 0");
    }

    @Test
    void stageOfResolutionCountsTheResolvedOnly() throws IOException {
        assertThat(table("resolution-stage")).containsExactly(
                List.of("Stage", "Resolved", "Share of resolved"),
                List.of("Stage 1", "1", "20%"),
                List.of("Stage 2", "3", "60%"),
                List.of("Stage 3", "1", "20%"),
                List.of("Stage 4", "0", "0%"),
                List.of("Stage 5", "0", "0%"));
        pdfHasLines("Stage 1 1 20%", "Stage 2 3 60%", "Stage 3 1 20%", "Stage 4 0 0%", "Stage 5 0 0%");
    }

    @Test
    void stageVisitsAreComparedWithStageAndSharedTimescalesInWorkingDays() throws IOException {
        List<List<String>> rows = table("stage-times");
        assertThat(rows.get(0)).containsExactly("Procedure", "Track", "Stage", "Timescale", "Visits completed",
                "Average working days", "Longest", "Met", "Not met", "No timescale", "At stage now",
                "Now past timescale", "Deadlines met on time", "Deadlines met late", "Deadlines open and overdue");
        String shared = "5 working days from when the concern was raised (shared across stages 1, 2, 3)";
        // procedure, stage, timescale, then the figures
        List<List<String>> expected = List.of(
                List.of("Croydon", "1", "7 working days", "2", "6.5", "7", "2", "0", "0", "0", "0", "0", "0", "0"),
                List.of("Croydon", "2", "7 working days", "1", "8.0", "8", "0", "1", "0", "0", "0", "0", "0", "0"),
                List.of("Croydon", "3", "7 working days", "0", "–", "–", "0", "0", "0", "0", "0", "0", "0", "0"),
                List.of("Croydon", "4", "7 working days", "0", "–", "–", "0", "0", "0", "0", "0", "0", "0", "0"),
                List.of("Croydon", "5", "7 working days", "0", "–", "–", "0", "0", "0", "0", "0", "0", "0", "0"),
                List.of("Havering", "1", "5 working days from when the concern was raised", "2", "5.0", "6", "1", "1",
                        "0", "0", "0", "0", "0", "0"),
                List.of("Havering", "2", "none", "2", "3.0", "3", "0", "0", "2", "0", "0", "0", "0", "0"),
                List.of("Havering", "3", "none", "0", "–", "–", "0", "0", "0", "0", "0", "0", "0", "0"),
                List.of("Havering", "4", "none", "0", "–", "–", "0", "0", "0", "0", "0", "0", "0", "0"),
                List.of("North Somerset", "1", "1 working day; 24 hours from the first discussion; " + shared, "2", "1.5",
                        "2", "1", "1", "0", "0", "0", "0", "0", "0"),
                List.of("North Somerset", "2", "2 working days; " + shared, "1", "2.0", "2", "1", "0", "0", "1", "1", "0", "0", "1"),
                List.of("North Somerset", "3", "3 working days; " + shared, "1", "2.0", "2", "0", "1", "0", "0", "0", "0", "0", "0"),
                List.of("North Somerset", "4", "5 working days", "0", "–", "–", "0", "0", "0", "0", "0", "0", "0", "0"),
                List.of("North Somerset", "5", "none", "0", "–", "–", "0", "0", "0", "0", "0", "0", "0", "0"),
                List.of("Safety of Children policy", "1", "none", "0", "–", "–", "0", "0", "0", "0", "0", "0", "0", "0"),
                List.of("Safety of Children policy", "2", "none", "1", "2.0", "2", "0", "0", "1", "0", "0", "0", "0", "0"),
                List.of("Safety of Children policy", "3", "none", "0", "–", "–", "0", "0", "0", "0", "0", "0", "0", "0"),
                List.of("Safety of Children policy", "4", "none", "0", "–", "–", "0", "0", "0", "0", "0", "0", "0", "0"));
        assertThat(rows).hasSize(expected.size() + 1);
        // in the PDF, one table per procedure, a stage's figures on one line followed by its title
        for (List<String> want : expected) {
            String procedureSection = pdfSection(want.get(0) + "\n", "\n" + "Stage " + expected.stream()
                    .filter(w -> w.get(0).equals(want.get(0))).map(w -> w.get(1)).reduce((a, b) -> b).orElseThrow());
            assertThat(procedureSection).contains("\nStage " + want.get(1) + " "
                    + String.join(" ", want.subList(3, want.size() - 3)) + " ");
        }
        // and the deadlines kept, in a table of their own
        pdfHasLines("Croydon Stage 1 0 0 0", "North Somerset Stage 2 0 0 1");
        for (int i = 0; i < expected.size(); i++) {
            List<String> row = rows.get(i + 1);
            List<String> want = expected.get(i);
            assertThat(row.get(0)).isEqualTo(want.get(0));
            assertThat(row.get(1)).as("track").isEmpty();
            assertThat(row.get(2)).startsWith("Stage " + want.get(1) + " — ");
            assertThat(row.subList(3, row.size())).as(row.get(0) + " " + row.get(2))
                    .containsExactlyElementsOf(want.subList(2, want.size()));
        }
    }

    @Test
    void totalWorkingDaysAreCountedAcrossBankHolidays() throws IOException {
        assertThat(table("total-times")).containsExactly(
                List.of("Procedure", "Resolved", "Average working days", "Shortest", "Longest", "Within timescales",
                        "Over timescales", "No timescale", "Deadlines met on time", "Deadlines met late",
                        "Deadlines open and overdue"),
                List.of("Croydon", "2", "10.5", "6", "15", "1", "1", "0", "0", "0", "0"),
                List.of("Havering", "1", "9.0", "9", "9", "0", "1", "0", "0", "0", "0"),
                List.of("North Somerset", "1", "6.0", "6", "6", "0", "1", "0", "0", "0", "1"),
                List.of("Safety of Children policy", "1", "2.0", "2", "2", "0", "0", "1", "0", "0", "0"),
                List.of("All procedures", "5", "7.6", "2", "15", "1", "3", "1", "0", "0", "1"));
        // in the PDF the deadlines kept are a table of their own
        pdfHasLines("Croydon 2 10.5 6 15 1 1 0", "Havering 1 9.0 9 9 0 1 0", "North Somerset 1 6.0 6 6 0 1 0",
                "Safety of Children policy 1 2.0 2 2 0 0 1", "All procedures 5 7.6 2 15 1 3 1");
    }

    @Test
    void openCasesPastTheirDeadlineShowTheFirstDeadlineMissed() throws IOException {
        assertThat(table("overdue")).containsExactly(
                List.of("Case", "Procedure", "Stage", "Due", "Working days past due", "Deadline", "Raising agency",
                        "Receiving agency"),
                List.of(ReportCases.ref(cases.c4), "North Somerset", "2", "22 Apr 2027", "11",
                        "Resolve at second tier or escalate", "Police", "Children's Social Care"));
        // the first line of the row: long names wrap onto the next
        assertThat(pdfText).containsPattern(ReportCases.ref(cases.c4)
                + " North( Somerset)? 2 22 Apr 2027 11 Resolve at( second)?( tier or escalate)? Police Children's");
    }

    @Test
    void learningIsListedWithChildDetailsRemoved() throws IOException {
        assertThat(table("learning")).containsExactly(
                List.of("Procedure", "Category", "Resolved at stage", "Resolved on", "Learning"),
                List.of("Croydon", "Levels of need", "2", "18 Jan 2027",
                        "Agree thresholds at the strategy meeting for [removed] ([removed]); [removed]'s school was not"
                                + " invited."),
                List.of("Havering", "Levels of need", "2", "12 Mar 2027", "Escalate sooner; see also [removed]."),
                List.of("Croydon", "Communication", "1", "1 Apr 2027", "Share minutes within two days."));
        assertThat(pdfText.replace("\n", " ")).contains("Agree thresholds at the strategy meeting for [removed]"
                + " ([removed]); [removed]'s school was not invited.");
        pdfHasLines("Croydon · Levels of need · resolved at stage 2 on 18 Jan 2027",
                "Havering · Levels of need · resolved at stage 2 on 12 Mar 2027", "Escalate sooner; see also [removed].",
                "Croydon · Communication · resolved at stage 1 on 1 Apr 2027", "Share minutes within two days.");
    }

    @Test
    void feedbackComesFromCompletedMonitoringForms() throws IOException {
        assertThat(table("feedback")).containsExactly(
                List.of("Procedure", "Form", "Stage", "Effectiveness", "Suggestions"),
                List.of("North Somerset", "Monitoring Form (Appendix 2)", "3",
                        "The stages were clear and [removed] was kept safe.", "Add a flowchart, with \"named\" contacts"));
        assertThat(Files.readString(csv.resolve("feedback.csv"), StandardCharsets.UTF_8))
                .contains(",\"Add a flowchart, with \"\"named\"\" contacts\"\r\n");
        pdfHasLines("North Somerset · Monitoring Form (Appendix 2) · stage 3",
                "Effectiveness: The stages were clear and [removed] was kept safe.",
                "Suggestions: Add a flowchart, with \"named\" contacts");
    }

    @Test
    void everyCaseRaisedInThePeriodHasOneAnonymisedLine() throws IOException {
        assertThat(table("cases")).containsExactly(
                List.of("Case", "Procedure", "Raised on", "Raising agency", "Receiving agency", "Category",
                        "Child status", "Status", "Highest stage", "Resolved at stage", "Working days", "Timescales"),
                List.of(ReportCases.ref(cases.c1), "Croydon", "23 Dec 2026", "School", "Children's Social Care",
                        "Levels of need", "Child in need", "resolved", "2", "2", "15", "not met"),
                List.of(ReportCases.ref(cases.c3), "North Somerset", "24 Dec 2026", "School", "Health",
                        "Thresholds and levels of need", "Early help", "resolved", "3", "3", "6", "not met"),
                List.of(ReportCases.ref(cases.c5), "Havering", "1 Feb 2027", "Voluntary sector", "Health",
                        "Roles and responsibilities", "Not stated", "withdrawn", "2", "", "7", "met"),
                List.of(ReportCases.ref(cases.c6), "Havering", "1 Mar 2027", "School", "Children's Social Care",
                        "Levels of need", "Child protection plan", "resolved", "2", "2", "9", "not met"),
                List.of(ReportCases.ref(cases.c2), "Croydon", "22 Mar 2027", "Health", "Police", "Communication",
                        "Child protection plan", "resolved", "1", "1", "6", "met"),
                List.of(ReportCases.ref(cases.c7), "Safety of Children policy", "12 Apr 2027", "Health", "Education",
                        "The need for action", "Child in need", "resolved", "2", "2", "2", "no timescale"),
                List.of(ReportCases.ref(cases.c4), "North Somerset", "19 Apr 2027", "Police",
                        "Children's Social Care", "A service requested but not provided", "Looked after child", "open",
                        "2", "", "14", "past a timescale"));
    }

    @Test
    void noChildReferenceOrNameAppearsInAnyExport() throws IOException {
        StringBuilder all = new StringBuilder(pdfText);
        try (Stream<Path> files = Files.list(csv)) {
            for (Path f : files.toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        for (String detail : ReportCases.CHILD_DETAILS) {
            assertThat(all.toString()).as("exports").doesNotContainIgnoringCase(detail);
        }
        assertThat(all.toString()).doesNotContain("Sample Agency").doesNotContain("Early Agency")
                .doesNotContain("Late Agency");
    }

    @Test
    void pdfIsA4WithEmbeddedDejaVuAndPageNumbers() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            for (int i = 0; i < pages; i++) {
                assertThat(doc.getPage(i).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                assertThat(doc.getPage(i).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
                assertThat(pdfText).contains("Page " + (i + 1) + " of " + pages);
                for (var name : doc.getPage(i).getResources().getFontNames()) {
                    PDFont font = doc.getPage(i).getResources().getFont(name);
                    assertThat(font.getName()).contains("DejaVuSans");
                    assertThat(font.isEmbedded()).isTrue();
                }
            }
            assertThat(doc.getDocumentInformation().getTitle())
                    .isEqualTo("Resolution of professional differences: monitoring report");
            // laid out by the same engine as forms, and archival like them
            assertThat(doc.getDocumentCatalog().getMetadata()).isNotNull();
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
        assertThat(pdfText).contains("Resolution of professional differences: monitoring")
                .contains("Escalations raised, by category").contains("Resolved, by stage of resolution");
    }
}
