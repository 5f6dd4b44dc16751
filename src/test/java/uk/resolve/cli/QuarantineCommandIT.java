/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.record.Quarantined;
import uk.resolve.security.Keyring;
import uk.resolve.store.Database;
import uk.resolve.store.QuarantineStore;

/** An administrator sees and clears the quarantine; no one else may; clearing is in the audit log. */
class QuarantineCommandIT {

    @TempDir
    Path dir;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        System.setProperty("resolve.now", "2026-11-25T12:00:00Z");
        cli = new CliRunner(dir.resolve("resolve.mv.db")).ready();
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("resolve.now");
    }

    @Test
    void anAdministratorListsAndClearsTheQuarantineAndOthersMayNot() throws Exception {
        UUID entry = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        byte[] key = Keyring.load(Keyring.fileFor(cli.db().toAbsolutePath())).slot("admin").orElseThrow().key()
                .unwrap(CliRunner.PASSWORD.toCharArray(), "resolve database key for admin");
        try (Database d = Database.open(cli.db(), key)) {
            new QuarantineStore(d).put(List.of(new Quarantined(entry, Quarantined.INCOMING, "dev-b", 7, "sam", caseId,
                    "discussion", "resolve-shared.mv.db", "entry #7 of device dev-b does not match its hash",
                    Instant.parse("2026-11-25T11:00:00Z"))));
        }
        CliRunner admin = cli.as("admin");
        CliRunner.Result list = admin.run("quarantine", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("set aside from resolve-shared.mv.db: entry " + entry)
                .contains("#7 of device dev-b, by sam, case " + caseId).contains("does not match its hash");

        CliRunner.Result refused = cli.run("quarantine", "clear");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(admin.run("quarantine", "list", "--json").out()).contains(entry.toString());

        CliRunner.Result clear = admin.run("quarantine", "clear");
        assertThat(clear.code()).as(clear.err()).isZero();
        assertThat(clear.out()).contains("Cleared 1 entry");
        assertThat(admin.run("quarantine", "list").out()).contains("The quarantine is empty");
        assertThat(admin.run("audit").out()).contains("Quarantine cleared");
    }
}
