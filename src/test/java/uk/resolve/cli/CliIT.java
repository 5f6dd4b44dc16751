/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.TestAccess;

class CliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        System.setProperty("resolve.now", "2026-11-25T12:00:00Z");
        cli = new CliRunner(dir.resolve("resolve.mv.db"));
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("resolve.now");
    }

    private String newCase(String policy, String... extra) {
        var args = new java.util.ArrayList<>(List.of("case", "new", "--policy", policy, "--child-ref", "CR-77",
                "--raised-by", "Sam Lee", "--raised-agency", "Oak School", "--other-agency", "Children's Social Care",
                "--category", policy.equals("north-somerset") ? "thresholds" : "Levels of need",
                "--concern", "Referral closed without assessment", "--at", "2026-11-23T10:00"));
        args.addAll(List.of(extra));
        CliRunner.Result r = cli.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().strip();
    }

    private Map<String, Object> show(String id) throws Exception {
        CliRunner.Result r = cli.run("case", "show", id, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readValue(r.out(), new TypeReference<>() { });
    }

    @Test
    void policyListJsonNamesTheFiveBundledProcedures() throws Exception {
        CliRunner.Result r = cli.run("policy", "list", "--json");
        assertThat(r.code()).isZero();
        List<Map<String, String>> list = JSON.readValue(r.out(), new TypeReference<>() { });
        assertThat(list).extracting(m -> m.get("id")).containsExactlyInAnyOrder("croydon", "havering",
                "kingston-richmond", "north-somerset", "safety-of-children");
        assertThat(list).allSatisfy(m -> assertThat(m).containsOnlyKeys("id", "name", "partnership", "version"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCaseIsTakenFromOpeningToResolutionAndItsJsonSaysWhereItStands() throws Exception {
        String id = newCase("havering", "--child-status", "cp-plan");
        Map<String, Object> c = show(id);
        assertThat(c).containsEntry("id", id).containsEntry("policy", "havering").containsEntry("track", "main")
                .containsEntry("stage", 1).containsEntry("status", "open").containsEntry("overdue", false);
        assertThat((List<Map<String, Object>>) c.get("deadlines")).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("stage", 1).containsEntry("due", "2026-11-30");
            assertThat(d.get("label")).asString().contains("one working week");
        });

        assertThat(cli.run("case", "discuss", id, "--with", "Duty SW", "--summary", "No agreement",
                "--at", "2026-11-23T15:00").code()).isZero();
        assertThat(cli.run("case", "escalate", id, "--reason", "Unresolved", "--at", "24/11/2026 09:30").code()).isZero();
        c = show(id);
        assertThat(c).containsEntry("stage", 2);
        assertThat((List<Map<String, Object>>) c.get("notificationsDue")).singleElement()
                // "immediately": due at once, overdue only after the end of that working day
                .satisfies(n -> assertThat(n).containsEntry("id", "iro").containsEntry("due", "2026-11-24"));

        assertThat(cli.run("case", "resolve", id, "--outcome", "Assessment agreed").code()).isZero();
        c = show(id);
        assertThat(c).containsEntry("status", "resolved");
        assertThat((List<?>) c.get("deadlines")).isEmpty();
        assertThat((List<Map<String, Object>>) c.get("entries")).extracting(e -> e.get("type"))
                .containsExactly("case-opened", "discussion", "escalated", "resolved");
        assertThat(cli.run("verify").out()).contains("Verified 7 entries from 1 device"); // with 2 key registrations and the case key's grant
    }

    @Test
    void aCaseCanBeFoundByTheFirstCharactersOfItsId() {
        String id = newCase("croydon");
        CliRunner.Result r = cli.run("case", "show", id.substring(0, 8));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Case " + id).contains("Stage 1");
    }

    @Test
    void immediateRiskStartsHigherWithAReason() throws Exception {
        String id = newCase("north-somerset", "--immediate-risk", "--start-stage", "3", "--reason", "Baby discharged home today");
        assertThat(show(id)).containsEntry("stage", 3).containsEntry("immediateRisk", true);
    }

    @Test
    void listingOverdueCasesShowsOnlyThose() throws Exception {
        String late = newCase("north-somerset");      // 1 working day from Monday 23 Nov: due Tuesday 24 Nov
        String onTime = newCase("croydon");           // 7 working days: due 2 Dec
        CliRunner.Result r = cli.run("case", "list", "--overdue", "--json");
        List<Map<String, Object>> list = JSON.readValue(r.out(), new TypeReference<>() { });
        assertThat(list).extracting(m -> m.get("id")).containsExactly(late).doesNotContain(onTime);
        assertThat(cli.run("case", "list").out()).contains("overdue by 1 day");
    }

    @Test
    void userErrorsExitWithOneAndOneLineSayingWhatToDo() {
        String id = newCase("havering");
        assertOneLineError(cli.run("case", "new", "--policy", "hackney", "--child-ref", "x", "--raised-by", "a",
                "--raised-agency", "b", "--other-agency", "c", "--category", "d", "--concern", "e"),
                "There is no procedure with the id 'hackney'");
        assertOneLineError(cli.run("case", "discuss", id, "--with", "x", "--summary", "y", "--at", "23-11-2026"),
                "is not a date and time Resolve understands");
        for (int i = 0; i < 3; i++) {
            if (i == 2) { // Havering 2.8: board members engaged before the Chair
                assertThat(cli.run("case", "tick", id, "hscb-members-engaged").code()).isZero();
            }
            assertThat(cli.run("case", "escalate", id, "--reason", "r").code()).isZero();
        }
        assertOneLineError(cli.run("case", "escalate", id, "--reason", "r"), "already at the last stage");
        assertThat(cli.run("case", "resolve", id, "--outcome", "done").code()).isZero();
        assertOneLineError(cli.run("case", "resolve", id, "--outcome", "again"), "was resolved on");
        assertOneLineError(cli.run("case", "show", "ffffffff"), "There is no case with the id 'ffffffff'");
        assertOneLineError(cli.run("case", "new", "--policy", "croydon", "--child-ref", "x", "--raised-by", "a",
                "--raised-agency", "b", "--other-agency", "c", "--category", "Levels of need", "--concern", "e",
                "--child-status", "adopted"), "--child-status: 'adopted' is not a status");
        // nothing recorded was changed by any of the refusals
        // opened, a tick, 3 escalations, resolved, the two people's key registrations and the case key's grant
        assertThat(cli.run("verify").out()).contains("Verified 9 entries");
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRunner.Result missing = cli.run("case", "new", "--policy", "croydon");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("resolve: Missing required option")
                .contains("Run 'resolve case new --help' to see its options.")
                .doesNotContain("Usage:");
        assertThat(cli.run("case", "frobnicate").code()).isEqualTo(2);
        assertThat(cli.run("--no-such-option").code()).isEqualTo(2);
        assertThat(cli.run().code()).isEqualTo(2);
    }

    @Test
    void aDatabaseThatIsNotADatabaseIsAUserError() throws Exception {
        Path bogus = dir.resolve("bogus.mv.db");
        Files.writeString(bogus, "not a database ".repeat(500));
        CliRunner.Result r = new CliRunner(bogus).runRaw("case", "list");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("resolve: The file").contains("is not a Resolve database").doesNotContain("\n");
    }

    @Test
    void aProcedureFileWithTypoIsRefusedListingEveryProblem() throws Exception {
        String good = new String(getClass().getResourceAsStream("/policies/havering.yaml").readAllBytes());
        Path bad = dir.resolve("havering-typo.yaml");
        Files.writeString(bad, good.replace("    guidance: >-\n          The people who disagree", "    guidanse: >-\n          The people who disagree")
                .replace("within: 5 working days", "within: 5 wrking days"));
        CliRunner.Result v = cli.run("policy", "validate", bad.toString());
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.err()).contains("did you mean 'guidance'?").contains("'5 wrking days' is not a timescale")
                .contains("line ");
        CliRunner admin = cli.as("admin");
        CliRunner.Result i = admin.run("policy", "import", bad.toString());
        assertThat(i.code()).isEqualTo(1);
        assertThat(cli.run("policy", "list").out()).doesNotContain("typo");

        Path mine = dir.resolve("havering-v2.yaml");
        Files.writeString(mine, good.replace("version: \"1\"", "version: \"2\""));
        assertThat(cli.run("policy", "validate", mine.toString()).code()).isZero();
        assertOneLineError(cli.run("policy", "import", mine.toString()), "cannot change procedures and settings");
        assertThat(admin.run("policy", "import", mine.toString()).code()).isZero();
        assertThat(cli.run("policy", "list").out()).contains("havering").contains("(version 2)");
    }

    @Test
    void verifyReportsAnEditedEntry() throws Exception {
        newCase("croydon");
        assertThat(cli.run("verify").out()).contains("every chain is intact");
        sql("UPDATE entry SET author = 'Someone Else' WHERE type NOT IN ('person-keys', 'case-key')");
        CliRunner.Result r = cli.run("verify");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("BREAK:").contains("has been altered");
        assertThat(r.err()).as(r.out()).contains("1 break in the record").doesNotContain("audit log");
    }

    @Test
    void verifySaysWhenItRebuiltAnEditedCaseSummaryAndRebuildMakesThemAgain() throws Exception {
        newCase("croydon");
        assertThat(cli.run("case", "list").out()).contains("CR-77");
        assertThat(cli.run("verify").out()).doesNotContain("summaries");
        sql("UPDATE case_summary SET state = REPLACE(state, '\"stage\":1', '\"stage\":4')");
        CliRunner.Result r = cli.run("verify");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("the case summaries of 1 case disagreed with the entries")
                .contains("every chain is intact");
        assertThat(cli.run("verify").out()).doesNotContain("summaries");
        // the listing the case list reads, edited with a checksum forged to match
        sql("UPDATE case_listing SET other_agency = 'Edited', checksum = checksum + 1");
        assertThat(cli.run("verify").out()).contains("the case summaries of 1 case disagreed with the entries");
        assertThat(cli.run("verify").out()).doesNotContain("summaries");
        sql("UPDATE read_model SET version = 'older'");
        assertThat(cli.run("verify").out()).contains("the case summaries were rebuilt from the entries");
        CliRunner.Result rebuilt = cli.run("rebuild");
        assertThat(rebuilt.code()).isZero();
        assertThat(rebuilt.out()).contains("Rebuilt the summaries of 1 case from");
        assertThat(cli.run("case", "list").out()).contains("stage 1/");
    }

    @Test
    void verifyReportsAnEditedAuditEvent() throws Exception {
        newCase("croydon");
        sql("UPDATE audit_event SET actor = 'nobody' WHERE seq = 3");
        CliRunner.Result r = cli.run("verify");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("BREAK: Audit event 3 (").contains("by nobody").contains("has been altered");
        assertThat(r.err()).contains("1 break in the audit log").doesNotContain("in the record");
    }

    @Test
    void verifyReportsAnAuditEventDeleted() throws Exception {
        newCase("croydon");
        sql("DELETE FROM audit_event WHERE seq = 2");
        CliRunner.Result r = cli.run("verify");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("BREAK: Audit event 2 is missing");
    }

    /** Alters the encrypted database directly, as someone holding its key could, outside Resolve. */
    private void sql(String statement) throws Exception {
        try (var session = uk.resolve.app.Vault.at(dir.resolve("resolve.mv.db"), java.time.Clock.systemUTC())
                .signIn("admin", CliRunner.PASSWORD.toCharArray());
             var c = TestAccess.database(session.services()).connection(); var st = c.createStatement()) {
            assertThat(st.executeUpdate(statement)).isPositive();
        }
    }

    @Test
    void theCommandLineRunsWithoutADisplayInItsOwnProcess() throws Exception {
        CliRunner proc = new CliRunner(dir.resolve("proc.mv.db")).ready();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "uk.resolve.boot.Main",
                "--db", dir.resolve("proc.mv.db").toString(), "--user", "worker", "policy", "list");
        pb.environment().remove("DISPLAY");
        pb.environment().put("RESOLVE_PASSWORD_FILE", proc.secretFile(".password", CliRunner.PASSWORD).toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("croydon").contains("north-somerset");
    }

    private static void assertOneLineError(CliRunner.Result r, String expected) {
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err().strip()).contains(expected).doesNotContain("\n").doesNotContain("Exception");
    }
}
