/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

import uk.resolve.app.Services;
import uk.resolve.forms.FormCases;
import uk.resolve.security.Keyring;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** Signing in, the people, the roles and the audit log, through the command line on real databases. */
class SecurityCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REMINDER = "resolve user passwd";

    @TempDir
    Path dir;
    private Path db;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        System.setProperty("resolve.now", "2026-11-25T12:00:00Z");
        db = dir.resolve("resolve.mv.db");
        cli = new CliRunner(db);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("resolve.now");
    }

    // ---------------------------------------------------------------- init

    @Test
    void initCreatesAnEncryptedDatabaseWithItsAdministratorAndOnlyOnce() throws Exception {
        CliRunner boss = cli.as("boss");
        CliRunner.Result r = boss.runRaw("init", "--admin", "Boss", "--team", "IT");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Created the database " + db.toAbsolutePath() + " with the administrator boss;"
                + " the database is encrypted.").contains("Key file: " + Keyring.fileFor(db.toAbsolutePath()))
                .contains("back it up with the database");
        assertThat(Keyring.fileFor(db.toAbsolutePath())).exists();
        assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1)).startsWith("H2encrypt");

        CliRunner.Result list = boss.run("user", "list", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        List<Map<String, Object>> users = JSON.readValue(list.out(), new TypeReference<>() { });
        assertThat(users).singleElement().satisfies(u -> assertThat(u).containsEntry("name", "boss")
                .containsEntry("role", "administrator").containsEntry("team", "IT").containsEntry("active", true)
                .containsEntry("temporaryPassword", false));

        byte[] before = Files.readAllBytes(db);
        CliRunner.Result again = boss.runRaw("init", "--admin", "other");
        assertOneLine(again, "already has people who sign in");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void initEncryptsADatabaseFromAnEarlierVersionKeepingItsCases() throws Exception {
        MutableClock clock = MutableClock.at("2026-01-05T09:00");
        String caseId;
        try (Services s = Fixtures.services(dir, clock)) {
            caseId = FormCases.croydonAtStage3(s, clock).toString();
        }
        String childRef = FormCases.CHILD_REF;
        assertThat(rawText()).contains(childRef).contains(FormCases.CHILD_NAME);

        CliRunner.Result init = cli.as("admin").runRaw("init", "--admin", "admin");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("Encrypted the database " + db.toAbsolutePath() + " (1 case, ")
                .contains("kept) and made admin its first administrator.");
        assertThat(rawText()).doesNotContain(childRef).doesNotContain(FormCases.CHILD_NAME)
                .doesNotContain("Test Worker");
        assertThat(dir.resolve("resolve.encrypting.mv.db")).doesNotExist();

        // a manager of the team the case was opened in sees it; the administrator does not
        Path first = cli.secretFile("first", "first password 123");
        CliRunner.Result add = cli.as("admin").withEnv(Secrets.NEW_PASSWORD_FILE, first.toString())
                .run("user", "add", "manny", "--role", "manager", "--team", "Test team", "--name", "Manny Ager");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added manny (Manager, team Test team)");
        CliRunner manny = cli.as("manny").withEnv(Secrets.PASSWORD_FILE, first.toString());
        CliRunner.Result list = manny.run("case", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(caseId.substring(0, 8)).contains(childRef);
        assertThat(list.err().strip()).contains("temporary password").endsWith(REMINDER).doesNotContain("\n");
        assertThat(cli.as("admin").run("verify").out()).contains("every chain is intact");

        // choosing one's own password ends the reminder; the temporary one no longer works
        Path mine = cli.secretFile("mine", "my own password 456");
        CliRunner.Result passwd = manny.withEnv(Secrets.NEW_PASSWORD_FILE, mine.toString()).run("user", "passwd");
        assertThat(passwd.code()).as(passwd.err()).isZero();
        assertThat(passwd.out()).contains("Changed the password of manny");
        assertThat(passwd.err()).doesNotContain(REMINDER);
        CliRunner.Result after = cli.as("manny").withEnv(Secrets.PASSWORD_FILE, mine.toString()).run("case", "list");
        assertThat(after.code()).isZero();
        assertThat(after.err()).isEmpty();
        assertOneLine(manny.run("case", "list"), "The name or password is not right");
    }

    // ---------------------------------------------------------------- passwords

    @Test
    void aWrongPasswordIsRefusedInOneLineAndChangesNothingInTheDatabase() throws Exception {
        cli.ready();
        byte[] before = Files.readAllBytes(db);
        CliRunner.Result r = cli.withEnv(Secrets.PASSWORD_FILE, cli.secretFile("wrong", "not the password").toString())
                .run("case", "list");
        assertOneLine(r, "The name or password is not right");
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllBytes(db)).isEqualTo(before);

        assertOneLine(cli.as("nobody").run("case", "list"), "The name or password is not right");
        assertOneLine(cli.withEnv(Secrets.PASSWORD_FILE, dir.resolve("missing").toString()).run("case", "list"),
                "Cannot read the file");
        CliRunner.Result noTerminal = cli.withEnv(Secrets.PASSWORD_FILE, "").run("case", "list");
        assertOneLine(noTerminal, "No terminal to ask for the password for worker");
        assertThat(noTerminal.err()).contains("RESOLVE_PASSWORD_FILE");
    }

    @Test
    void withoutADatabaseNoPasswordIsAskedForAndInitIsSuggested() {
        CliRunner.Result r = cli.withEnv(Secrets.PASSWORD_FILE, "").runRaw("case", "list");
        assertOneLine(r, "There is no database at " + db.toAbsolutePath() + " yet.");
        assertThat(r.err()).contains("resolve init --admin NAME").doesNotContain("No terminal");
        assertThat(db).doesNotExist();
    }

    @Test
    void aPasswordIsNeverTakenAsAnArgument() {
        cli.ready();
        assertThat(cli.run("--password", "x", "case", "list").code()).isEqualTo(2);
        assertThat(cli.run("case", "list", "--password", "x").code()).isEqualTo(2);
        assertThat(cli.as("admin").run("user", "add", "pat", "--role", "practitioner", "--password", "x").code())
                .isEqualTo(2);
        assertThat(cli.runRaw("init", "--admin", "x", "--password", "y").code()).isEqualTo(2);
        assertThat(cli.run("user", "passwd", "new password here").code()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- roles

    @Test
    void aPractitionerSeesOnlyTheirOwnAndSharedCasesAndCannotApprove() throws Exception {
        CliRunner pat = cli.addUser("pat", Role.PRACTITIONER, "Test team");
        String mine = newCase(pat, "PAT-1");
        String managers = newCase(cli, "MGR-1");
        assertThat(list(pat)).containsExactly(mine);
        assertThat(list(cli)).containsExactlyInAnyOrder(mine, managers); // the manager sees the team's cases
        assertOneLine(pat.run("case", "show", managers), "There is no case with the id");

        CliRunner.Result share = cli.run("case", "share", managers.substring(0, 8), "Pat", "--note", "Pat joins");
        assertThat(share.code()).as(share.err()).isZero();
        assertThat(share.out()).contains("Shared the case with Pat");
        assertThat(list(pat)).containsExactlyInAnyOrder(mine, managers);

        assertThat(pat.run("case", "discuss", mine, "--with", "Duty SW", "--summary", "No agreement").code()).isZero();
        String discussion = entryId(pat, mine, "discussion");
        assertOneLine(pat.run("case", "approve", mine, "--entry", discussion),
                "pat signed in as practitioner cannot approve records");
        CliRunner.Result approve = cli.run("case", "approve", mine, "--entry", discussion);
        assertThat(approve.code()).as(approve.err()).isZero();
        // people are named as the screens name them: their full name where they have one
        CliRunner.Result shown = pat.run("case", "show", mine);
        assertThat(shown.out()).contains("Approved by Test Worker on ").doesNotContain("by worker")
                .contains("Discussion recorded — pat");
        assertThat(cli.run("case", "discuss", managers, "--with", "Duty SW", "--summary", "Agreed a visit").code()).isZero();
        assertOneLine(cli.run("case", "approve", managers, "--entry", entryId(cli, managers, "discussion")),
                "another manager must approve it");

        assertOneLine(pat.run("audit"), "cannot view the audit log");
        assertOneLine(pat.run("user", "add", "x", "--role", "practitioner"), "cannot manage users");
        assertOneLine(pat.run("calendar", "add", "2026-12-24", "Christmas Eve"), "cannot change procedures and settings");
    }

    @Test
    void theBusinessTeamSeesReportsAndTheAuditLogButNoCase() throws Exception {
        newCase(cli, "MGR-1");
        CliRunner biz = cli.addUser("bea", Role.BUSINESS_TEAM, "Partnership");
        assertOneLine(biz.run("case", "list"), "bea signed in as partnership business team cannot work on cases");
        CliRunner.Result report = biz.run("report", "--from", "2026-11-01", "--to", "2026-11-30");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).containsPattern("Escalations raised in the period\\s+1\n").doesNotContain("MGR-1");
        CliRunner.Result audit = biz.run("audit");
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("Case opened").contains("Signed in").contains("bea");
    }

    @Test
    void theAdministratorManagesPeopleAndSettingsButSeesNoCase() throws Exception {
        CliRunner admin = cli.as("admin");
        newCase(cli, "MGR-1");
        assertOneLine(admin.run("case", "list"), "admin signed in as administrator cannot work on cases");

        Path first = cli.secretFile("first", "first password 123");
        CliRunner newPw = admin.withEnv(Secrets.NEW_PASSWORD_FILE, first.toString());
        assertThat(newPw.run("user", "add", "lee", "--role", "safeguarding-lead", "--team", "Test team").code()).isZero();
        assertOneLine(newPw.run("user", "add", "kim", "--role", "boss"), "--role: There is no role 'boss'. Use one of:"
                + " practitioner, manager, safeguarding-lead, business-team, administrator.");
        assertOneLine(newPw.run("user", "add", "lee", "--role", "manager"), "There is already someone called lee");
        CliRunner.Result change = admin.run("user", "change", "lee", "--role", "manager");
        assertThat(change.code()).as(change.err()).isZero();
        assertThat(change.out()).contains("lee is now manager, team Test team.");
        assertThat(newPw.run("user", "reset", "worker").code()).isZero();
        CliRunner.Result worker = cli.withEnv(Secrets.PASSWORD_FILE, first.toString()).run("case", "list");
        assertThat(worker.code()).as(worker.err()).isZero();
        assertThat(worker.err()).contains(REMINDER);
        assertThat(admin.run("user", "remove", "lee").code()).isZero();
        assertOneLine(admin.run("user", "remove", "admin"), "You cannot remove yourself");
        assertOneLine(admin.run("user", "change", "nobody", "--role", "manager"), "There is no one called 'nobody'");

        CliRunner.Result users = admin.run("user", "list");
        assertThat(users.out()).containsPattern("lee\\s+Manager\\s+Test team\\s+-\\s+removed")
                .containsPattern("worker\\s+Manager\\s+Test team\\s+Test Worker\\s+added 25 Nov 2026 by admin;"
                        + " temporary password");
        assertOneLine(cli.as("lee").withEnv(Secrets.PASSWORD_FILE, first.toString()).run("case", "list"),
                "The name or password is not right");

        CliRunner.Result refused = cli.withEnv(Secrets.PASSWORD_FILE, first.toString())
                .run("calendar", "add", "2026-12-24", "Eve");
        assertThat(refused.code()).isEqualTo(1); // the reminder, then the refusal: a line each
        assertThat(refused.err().lines()).hasSize(2).last().asString()
                .contains("worker signed in as manager cannot change procedures and settings");
        CliRunner.Result holiday = admin.run("calendar", "add", "2026-12-24", "Christmas Eve");
        assertThat(holiday.code()).as(holiday.err()).isZero();
        assertThat(admin.run("calendar", "list", "--year", "2026").out()).contains("24 Dec 2026  Thu  Christmas Eve (added by an administrator)");

        List<Map<String, Object>> events = auditJson(admin);
        assertThat(events).extracting(e -> e.get("action") + " " + e.get("subject") + " " + e.get("detail"))
                .contains("user-added lee safeguarding-lead, team Test team", "user-changed lee safeguarding-lead -> manager, team Test team",
                        "password-reset worker temporary password set", "user-removed lee ",
                        "settings-changed calendar 2026-12-24 holiday added");
    }

    @Test
    void anotherAdministratorConfirmsKeysRegisteredOnTheirOwnAndVerifyThenNoLongerListsThem() throws Exception {
        CliRunner admin = cli.as("admin");
        CliRunner.Result before = admin.run("verify");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.out()).contains("the keys of admin were registered by that person on their own",
                "resolve user confirm NAME");
        CliRunner deputy = cli.addUser("deputy", Role.ADMINISTRATOR, "IT");
        assertOneLine(admin.run("user", "confirm", "admin"), "You cannot confirm your own keys");
        assertOneLine(deputy.run("user", "confirm", "worker"), "There are no keys of 'worker' waiting to be confirmed");
        assertOneLine(cli.as("worker").run("user", "confirm", "admin"), "worker signed in as manager cannot");

        CliRunner.Result confirmed = deputy.run("user", "confirm", "admin");
        assertThat(confirmed.code()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("Confirmed the keys admin registered on their own (1 registration)");
        CliRunner.Result after = admin.run("verify");
        assertThat(after.code()).as(after.err()).isZero();
        assertThat(after.out()).contains("every chain is intact").doesNotContain("on their own");
        assertOneLine(deputy.run("user", "confirm", "admin"), "There are no keys of 'admin' waiting to be confirmed");
    }

    @Test
    void initWithARoleMakesOneAccountThatWorksOnCasesAndManagesPeople() throws Exception {
        CliRunner dee = cli.as("dee");
        CliRunner.Result r = dee.runRaw("init", "--admin", "dee", "--role", "safeguarding-lead", "--name", "Dee Lead",
                "--team", "Oak School");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("with dee (safeguarding lead and administrator); the database is encrypted.")
                .contains("You can work on cases with this account now");
        newCase(dee, "OAK-1");
        assertThat(dee.run("case", "list").out()).contains("OAK-1");

        List<Map<String, Object>> users = JSON.readValue(dee.run("user", "list", "--json").out(), new TypeReference<>() { });
        assertThat(users).singleElement().satisfies(u -> assertThat(u).containsEntry("role",
                "safeguarding-lead,administrator").containsEntry("roles", List.of("safeguarding-lead", "administrator"))
                .containsEntry("administrator", true).containsEntry("fullName", "Dee Lead"));

        Path first = cli.secretFile("first", "first password 123");
        CliRunner newPw = dee.withEnv(Secrets.NEW_PASSWORD_FILE, first.toString());
        CliRunner.Result add = newPw.run("user", "add", "max", "--role", "manager", "--admin", "--team", "Oak School");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added max (Manager and administrator, team Oak School).");
        CliRunner.Result it = newPw.run("user", "add", "it", "--admin");
        assertThat(it.out()).contains("Added it (Administrator).");
        assertOneLine(newPw.run("user", "add", "kim"), "Say what they do with --role");
        assertOneLine(newPw.run("user", "add", "kim", "--role", "manager,practitioner"), "one role on cases");

        assertThat(dee.run("user", "change", "max", "--no-admin").out()).contains("max is now manager, team Oak School.");
        assertThat(dee.run("user", "change", "max", "--role", "practitioner").out()).contains("max is now practitioner");
        assertThat(dee.run("user", "change", "max", "--admin").out()).contains("max is now practitioner and administrator");
        assertThat(dee.run("user", "change", "it", "--role", "business-team").out())
                .contains("it is now partnership business team and administrator");
        assertThat(dee.run("user", "remove", "it").code()).isZero();
        assertThat(dee.run("user", "change", "max", "--no-admin").code()).isZero();
        assertOneLine(dee.run("user", "change", "dee", "--no-admin"), "You are the only administrator");
        assertOneLine(dee.run("user", "change", "dee"), "Say what to change");
        CliRunner.Result list = dee.run("user", "list");
        assertThat(list.out()).containsPattern("dee\\s+Safeguarding lead and administrator\\s+Oak School\\s+Dee Lead")
                .containsPattern("max\\s+Practitioner\\s+Oak School");
        assertThat(auditJson(dee)).extracting(e -> e.get("action") + " " + e.get("subject") + " " + e.get("detail"))
                .contains("user-added max manager,administrator, team Oak School",
                        "user-changed max manager,administrator -> manager, team Oak School",
                        "user-changed it administrator -> business-team,administrator, team ");
    }

    // ---------------------------------------------------------------- the audit log

    @Test
    void theAuditLogRecordsSignInsFailuresViewsAndItsOwnExport() throws Exception {
        String id = newCase(cli, "MGR-1");
        assertThat(cli.run("case", "show", id).code()).isZero();
        cli.withEnv(Secrets.PASSWORD_FILE, cli.secretFile("wrong", "not the password").toString()).run("case", "list");
        CliRunner admin = cli.as("admin");

        Path csv = dir.resolve("out/audit.csv");
        CliRunner.Result export = admin.run("audit", "--out", csv.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("Wrote ").contains(" audit events to " + csv);
        String text = Files.readString(csv);
        assertThat(text).startsWith("\uFEFFseq,time,who,action,subject,detail\r\n")
                .contains(",worker,Signed in,worker,").contains(",worker,Failed sign-in,worker,wrong password")
                .contains(",worker,Case opened for viewing," + id + ",").doesNotContain("MGR-1");

        List<Map<String, Object>> events = auditJson(admin);
        assertThat(events).extracting(e -> e.get("who") + " " + e.get("action"))
                .contains("worker sign-in", "worker sign-out", "worker sign-in-failed", "worker case-viewed",
                        "admin audit-exported");
        assertThat(events).filteredOn(e -> "audit-exported".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("subject", "audit.csv")
                        .containsEntry("time", "25 Nov 2026, 12:00"));
        assertThat(events).extracting(e -> ((Number) e.get("seq")).longValue()).isSorted();

        CliRunner.Result latest = admin.run("audit", "--limit", "2");
        assertThat(latest.out().strip().lines()).hasSize(2);
        assertThat(latest.out()).contains("Signed in").contains("admin");
        assertOneLine(admin.run("audit", "--limit", "0"), "--limit: give a number of events of 1 or more");

        Path json = dir.resolve("audit.json");
        assertThat(admin.run("audit", "--out", json.toString()).code()).isZero();
        List<Map<String, Object>> fromFile = JSON.readValue(json.toFile(), new TypeReference<>() { });
        assertThat(fromFile).isNotEmpty().allSatisfy(e -> assertThat(e).containsKeys("seq", "time", "who", "action",
                "label", "subject", "detail", "hash"));
        assertThat(admin.run("verify").out()).contains("every chain is intact");
    }

    // ---------------------------------------------------------------- helpers

    private String rawText() throws Exception {
        return new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1);
    }

    private static String newCase(CliRunner as, String ref) {
        CliRunner.Result r = as.run("case", "new", "--policy", "croydon", "--child-ref", ref, "--raised-by", "Sam Lee",
                "--raised-agency", "Oak School", "--other-agency", "Children's Social Care", "--category",
                "Levels of need", "--concern", "Referral closed", "--at", "2026-11-23T10:00");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().strip();
    }

    private static List<String> list(CliRunner as) throws Exception {
        CliRunner.Result r = as.run("case", "list", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, Object>> cases = JSON.readValue(r.out(), new TypeReference<>() { });
        return cases.stream().map(c -> (String) c.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String entryId(CliRunner as, String caseId, String type) throws Exception {
        CliRunner.Result r = as.run("case", "show", caseId, "--json");
        Map<String, Object> c = JSON.readValue(r.out(), new TypeReference<>() { });
        return ((List<Map<String, Object>>) c.get("entries")).stream().filter(e -> type.equals(e.get("type")))
                .map(e -> (String) e.get("id")).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> auditJson(CliRunner as) throws Exception {
        CliRunner.Result r = as.run("audit", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readValue(r.out(), new TypeReference<>() { });
    }

    private static void assertOneLine(CliRunner.Result r, String expected) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("resolve: ").contains(expected).doesNotContain("\n")
                .doesNotContain("Exception");
    }
}
