/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.forms.FormCases;
import uk.resolve.pdf.PdfText;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class FormCommandTest {

    @TempDir
    Path dir;

    private CliRunner cli;
    private UUID croydon;
    private String out = "";
    private String err = "";

    @BeforeEach
    void makeCase() {
        MutableClock clock = MutableClock.at("2026-01-05T09:00");
        try (Services s = Fixtures.services(dir, clock)) {
            croydon = FormCases.croydonAtStage3(s, clock);
        }
        // the database of an earlier version, encrypted on first use; "worker" manages the cases' team
        cli = new CliRunner(dir.resolve("resolve.mv.db"));
        System.setProperty("resolve.now", "2026-01-19T12:00:00Z");
    }

    @AfterEach
    void realClock() {
        System.clearProperty("resolve.now");
    }

    private int run(String... args) {
        CliRunner.Result r = cli.run(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void aFormWithRequiredFieldsMissingIsRefusedWithTheirNames() {
        Path pdf = dir.resolve("a.pdf");
        int code = run("form", croydon.toString().substring(0, 8), "appendix-a", "--out", pdf.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err).startsWith("resolve: appendix-a: cannot finalise. 2 required fields are missing:"
                + " 'Role', 'Contact'.").contains("--set FIELD=VALUE (field ids: role, contact)", "--draft");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void aDraftIsWrittenWithTheGapsMarkedAndNothingRecorded() {
        Path pdf = dir.resolve("draft.pdf");
        int code = run("form", croydon.toString(), "appendix-a", "--out", pdf.toString(), "--draft");

        assertThat(code).isEqualTo(0);
        assertThat(out).contains("Wrote " + pdf, "Draft: 2 required fields are missing");
        assertThat(PdfText.all(readAll(pdf))).contains("DRAFT", "Required: not yet completed");
        run("form", "list", croydon.toString());
        assertThat(out).contains("appendix-a  Escalation Notification to Croydon Safeguarding Children Board"
                + " (Appendix A) (stage 3): to be completed").doesNotContain("DUE").doesNotContain("complete:");
    }

    @Test
    void aCompleteFormIsWrittenAndRecordedThenListedAsDone() {
        int code = run("form", croydon.toString(), "appendix-a", "--out", dir.toString(), "--stage", "3",
                "--set", "role=Head of Service", "--set", "contact=020 8726 6000", "--archival");

        assertThat(code).as(err).isEqualTo(0);
        Path pdf = dir.resolve("appendix-a_" + croydon.toString().substring(0, 8) + "_2026-01-19.pdf");
        assertThat(out).contains("Recorded Escalation Notification to Croydon Safeguarding Children Board"
                + " (Appendix A) (stage 3, version 1) in the case record.", "Wrote " + pdf);
        assertThat(PdfText.all(readAll(pdf))).contains("Head of Service", "020 8726 6000");

        assertThat(run("form", "list", croydon.toString())).isZero();
        assertThat(out).contains("(Appendix A) (stage 3): completed ").contains("(version 1)")
                .contains("chronology  Case chronology (any time)");
    }

    @Test
    void answersAreReadFromAFileAndFromStandardInputKeepingThemOffTheCommandLine() throws Exception {
        Path role = java.nio.file.Files.writeString(dir.resolve("role.txt"), "Head of Service\n");
        CliRunner.Result r = cli.withStdin("020 8726 6000").run("form", croydon.toString(), "appendix-a", "--out",
                dir.toString(), "--stage", "3", "--set-file", "role=" + role, "--set", "contact=-");
        assertThat(r.code()).as(r.err()).isZero();
        Path pdf = dir.resolve("appendix-a_" + croydon.toString().substring(0, 8) + "_2026-01-19.pdf");
        assertThat(PdfText.all(readAll(pdf))).contains("Head of Service", "020 8726 6000");
        assertThat(run("form", croydon.toString(), "appendix-a", "--out", "x.pdf", "--set", "secret text")).isEqualTo(1);
        assertThat(err).contains("is not FIELD=VALUE").doesNotContain("secret text");
    }

    @Test
    void anUnknownFieldOrFormIsAClearUserError() {
        assertThat(run("form", croydon.toString(), "appendix-a", "--out", "x.pdf", "--set", "colour=blue")).isEqualTo(1);
        assertThat(err).contains("--set: the form 'appendix-a' has no field 'colour'. Its fields are: name,"
                + " role");
        assertThat(run("form", croydon.toString(), "monitoring-form", "--out", "x.pdf")).isEqualTo(1);
        assertThat(err).contains("has no form 'monitoring-form'. Its forms are: appendix-a, outcome-confirmation, chronology.");
        assertThat(run("form", croydon.toString(), "appendix-a", "--out", "x.pdf", "--set", "novalue")).isEqualTo(1);
        assertThat(err).contains("is not FIELD=VALUE");
    }

    @Test
    void theChronologyIsAvailableForEveryCase() {
        Path pdf = dir.resolve("chron.pdf");
        assertThat(run("form", croydon.toString(), "chronology", "--out", pdf.toString())).isZero();
        assertThat(PdfText.all(readAll(pdf))).contains("Case chronology", "Concern raised", "Escalated to stage 3");
    }

    @Test
    void missingArgumentsAreAUsageError() {
        assertThat(run("form", croydon.toString())).isEqualTo(2);
        assertThat(err).contains("Give the case id, the form id and --out FILE.pdf");
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
