/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases run through the example procedures from the command line: dates, met deadlines, answers, switches. */
class EscalationCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        // Monday 11 January 2027, 15:00 UK time
        System.setProperty("resolve.now", "2027-01-11T15:00:00Z");
        cli = new CliRunner(dir.resolve("resolve.mv.db"));
        CliRunner admin = cli.as("admin");
        for (String name : List.of("joint-protocol", "scottish-procedure")) {
            Path file = dir.resolve(name + ".yaml");
            Files.write(file, getClass().getResourceAsStream("/procedures/" + name + ".yaml").readAllBytes());
            CliRunner.Result r = admin.run("policy", "import", file.toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("resolve.now");
    }

    private CliRunner.Result newCase(String policy, String category, String... extra) {
        var args = new java.util.ArrayList<>(List.of("case", "new", "--policy", policy, "--child-ref", "CR-9",
                "--child-status", "child-in-need", "--raised-by", "Sam Lee", "--raised-agency", "Oak School",
                "--other-agency", "Children's Social Care", "--category", category, "--concern", "Closed too soon"));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    private String joint(String... extra) {
        var args = new java.util.ArrayList<>(List.of("--date", "decision=2027-01-08T15:00", "--fact", "iro=no",
                "--arose", "2027-01-11T09:00"));
        args.addAll(List.of(extra));
        CliRunner.Result r = newCase("joint-protocol", "thresholds", args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().strip();
    }

    private Map<String, Object> show(String id) throws Exception {
        CliRunner.Result r = cli.run("case", "show", id, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readValue(r.out(), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deadline(Map<String, Object> c, String id) {
        return ((List<Map<String, Object>>) c.get("deadlines")).stream().filter(d -> id.equals(d.get("id")))
                .findFirst().orElseThrow();
    }

    private void refused(CliRunner.Result r, String message, String id) throws Exception {
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(message);
        if (id != null) {
            assertThat(show(id).get("deadlines")).isEqualTo(show(id).get("deadlines"));
        }
    }

    @Test
    void aJointProtocolCaseRunsWithDatesMetDeadlinesAnswersTicksAndAFastTrack() throws Exception {
        String id = joint();
        Map<String, Object> c = show(id);
        assertThat(c).containsEntry("arose", "2027-01-11T09:00:00Z");
        assertThat(deadline(c, "raise")).containsEntry("due", "2027-01-12");
        // a discussion this morning, recorded this afternoon
        assertThat(cli.run("case", "discuss", id, "--with", "Duty SW", "--summary", "Spoke", "--at",
                "2027-01-11T10:00").code()).isZero();
        assertThat(deadline(show(id), "reply")).containsEntry("due", "2027-01-12");
        assertThat(cli.run("case", "met", id, "reply", "--at", "2027-01-11T14:00").code()).isZero();
        c = show(id);
        assertThat(deadline(c, "reply")).containsEntry("metOnTime", true).containsEntry("overdue", false);
        assertThat(deadline(c, "follow-up")).containsEntry("due", "2027-01-12T14:00");
        refused(cli.run("case", "met", id, "reply"), "already met", id);
        refused(cli.run("case", "met", id, "nonesuch"), "no deadline 'nonesuch'", id);

        refused(cli.run("case", "answer", id, "iro=perhaps"), "not an answer", id);
        assertThat(cli.run("case", "answer", id, "iro=yes").code()).isZero();
        assertThat(show(id).get("facts")).isEqualTo(Map.of("iro", "yes"));

        refused(cli.run("case", "escalate", id, "--reason", "No agreement"), "checks the concern is justified", id);
        assertThat(cli.run("case", "tick", id, "justified").code()).isZero();

        refused(cli.run("case", "switch", id, "fast"), "reason", id);
        assertThat(cli.run("case", "switch", id, "fast", "--reason", "Significant risk").code()).isZero();
        c = show(id);
        assertThat(c).containsEntry("track", "fast");
        assertThat(c.get("route")).isEqualTo(List.of("adults", "fast"));
        assertThat(cli.run("case", "show", id).out()).contains("Route: adults -> fast");
    }

    @Test
    void anOutcomeLetterReadsAsALetterToTheOtherAgencyAndOnlyForItsOutcome() throws Exception {
        String id = joint();
        assertThat(cli.run("case", "tick", id, "justified").code()).isZero();
        assertThat(cli.run("case", "escalate", id, "--reason", "No agreement").code()).isZero();
        assertThat(cli.run("case", "escalate", id, "--reason", "Still no agreement").code()).isZero();
        refused(cli.run("case", "resolve", id, "--outcome", "Assessment agreed", "--outcome-id", "nonesuch"),
                "not one of", null);
        assertThat(cli.run("case", "resolve", id, "--outcome", "Assessment agreed", "--outcome-id",
                "resolved-stage-3").code()).isZero();
        assertThat((List<?>) show(id).get("forms")).hasSize(1);
        Path pdf = dir.resolve("letter.pdf");
        CliRunner.Result r = cli.run("form", id, "outcome-letter", "--out", pdf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("To").contains("Children's Social Care").contains("Our reference")
                    .contains("Assessment agreed").doesNotContain("Return the completed form to");
        }
    }

    @Test
    void aConferenceDateRecordedLaterStartsTheDissentTrackInHours() throws Exception {
        String id = joint("--fact", "iro=no");
        assertThat(cli.run("case", "answer", id, "urgency=urgent").code()).isZero();
        assertThat(cli.run("case", "switch", id, "children").code()).isZero();
        assertThat(cli.run("case", "date", id, "conference=2027-01-11T11:30").code()).isZero();
        assertThat(deadline(show(id), "respond")).containsEntry("due", "2027-01-12T11:30");
        refused(cli.run("case", "date", id, "hearing=2027-01-11"), "no date 'hearing'", id);
    }

    @Test
    void anImmediateRiskCaseSaysActNowUntilWhatWasDoneIsRecorded() throws Exception {
        String id = joint("--immediate-risk", "--start-stage", "2", "--reason", "Child left alone");
        assertThat(show(id)).containsEntry("actNow", true);
        assertThat(cli.run("case", "show", id).out()).contains("police on 999");
        assertThat(cli.run("case", "risk-action", id, "--done", "Called the police and the duty team").code()).isZero();
        assertThat(show(id)).containsEntry("actNow", false);
    }

    @Test
    void aScottishCaseCountsCalendarDaysAndScotlandsHolidays() throws Exception {
        System.setProperty("resolve.now", "2026-12-31T12:00:00Z");
        CliRunner.Result r = newCase("scottish-example", "decision");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> c = show(r.out().strip());
        assertThat(deadline(c, "speak")).containsEntry("due", "2027-01-02");
        // 1 January, and 2 January's substitute on Monday 4 January, are holidays in Scotland
        assertThat(deadline(c, "working")).containsEntry("due", "2027-01-06");
        // an administrator's closure day in Scotland moves it; one named for England and Wales does not
        CliRunner admin = cli.as("admin");
        assertThat(admin.run("calendar", "add", "--calendar", "england-and-wales", "2027-01-05", "Closure").code()).isZero();
        assertThat(deadline(show(r.out().strip()), "working")).containsEntry("due", "2027-01-06");
        assertThat(admin.run("calendar", "add", "--calendar", "scotland", "2027-01-05", "Closure").code()).isZero();
        assertThat(deadline(show(r.out().strip()), "working")).containsEntry("due", "2027-01-07");
        assertThat(cli.run("calendar", "list", "--calendar", "scotland", "--year", "2027").out())
                .contains("2 Jan 2027").contains("Closure");
        assertThat(admin.run("calendar", "add", "--calendar", "wales", "2027-01-05", "x").code()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2027", "30/02/2027", "31/04/2027", "2027-13-01", "2027-02-31T10:00",
            "2026-02-31T10:00", "29/02/2025"})
    void anImpossibleDateIsRefusedNamingItAndNothingIsWritten(String date) throws Exception {
        String id = joint();
        int before = show(id).toString().length();
        CliRunner.Result r = cli.run("case", "discuss", id, "--with", "SW", "--summary", "x", "--at", date);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(date).contains("not a real date");
        assertThat(show(id).toString().length()).isEqualTo(before);
        assertThat(newCase("joint-protocol", "thresholds", "--date", "decision=" + date).code()).isEqualTo(1);
    }

    @Test
    void anEventInTheFutureOrBeforeTheDisagreementIsRefused() throws Exception {
        String id = joint();
        refused(cli.run("case", "discuss", id, "--with", "SW", "--summary", "x", "--at", "2027-01-11T08:00"),
                "before the disagreement arose", id);
        refused(cli.run("case", "discuss", id, "--with", "SW", "--summary", "x", "--at", "2027-01-12T08:00"),
                "in the future", id);
        refused(newCase("joint-protocol", "thresholds"), "decision", null);
    }
}
