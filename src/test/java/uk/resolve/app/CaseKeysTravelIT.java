/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.CaseKeyGrant;
import uk.resolve.domain.record.EntryType;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * Case keys travel with the case: a manager on another laptop, with keys of her own there, reads a
 * case exported from her colleague's laptop once her keys there were known to it.
 */
class CaseKeysTravelIT {

    static final char[] PW = "a long enough password".toCharArray();
    static final char[] PASSPHRASE = "four unrelated words for the file".toCharArray();

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-25T10:00");

    private Vault laptop(String name) {
        Vault v = Vault.at(dir.resolve(name).resolve("resolve.mv.db"), clock);
        try (Session admin = v.createFirstAdministrator("admin-" + name, PW, "")) {
            admin.addUser("alice", "Alice", Role.PRACTITIONER, "Riverside", PW);
            admin.addUser("mary", "Mary", Role.MANAGER, "Riverside", PW);
            admin.addUser("board", "Bea", Role.BUSINESS_TEAM, "Partnership", PW);
        }
        tick();
        return v;
    }

    private void tick() {
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void aCaseExportedFromOneLaptopIsReadByAnEntitledColleagueOnAnotherWithHerOwnKeysThere() {
        Vault a = laptop("a");
        Vault b = laptop("b");
        Path fromB = dir.resolve("from-b.resolve");
        try (Session mary = b.signIn("mary", PW)) {
            var s = mary.services();
            s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00"));
            s.sync().export(fromB, List.of(), PASSPHRASE, n -> { });
        }
        tick();
        UUID id;
        Path fromA = dir.resolve("from-a.resolve");
        try (Session alice = a.signIn("alice", PW)) {
            var s = alice.services();
            s.sync().importFile(fromB, PASSPHRASE, n -> { }); // brings mary's keys on laptop b
            id = s.cases().open(Fixtures.openRequest(s, "havering", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00")).id();
            // each of their keys, on both laptops, gets the case key; the business team's gets none
            assertThat(s.entries().caseEntries(id)).filteredOn(e -> e.type() == EntryType.CASE_KEY)
                    .extracting(e -> e.get(CaseKeyGrant.PERSON))
                    .containsExactlyInAnyOrder("alice", "alice", "mary", "mary");
            s.sync().export(fromA, List.of(id), PASSPHRASE, n -> { });
        }
        tick();
        try (Session mary = b.signIn("mary", PW)) {
            var s = mary.services();
            s.sync().importFile(fromA, PASSPHRASE, n -> { });
            CaseState c = s.cases().get(id);
            assertThat(c.details().childRef()).isEqualTo("REF-HAVERING");
            assertThat(c.details().concern()).isEqualTo("The referral was closed without an assessment.");
            assertThat(s.cases().list()).filteredOn(x -> x.id().equals(id)).extracting(x -> x.details().childRef())
                    .containsExactly("REF-HAVERING");
            Integrity.Result r = s.integrity().verify();
            assertThat(r.intact()).as(r.record().findings().toString()).isTrue();
        }
    }

    @Test
    void aManagerKnownHereOnlyFromTheRecordGetsTheKeyOfHerTeamsCasesAndAnotherTeamsManagerDoesNot() {
        // each laptop knows only its own person: the others are known from the key registrations that travel
        Vault a = own("a", "alice", Role.PRACTITIONER, "Riverside");
        Vault b = own("b", "mary", Role.MANAGER, "Riverside");
        Vault c = own("c", "hugo", Role.MANAGER, "Hillside");
        Path fromB = dir.resolve("from-b.resolve");
        Path fromC = dir.resolve("from-c.resolve");
        for (var who : List.of(List.of(b, "mary", fromB), List.of(c, "hugo", fromC))) {
            // an export carries a case: each opens one of their own, and their keys travel with it
            try (Session own = ((Vault) who.get(0)).signIn((String) who.get(1), PW)) {
                var s = own.services();
                s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00"));
                s.sync().export((Path) who.get(2), List.of(), PASSPHRASE, n -> { });
            }
        }
        tick();
        UUID id;
        Path fromA = dir.resolve("from-a.resolve");
        try (Session alice = a.signIn("alice", PW)) {
            var s = alice.services();
            s.sync().importFile(fromB, PASSPHRASE, n -> { });
            s.sync().importFile(fromC, PASSPHRASE, n -> { });
            id = s.cases().open(Fixtures.openRequest(s, "havering", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00")).id();
            assertThat(s.entries().caseEntries(id)).filteredOn(e -> e.type() == EntryType.CASE_KEY)
                    .extracting(e -> e.get(CaseKeyGrant.PERSON)).containsOnly("alice", "mary").contains("mary");
            s.sync().export(fromA, List.of(id), PASSPHRASE, n -> { });
        }
        tick();
        try (Session mary = b.signIn("mary", PW)) {
            var s = mary.services();
            s.sync().importFile(fromA, PASSPHRASE, n -> { });
            assertThat(s.cases().get(id).details().childRef()).isEqualTo("REF-HAVERING");
        }
        try (Session hugo = c.signIn("hugo", PW)) {
            var s = hugo.services();
            s.sync().importFile(fromA, PASSPHRASE, n -> { });
            assertThat(s.entries().caseEntries(id)).filteredOn(e -> e.type() == EntryType.CASE_KEY)
                    .extracting(e -> e.get(CaseKeyGrant.PERSON)).doesNotContain("hugo");
        }
    }

    /** A laptop set up by one person for themselves: they administer it and work in their own role and team. */
    private Vault own(String name, String person, Role role, String team) {
        Vault v = Vault.at(dir.resolve(name).resolve("resolve.mv.db"), clock);
        try (Session admin = v.createFirstAdministrator("admin-" + name, PW, "")) {
            admin.addUser(person, person, role, team, PW);
        }
        tick();
        return v;
    }
}
