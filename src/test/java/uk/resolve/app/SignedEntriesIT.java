/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.ChainVerifier;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryHasher;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.security.Keyring;
import uk.resolve.security.PersonKeys;
import uk.resolve.security.Role;
import uk.resolve.store.Database;
import uk.resolve.store.EntryStore;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * Every entry signed by its author, tried as an attacker holding a real person's password, key file
 * and database: what they change or add in someone else's name, or after their removal, is a break.
 */
class SignedEntriesIT {

    static final char[] ADMIN_PW = "correct horse battery".toCharArray();
    static final char[] WORKER_PW = "worker's own password".toCharArray();
    static final char[] MANAGER_PW = "manager's own password".toCharArray();

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-25T10:00");

    private Vault team() {
        Vault vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        try (Session admin = vault.createFirstAdministrator("admin", ADMIN_PW, "Hub")) {
            admin.addUser("worker", "", Role.PRACTITIONER, "Test team", WORKER_PW);
            admin.addUser("manager", "", Role.MANAGER, "Test team", MANAGER_PW);
        }
        tick();
        return vault;
    }

    private void tick() {
        clock.advance(Duration.ofMinutes(1));
    }

    private UUID managersCase(Vault vault) {
        try (Session m = vault.signIn("manager", MANAGER_PW)) {
            UUID id = m.services().cases().open(Fixtures.openRequest(m.services(), "croydon", ChildStatus.CHILD_IN_NEED,
                    "2026-11-24T09:00")).id();
            tick();
            m.services().cases().discuss(id, new DiscussionRequest("Duty social worker", "phone",
                    "Agreed an assessment", "Call back", false, clock.instant()));
            tick();
            return id;
        }
    }

    private static Stolen unwrap(Path keyFile, String who, char[] password) {
        return Stolen.from(keyFile, who, new String(password));
    }

    private static void sql(Database d, String statement) throws Exception {
        try (Connection c = d.connection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private Integrity.Result verify(Vault vault) {
        try (Session s = vault.signIn("admin", ADMIN_PW)) {
            return s.services().integrity().verify();
        }
    }

    @Test
    void everyEntryIsSignedByItsAuthorAndTheRecordVerifies() {
        Vault vault = team();
        UUID id = managersCase(vault);
        try (Session s = vault.signIn("admin", ADMIN_PW)) {
            List<Entry> all = s.services().entries().all();
            assertThat(all).allMatch(Entry::signed);
            assertThat(all).filteredOn(e -> e.caseId().equals(id)).extracting(Entry::author).containsOnly("manager");
            assertThat(all).filteredOn(e -> e.type() == EntryType.PERSON_KEYS)
                    .extracting(e -> e.author() + " " + e.get(KeyDirectory.PERSON) + " " + e.get(KeyDirectory.REASON))
                    .containsExactly("admin admin first-administrator", "admin worker added", "admin manager added");
            Integrity.Result r = s.services().integrity().verify();
            assertThat(r.intact()).as(r.record().findings().toString()).isTrue();
            assertThat(r.record().findings()).extracting(ChainVerifier.Finding::message)
                    .noneMatch(m -> m.contains("before signing began"))
                    .anyMatch(m -> m.startsWith("the keys of admin were registered by that person on their own"));
        }
    }

    @Test
    void aColleaguesEntryEditedAndSignedWithTheAttackersOwnKeysIsABreakNamingDeviceAuthorAndCase() throws Exception {
        Vault vault = team();
        UUID id = managersCase(vault);
        Stolen worker = unwrap(vault.keyFile(), "worker", WORKER_PW);
        Entry target;
        try (Database d = Database.open(vault.databaseFile(), worker.dbKey())) {
            List<Entry> all = new EntryStore(d, "attacker").caseEntries(id);
            target = all.get(all.size() - 1);
            TreeMap<String, String> data = new TreeMap<>(target.data());
            data.put("summary", "Agreed to close the case");
            String hash = EntryHasher.hash(new Entry(target.id(), id, target.type(), target.author(), target.device(),
                    target.deviceSeq(), target.writtenAt(), target.happenedAt(), data, target.prevHash(), ""));
            try (Connection c = d.connection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE entry SET data = ?, hash = ?, signature = ? WHERE id = ?")) {
                ps.setString(1, new ObjectMapper().writeValueAsString(data));
                ps.setString(2, hash);
                ps.setString(3, worker.keys().signHash(hash));
                ps.setObject(4, target.id());
                assertThat(ps.executeUpdate()).isOne();
            }
            // a careful attacker also rewrites the chain's head and removes the checkpoints that saw the entry
            sql(d, "UPDATE device_head SET hash = '" + hash + "' WHERE device = '" + target.device() + "'");
            sql(d, "DELETE FROM checkpoint");
        }
        Integrity.Result r = verify(vault);
        assertThat(r.intact()).isFalse();
        assertThat(r.record().breaks()).extracting(ChainVerifier.Finding::message).singleElement().asString()
                .contains("entry " + target.id(), "device " + target.device() + " #" + target.deviceSeq(),
                        "by manager", "case " + id, "it is signed by worker, not by its author manager")
                .doesNotContain("Agreed to close", "REF-CROYDON");
    }

    @Test
    void aRemovedPersonsOldKeyFileStillOpensTheirKeysButWhatTheySignAfterRemovalIsABreak() throws Exception {
        Vault vault = team();
        Path oldKeyFile = Files.copy(vault.keyFile(), dir.resolve("worker-backup.keys.json"));
        UUID id = managersCase(vault);
        try (Session admin = vault.signIn("admin", ADMIN_PW)) {
            admin.removeUser("worker");
        }
        tick();
        Stolen worker = unwrap(oldKeyFile, "worker", WORKER_PW);
        Entry added;
        try (Database d = Database.open(vault.databaseFile(), worker.dbKey())) {
            EntryStore store = new EntryStore(d, "workers-laptop");
            store.signWith(worker.keys());
            added = store.append(List.of(NewEntry.of(id, EntryType.DISCUSSION_RECORDED, "worker", clock.instant(),
                    clock.instant(), java.util.Map.of("summary", "Nothing to worry about")))).get(0);
        }
        assertThat(added.signed()).isTrue();
        Integrity.Result r = verify(vault);
        assertThat(r.record().breaks()).extracting(ChainVerifier.Finding::message).singleElement().asString()
                .contains("entry " + added.id(), "by worker", "case " + id,
                        "signed with a key of worker withdrawn (removed or reset) before it was written");
    }

    @Test
    void aDemotedAdministratorsLaterRegistrationIsABreakInVerify() throws Exception {
        Vault vault = team();
        char[] deputyPw = "deputy's own password".toCharArray();
        try (Session admin = vault.signIn("admin", ADMIN_PW)) {
            admin.addUser("deputy", "", java.util.Set.of(Role.MANAGER, Role.ADMINISTRATOR), "Test team", deputyPw);
        }
        tick();
        try (Session deputy = vault.signIn("deputy", deputyPw)) {
            deputy.changePassword(deputyPw, "deputy's chosen password".toCharArray());
        }
        deputyPw = "deputy's chosen password".toCharArray();
        tick();
        try (Session deputy = vault.signIn("deputy", deputyPw)) {
            deputy.addUser("lead", "", Role.SAFEGUARDING_LEAD, "Test team", "lead's first password".toCharArray());
        }
        tick();
        try (Session admin = vault.signIn("admin", ADMIN_PW)) {
            admin.changeUser("deputy", java.util.Set.of(Role.MANAGER), null);
            assertThat(admin.services().entries().ofType(EntryType.PERSON_KEYS)).last().satisfies(e -> {
                assertThat(e.author()).isEqualTo("admin");
                assertThat(e.get(KeyDirectory.PERSON)).isEqualTo("deputy");
                assertThat(e.get(KeyDirectory.REASON)).isEqualTo("roles-changed");
                assertThat(e.get(KeyDirectory.ROLE)).isEqualTo("manager");
            });
        }
        tick();
        assertThat(verify(vault).intact()).isTrue();
        // the demoted deputy, with their own password and the file, registers someone with their still-valid keys
        Stolen deputy = unwrap(vault.keyFile(), "deputy", deputyPw);
        PersonKeys planted = PersonKeys.generate("mallory");
        Entry added;
        try (Database d = Database.open(vault.databaseFile(), deputy.dbKey())) {
            EntryStore store = new EntryStore(d, "deputys-laptop");
            store.signWith(deputy.keys());
            java.util.Map<String, String> data = new TreeMap<>();
            data.put(KeyDirectory.PERSON, "mallory");
            data.put(KeyDirectory.SIGN_KEY, planted.signingPublic());
            data.put(KeyDirectory.BOX_KEY, planted.boxPublic());
            data.put(KeyDirectory.REASON, "added");
            data.put(KeyDirectory.ROLE, "manager,administrator");
            added = store.append(List.of(NewEntry.of(KeyDirectory.PEOPLE, EntryType.PERSON_KEYS, "deputy",
                    clock.instant(), clock.instant(), data))).get(0);
        }
        Integrity.Result r = verify(vault);
        assertThat(r.intact()).isFalse();
        assertThat(r.record().breaks()).extracting(ChainVerifier.Finding::message).singleElement().asString()
                .contains("entry " + added.id(), "by deputy", "registered by deputy, who was no longer an administrator");
    }

    @Test
    void aPasswordChangeKeepsThePersonsKeysAndAResetGivesNewOnesWhileEarlierEntriesStillVerify() throws Exception {
        Vault vault = team();
        String first = unwrap(vault.keyFile(), "worker", WORKER_PW).keys().signingPublic();
        char[] chosen = "worker chose this one".toCharArray();
        try (Session w = vault.signIn("worker", WORKER_PW)) {
            w.changePassword(WORKER_PW, chosen);
            assertThat(w.keys().signingPublic()).isEqualTo(first);
        }
        assertThat(unwrap(vault.keyFile(), "worker", chosen).keys().signingPublic()).isEqualTo(first);
        UUID id;
        try (Session w = vault.signIn("worker", chosen)) {
            id = w.services().cases().open(Fixtures.openRequest(w.services(), "croydon", ChildStatus.CHILD_IN_NEED,
                    "2026-11-24T09:00")).id();
        }
        tick();
        char[] temporary = "temporary from admin".toCharArray();
        try (Session admin = vault.signIn("admin", ADMIN_PW)) {
            admin.resetPassword("worker", temporary);
        }
        tick();
        String second = unwrap(vault.keyFile(), "worker", temporary).keys().signingPublic();
        assertThat(second).isNotEqualTo(first);
        try (Session w = vault.signIn("worker", temporary)) {
            w.services().cases().discuss(id, new DiscussionRequest("Duty social worker", "phone", "Second call",
                    "None", false, clock.instant()));
            List<Entry> keys = w.services().entries().ofType(EntryType.PERSON_KEYS);
            assertThat(keys).filteredOn(e -> "worker".equals(e.get(KeyDirectory.PERSON)))
                    .extracting(e -> e.author() + " " + e.get(KeyDirectory.REASON) + " " + e.get(KeyDirectory.SIGN_KEY))
                    .containsExactly("admin added " + first, "admin reset " + second);
        }
        Integrity.Result r = verify(vault);
        assertThat(r.intact()).as(r.record().findings().toString()).isTrue();
    }

    @Test
    void anUpgradedDatabaseMarksItsOldEntriesUnsignedAndANewUnsignedEntryIsABreak() throws Exception {
        Path file = dir.resolve("resolve.mv.db");
        UUID id;
        try (Services old = Services.openUnencrypted(file, clock, Fixtures.actor("Test Worker"))) {
            id = old.cases().open(Fixtures.openRequest(old, "havering", ChildStatus.EARLY_HELP, "2026-11-24T09:00")).id();
        }
        tick();
        Vault vault = Vault.at(file, clock);
        try (Session admin = vault.createFirstAdministrator("admin", ADMIN_PW, "")) {
            admin.addUser("lead", "", Role.SAFEGUARDING_LEAD, "Test team", WORKER_PW);
            List<Entry> all = admin.services().entries().all();
            assertThat(all).filteredOn(e -> e.caseId().equals(id)).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.signature()).isEqualTo(Entry.UNSIGNED));
            Integrity.Result r = admin.services().integrity().verify();
            assertThat(r.intact()).as(r.record().findings().toString()).isTrue();
            long before = all.stream().filter(e -> e.caseId().equals(id)).count();
            assertThat(r.record().findings()).filteredOn(f -> !f.isBreak()).extracting(ChainVerifier.Finding::message)
                    .anyMatch(m -> m.startsWith(before + (before == 1 ? " entry was" : " entries were")
                            + " written before signing began (marked unsigned-before-keys"));
        }
        tick();
        // the lead signs in for the first time: keys made now, the new entry signed
        try (Session lead = vault.signIn("lead", WORKER_PW)) {
            lead.services().cases().discuss(id, new DiscussionRequest("Duty social worker", "phone", "Signed call",
                    "None", false, clock.instant()));
        }
        tick();
        // an entry added in the lead's name without a signature, as a database tool would
        Stolen admin = unwrap(vault.keyFile(), "admin", ADMIN_PW);
        Entry unsigned;
        try (Database d = Database.open(file, admin.dbKey())) {
            unsigned = new EntryStore(d, "tool").append(List.of(NewEntry.of(id, EntryType.DISCUSSION_RECORDED, "lead",
                    clock.instant(), clock.instant(), java.util.Map.of("summary", "Unsigned")))).get(0);
        }
        Integrity.Result r = verify(vault);
        assertThat(r.record().breaks()).extracting(ChainVerifier.Finding::message).singleElement().asString()
                .contains("entry " + unsigned.id(), "by lead", "it is not signed, though lead had keys when it was"
                        + " written");
    }

    @Test
    void someoneWithoutKeysYetGetsThemAtTheirNextSignInSealedUnderTheirPassword() throws Exception {
        Vault vault = team();
        // a key file from before signing: the worker's slot holds the database key only
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(vault.keyFile().toFile());
        ((ObjectNode) root.path("users").path("worker")).remove("personKeys");
        json.writeValue(vault.keyFile().toFile(), root);
        assertThat(Keyring.load(vault.keyFile()).slot("worker").orElseThrow().personKeys()).isNull();
        String made;
        try (Session w = vault.signIn("worker", WORKER_PW)) {
            made = w.keys().signingPublic();
            assertThat(w.services().entries().ofType(EntryType.PERSON_KEYS)).filteredOn(e -> made.equals(
                    e.get(KeyDirectory.SIGN_KEY))).singleElement().satisfies(e -> {
                        assertThat(e.author()).isEqualTo("worker");
                        assertThat(e.get(KeyDirectory.REASON)).isEqualTo("upgrade");
                    });
        }
        assertThat(unwrap(vault.keyFile(), "worker", WORKER_PW).keys().signingPublic()).isEqualTo(made);
        Files.copy(vault.keyFile(), dir.resolve("copy.json"), StandardCopyOption.REPLACE_EXISTING);
        try (Session w = vault.signIn("worker", WORKER_PW)) {
            assertThat(w.keys().signingPublic()).isEqualTo(made);
        }
        assertThat(verify(vault).intact()).isTrue();
    }
}
