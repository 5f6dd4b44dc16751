/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.report.ReportCasesAccess;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** {@code resolve report}, run in-process on a database holding the known report cases. */
class ReportCommandTest {

    @TempDir
    static Path folder;

    private static CliRunner cli;

    @BeforeAll
    static void buildDatabase() {
        try (Services s = Fixtures.services(folder, MutableClock.at(ReportCasesAccess.NOW))) {
            ReportCasesAccess.build(s);
        }
        // encrypted on first use; "worker" is a manager, who may see the reports
        cli = new CliRunner(folder.resolve("resolve.mv.db")).ready();
        System.setProperty("resolve.now", ReportCasesAccess.now().toString());
    }

    @AfterAll
    static void clearClock() {
        System.clearProperty("resolve.now");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CliRunner.Result r = cli.run(args);
        return new Run(r.code(), r.out(), r.err());
    }

    @Test
    void printsTheSummaryAndTablesWhenNoFileIsAsked() {
        Run r = run("report", "--from", "2026-12-01", "--to", "30/4/2027");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Escalations raised in the period\\s+7\n")
                .containsPattern("Average working days to resolution\\s+7\\.6\n")
                .containsPattern("Croydon\\s+2\\s+10\\.5\\s+6\\s+15\\s+1\\s+1\\s+0\\s+0\\s+0\\s+0\n")
                .contains("Open cases past their deadline")
                .doesNotContain("CR-2001").doesNotContain("Jamie");
    }

    @Test
    void limitsTheReportToOneProcedure() {
        Run r = run("report", "--from", "2026-12-01", "--to", "2027-04-30", "--policy", "croydon");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Procedure\\s+Croydon\n")
                .containsPattern("Escalations raised in the period\\s+2\n")
                .containsPattern("Resolved\\s+2\n")
                .containsPattern("Average working days to resolution\\s+10\\.5\n")
                .doesNotContain("North Somerset");
    }

    @Test
    void writesCsvFilesIntoAFolder() throws IOException {
        Path out = folder.resolve("csv out");
        Run r = run("report", "--from", "2026-12-01", "--to", "2027-04-30", "--csv", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Wrote 11 CSV files to ");
        assertThat(Files.readString(out.resolve("summary.csv"))).contains("Escalations raised in the period,7\r\n")
                .contains("Average working days to resolution,7.6\r\n");
    }

    @Test
    void writesThePdf() throws IOException {
        Path pdf = folder.resolve("annual.pdf");
        Run r = run("report", "--from", "2026-12-01", "--to", "2027-04-30", "--pdf", pdf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Escalations raised in the period 7").contains("Page 1 of " + doc.getNumberOfPages());
        }
    }

    @Test
    void aDateResolveCannotReadIsAUserError() {
        Run r = run("report", "--from", "31/13/2026", "--to", "2027-04-30");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("resolve: --from: '31/13/2026' is not a real date (there is no month 13).")
                .hasLineCount(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aPeriodEndingBeforeItStartsIsAUserError() {
        Run r = run("report", "--from", "2027-04-30", "--to", "2026-12-01");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--to (2026-12-01) is before --from (2027-04-30)").hasLineCount(1);
    }

    @Test
    void aTimeOfDayIsRefused() {
        Run r = run("report", "--from", "2026-12-01T10:00", "--to", "2027-04-30");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("a report period is whole days");
    }

    @Test
    void anUnknownProcedureIsAUserError() {
        Run r = run("report", "--from", "2026-12-01", "--to", "2027-04-30", "--policy", "nowhere");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("There is no procedure with the id 'nowhere'");
    }

    @Test
    void csvAndPdfTogetherIsAUsageError() {
        Run r = run("report", "--from", "2026-12-01", "--to", "2027-04-30", "--csv", "x", "--pdf", "y.pdf");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
    }
}
