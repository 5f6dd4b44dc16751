/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.security.ProtectionException;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;
import uk.resolve.testing.Plaintext;

/** Signing in to an encrypted database, and encrypting one from an earlier version. */
class VaultIT {

    static final char[] ADMIN_PW = "correct horse battery".toCharArray();
    static final char[] ALICE_PW = "alice's first password".toCharArray();

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-11-25T10:00");

    @Test
    void aNewDatabaseIsEncryptedAndNoChildDetailReachesItsFiles() throws Exception {
        Vault vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        assertThat(vault.state()).isEqualTo(Vault.State.NEW);
        try (Session admin = vault.createFirstAdministrator("Admin", ADMIN_PW, "Safeguarding hub")) {
            assertThat(admin.actor().role()).isEqualTo(Role.ADMINISTRATOR);
            admin.addUser("alice", "Alice Worker", Role.PRACTITIONER, "School nursing", ALICE_PW);
        }
        assertThat(vault.state()).isEqualTo(Vault.State.PROTECTED);
        UUID id;
        try (Session alice = vault.signIn("ALICE", ALICE_PW)) {
            assertThat(alice.mustChangePassword()).isTrue();
            var s = alice.services();
            var req = Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-11-25T09:00");
            id = s.cases().open(req).id();
            assertThat(s.cases().list()).extracting(c -> c.id()).containsExactly(id);
        }
        Plaintext.assertAbsent(vault.databaseFile(), "REF-CROYDON", "referral was closed", "Alex Worker");
        String keys = Files.readString(vault.keyFile());
        assertThat(keys).doesNotContain("REF-CROYDON").contains("alice").contains("argon2id");
    }

    @Test
    void aWrongPasswordFailsClearlyAndChangesNothing() throws Exception {
        Vault vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        vault.createFirstAdministrator("admin", ADMIN_PW, "").close();
        byte[] before = Files.readAllBytes(vault.databaseFile());
        assertThatThrownBy(() -> vault.signIn("admin", "not the password".toCharArray()))
                .isInstanceOf(ProtectionException.class).hasMessageContaining("name or password is not right");
        assertThat(Files.readAllBytes(vault.databaseFile())).isEqualTo(before);
        try (Session s = vault.signIn("admin", ADMIN_PW)) {
            assertThat(s.services().audit().all()).extracting(e -> e.action())
                    .contains(AuditAction.SIGN_IN_FAILED.code(), AuditAction.SIGN_IN.code());
            assertThat(s.services().audit().verify()).isEmpty();
        }
    }

    @Test
    void anUnencryptedDatabaseFromAnEarlierVersionIsEncryptedOnFirstSignInWithNothingLost() throws Exception {
        Path file = dir.resolve("resolve.mv.db");
        UUID id;
        try (Services old = Services.openUnencrypted(file, clock, Fixtures.actor("Test Worker"))) {
            id = old.cases().open(Fixtures.openRequest(old, "havering", ChildStatus.EARLY_HELP, "2026-11-24T09:00")).id();
        }
        assertThat(Plaintext.found(Files.readAllBytes(file), "REF-HAVERING")).containsExactly("REF-HAVERING");
        Vault vault = Vault.at(file, clock);
        assertThat(vault.state()).isEqualTo(Vault.State.UNPROTECTED);
        try (Session admin = vault.createFirstAdministrator("admin", ADMIN_PW, "")) {
            admin.addUser("lead", "", Role.SAFEGUARDING_LEAD, "Test team", ALICE_PW);
        }
        Plaintext.assertAbsent(file, "REF-HAVERING", "referral was closed");
        try (Session lead = vault.signIn("lead", ALICE_PW)) {
            assertThat(lead.services().cases().get(id).details().childRef()).isEqualTo("REF-HAVERING");
        }
    }

    @Test
    void aMissingOrDamagedKeyFileGetsAMessageThatSaysWhatToDo() throws Exception {
        Vault vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        vault.createFirstAdministrator("admin", ADMIN_PW, "").close();
        Path keys = vault.keyFile();
        String good = Files.readString(keys);
        Files.writeString(keys, "{ not json");
        assertThatThrownBy(() -> vault.signIn("admin", ADMIN_PW)).isInstanceOf(ProtectionException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("Restore the key file from a backup");
        Files.delete(keys);
        assertThatThrownBy(vault::state).isInstanceOf(ProtectionException.class)
                .hasMessageContaining("its key file").hasMessageContaining("is missing");
        Files.writeString(keys, good);
        try (Session s = vault.signIn("admin", ADMIN_PW)) {
            assertThat(s.actor().name()).isEqualTo("admin");
        }
    }

    @Test
    void aKeyFileEditedToAskForHugeKeyDerivationIsRefusedAtOnce() throws Exception {
        Vault vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        vault.createFirstAdministrator("admin", ADMIN_PW, "").close();
        Files.writeString(vault.keyFile(), Files.readString(vault.keyFile())
                .replaceFirst("\"memoryKiB\" : \\d+", "\"memoryKiB\" : 2000000000"));
        assertThatThrownBy(() -> vault.signIn("admin", ADMIN_PW)).isInstanceOf(ProtectionException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("not ones Resolve writes");
    }

    @Test
    void aSlotCopiedToAnotherNameOpensNothing() throws Exception {
        Vault vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        try (Session admin = vault.createFirstAdministrator("admin", ADMIN_PW, "")) {
            admin.addUser("mallory", "", Role.PRACTITIONER, "", ALICE_PW);
        }
        // mallory's key file entry pasted under the administrator's name: bound to "mallory", it fails
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(vault.keyFile().toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("users")).set("admin", json.get("users").get("mallory"));
        Files.writeString(vault.keyFile(), json.toString());
        assertThatThrownBy(() -> vault.signIn("admin", ALICE_PW)).isInstanceOf(ProtectionException.class);
    }

    @Test
    void shortPasswordsAreRefusedBeforeAnythingIsWritten() {
        Vault vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        assertThatThrownBy(() -> vault.createFirstAdministrator("admin", "short".toCharArray(), ""))
                .hasMessageContaining("at least 10 characters");
        assertThat(vault.state()).isEqualTo(Vault.State.NEW);
        assertThat(Files.exists(vault.keyFile())).isFalse();
    }
}
