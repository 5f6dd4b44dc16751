/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;

class AttachmentTest {

    private static final UUID CASE = UUID.fromString("0b4f4a52-0000-4000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-12-21T10:15:00Z");
    private final List<Entry> record = new ArrayList<>();

    private Entry add(String name, String note, byte[] bytes) {
        NewEntry n = Attachment.newEntry(CASE, record, "Alex Worker", AT, name, note, bytes);
        Entry e = n.seal("dev", record.size() + 1, record.isEmpty() ? "" : record.get(record.size() - 1).hash());
        record.add(e);
        return e;
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAttachmentEntryHoldsNameSizeKindAndSha256ButNotTheBytes() {
        byte[] bytes = pdf("minutes of the meeting");
        Entry e = add("minutes.pdf", "  Minutes from the strategy meeting ", bytes);
        assertThat(e.type()).isEqualTo(EntryType.ATTACHMENT_ADDED);
        assertThat(e.get(Attachment.FILE_NAME)).isEqualTo("minutes.pdf");
        assertThat(e.get(Attachment.SIZE)).isEqualTo(Integer.toString(bytes.length));
        assertThat(e.get(Attachment.SHA256)).isEqualTo(Attachment.sha256(bytes)).hasSize(64);
        assertThat(e.get(Attachment.NOTE)).isEqualTo("Minutes from the strategy meeting");
        assertThat(e.get(Attachment.KIND)).isEqualTo("pdf");
        assertThat(e.data()).doesNotContainKey(Attachment.BYTES);
        assertThat(Attachment.holdsBytes(e)).isFalse();
        assertThatThrownBy(() -> Attachment.content(e)).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.hashIsValid()).isTrue();
    }

    @Test
    void anEntryFromBeforeBytesWereKeptApartStillGivesItsBytes() {
        byte[] bytes = pdf("an old letter");
        TreeMap<String, String> data = new TreeMap<>(Map.of(Attachment.FILE_NAME, "old.pdf", Attachment.SIZE,
                Integer.toString(bytes.length), Attachment.SHA256, Attachment.sha256(bytes), Attachment.NOTE, "",
                Attachment.BYTES, java.util.Base64.getEncoder().encodeToString(bytes)));
        Entry old = NewEntry.of(CASE, EntryType.ATTACHMENT_ADDED, "Alex Worker", AT, AT, data).seal("dev", 1, "");
        record.add(old);
        assertThat(Attachment.holdsBytes(old)).isTrue();
        assertThat(Attachment.content(old)).isEqualTo(bytes);
        assertThat(Attachment.of(record).get(0).describe()).isEqualTo("old.pdf (1 KB)");
        assertThat(Attachment.totalBytes(record)).isEqualTo(bytes.length);
    }

    @Test
    void attachmentsAreNumberedFromOneInTheOrderRecorded() {
        add("a.pdf", "", pdf("one"));
        record.add(new Entry(UUID.randomUUID(), CASE, EntryType.DISCUSSION_RECORDED, "x", "dev", 9, AT, AT,
                new TreeMap<>(Map.of("summary", "talked")), "", "h"));
        add("b.txt", "second", "plain words".getBytes(StandardCharsets.UTF_8));
        List<Attachment> all = Attachment.of(record);
        assertThat(all).extracting(Attachment::number).containsExactly(1, 2);
        assertThat(all).extracting(Attachment::fileName).containsExactly("a.pdf", "b.txt");
        assertThat(all.get(1).note()).isEqualTo("second");
        assertThat(all.get(1).author()).isEqualTo("Alex Worker");
        assertThat(Attachment.number(record, 2).fileName()).isEqualTo("b.txt");
        assertThat(Attachment.totalBytes(record)).isEqualTo(pdf("one").length + "plain words".length());
    }

    @ParameterizedTest(name = "attachment {0} of two is refused")
    @CsvSource({"0", "3", "-1"})
    void aNumberThatIsNotListedIsRefusedNamingThoseThereAre(int n) {
        add("a.pdf", "", pdf("one"));
        add("b.pdf", "", pdf("two"));
        assertThatThrownBy(() -> Attachment.number(record, n)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("no attachment " + n).hasMessageContaining("numbers 1 to 2");
    }

    @Test
    void aCaseWithoutAttachmentsSaysHowToAttachOne() {
        assertThatThrownBy(() -> Attachment.number(record, 1)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("no attachments").hasMessageContaining("resolve case attach");
    }

    @ParameterizedTest(name = "{0} is kept as {1}")
    @CsvSource({
            "/home/alex/letters/reply.pdf, reply.pdf",
            "C:\\Users\\alex\\reply.pdf, reply.pdf",
            "reply.pdf, reply.pdf",
    })
    void onlyTheFileNameIsKeptNotItsFolder(String given, String kept) {
        assertThat(add(given, "", pdf("x")).get(Attachment.FILE_NAME)).isEqualTo(kept);
    }

    @Test
    void aFileThatWouldTakeTheCasePastItsLimitIsRefusedAndTheLimitStated() {
        record.add(new Entry(UUID.randomUUID(), CASE, EntryType.ATTACHMENT_ADDED, "x", "dev", 1, AT, AT,
                new TreeMap<>(Map.of(Attachment.FILE_NAME, "big.pdf", Attachment.SIZE,
                        Long.toString(AttachmentCheck.MAX_CASE_BYTES - 5))), "", "h"));
        assertThatThrownBy(() -> add("more.pdf", "", pdf("more than five bytes")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("100.0 MB");
    }

    @Test
    void aProgramNamedAsAPdfIsRefused() {
        byte[] exe = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> add("letter.pdf", "", exe)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("is a program or script");
    }

    @Test
    void contentThatNoLongerMatchesItsSha256IsRefusedAsDamaged() {
        Entry e = add("minutes.pdf", "", pdf("original"));
        TreeMap<String, String> data = new TreeMap<>(e.data());
        // an entry from before bytes were kept apart, altered
        data.put(Attachment.BYTES, java.util.Base64.getEncoder().encodeToString(pdf("altered")));
        Entry altered = new Entry(e.id(), CASE, e.type(), e.author(), e.device(), e.deviceSeq(), AT, AT, data, "", "h");
        assertThatThrownBy(() -> Attachment.content(altered)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void sizesAreGivenInKilobytesOrMegabytes() {
        assertThat(new Attachment(1, CASE, "a.pdf", 1, "", "", "", AT).sizeText()).isEqualTo("1 KB");
        assertThat(new Attachment(1, CASE, "a.pdf", 2048, "", "", "", AT).sizeText()).isEqualTo("2 KB");
        assertThat(new Attachment(1, CASE, "a.pdf", 3 * 1024 * 1024 + 400_000, "", "", "", AT).describe())
                .isEqualTo("a.pdf (3.4 MB)");
        assertThat(new Attachment(1, CASE, "Scan.JPEG", 1, "", "", "", AT).extension()).isEqualTo("jpeg");
    }
}
