/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.security.Role;
import uk.resolve.store.ListCacheStore;
import uk.resolve.testing.MutableClock;

/**
 * My escalations over sealed cases (decision 0012): each person's list shows the child details of
 * the cases they hold a key to, from their own sealed list cache after the first list, and nothing of
 * the others; the cache follows new grants, syncs and removals, and one that does not match is made
 * again from the record, never trusted.
 */
class CaseListCacheIT {

    static final char[] PW = "a long enough password".toCharArray();
    static final char[] PASSPHRASE = "four unrelated words for the file".toCharArray();

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-25T10:00");
    Vault vault;
    UUID alicesCase;
    UUID bobsCase;

    @BeforeEach
    void twoTeams() {
        vault = laptop("a");
        alicesCase = open(vault, "alice", "RIV-001", "Ann Riverside", "Priya Tapir");
        bobsCase = open(vault, "bob", "HV-777", "Bo Health", null);
    }

    private Vault laptop(String name) {
        Vault v = Vault.at(dir.resolve(name).resolve("resolve.mv.db"), clock);
        try (Session admin = v.createFirstAdministrator("admin", PW, "")) {
            admin.addUser("alice", "Alice", Role.PRACTITIONER, "Riverside", PW);
            admin.addUser("mary", "Mary", Role.MANAGER, "Riverside", PW);
            admin.addUser("bob", "Bob", Role.PRACTITIONER, "Health visiting", PW);
            admin.addUser("nick", "Nick", Role.MANAGER, "Health visiting", PW);
        }
        tick();
        return v;
    }

    private UUID open(Vault v, String who, String ref, String name, String otherProfessional) {
        try (Session s = v.signIn(who, PW)) {
            var p = s.services().policies().require("croydon");
            UUID id = s.services().cases().open(new OpenCaseRequest("croydon", null, ref, name,
                    ChildStatus.CHILD_IN_NEED, "Worker " + who, "School", "Children's Social Care", otherProfessional,
                    p.categories().get(0).label(), "The referral was closed.", null, null, false, 1, null, false,
                    clock.instant(), null, Map.of(), Map.of())).id();
            tick();
            return id;
        }
    }

    private void tick() {
        clock.advance(Duration.ofMinutes(1));
    }

    /** What {@code who}'s My escalations shows: case id to "reference / name / other professional". */
    private Map<UUID, String> listOf(Vault v, String who) {
        try (Session s = v.signIn(who, PW)) {
            return s.services().cases().listings(l -> l).stream().collect(java.util.stream.Collectors.toMap(
                    CaseListing::id, l -> l.childRef() + " / " + l.childName() + " / " + l.otherProfessional()));
        }
    }

    // the one place these tests reach the stored cache beneath the services

    private Map<Integer, byte[]> stored(Vault v, String who) {
        try (Session admin = v.signIn("admin", PW)) {
            return new ListCacheStore(admin.services().database()).read(who);
        }
    }

    private void store(Vault v, String who, Map<Integer, byte[]> buckets) {
        try (Session admin = v.signIn("admin", PW)) {
            new ListCacheStore(admin.services().database()).write(who, buckets);
        }
    }

    @Test
    void eachPersonsListShowsTheChildOfTheSealedCasesTheyHoldAKeyToAndNothingOfOthers() {
        Map<UUID, String> mary = listOf(vault, "mary");
        assertThat(mary).containsOnlyKeys(alicesCase);
        assertThat(mary.get(alicesCase)).isEqualTo("RIV-001 / Ann Riverside / Priya Tapir");
        assertThat(listOf(vault, "nick")).containsExactly(Map.entry(bobsCase, "HV-777 / Bo Health / null"));
        assertThat(listOf(vault, "bob")).containsOnlyKeys(bobsCase);
        // the first list filled mary's cache; the next session shows the same from it
        assertThat(stored(vault, "mary")).hasSize(1);
        assertThat(listOf(vault, "mary")).isEqualTo(mary);
        assertThat(stored(vault, "nick")).hasSize(1);
        assertThat(stored(vault, "admin")).isEmpty();
    }

    @Test
    void aManagerWithoutAKeyYetSeesNotReadableUntilAColleagueGrantsItThenTheCacheHoldsIt() {
        try (Session admin = vault.signIn("admin", PW)) {
            admin.addUser("meg", "Meg", Role.MANAGER, "Riverside", PW);
        }
        tick();
        assertThat(listOf(vault, "meg").get(alicesCase)).startsWith(CaseKeys.NOT_READABLE);
        // nothing unreadable is cached: the list opens it again once a key is there
        assertThat(stored(vault, "meg")).isEmpty();
        try (Session alice = vault.signIn("alice", PW)) {
            alice.services().cases().view(alicesCase); // wraps the case key for meg, who is newly entitled
        }
        tick();
        assertThat(listOf(vault, "meg").get(alicesCase)).isEqualTo("RIV-001 / Ann Riverside / Priya Tapir");
        assertThat(stored(vault, "meg")).hasSize(1);
    }

    @Test
    void aCaseArrivingBySyncJoinsTheCacheAtTheNextList() {
        Vault b = laptop("b");
        Path fromA = dir.resolve("from-a.resolve");
        try (Session alice = vault.signIn("alice", PW)) {
            alice.services().sync().export(fromA, List.of(), PASSPHRASE, n -> { });
        }
        try (Session alice = b.signIn("alice", PW)) {
            alice.services().sync().importFile(fromA, PASSPHRASE, n -> { }); // brings her keys on laptop a
        }
        tick();
        UUID fromB = open(b, "alice", "B-LAPTOP-9", null, null);
        Path file = dir.resolve("from-b.resolve");
        try (Session alice = b.signIn("alice", PW)) {
            alice.services().sync().export(file, List.of(fromB), PASSPHRASE, n -> { });
        }
        Map<UUID, String> before = listOf(vault, "alice");
        assertThat(before).containsOnlyKeys(alicesCase);
        try (Session alice = vault.signIn("alice", PW)) {
            alice.services().sync().importFile(file, PASSPHRASE, n -> { });
        }
        tick();
        Map<UUID, String> after = listOf(vault, "alice");
        assertThat(after).containsOnlyKeys(alicesCase, fromB);
        assertThat(after.get(alicesCase)).isEqualTo(before.get(alicesCase));
        assertThat(after.get(fromB)).startsWith("B-LAPTOP-9 / null").doesNotContain(CaseKeys.NOT_READABLE);
        assertThat(listOf(vault, "alice")).isEqualTo(after);
    }

    @Test
    void aRemovedPersonsCacheIsForgottenAndHoldsNothingWrittenAfter() {
        listOf(vault, "mary");
        listOf(vault, "alice");
        assertThat(stored(vault, "mary")).isNotEmpty();
        try (Session admin = vault.signIn("admin", PW)) {
            admin.removeUser("mary");
        }
        tick();
        UUID after = open(vault, "alice", "RIV-002", "Later Child", null);
        assertThat(listOf(vault, "alice")).containsOnlyKeys(alicesCase, after);
        assertThat(stored(vault, "mary")).isEmpty();
        // everyone else's stays
        assertThat(stored(vault, "alice")).isNotEmpty();
    }

    @Test
    void aDamagedBucketIsSetAsideAndMadeAgainFromTheRecord() {
        Map<UUID, String> mary = listOf(vault, "mary");
        Map<Integer, byte[]> buckets = stored(vault, "mary");
        int bucket = CaseListCache.bucket(alicesCase);
        byte[] damaged = buckets.get(bucket).clone();
        damaged[damaged.length - 3] ^= 0x40;
        store(vault, "mary", Map.of(bucket, damaged));
        assertThat(listOf(vault, "mary")).isEqualTo(mary);
        // stored again, whole, over the damaged one
        assertThat(stored(vault, "mary").get(bucket)).isNotEqualTo(damaged);
        try (Session s = vault.signIn("mary", PW)) {
            s.services().cases().listings(l -> l);
            assertThat(s.services().cases().listCache().setAside()).isZero();
        }
    }

    @Test
    void anotherPersonsBucketPutInPlaceOfOnesOwnDoesNotOpenAndIsNotTrusted() {
        listOf(vault, "mary");
        listOf(vault, "nick");
        // nick's bucket holds bob's case; put it where mary's bucket of that number would be
        int bucket = CaseListCache.bucket(bobsCase);
        store(vault, "mary", Map.of(bucket, stored(vault, "nick").get(bucket)));
        try (Session s = vault.signIn("mary", PW)) {
            var listed = s.services().cases().listings(l -> l);
            assertThat(listed).extracting(CaseListing::id).containsExactly(alicesCase);
            assertThat(listed.get(0).childRef()).isEqualTo("RIV-001");
            if (bucket != CaseListCache.bucket(alicesCase)) {
                assertThat(s.services().cases().listCache().setAside()).isEqualTo(1);
            }
        }
    }

    @Test
    void verifyForgetsACacheThatDisagreesWithTheOpeningEntriesAndTheNextListIsRight() {
        Map<UUID, String> mary = listOf(vault, "mary");
        try (Session s = vault.signIn("mary", PW)) {
            // a cache sealed with mary's own key but saying something the record does not (as a bug would write)
            CaseListCache cache = s.services().cases().listCache();
            cache.add(Map.of(alicesCase, new CaseListCache.Shown("WRONG-REF", null, null, null)));
            assertThat(s.services().cases().listings(CaseListing::childRef)).containsExactly("WRONG-REF");
            List<String> notes = s.services().listCachesRepaired();
            assertThat(notes).singleElement().asString().contains("mary").contains("1 case differed");
            assertThat(s.services().listCachesRepaired()).isEmpty();
        }
        assertThat(listOf(vault, "mary")).isEqualTo(mary);
    }

    @Test
    void rebuildEmptiesEveryCacheAndTheListsMakeThemAgain() {
        Map<UUID, String> mary = listOf(vault, "mary");
        listOf(vault, "nick");
        try (Session admin = vault.signIn("admin", PW)) {
            admin.services().rebuildSummaries();
        }
        assertThat(stored(vault, "mary")).isEmpty();
        assertThat(stored(vault, "nick")).isEmpty();
        assertThat(listOf(vault, "mary")).isEqualTo(mary);
        assertThat(stored(vault, "mary")).isNotEmpty();
    }
}
