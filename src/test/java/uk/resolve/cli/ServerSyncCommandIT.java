/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** {@code resolve sync --server URL --user NAME} against a real PostgreSQL server. */
class ServerSyncCommandIT {

    private static final String TEAM_PASSPHRASE = "heron copper meadow ninety";
    private static final String SERVER_PASSWORD = "osprey lantern quartz 44";
    static EmbeddedPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer(@TempDir Path data) throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(true).start();
        Files.writeString(data.resolve("pg/pg_hba.conf"), """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
                "postgres", ""); var st = c.createStatement()) {
            st.execute("SELECT pg_reload_conf()");
            st.execute("CREATE ROLE team_a LOGIN PASSWORD '" + SERVER_PASSWORD + "'");
            st.execute("CREATE DATABASE resolve OWNER team_a");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        pg.close();
    }

    private CliRunner laptop(String name) throws Exception {
        return new CliRunner(Files.createDirectories(dir.resolve(name)).resolve("resolve.mv.db"));
    }

    @Test
    void twoLaptopsSyncThroughTheServerWithThePasswordFromAFileAndAWrongOneIsRefused() throws Exception {
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/resolve";
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
