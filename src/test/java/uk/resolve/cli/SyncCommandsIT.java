/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandsIT {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    /** Runs {@code --db DB args…} signed in as the manager "worker" of that database (made on first use). */
    private Run run(String... args) {
        assertThat(args[0]).isEqualTo("--db");
        String[] rest = java.util.Arrays.copyOfRange(args, 2, args.length);
        CliRunner.Result r = new CliRunner(Path.of(args[1])).run(rest);
        return new Run(r.code(), r.out(), r.err());
    }

    private String newCase(String db, String ref) {
        Run r = run("--db", db, "case", "new", "--policy", "croydon", "--child-ref", ref, "--raised-by", "Sam Lee",
                "--raised-agency", "Oak School", "--other-agency", "Children's Social Care", "--category",
                "Levels of need", "--concern", "Referral closed", "--at", "2025-12-01T10:00");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().strip();
    }

    @Test
    void twoDatabasesSyncThroughASharedFileAndExportImportAndCsvWork() throws Exception {
        String a = dir.resolve("a/resolve.mv.db").toString();
        String b = dir.resolve("b/resolve.mv.db").toString();
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        String caseA = newCase(a, "AB-1");

        Run sa = run("--db", a, "sync", "--shared", shared.toString());
        assertThat(sa.code()).as(sa.err()).isZero();
        assertThat(sa.out()).contains("Received 0 entries and sent 1 entry; the shared file holds 1 entry.");
        Run sb = run("--db", b, "sync", "--shared", shared.toString());
        assertThat(sb.out()).contains("Received 1 entry and sent 0 entries");
        assertThat(run("--db", b, "case", "show", caseA).code()).isZero();

        Path export = dir.resolve("out.resolve");
        Run ex = run("--db", a, "export", "--out", export.toString(), "--case", caseA.substring(0, 8));
        assertThat(ex.code()).as(ex.err()).isZero();
        assertThat(ex.out()).startsWith("Exported 1 entry of 1 case to " + export);
        String c = dir.resolve("c/resolve.mv.db").toString();
        Run im = run("--db", c, "import", export.toString());
        assertThat(im.out()).contains("Imported 1 new entry of the 1 in the file");
        assertThat(run("--db", c, "import", export.toString()).out())
                .contains("Nothing new: this database already held all 1 entries of the file.");

        Path csv = dir.resolve("cases.csv");
        Run cs = run("--db", c, "export", "--csv", csv.toString());
        assertThat(cs.out()).contains("Wrote 1 case to " + csv);
        assertThat(Files.readString(csv)).contains(caseA).doesNotContain("AB-1");
    }

    @Test
    void anUnreachableSharedDriveExitsWithOneAndSaysTheWorkIsSafe() {
        String a = dir.resolve("a/resolve.mv.db").toString();
        newCase(a, "AB-1");
        Path shared = dir.resolve("S-drive/Safeguarding/team.mv.db");
        Run r = run("--db", a, "sync", "--shared", shared.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("resolve: The shared file at " + shared.toAbsolutePath() + " cannot be"
                + " reached (is the network drive connected?); your work is safe on this computer and will sync next"
                + " time.");
    }

    @Test
    void aDamagedImportExitsWithOneAndImportsNothing() throws Exception {
        String a = dir.resolve("a/resolve.mv.db").toString();
        Path bad = dir.resolve("bad.resolve");
        Files.writeString(bad, "hello");
        Run r = run("--db", a, "import", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is not a Resolve export").contains("Nothing was imported");
    }

    @Test
    void exportNeedsEitherOutOrCsv() {
        String a = dir.resolve("a/resolve.mv.db").toString();
        assertThat(run("--db", a, "export").code()).isEqualTo(2);
    }
}
