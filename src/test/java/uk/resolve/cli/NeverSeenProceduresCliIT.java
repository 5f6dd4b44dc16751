/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Procedures of partnerships Resolve has never seen, imported as files and run from the command line: a
 * conference-dissent route in hours from the conference, a budget shared across steps on the Northern Irish
 * calendar, an IRO channel with a letter for each outcome; and what a case is asked for now.
 */
class NeverSeenProceduresCliIT {

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
        for (String name : List.of("conference-dissent", "shared-budget", "iro-channel")) {
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

    private CliRunner.Result newCase(String policy, String category, String status, String... extra) {
        var args = new ArrayList<>(List.of("case", "new", "--policy", policy, "--child-ref", "CR-9",
                "--child-status", status, "--raised-by", "Sam Lee", "--raised-agency", "Oak School",
                "--other-agency", "Children's Social Care", "--category", category, "--concern", "Closed too soon"));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    private String opened(CliRunner.Result r) {
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
                .findFirst().orElseThrow(() -> new AssertionError("no deadline " + id + " in " + c.get("deadlines")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> c, String key) {
        return (List<Map<String, Object>>) c.get(key);
    }

    private void refused(CliRunner.Result r, String message, String id) throws Exception {
        Map<String, Object> before = show(id);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(message);
        assertThat(show(id).get("entries")).isEqualTo(before.get("entries"));
    }

    @Test
    void conferenceDissentIsCountedInHoursFromTheConference() throws Exception {
        String id = opened(newCase("conference-dissent", "conference-decision", "cp-plan", "--track", "conference",
                "--date", "conference=2027-01-11T13:00"));
        Map<String, Object> c = show(id);
        assertThat(deadline(c, "to-chair")).containsEntry("due", "2027-01-12T13:00");
        assertThat(list(c, "questionsDue")).isEmpty();
        assertThat(cli.run("case", "escalate", id, "--reason", "The chair kept the decision").code()).isZero();
        assertThat(deadline(show(id), "review")).containsEntry("due", "2027-01-14T13:00");
    }

    @Test
    void anImmediateRiskCaseShowsWhomToCallAndWhatToAnswerAndEachMeetingAsksForTheStatement() throws Exception {
        String id = opened(newCase("conference-dissent", "thresholds", "child-in-need", "--immediate-risk",
                "--start-stage", "2", "--reason", "Left alone tonight", "--arose", "2027-01-11T09:00"));
        String text = cli.run("case", "show", id).out();
        assertThat(text).contains("ACT NOW").contains("Contact now:")
                .contains("Police: 999")
                .contains("Example County Children's Front Door: 01632 960 001")
                .contains("Emergency Duty Team: 01632 960 002")
                .contains("[strategy] When was the strategy discussion held? (a date) — asked at stage 2")
                .contains("[iro] Is an Independent Reviewing Officer involved? (yes / no) — asked at stage 2")
                .contains("bring these deadlines forward");
        assertThat(text.indexOf("Police: 999")).isLessThan(text.indexOf("Front Door"));
        Map<String, Object> c = show(id);
        assertThat(list(c, "urgentContacts")).extracting(u -> u.get("use"))
                .containsExactly("emergency", "front-door", "out-of-hours");
        // dates, then facts, each as the procedure lists them
        assertThat(list(c, "questionsDue")).extracting(q -> q.get("id")).containsExactly("conference", "strategy", "iro");
        assertThat(c).containsEntry("bringDeadlinesForward", true);

        assertThat(cli.run("case", "answer", id, "iro=no").code()).isZero();
        assertThat(cli.run("case", "date", id, "strategy=2027-01-11T10:00").code()).isZero();
        assertThat(list(show(id), "questionsDue")).extracting(q -> q.get("id")).containsExactly("conference");

        assertThat(cli.run("case", "discuss", id, "--with", "Managers", "--method", "meeting", "--summary", "Met",
                "--at", "2027-01-11T11:00").code()).isZero();
        assertThat(cli.run("case", "discuss", id, "--with", "Managers", "--method", "meeting", "--summary", "Met again",
                "--at", "2027-01-11T14:00").code()).isZero();
        List<Map<String, Object>> steps = list(show(id), "meetingSteps");
        assertThat(steps).hasSize(2).allSatisfy(s -> assertThat(s).containsEntry("item", "statement").containsEntry("ticked", false));
        assertThat(cli.run("case", "show", id).out()).contains("At each meeting").contains("meeting of 11 Jan 2027, 14:00");
        refused(cli.run("case", "escalate", id, "--reason", "No agreement"), "Read out the professional difference statement", id);
        String second = (String) steps.get(1).get("meeting");
        assertThat(cli.run("case", "tick", id, "statement", "--meeting", second).code()).isZero();
        refused(cli.run("case", "tick", id, "statement", "--meeting", second), "already ticked for the meeting", id);
        refused(cli.run("case", "escalate", id, "--reason", "No agreement"), "Read out the professional difference statement", id);
        assertThat(cli.run("case", "tick", id, "statement").code()).isZero();
        assertThat(list(show(id), "meetingSteps")).allSatisfy(s -> assertThat(s).containsEntry("ticked", true));
        assertThat(cli.run("case", "escalate", id, "--reason", "No agreement").code()).isZero();
        assertThat(show(id)).containsEntry("stage", 3);
    }

    @Test
    void theWholeProcessWithin20WorkingDaysRunsAcrossStepsAfterTheConcernIsCheckedJustified() throws Exception {
        String id = opened(newCase("shared-budget", "plans", "child-in-need"));
        Map<String, Object> c = show(id);
        assertThat(deadline(c, "whole")).containsEntry("due", "2027-02-08").containsEntry("shared", true);
        assertThat(deadline(c, "step")).containsEntry("due", "2027-01-18");
        refused(cli.run("case", "escalate", id, "--reason", "Not settled"), "first checks the concern is justified", id);
        assertThat(cli.run("case", "tick", id, "justified").code()).isZero();
        assertThat(cli.run("case", "escalate", id, "--reason", "Not settled").code()).isZero();
        assertThat(cli.run("case", "escalate", id, "--reason", "Still not settled").code()).isZero();
        c = show(id);
        assertThat(c).containsEntry("stage", 3);
        assertThat(deadline(c, "whole")).containsEntry("due", "2027-02-08");
        assertThat(list(c, "urgentContacts")).extracting(u -> u.get("name")).containsExactly("Police");
    }

    @Test
    void anIroTakesTheIroChannelAndGetsTheLetterForTheOutcomeReached() throws Exception {
        CliRunner.Result missing = newCase("iro-channel", "care-plan", "looked-after");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("Answer 'iro'");
        String id = opened(newCase("iro-channel", "care-plan", "looked-after", "--fact", "iro=yes"));
        assertThat(cli.run("case", "switch", id, "iro").code()).isZero();
        Map<String, Object> c = show(id);
        assertThat(c).containsEntry("track", "iro");
        assertThat(list(c, "notificationsDue")).extracting(n -> n.get("id")).containsExactly("iro-manager");
        assertThat(deadline(c, "team-manager")).containsEntry("due", "2027-01-13");
        assertThat(cli.run("case", "escalate", id, "--reason", "Team manager disagrees").code()).isZero();
        assertThat(deadline(show(id), "head")).containsEntry("due", "2027-01-18");
        assertThat(cli.run("case", "resolve", id, "--outcome", "Placement kept; plan reviewed", "--outcome-id",
                "agreed-managers").code()).isZero();
        assertThat(list(show(id), "forms")).extracting(f -> f.get("form"), f -> f.get("stage"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("letter-managers", 2));
        Path pdf = dir.resolve("letter.pdf");
        CliRunner.Result r = cli.run("form", id, "letter-managers", "--out", pdf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Children's Social Care")
                    .contains("Placement kept; plan reviewed").doesNotContain("Return the completed form to");
        }
    }
}
