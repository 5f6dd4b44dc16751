/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.security.PersonKeys;

/** Signatures checked against the keys each author held when they wrote, as the record registers them. */
class KeyDirectoryTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private final PersonKeys admin = PersonKeys.generate("admin");
    private final PersonKeys worker = PersonKeys.generate("worker");
    private final PersonKeys manager = PersonKeys.generate("manager");
    private final List<Entry> record = new ArrayList<>();
    private long seq;
    private String prev = "";

    private static Instant at(int minute) {
        return Instant.parse("2026-11-25T10:00:00Z").plusSeconds(60L * minute);
    }

    /** Appends an entry to one device's chain, signed by {@code signer} (null: unsigned). */
    private Entry write(int minute, UUID caseId, EntryType type, String author, Map<String, String> data,
                        PersonKeys signer) {
        Entry e = NewEntry.of(caseId, type, author, at(minute), at(minute), data).seal("dev", ++seq, prev);
        if (signer != null) {
            e = e.withSignature(signer.signHash(e.hash()));
        }
        prev = e.hash();
        record.add(e);
        return e;
    }

    private Entry register(int minute, String by, PersonKeys keys, KeyDirectory.Reason reason, String role,
                           PersonKeys signer) {
        Map<String, String> d = new TreeMap<>();
        d.put(KeyDirectory.PERSON, keys.person());
        d.put(KeyDirectory.SIGN_KEY, keys.signingPublic());
        d.put(KeyDirectory.BOX_KEY, keys.boxPublic());
        d.put(KeyDirectory.REASON, reason.code());
        d.put(KeyDirectory.ROLE, role);
        return write(minute, KeyDirectory.PEOPLE, EntryType.PERSON_KEYS, by, d, signer);
    }

    private Entry removal(int minute, String person) {
        return write(minute, KeyDirectory.PEOPLE, EntryType.PERSON_KEYS, "admin",
                Map.of(KeyDirectory.PERSON, person, KeyDirectory.REASON, "removed"), admin);
    }

    private Entry note(int minute, String author, PersonKeys signer) {
        return write(minute, CASE, EntryType.DISCUSSION_RECORDED, author, Map.of("summary", "Call at " + minute),
                signer);
    }

    private void team() {
        register(1, "admin", admin, KeyDirectory.Reason.FIRST_ADMINISTRATOR, "administrator", admin);
        register(2, "admin", worker, KeyDirectory.Reason.ADDED, "practitioner", admin);
        register(3, "admin", manager, KeyDirectory.Reason.ADDED, "manager", admin);
        write(4, CASE, EntryType.CASE_OPENED, "worker", Map.of("concern", "Referral closed"), worker);
    }

    private KeyDirectory.Verdict check(Entry e) {
        return KeyDirectory.of(record).check(e);
    }

    @Test
    void anEntrySignedByItsAuthorIsGood() {
        team();
        Entry e = note(10, "worker", worker);
        assertThat(check(e).status()).isEqualTo(KeyDirectory.Status.GOOD);
        assertThat(ChainVerifier.verify(record).intact()).isTrue();
    }

    @Test
    void anotherPersonsEntryEditedRehashedAndSignedWithTheAttackersOwnKeyIsABreak() {
        team();
        Entry original = note(10, "manager", manager);
        TreeMap<String, String> data = new TreeMap<>(original.data());
        data.put("summary", "Agreed to close the case");
        Entry unsealed = new Entry(original.id(), original.caseId(), original.type(), original.author(),
                original.device(), original.deviceSeq(), original.writtenAt(), original.happenedAt(), data,
                original.prevHash(), "");
        String hash = EntryHasher.hash(unsealed);
        Entry forged = new Entry(original.id(), original.caseId(), original.type(), original.author(),
                original.device(), original.deviceSeq(), original.writtenAt(), original.happenedAt(), data,
                original.prevHash(), hash, worker.signHash(hash));
        record.set(record.size() - 1, forged);
        assertThat(check(forged)).satisfies(v -> {
            assertThat(v.status()).isEqualTo(KeyDirectory.Status.BAD);
            assertThat(v.reason()).isEqualTo("it is signed by worker, not by its author manager");
        });
        ChainVerifier.Report r = ChainVerifier.verify(record);
        assertThat(r.intact()).isFalse();
        assertThat(r.breaks()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("device dev #" + forged.deviceSeq()).contains("by manager").contains("case " + CASE)
                .doesNotContain("Agreed to close"));
    }

    @Test
    void anEditedEntryWhoseSignatureWasLeftAsItWasIsABreak() {
        team();
        Entry original = note(10, "worker", worker);
        Entry unsealed = new Entry(original.id(), CASE, original.type(), "worker", "dev", original.deviceSeq(),
                original.writtenAt(), original.happenedAt(), new TreeMap<>(Map.of("summary", "changed")), original.prevHash(),
                "");
        Entry edited = new Entry(original.id(), CASE, original.type(), "worker", "dev", original.deviceSeq(),
                original.writtenAt(), original.happenedAt(), new TreeMap<>(Map.of("summary", "changed")),
                original.prevHash(), EntryHasher.hash(unsealed), original.signature());
        record.set(record.size() - 1, edited);
        assertThat(check(edited).reason()).contains("its signature is not its author's (worker)");
    }

    @ParameterizedTest(name = "removed at minute 20, written at minute {0}: {1}")
    @CsvSource({"19, GOOD", "20, BAD", "45, BAD"})
    void aRemovedPersonsKeyIsValidOnlyForWhatTheyWroteBeforeRemoval(int minute, KeyDirectory.Status expected) {
        team();
        removal(20, "worker");
        Entry e = note(minute, "worker", worker);
        assertThat(check(e).status()).isEqualTo(expected);
        if (expected == KeyDirectory.Status.BAD) {
            assertThat(check(e).reason()).contains("withdrawn");
        }
    }

    @Test
    void afterAResetTheOldKeyStillVouchesForWhatItSignedButNothingLater() {
        team();
        Entry before = note(10, "worker", worker);
        PersonKeys fresh = PersonKeys.generate("worker");
        register(20, "admin", fresh, KeyDirectory.Reason.RESET, "practitioner", admin);
        Entry afterWithOld = note(30, "worker", worker);
        Entry afterWithNew = note(31, "worker", fresh);
        KeyDirectory d = KeyDirectory.of(record);
        assertThat(d.check(before).status()).isEqualTo(KeyDirectory.Status.GOOD);
        assertThat(d.check(afterWithOld).status()).isEqualTo(KeyDirectory.Status.BAD);
        assertThat(d.check(afterWithNew).status()).isEqualTo(KeyDirectory.Status.GOOD);
    }

    @Test
    void keysRegisteredForSomeoneElseByANonAdministratorAreRefusedAndWhatTheySignIsABreak() {
        team();
        PersonKeys planted = PersonKeys.generate("manager");
        Entry registration = register(10, "worker", planted, KeyDirectory.Reason.ADDED, "manager", worker);
        Entry forged = note(11, "manager", planted);
        KeyDirectory d = KeyDirectory.of(record);
        assertThat(d.check(registration).reason()).contains("registered by worker, who is not an administrator then");
        assertThat(d.check(forged).reason()).startsWith("its signature is not its author's (manager)")
                .endsWith("signed with a key never registered for them");
    }

    private Entry rolesChanged(int minute, String by, String person, String role, PersonKeys signer) {
        return write(minute, KeyDirectory.PEOPLE, EntryType.PERSON_KEYS, by,
                Map.of(KeyDirectory.PERSON, person, KeyDirectory.REASON, "roles-changed", KeyDirectory.ROLE, role),
                signer);
    }

    @Test
    void aDemotedAdministratorsLaterRegistrationIsABreakWhileTheirEarlierOneStands() {
        team();
        PersonKeys deputy = PersonKeys.generate("deputy");
        register(5, "admin", deputy, KeyDirectory.Reason.ADDED, "manager,administrator", admin);
        Entry before = register(6, "deputy", PersonKeys.generate("lead"), KeyDirectory.Reason.ADDED, "safeguarding-lead",
                deputy);
        rolesChanged(7, "admin", "deputy", "manager", admin);
        Entry after = register(8, "deputy", PersonKeys.generate("mallory"), KeyDirectory.Reason.ADDED, "administrator",
                deputy);
        KeyDirectory d = KeyDirectory.of(record);
        assertThat(d.check(before).status()).isEqualTo(KeyDirectory.Status.GOOD);
        assertThat(d.check(after).reason()).contains("registered by deputy, who was no longer an administrator then");
        assertThat(d.rolesAt("deputy", at(6))).containsExactlyInAnyOrder("manager", "administrator");
        assertThat(d.rolesAt("deputy", at(7))).containsExactly("manager");
        assertThat(d.knows("mallory")).isFalse();
    }

    @Test
    void aPromotionVouchesFromItsMomentAndARoleChangeByANonAdministratorCountsForNothing() {
        team();
        Entry early = register(5, "manager", PersonKeys.generate("early"), KeyDirectory.Reason.ADDED, "practitioner",
                manager);
        Entry selfPromotion = rolesChanged(6, "worker", "worker", "practitioner,administrator", worker);
        rolesChanged(7, "admin", "manager", "manager,administrator", admin);
        Entry late = register(8, "manager", PersonKeys.generate("late"), KeyDirectory.Reason.ADDED, "practitioner",
                manager);
        KeyDirectory d = KeyDirectory.of(record);
        assertThat(d.check(early).status()).isEqualTo(KeyDirectory.Status.BAD);
        assertThat(d.check(selfPromotion).reason()).contains("registered by worker, who is not an administrator then");
        assertThat(d.rolesAt("worker", at(10))).containsExactly("practitioner");
        assertThat(d.check(late).status()).isEqualTo(KeyDirectory.Status.GOOD);
        assertThat(d.knows("late")).isTrue();
    }

    private Entry confirmation(int minute, String by, PersonKeys of, PersonKeys signer) {
        return write(minute, KeyDirectory.PEOPLE, EntryType.PERSON_KEYS, by, Map.of(KeyDirectory.PERSON, of.person(),
                KeyDirectory.SIGN_KEY, of.signingPublic(), KeyDirectory.REASON, "confirmed"), signer);
    }

    @Test
    void ownRegistrationsConfirmedByAnotherAdministratorAreNoLongerListedButSelfConfirmationIsABreak() {
        team();
        PersonKeys second = PersonKeys.generate("second");
        register(5, "admin", second, KeyDirectory.Reason.ADDED, "manager,administrator", admin);
        Entry self = confirmation(6, "admin", admin, admin);
        Entry byWorker = confirmation(7, "worker", admin, worker);
        assertThat(KeyDirectory.of(record).ownRegistrations()).extracting(KeyDirectory.Registration::person)
                .containsExactly("admin");
        Entry good = confirmation(8, "second", admin, second);
        KeyDirectory d = KeyDirectory.of(record);
        assertThat(d.ownRegistrations()).isEmpty();
        assertThat(d.check(good).status()).isEqualTo(KeyDirectory.Status.GOOD);
        assertThat(d.check(self).reason()).contains("keys of admin confirmed by that person themselves");
        assertThat(d.check(byWorker).reason()).contains("who is not an administrator then");
    }

    @Test
    void ownKeysRegisteredInSomeoneElsesNameAreRefused() {
        team();
        Entry forged = register(10, "worker", PersonKeys.generate("manager"), KeyDirectory.Reason.UPGRADE, "manager",
                worker);
        assertThat(check(forged).reason()).contains("keys of manager registered as their own by worker");
    }

    @Test
    void entriesFromBeforeSigningAreANoteButANewUnsignedEntryIsABreak() {
        Entry old = note(0, "worker", null);
        team();
        Entry unsignedLater = note(10, "worker", null);
        KeyDirectory d = KeyDirectory.of(record);
        assertThat(d.check(old).status()).isEqualTo(KeyDirectory.Status.UNSIGNED_BEFORE_KEYS);
        assertThat(d.check(unsignedLater).reason()).isEqualTo("it is not signed, though worker had keys when it was"
                + " written");
        ChainVerifier.Report r = ChainVerifier.verify(record);
        assertThat(r.breaks()).hasSize(1);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.isBreak()).isFalse();
            assertThat(f.message()).startsWith("1 entry was written before signing began (marked unsigned-before-keys");
        });
    }

    @Test
    void anEntrySignedWithAnotherPersonsKeyIsABreakNamingWhoseKeyItWas() {
        team();
        Entry e = note(10, "manager", worker);
        assertThat(check(e).reason()).isEqualTo("it is signed by worker, not by its author manager");
    }
}
