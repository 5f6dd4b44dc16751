/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.domain.attachment.AttachmentCheck;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

class AttachmentCommandTest {

    @TempDir
    Path dir;
    private CliRunner cli;
    private String id;

    @BeforeEach
    void makeCase() {
        MutableClock clock = MutableClock.at("2026-01-05T09:00");
        UUID c;
        try (Services s = Fixtures.services(dir, clock)) {
            c = s.cases().open(Fixtures.openRequest(s, "croydon", null, "2026-01-05T09:00")).id();
        }
        cli = new CliRunner(dir.resolve("resolve.mv.db"));
        id = c.toString().substring(0, 8);
    }

    private Path file(String name, byte[] bytes) throws Exception {
        Path f = Files.createDirectories(dir.resolve("in")).resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private int entries() {
        CliRunner.Result r = cli.run("case", "show", id, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().split("\"hash\"", -1).length - 1;
    }

    @Test
    void anAttachedFileIsListedByShowAndSavedBackByteForByte() throws Exception {
        byte[] letter = ("%PDF-1.4\nThe reply from the Head of Service\n").getBytes(StandardCharsets.UTF_8);
        CliRunner.Result r = cli.run("case", "attach", id, file("reply.pdf", letter).toString(), "--note",
                "Reply to our letter");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Attached reply.pdf (1 KB) as attachment 1");
        Path noteFile = file("note.txt", "Minutes of the\nstrategy meeting".getBytes(StandardCharsets.UTF_8));
        CliRunner.Result second = cli.run("case", "attach", id, file("minutes.txt", "Minutes".getBytes(
                StandardCharsets.UTF_8)).toString(), "--note-file", noteFile.toString());
        assertThat(second.code()).as(second.err()).isZero();

        CliRunner.Result show = cli.run("case", "show", id);
        assertThat(show.out()).contains("Attachments").contains("  1. reply.pdf (1 KB) — Test Worker")
                .contains(": Reply to our letter").contains("  2. minutes.txt (1 KB)")
                .contains("Document attached").doesNotContain("JVBERi0");
        assertThat(cli.run("case", "show", id, "--json").out()).contains("\"sha256\"").doesNotContain("JVBERi0");

        Path out = dir.resolve("copy.pdf");
        CliRunner.Result saved = cli.run("case", "attachment", id, "1", "--out", out.toString());
        assertThat(saved.code()).as(saved.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(letter);
    }

    @Test
    void anEmptyFileIsRefusedAndNothingRecorded() throws Exception {
        int before = entries();
        CliRunner.Result r = cli.run("case", "attach", id, file("empty.pdf", new byte[0]).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("'empty.pdf' is empty");
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void aMissingFileIsRefusedSayingWhereItLooked() {
        int before = entries();
        CliRunner.Result r = cli.run("case", "attach", id, dir.resolve("nowhere.pdf").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("There is no file").contains("nowhere.pdf").doesNotContain("Exception");
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void aProgramRenamedPdfIsRefusedAndNothingRecorded() throws Exception {
        int before = entries();
        byte[] exe = new byte[200];
        exe[0] = 'M';
        exe[1] = 'Z';
        CliRunner.Result r = cli.run("case", "attach", id, file("letter.pdf", exe).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is a program or script, not a .pdf file");
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimitStated() throws Exception {
        int before = entries();
        Path big = file("scan.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(AttachmentCheck.MAX_FILE_BYTES + 1);
        }
        CliRunner.Result r = cli.run("case", "attach", id, big.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("may be at most 25.0 MB");
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void aKindThatCannotBeAttachedIsRefusedListingThoseThatCan() throws Exception {
        CliRunner.Result r = cli.run("case", "attach", id, file("run.exe", "MZ".getBytes(StandardCharsets.US_ASCII))
                .toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("only these kinds of file can").contains("pdf, doc, docx");
    }

    @Test
    void anAttachmentNumberNotListedIsRefusedAndNoFileWritten() throws Exception {
        cli.run("case", "attach", id, file("a.txt", "words".getBytes(StandardCharsets.UTF_8)).toString());
        Path out = dir.resolve("out.txt");
        CliRunner.Result r = cli.run("case", "attachment", id, "2", "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("There is no attachment 2 on this case: it has 1 (number 1)");
        assertThat(out).doesNotExist();
    }
}
