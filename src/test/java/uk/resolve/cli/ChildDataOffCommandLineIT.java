/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.security.Keyring;

/**
 * The command line keeps what is written about a child off the command line and out of the record
 * when it breaks the record's rules, and says plainly when the database itself is missing or damaged.
 */
class ChildDataOffCommandLineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path db;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        System.setProperty("resolve.now", "2026-11-25T12:00:00Z");
        db = dir.resolve("resolve.mv.db");
        cli = new CliRunner(db);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("resolve.now");
    }

    /** Opens a Croydon case with {@code extra} added to (or standing in for) the usual options. */
    private CliRunner.Result newCase(CliRunner runner, List<String> without, String... extra) {
        List<String> args = new ArrayList<>(List.of("case", "new", "--policy", "croydon", "--raised-by", "Sam Lee",
                "--raised-agency", "Oak School", "--other-agency", "Children's Social Care", "--category",
                "Levels of need", "--at", "2026-11-23T10:00"));
        if (!without.contains("--child-ref")) {
            args.addAll(List.of("--child-ref", "CR-77"));
        }
        if (!without.contains("--concern")) {
            args.addAll(List.of("--concern", "Referral closed"));
        }
        args.addAll(List.of(extra));
        return runner.run(args.toArray(String[]::new));
    }

    private Map<String, Object> show(String id) throws Exception {
        CliRunner.Result r = cli.run("case", "show", id, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readValue(r.out(), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> shown) {
        Object d = shown.get("details");
        return d instanceof Map ? (Map<String, Object>) d : shown;
    }

    private static void assertRefused(CliRunner.Result r, String... says) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("resolve: ").doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain("SQL").doesNotContain("org.h2");
        for (String s : says) {
            assertThat(r.err()).contains(s);
        }
    }

    // ------------------------------------------------------------------ text off the command line

    @Test
    void theConcernAndChildReferenceAreReadFromStandardInputAndFromAFile() throws Exception {
        Path refFile = Files.writeString(dir.resolve("ref.txt"), "CR-ÉLODIE-9\n");
        CliRunner.Result r = newCase(cli.withStdin("Closed without assessment; \"quotes\" and ü kept\n"),
                List.of("--child-ref", "--concern"), "--child-ref-file", refFile.toString(), "--concern", "-");
        assertThat(r.code()).as(r.err()).isZero();
        String id = r.out().strip();
        assertThat(cli.run("case", "show", id).out()).contains("Child: CR-ÉLODIE-9")
                .contains("Concern: Closed without assessment; \"quotes\" and ü kept");
    }

    @Test
    void aDiscussionSummaryComesFromAFileAndItsActionsFromStandardInput() throws Exception {
        String id = newCase(cli, List.of()).out().strip();
        Path summary = Files.writeString(dir.resolve("summary.txt"), "Line one\nLine two");
        CliRunner.Result r = cli.withStdin("Call back Monday").run("case", "discuss", id, "--with", "Duty SW",
                "--summary-file", summary.toString(), "--actions", "-");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(cli.run("case", "show", id).out()).contains("Line one\nLine two");
    }

    @Test
    void textStartingWithAnAtSignIsTextNotTheFileItNames() throws Exception {
        Path secret = Files.writeString(dir.resolve("hostname"), "contents of another file");
        CliRunner.Result r = newCase(cli, List.of("--concern"), "--concern", "@" + secret);
        assertThat(r.code()).as(r.err()).isZero();
        String out = cli.run("case", "show", r.out().strip()).out();
        assertThat(out).contains("Concern: @" + secret).doesNotContain("contents of another file");
    }

    @Test
    void aRequiredTextGivenNeitherWayOrBothWaysIsAUsageError() throws Exception {
        Path f = Files.writeString(dir.resolve("c.txt"), "x");
        CliRunner.Result none = newCase(cli, List.of("--concern"));
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--concern").contains("--concern-file");
        CliRunner.Result both = newCase(cli, List.of(), "--concern-file", f.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        assertThat(cli.run("case", "list").out()).contains("No cases yet");
    }

    @Test
    void twoOptionsCannotBothReadStandardInput() {
        CliRunner.Result r = newCase(cli.withStdin("x"), List.of("--child-ref", "--concern"), "--child-ref", "-",
                "--concern", "-");
        assertRefused(r, "Only one option can read standard input");
    }

    @Test
    void aMissingOrNonUtf8TextFileIsRefusedSayingSo() throws Exception {
        assertRefused(newCase(cli, List.of("--concern"), "--concern-file", dir.resolve("nope.txt").toString()),
                "There is no file", "--concern-file");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "caf\u00e9 concern".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(newCase(cli, List.of("--concern"), "--concern-file", latin1.toString()), "is not UTF-8 text");
        assertThat(cli.run("case", "list").out()).contains("No cases yet");
    }

    @Test
    void theHelpOfACommandNamesTheFileAndStandardInputForms() {
        String help = cli.run("case", "new", "--help").out();
        assertThat(help).contains("--concern-file=PATH").contains("--child-ref-file=PATH")
                .contains("--child-name-file=PATH").contains("Or - to read it from standard input");
        assertThat(help).doesNotContain("--policy-file").doesNotContain("--at-file");
    }

    // ------------------------------------------------------------------ limits and characters

    @Test
    void aConcernOverTheStatedLimitIsRefusedQuotingNothing() throws Exception {
        String huge = "secret-about-child ".repeat(55_000); // over a megabyte; the last space is stripped
        Path f = Files.writeString(dir.resolve("huge.txt"), huge);
        CliRunner.Result r = newCase(cli, List.of("--concern"), "--concern-file", f.toString());
        assertRefused(r, "The concern is 1,044,999 characters long; it may be at most 20,000");
        assertThat(r.err()).doesNotContain("secret-about-child");
        assertThat(cli.run("case", "list").out()).contains("No cases yet");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "0000, a NUL character (U+0000)",
            "202E, a right-to-left override character (U+202E)",
            "202A, a left-to-right embedding character (U+202A)",
            "2066, a left-to-right isolate character (U+2066)",
            "2069, a pop directional isolate character (U+2069)",
            "0007, a control character (U+0007)"})
    void invisibleAndReorderingCharactersAreRefusedNamingWhich(String hex, String named) {
        String text = "Referral closed" + (char) Integer.parseInt(hex, 16) + "txt.exe";
        CliRunner.Result r = newCase(cli.withStdin(text), List.of("--concern"), "--concern", "-");
        assertRefused(r, "The concern contains " + named + " at character 16");
        assertThat(r.err()).doesNotContain("Referral closed");
        assertThat(cli.run("case", "list").out()).contains("No cases yet");
    }

    @Test
    void tabsAndLineBreaksAreKept() throws Exception {
        CliRunner.Result r = newCase(cli.withStdin("First\tpoint\r\nSecond point"), List.of("--concern"),
                "--concern", "-");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(cli.run("case", "show", r.out().strip()).out()).contains("First\tpoint\r\nSecond point");
    }

    // ------------------------------------------------------------------ the database file itself

    @Test
    void aMissingDatabaseWhoseKeyFileIsPresentIsReportedAndNotRecreated() throws Exception {
        assertThat(newCase(cli, List.of()).code()).isZero();
        Files.delete(db);
        CliRunner.Result r = cli.runRaw("case", "list");
        assertRefused(r, "is missing", "key file", "Restore the database and its key file together", "resolve verify");
        assertThat(db).doesNotExist();
        assertThat(Keyring.fileFor(db.toAbsolutePath())).exists();
    }

    @Test
    void aTruncatedDatabaseIsReportedAsDamagedWithWhatToDo() throws Exception {
        assertThat(newCase(cli, List.of()).code()).isZero();
        long size = Files.size(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(size / 2);
        }
        byte[] before = Files.readAllBytes(db);
        CliRunner.Result r = cli.runRaw("case", "list");
        assertRefused(r, "damaged", "Restore the database and its key file together", "resolve verify");
        assertThat(r.err()).doesNotContain("belongs to another database");
        // H2 rewrites the file's header when it opens and closes it, so the bytes are not compared; what was
        // left of the record must still be there, and a second try must say the same
        assertThat(Files.size(db)).isGreaterThanOrEqualTo(before.length / 2);
        assertRefused(cli.runRaw("case", "list"), "damaged", "resolve verify");
    }

    @Test
    void damagedContentsAreReportedAsDamageNotAsAnotherDatabasesKey() throws Exception {
        assertThat(newCase(cli, List.of()).code()).isZero();
        long size = Files.size(db);
        byte[] noise = new byte[(int) size - 4 * 4096];
        new java.util.Random(13).nextBytes(noise);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(4 * 4096); // past the encryption header and H2's two file headers
            f.write(noise);
        }
        CliRunner.Result r = cli.runRaw("case", "list");
        // H2 either fails to read it or falls back to an older state that does not know the person
        assertRefused(r, "damaged", "Restore the database and its key file together", "resolve verify");
    }

    @Test
    void aKeyFileFromAnotherDatabaseIsToldApartFromDamage() throws Exception {
        assertThat(newCase(cli, List.of()).code()).isZero();
        CliRunner other = new CliRunner(dir.resolve("other").resolve("resolve.mv.db"));
        assertThat(other.run("case", "list").code()).isZero();
        Files.copy(Keyring.fileFor(other.db().toAbsolutePath()), Keyring.fileFor(db.toAbsolutePath()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRunner.Result r = cli.runRaw("case", "list");
        assertRefused(r, "cannot be unlocked with the key in the key file", "do not belong together");
    }
}
