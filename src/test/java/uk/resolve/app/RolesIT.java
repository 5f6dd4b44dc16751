/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.audit.AuditEvent;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.domain.report.ReportTables;
import uk.resolve.report.ReportText;
import uk.resolve.security.AccessDenied;
import uk.resolve.security.ProtectionException;
import uk.resolve.security.Role;
import uk.resolve.security.Throttle;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * What each role may see and do, through the services on one encrypted database: the checks live in
 * the services, so a screen or a script that forgets them is still refused.
 */
class RolesIT {

    static final String PW = "a long enough password";

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-11-25T10:00");
    Vault vault;
    UUID aliceCase;

    @BeforeEach
    void people() {
        vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        try (Session admin = vault.createFirstAdministrator("admin", PW.toCharArray(), "")) {
            admin.addUser("alice", "Alice", Role.PRACTITIONER, "Riverside School", PW.toCharArray());
            admin.addUser("bob", "Bob", Role.PRACTITIONER, "Riverside School", PW.toCharArray());
            admin.addUser("mary", "Mary", Role.MANAGER, "Riverside School", PW.toCharArray());
            admin.addUser("nick", "Nick", Role.MANAGER, "Health visiting", PW.toCharArray());
            admin.addUser("dsl", "Dee", Role.SAFEGUARDING_LEAD, "Riverside School", PW.toCharArray());
            admin.addUser("board", "Bea", Role.BUSINESS_TEAM, "Partnership", PW.toCharArray());
        }
        try (Session alice = as("alice")) {
            var s = alice.services();
            CaseState c = s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00"));
            s.cases().discuss(c.id(), new DiscussionRequest("Duty SW", "phone", "Spoke about the referral", null, false,
                    Fixtures.instant("2026-11-24T15:00")));
            aliceCase = c.id();
        }
    }

    Session as(String name) {
        return vault.signIn(name, PW.toCharArray());
    }

    @Test
    void aPractitionerSeesTheirOwnCasesAndThoseSharedWithThemButCannotApprove() {
        try (Session bob = as("bob")) {
            assertThat(bob.services().cases().list()).isEmpty();
            assertThatThrownBy(() -> bob.services().cases().get(aliceCase)).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("that you can see");
        }
        try (Session alice = as("alice")) {
            CaseState c = alice.services().cases().get(aliceCase);
            UUID discussion = c.entries().get(1).id();
            assertThatThrownBy(() -> alice.services().cases().approve(aliceCase, discussion, "ok"))
                    .isInstanceOf(AccessDenied.class).hasMessageContaining("cannot approve records");
            alice.services().cases().share(aliceCase, "Bob", "Covering while I am on leave");
        }
        try (Session bob = as("bob")) {
            assertThat(bob.services().cases().list()).extracting(CaseState::id).containsExactly(aliceCase);
        }
    }

    @Test
    void aManagerSeesTheirTeamsCasesAndApprovesRecordsButNotAnotherTeams() {
        try (Session mary = as("mary")) {
            CaseState c = mary.services().cases().get(aliceCase);
            CaseState after = mary.services().cases().approve(aliceCase, c.entries().get(1).id(), "Agreed");
            assertThat(after.entries()).anySatisfy(e -> assertThat(e.author()).isEqualTo("mary"));
        }
        try (Session nick = as("nick")) {
            assertThat(nick.services().cases().list()).isEmpty();
        }
        try (Session dsl = as("dsl")) {
            CaseState c = dsl.services().cases().get(aliceCase);
            assertThatThrownBy(() -> dsl.services().cases().approve(aliceCase, c.entries().get(1).id(), "x"))
                    .isInstanceOf(AccessDenied.class);
            assertThat(dsl.services().reports().compute(query())).isNotNull();
        }
    }

    @Test
    void theBusinessTeamSeesAnonymisedReportsAndTheAuditLogButNoCase() {
        try (Session board = as("board")) {
            var s = board.services();
            assertThatThrownBy(() -> s.cases().list()).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> s.cases().get(aliceCase)).isInstanceOf(AccessDenied.class);
            String report = ReportText.render(ReportTables.of(s.reports().compute(query())));
            assertThat(report).contains("Croydon").doesNotContain("REF-CROYDON").doesNotContain("referral was closed");
            assertThat(s.audit().all()).extracting(AuditEvent::action).contains(AuditAction.CASE_OPENED.code());
            assertThatThrownBy(() -> s.sync().export(dir.resolve("x.resolve"), java.util.List.of(), "a long passphrase here".toCharArray(), n -> { }))
                    .isInstanceOf(AccessDenied.class);
        }
    }

    @Test
    void administratorsManagePeopleAndProceduresButSeeNoCaseContent() throws Exception {
        Path procedure = dir.resolve("procedure.yaml");
        Files.writeString(procedure, new String(getClass().getResourceAsStream("/policies/croydon.yaml").readAllBytes())
                .replaceFirst("(?m)^version: .*$", "version: \"9.9\""));
        try (Session admin = as("admin")) {
            assertThatThrownBy(() -> admin.services().cases().list()).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> admin.services().reports().compute(query())).isInstanceOf(AccessDenied.class);
            admin.services().policies().importFile(procedure, "admin");
            assertThat(admin.services().audit().all()).extracting(AuditEvent::action)
                    .contains(AuditAction.PROCEDURE_IMPORTED.code(), AuditAction.USER_ADDED.code());
        }
        try (Session alice = as("alice")) {
            assertThatThrownBy(() -> alice.services().policies().importFile(procedure, "alice"))
                    .isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> alice.services().audit().all()).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> alice.users()).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> alice.addUser("eve", "", Role.ADMINISTRATOR, "", PW.toCharArray()))
                    .isInstanceOf(AccessDenied.class);
        }
    }

    @Test
    void changingAPasswordWrapsTheKeyAgainWithoutReEncryptingTheDatabase() throws Exception {
        byte[] headerBefore = header();
        String keysBefore = Files.readString(vault.keyFile());
        char[] newPw = "a completely new phrase".toCharArray();
        try (Session alice = as("alice")) {
            assertThat(alice.mustChangePassword()).isTrue();
            alice.changePassword(PW.toCharArray(), newPw);
            assertThat(alice.mustChangePassword()).isFalse();
        }
        assertThat(Files.readString(vault.keyFile())).isNotEqualTo(keysBefore);
        assertThat(header()).isEqualTo(headerBefore); // same file encryption salt: not re-encrypted
        assertThatThrownBy(() -> as("alice")).isInstanceOf(ProtectionException.class);
        try (Session alice = vault.signIn("alice", newPw)) {
            assertThat(alice.mustChangePassword()).isFalse();
            assertThat(alice.services().cases().get(aliceCase).details().childRef()).isEqualTo("REF-CROYDON");
        }
    }

    @Test
    void anAdministratorResetsAForgottenPasswordAndRemovedPeopleCannotSignIn() {
        try (Session admin = as("admin")) {
            admin.resetPassword("alice", "temporary password 1".toCharArray());
            admin.removeUser("bob");
            assertThatThrownBy(() -> admin.removeUser("admin")).isInstanceOf(ProtectionException.class);
        }
        try (Session alice = vault.signIn("alice", "temporary password 1".toCharArray())) {
            assertThat(alice.mustChangePassword()).isTrue();
        }
        assertThatThrownBy(() -> as("bob")).isInstanceOf(ProtectionException.class)
                .hasMessageContaining("name or password is not right");
    }

    @Test
    void failedSignInsAreSlowedThenLockedAndRecorded() {
        for (int i = 0; i < Throttle.FREE - 1; i++) {
            assertThatThrownBy(() -> vault.signIn("alice", "wrong password!".toCharArray()))
                    .hasMessageContaining("name or password is not right");
        }
        assertThatThrownBy(() -> vault.signIn("alice", "wrong password!".toCharArray()))
                .hasMessageContaining("Too many failed sign-ins for alice (3 in a row)");
        // even the right password waits its turn
        assertThatThrownBy(() -> as("alice")).hasMessageContaining("Wait 2 seconds");
        clock.advance(Duration.ofSeconds(3));
        try (Session alice = as("alice")) {
            assertThat(alice.actor().name()).isEqualTo("alice");
        }
        for (int i = 0; i < Throttle.LOCK_AFTER; i++) {
            clock.advance(Duration.ofMinutes(2));
            assertThatThrownBy(() -> vault.signIn("alice", "wrong password!".toCharArray()))
                    .isInstanceOf(ProtectionException.class);
        }
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> as("alice")).hasMessageContaining("Wait 13 minutes");
        clock.advance(Throttle.LOCK);
        try (Session admin = as("admin")) {
            assertThat(admin.services().audit().all()).filteredOn(e -> e.action().equals("sign-in-failed"))
                    .hasSizeGreaterThanOrEqualTo(Throttle.LOCK_AFTER + 3);
            assertThat(admin.services().audit().verify()).isEmpty();
        }
    }

    @Test
    void aLockedSessionUnlocksOnlyWithThePassword() {
        try (Session alice = as("alice")) {
            alice.lock();
            assertThat(alice.locked()).isTrue();
            assertThatThrownBy(() -> alice.unlock("not it at all".toCharArray())).isInstanceOf(ProtectionException.class);
            assertThat(alice.locked()).isTrue();
            alice.unlock(PW.toCharArray());
            assertThat(alice.locked()).isFalse();
        }
        try (Session admin = as("admin")) {
            assertThat(admin.services().audit().all()).filteredOn(e -> e.action().equals("sign-in-failed"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.actor()).isEqualTo("alice");
                        assertThat(e.detail()).isEqualTo("wrong password to unlock");
                    });
        }
    }

    @Test
    void onePersonAloneOnTheirLaptopWorksOnCasesAndLooksAfterResolveWithOneAccount() {
        Vault laptop = Vault.at(dir.resolve("laptop/resolve.mv.db"), clock);
        UUID caseId;
        try (Session dee = laptop.createFirstAccount("Dee", "Dee Lead", Role.SAFEGUARDING_LEAD, PW.toCharArray(),
                "Oak School")) {
            assertThat(dee.actor().roles()).containsExactlyInAnyOrder(Role.SAFEGUARDING_LEAD, Role.ADMINISTRATOR);
            assertThat(dee.actor().rolesLabel()).isEqualTo("Safeguarding lead and administrator");
            var s = dee.services();
            CaseState c = s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00"));
            caseId = c.id();
            assertThat(s.reports().compute(query())).isNotNull();
            dee.addUser("ann", "Ann", Role.PRACTITIONER, "Oak School", PW.toCharArray());
            assertThat(dee.users()).extracting(u -> u.name() + ":" + u.role())
                    .containsExactly("ann:practitioner", "dee:safeguarding-lead,administrator");
        }
        try (Session dee = laptop.signIn("dee", PW.toCharArray())) {
            assertThat(dee.actor().administers()).isTrue();
            assertThat(dee.actor().caseRole()).contains(Role.SAFEGUARDING_LEAD);
            assertThat(dee.services().cases().get(caseId).details().childRef()).isEqualTo("REF-CROYDON");
            assertThat(dee.services().audit().all()).filteredOn(e -> e.action().equals(AuditAction.USER_ADDED.code()))
                    .extracting(AuditEvent::detail)
                    .containsExactly("first administrator of a new database (safeguarding-lead,administrator)",
                            "practitioner, team Oak School");
        }
    }

    @Test
    void aFirstAccountWithoutACaseRoleIsAnAdministratorOnly() {
        Vault laptop = Vault.at(dir.resolve("it/resolve.mv.db"), clock);
        try (Session it = laptop.createFirstAccount("it", "", null, PW.toCharArray(), "")) {
            assertThat(it.actor().roles()).containsExactly(Role.ADMINISTRATOR);
            assertThatThrownBy(() -> it.services().cases().list()).isInstanceOf(AccessDenied.class)
                    .hasMessageContaining("signed in as administrator cannot work on cases");
        }
    }

    @Test
    void aManagerWhoAlsoAdministersStillCannotApproveTheirOwnRecord() {
        try (Session admin = as("admin")) {
            admin.addUser("max", "Max", EnumSet.of(Role.MANAGER, Role.ADMINISTRATOR), "Riverside School", PW.toCharArray());
        }
        UUID own;
        UUID discussion;
        try (Session max = as("max")) {
            var s = max.services();
            own = s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00")).id();
            s.cases().discuss(own, new DiscussionRequest("Duty SW", "phone", "Spoke again", null, false,
                    Fixtures.instant("2026-11-24T16:00")));
            discussion = s.cases().get(own).entries().get(1).id();
            assertThatThrownBy(() -> s.cases().approve(own, discussion, "ok")).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("cannot approve it yourself");
            // another's record, in the same team: approved
            CaseState alices = s.cases().get(aliceCase);
            s.cases().approve(aliceCase, alices.entries().get(1).id(), "Agreed");
            assertThat(max.users()).extracting(u -> u.name()).contains("max");
        }
        try (Session mary = as("mary")) {
            CaseState after = mary.services().cases().approve(own, discussion, "Agreed");
            assertThat(after.entries()).anySatisfy(e -> assertThat(e.author()).isEqualTo("mary"));
        }
    }

    @Test
    void theBusinessTeamStillSeesNoCaseWhenItAlsoAdministers() {
        try (Session admin = as("admin")) {
            admin.changeUser("board", EnumSet.of(Role.BUSINESS_TEAM, Role.ADMINISTRATOR), null);
        }
        try (Session board = as("board")) {
            assertThat(board.actor().rolesLabel()).isEqualTo("Partnership business team and administrator");
            assertThatThrownBy(() -> board.services().cases().list()).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> board.services().cases().get(aliceCase)).isInstanceOf(AccessDenied.class);
            assertThat(board.users()).isNotEmpty();
            assertThat(board.services().reports().compute(query())).isNotNull();
        }
    }

    @Test
    void administrationIsAuditedAndTheLastAdministratorCannotGiveItUp() {
        try (Session admin = as("admin")) {
            assertThatThrownBy(() -> admin.changeUser("admin", Role.PRACTITIONER, null))
                    .isInstanceOf(ProtectionException.class).hasMessageContaining("only administrator");
            assertThatThrownBy(() -> admin.changeUser("dsl", EnumSet.of(Role.MANAGER, Role.SAFEGUARDING_LEAD), null))
                    .isInstanceOf(ProtectionException.class).hasMessageContaining("one role on cases");
            admin.changeUser("dsl", EnumSet.of(Role.SAFEGUARDING_LEAD, Role.ADMINISTRATOR), null);
            admin.services().policies().setDefault("croydon");
        }
        try (Session dsl = as("dsl")) {
            // now another administrator exists, the first may become a practitioner who also administers no more
            dsl.changeUser("admin", EnumSet.of(Role.PRACTITIONER), null);
            assertThatThrownBy(() -> dsl.changeUser("dsl", EnumSet.of(Role.SAFEGUARDING_LEAD), null))
                    .isInstanceOf(ProtectionException.class).hasMessageContaining("You are the only administrator");
            assertThat(dsl.services().audit().all()).filteredOn(e -> e.action().equals(AuditAction.USER_CHANGED.code()))
                    .extracting(e -> e.actor() + ": " + e.subject() + " " + e.detail())
                    .containsExactly("admin: dsl safeguarding-lead -> safeguarding-lead,administrator, team Riverside School",
                            "dsl: admin administrator -> practitioner, team ");
            assertThat(dsl.services().audit().all()).filteredOn(e -> e.action().equals(AuditAction.SETTINGS_CHANGED.code()))
                    .extracting(e -> e.actor() + ": " + e.subject() + " " + e.detail())
                    .containsExactly("admin: policy.default croydon");
            assertThat(dsl.services().audit().verify()).isEmpty();
        }
        try (Session admin = as("admin")) {
            assertThat(admin.actor().roles()).containsExactly(Role.PRACTITIONER);
            assertThatThrownBy(admin::users).isInstanceOf(AccessDenied.class);
        }
    }

    @Test
    void peopleFromBeforeRolesWereASetKeepTheirRoleAndAdministratorsStayAdministratorOnly() throws Exception {
        // a database as the previous version left it: one role code per person, not yet encrypted
        Path old = dir.resolve("old/resolve.mv.db");
        Files.createDirectories(old.getParent());
        String url = "jdbc:h2:file:" + dir.resolve("old/resolve").toAbsolutePath();
        org.flywaydb.core.Flyway.configure().dataSource(url, "resolve", "").locations("classpath:db/migration")
                .target("9.1").load().migrate();
        try (var c = java.sql.DriverManager.getConnection(url, "resolve", ""); var st = c.createStatement()) {
            st.execute("INSERT INTO app_user (name, full_name, role, team, active, created_at, created_by) VALUES"
                    + " ('olda', 'Old Admin', 'administrator', '', TRUE, CURRENT_TIMESTAMP, 'olda'),"
                    + " ('oldm', 'Old Manager', 'manager', 'Riverside School', TRUE, CURRENT_TIMESTAMP, 'olda')");
        }
        Vault upgraded = Vault.at(old, clock);
        assertThat(upgraded.state()).isEqualTo(Vault.State.UNPROTECTED);
        try (Session first = upgraded.createFirstAdministrator("newadmin", PW.toCharArray(), "")) {
            assertThat(Person.all(first)).extracting(p -> p.name() + ": " + p.rolesLabel())
                    .containsExactly("newadmin: Administrator", "olda: Administrator", "oldm: Manager");
            assertThat(Person.all(first)).filteredOn(p -> p.name().equals("olda")).singleElement()
                    .satisfies(p -> assertThat(p.caseRole()).isEmpty());
            // the widened column holds the longest set
            first.changeUser("oldm", EnumSet.of(Role.SAFEGUARDING_LEAD, Role.ADMINISTRATOR), null);
            first.changeUser("olda", EnumSet.of(Role.BUSINESS_TEAM, Role.ADMINISTRATOR), null);
            assertThat(first.users()).extracting(u -> u.name() + "=" + u.role()).contains(
                    "oldm=safeguarding-lead,administrator", "olda=business-team,administrator");
            assertThat(first.services().integrity().verify().peopleBreaks()).isEmpty();
        }
    }

    private byte[] header() throws Exception {
        try (var in = Files.newInputStream(vault.databaseFile())) {
            return in.readNBytes(4096);
        }
    }

    private static ReportQuery query() {
        return new ReportQuery(new ReportPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)), null);
    }
}
