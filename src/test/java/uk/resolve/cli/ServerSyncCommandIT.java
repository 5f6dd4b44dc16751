/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.testing.PostgresServer;

/** {@code resolve sync --server URL --user NAME} against a real PostgreSQL server. */
class ServerSyncCommandIT {

    private static final String TEAM_PASSPHRASE = "heron copper meadow ninety";
    private static final String SERVER_PASSWORD = "osprey lantern quartz 44";

    @RegisterExtension
    static final PostgresServer pg = new PostgresServer();

    @TempDir
    Path dir;

    @BeforeAll
    static void setUpServer() throws Exception {
        pg.role("team_a", SERVER_PASSWORD);
        pg.database("resolve", "team_a");
    }

    private CliRunner laptop(String name) throws Exception {
        return new CliRunner(Files.createDirectories(dir.resolve(name)).resolve("resolve.mv.db"));
    }

    @Test
    void twoLaptopsSyncThroughTheServerWithThePasswordFromAFileAndAWrongOneIsRefused() throws Exception {
        String url = pg.url("resolve");
        CliRunner a = laptop("a");
        CliRunner b = laptop("b");
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        CliRunner aKey = a.withEnv("RESOLVE_PASSPHRASE_FILE", a.secretFile(".pp", TEAM_PASSPHRASE).toString());
        assertThat(aKey.run("sync", "setup-key", "--shared", shared.toString()).code()).isZero();
        CliRunner bKey = b.withEnv("RESOLVE_PASSPHRASE_FILE", b.secretFile(".pp", TEAM_PASSPHRASE).toString());
        assertThat(bKey.run("sync", "join", "--shared", shared.toString()).code()).isZero();
        CliRunner.Result made = a.run("case", "new", "--policy", "croydon", "--child-ref", "AB-OTTER-2", "--raised-by",
                "Sam Lee", "--raised-agency", "Oak School", "--other-agency", "Children's Social Care", "--category",
                "Levels of need", "--concern", "Referral closed HERON", "--at", "2025-12-01T10:00");
        assertThat(made.code()).as(made.err()).isZero();

        CliRunner aServer = a.withEnv("RESOLVE_SERVER_PASSWORD_FILE", a.secretFile(".spw", SERVER_PASSWORD).toString());
        CliRunner.Result push = aServer.run("sync", "--server", url, "--user", "team_a");
        assertThat(push.code()).as(push.err()).isZero();
        // the case, its key wrapped for its author, and the key registrations of a's two people
        assertThat(push.out()).contains("Received 0 entries and sent 4 entries.");

        CliRunner bServer = b.withEnv("RESOLVE_SERVER_PASSWORD_FILE", b.secretFile(".spw", SERVER_PASSWORD).toString());
        CliRunner.Result pull = bServer.run("sync", "--server", url, "--user", "team_a");
        assertThat(pull.code()).as(pull.err()).isZero();
        // the case and its key grant; b sends its own two registrations (it had a's from joining)
        assertThat(pull.out()).contains("Received 2 entries and sent 2 entries.");
        assertThat(bServer.run("sync", "--server", url, "--user", "team_a").out()).contains("Nothing new to sync");

        CliRunner wrong = b.withEnv("RESOLVE_SERVER_PASSWORD_FILE", b.secretFile(".bad", "not it at all").toString());
        CliRunner.Result refused = wrong.run("sync", "--server", url, "--user", "team_a");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("refused the user name 'team_a' or its password")
                .doesNotContain("not it at all").doesNotContain("PSQLException");

        CliRunner.Result noUser = bServer.run("sync", "--server", url);
        assertThat(noUser.code()).isEqualTo(1);
        assertThat(noUser.err()).contains("--user NAME");
    }
}
