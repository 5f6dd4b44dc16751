/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.CaseKeyGrant;
import uk.resolve.domain.record.EntryType;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * Key grants written after a sync: a manager whose keys reach a practitioner's laptop only through
 * the shared file gets the key of her team's case from that laptop's next sync, without anyone
 * opening or writing to the case.
 */
class GrantsAfterSyncIT {

    static final char[] PW = "a long enough password".toCharArray();
    static final String PASSPHRASE = "four unrelated words for the file";

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-25T10:00");

    /** A laptop set up by one person for themselves: they administer it and work in their own role and team. */
    private Vault own(String name, String person, Role role, String team) {
        Vault v = Vault.at(dir.resolve(name).resolve("resolve.mv.db"), clock);
        try (Session admin = v.createFirstAdministrator("admin-" + name, PW, "")) {
            admin.addUser(person, person, role, team, PW);
        }
        tick();
        return v;
    }

    private void tick() {
        clock.advance(Duration.ofMinutes(1));
    }

    /** The grants of {@code caseId} as stored on {@code laptop}: kept to this one place. */
    private static List<String> grantedTo(Session s, UUID caseId) {
        return s.services().entries().caseEntries(caseId).stream().filter(e -> e.type() == EntryType.CASE_KEY)
                .map(e -> e.get(CaseKeyGrant.PERSON)).toList();
    }

    @Test
    void aManagerKnownOnlyThroughTheSharedFileGetsTheKeyOfHerTeamsCaseFromTheNextSyncAlone() {
        Path shared = dir.resolve("shared").resolve("team.resolve");
        shared.getParent().toFile().mkdirs();
        Vault a = own("a", "alice", Role.PRACTITIONER, "Riverside");
        Vault b = own("b", "mary", Role.MANAGER, "Riverside");
        Vault c = own("c", "hugo", Role.MANAGER, "Hillside");
        UUID id;
        try (Session alice = a.signIn("alice", PW)) {
            var s = alice.services();
            // opened before this laptop knows of any manager: only Alice holds its key
            id = s.cases().open(Fixtures.openRequest(s, "havering", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00")).id();
            assertThat(grantedTo(alice, id)).containsExactly("alice");
        }
        tick();
        try (Session mary = b.signIn("mary", PW)) {
            mary.services().sync().setUpTeamKey(shared, PASSPHRASE.toCharArray());
            mary.services().sync().syncWith(shared); // her keys go to the shared file
        }
        tick();
        try (Session hugo = c.signIn("hugo", PW)) {
            hugo.services().sync().joinTeam(shared, PASSPHRASE.toCharArray());
            hugo.services().sync().syncWith(shared);
        }
        tick();
        try (Session alice = a.signIn("alice", PW)) {
            var s = alice.services();
            s.sync().joinTeam(shared, PASSPHRASE.toCharArray());
            s.sync().syncWith(shared); // brings Mary's and Hugo's keys; the grant to Mary is written here
            assertThat(grantedTo(alice, id)).containsExactlyInAnyOrder("alice", "mary");
            // a grant changes no case's summary: the summaries still cover every entry, and are not made again
            assertThat(TestAccess.summaries(s).ensureCurrent()).isNull();
            s.sync().syncWith(shared); // and goes out
            // a sync that brings nothing new writes nothing
            s.sync().syncWith(shared);
            assertThat(grantedTo(alice, id)).hasSize(2);
        }
        tick();
        try (Session mary = b.signIn("mary", PW)) {
            var s = mary.services();
            s.sync().syncWith(shared);
            assertThat(TestAccess.summaries(s).ensureCurrent()).isNull();
            assertThat(s.cases().get(id).details().childRef()).isEqualTo("REF-HAVERING");
            assertThat(s.cases().readable(id)).isTrue();
            Integrity.Result r = s.integrity().verify();
            assertThat(r.intact()).as(r.record().findings().toString()).isTrue();
        }
        try (Session hugo = c.signIn("hugo", PW)) {
            var s = hugo.services();
            s.sync().syncWith(shared);
            // another team's manager: the case is not his to see, and no key of it was wrapped for him
            assertThat(grantedTo(hugo, id)).doesNotContain("hugo");
        }
    }

    @Test
    void boardTextWrittenBeforeAReportKeyArrivedIsWrappedForItByTheNextSyncOfACaseKeyHolder() {
        Path shared = dir.resolve("shared").resolve("team.resolve");
        shared.getParent().toFile().mkdirs();
        Vault a = own("a", "alice", Role.PRACTITIONER, "Riverside");
        UUID id;
        try (Session alice = a.signIn("alice", PW)) {
            var s = alice.services();
            id = s.cases().open(Fixtures.openRequest(s, "havering", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00")).id();
            tick();
            s.cases().resolve(id, new uk.resolve.domain.escalation.ResolveRequest("Agreed.", null,
                    "REF-HAVERING showed us the pangolin lesson.", clock.instant()));
        }
        tick();
        // another laptop of the team, whose administrator adds the business team: the report key is made there
        Vault b = own("b", "mary", Role.MANAGER, "Riverside");
        try (Session admin = b.signIn("admin-b", PW)) {
            admin.addUser("bea", "Bea", Role.BUSINESS_TEAM, "Partnership", PW);
        }
        tick();
        try (Session mary = b.signIn("mary", PW)) {
            mary.services().sync().setUpTeamKey(shared, PASSPHRASE.toCharArray());
            mary.services().sync().syncWith(shared);
        }
        tick();
        try (Session alice = a.signIn("alice", PW)) {
            var s = alice.services();
            s.sync().joinTeam(shared, PASSPHRASE.toCharArray());
            s.sync().syncWith(shared); // brings the report key: Alice's Resolve wraps her learning for it
            assertThat(s.entries().caseEntries(id).stream()
                    .map(uk.resolve.domain.record.BoardContent.Wrap::of).flatMap(java.util.Optional::stream))
                    .hasSize(1);
            s.sync().syncWith(shared); // and it goes out
        }
        tick();
        try (Session mary = b.signIn("mary", PW)) {
            mary.services().sync().syncWith(shared);
        }
        tick();
        try (Session bea = b.signIn("bea", PW)) {
            var r = bea.services().reports().compute(new uk.resolve.domain.report.ReportQuery(
                    new uk.resolve.domain.report.ReportPeriod(java.time.LocalDate.parse("2026-04-01"),
                            java.time.LocalDate.parse("2027-03-31")), null));
            assertThat(BoardTextIT.learning(r)).contains("pangolin lesson").doesNotContain("REF-HAVERING");
        }
        try (Session mary = b.signIn("mary", PW)) {
            Integrity.Result r = mary.services().integrity().verify();
            assertThat(r.intact()).as(r.record().findings().toString()).isTrue();
        }
    }
}
