/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.security.Role;
import uk.resolve.testing.Plaintext;

class SyncCommandsIT {

    private static final String TEAM_PASSPHRASE = "heron copper meadow ninety";
    private static final String FILE_PASSPHRASE = "violet anchor sixteen tides";

    @TempDir
    Path dir;

    private CliRunner laptop(String name) {
        try {
            // made first: a new encrypted database in a folder that does not exist yet cannot write its key file
            return new CliRunner(java.nio.file.Files.createDirectories(dir.resolve(name)).resolve("resolve.mv.db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CliRunner withPassphrase(CliRunner r, String passphrase) {
        return r.withEnv("RESOLVE_PASSPHRASE_FILE", r.secretFile(".passphrase", passphrase).toString());
    }

    private static String newCase(CliRunner r, String ref) {
        CliRunner.Result res = r.run("case", "new", "--policy", "croydon", "--child-ref", ref, "--raised-by", "Sam Lee",
                "--raised-agency", "Oak School", "--other-agency", "Children's Social Care", "--category",
                "Levels of need", "--concern", "Referral closed PELICAN", "--at", "2025-12-01T10:00");
        assertThat(res.code()).as(res.err()).isZero();
        return res.out().strip();
    }

    @Test
    void aManagerSetsUpTheKeyAMemberJoinsAndExportImportAndCsvWork() throws Exception {
        CliRunner a = laptop("a");
        CliRunner b = laptop("b");
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        String caseA = newCase(a, "AB-WALRUS-1");

        CliRunner.Result before = a.run("sync", "--shared", shared.toString());
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.err()).contains("No team key has been set up").contains("resolve sync setup-key --shared");

        CliRunner.Result setUp = withPassphrase(a, TEAM_PASSPHRASE).run("sync", "setup-key", "--shared", shared.toString());
        assertThat(setUp.code()).as(setUp.err()).isZero();
        // the case's opening, its key's grant and the two people's key registrations (administrator and worker)
        assertThat(setUp.out()).contains("Team key ").contains("Received 0 entries and sent 4 entries; the shared file"
                + " holds 4 entries.");
        Plaintext.assertAbsent(shared, "AB-WALRUS-1", "PELICAN", "Sam Lee");
        Plaintext.assertAbsent(dir.resolve("drive/team.key.json"), TEAM_PASSPHRASE);

        CliRunner.Result notJoined = b.run("sync", "--shared", shared.toString());
        assertThat(notJoined.code()).isEqualTo(1);
        assertThat(notJoined.err()).contains("does not hold the team key").contains("resolve sync join --shared");
        CliRunner.Result wrong = withPassphrase(b, "heron copper meadow ninety-one").run("sync", "join", "--shared",
                shared.toString());
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("That passphrase does not open the team key").contains("Nothing was changed");
        CliRunner.Result join = withPassphrase(b, TEAM_PASSPHRASE).run("sync", "join", "--shared", shared.toString());
        assertThat(join.code()).as(join.err()).isZero();
        assertThat(join.out()).contains("Joined: this computer holds team key").contains("Received 4 entries and sent 2"
                + " entries");
        assertThat(b.run("case", "show", caseA).code()).isZero();
        // the shared file is now in b's settings
        assertThat(b.run("sync").out()).contains("Nothing new to sync");

        Path export = dir.resolve("out.resolve");
        CliRunner.Result ex = withPassphrase(a, FILE_PASSPHRASE).run("export", "--out", export.toString(), "--case",
                caseA.substring(0, 8));
        assertThat(ex.code()).as(ex.err()).isZero();
        assertThat(ex.out()).startsWith("Exported 4 entries of 1 case to " + export + ", encrypted");
        Plaintext.assertAbsent(export, "AB-WALRUS-1", "PELICAN", "Sam Lee", FILE_PASSPHRASE);
        CliRunner c = laptop("c");
        CliRunner.Result bad = withPassphrase(c, "violet anchor sixteen tide").run("import", export.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("The passphrase does not open the file").contains("Nothing was imported");
        CliRunner cWith = withPassphrase(c, FILE_PASSPHRASE);
        assertThat(cWith.run("import", export.toString()).out()).contains("Imported 4 new entries of the 4 in the file");
        assertThat(cWith.run("import", export.toString()).out())
                .contains("Nothing new: this database already held all 4 entries of the file.");

        Path csv = dir.resolve("cases.csv");
        CliRunner.Result cs = c.run("export", "--csv", csv.toString());
        assertThat(cs.out()).contains("Wrote 1 case to " + csv);
        assertThat(Files.readString(csv)).contains(caseA).doesNotContain("AB-WALRUS-1").doesNotContain("PELICAN");
    }

    @Test
    void onlyAManagerSetsUpTheKey() throws Exception {
        CliRunner p = laptop("a").addUser("pat", Role.PRACTITIONER, "Test team");
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        CliRunner.Result r = withPassphrase(p, TEAM_PASSPHRASE).run("sync", "setup-key", "--shared", shared.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("drive/team.key.json"))).isFalse();
    }

    @Test
    void anUnreachableSharedDriveExitsWithOneAndSaysTheWorkIsSafe() {
        CliRunner a = laptop("a");
        newCase(a, "AB-1");
        Path shared = dir.resolve("S-drive/Safeguarding/team.mv.db");
        CliRunner.Result r = a.run("sync", "--shared", shared.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("resolve: The shared file at " + shared.toAbsolutePath() + " cannot be"
                + " reached (is the network drive connected?); your work is safe on this computer and will sync next"
                + " time.");
    }

    @Test
    void aDamagedImportExitsWithOneAndImportsNothing() throws Exception {
        CliRunner a = laptop("a");
        Path bad = dir.resolve("bad.resolve");
        Files.writeString(bad, "hello");
        CliRunner.Result r = a.run("import", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is not a Resolve export").contains("Nothing was imported");
    }

    @Test
    void exportNeedsEitherOutOrCsv() {
        assertThat(laptop("a").run("export").code()).isEqualTo(2);
    }
}
