/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.attachment.Attachment;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.store.ContentStore;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * A document's bytes are kept apart from its entry (decision 0010): the entry names them by their
 * SHA-256, the bytes are written in the entry's transaction and read only when opened; entries from
 * before hold their bytes and are still read; verify names documents whose bytes are missing or altered.
 */
class AttachmentContentIT {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");
    private Services s;
    private UUID caseId;

    @BeforeEach
    void open() {
        s = Fixtures.services(dir, clock);
        caseId = s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00")).id();
    }

    @AfterEach
    void close() {
        s.close();
    }

    private Path file(String name, String text) throws Exception {
        Path f = Files.createDirectories(dir.resolve("in")).resolve(name);
        Files.write(f, ("%PDF-1.4\n" + text).getBytes(StandardCharsets.US_ASCII));
        return f;
    }

    private long rows(String sql) throws Exception {
        try (Connection c = s.database().connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql, Object... params) throws Exception {
        try (Connection c = s.database().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void theEntryNamesTheBytesByTheirSha256AndTheBytesAreKeptApartOnce() throws Exception {
        Path letter = file("letter.pdf", "the letter");
        Attachment a = s.attachments().attach(caseId, letter, "Reply");
        // the same document again: a second entry, its bytes kept once
        s.attachments().attach(caseId, letter, "Same reply, sent twice");
        Entry e = s.entries().entry(a.entryId()).orElseThrow();
        assertThat(e.data()).doesNotContainKey(Attachment.BYTES)
                .containsEntry(Attachment.SHA256, a.sha256()).containsEntry(Attachment.KIND, "pdf");
        assertThat(rows("SELECT COUNT(*) FROM attachment_content")).isEqualTo(1);
        assertThat(rows("SELECT MAX(CHAR_LENGTH(data)) FROM entry")).isLessThan(2000);
        assertThat(s.attachments().content(caseId, 2)).isEqualTo(Files.readAllBytes(letter));
        assertThat(s.integrity().verify().intact()).isTrue();
    }

    @Test
    void bytesThatDoNotMatchTheirSha256RefuseTheWholeAppendAndRecordNothing() throws Exception {
        byte[] said = "%PDF-1.4\nwhat was measured".getBytes(StandardCharsets.US_ASCII);
        byte[] given = "%PDF-1.4\nwhat was there by the time it was written".getBytes(StandardCharsets.US_ASCII);
        long before = s.entries().count();
        NewEntry n = Attachment.newEntry(caseId, s.entries().caseEntries(caseId), "a", clock.instant(), "x.pdf", "",
                said);
        assertThatThrownBy(() -> s.entries().append(List.of(n),
                List.of(new ContentStore.Wanted(null, Attachment.sha256(said), said.length)),
                w -> new ByteArrayInputStream(given))).isInstanceOf(ContentStore.Mismatch.class);
        assertThat(s.entries().count()).isEqualTo(before);
        assertThat(rows("SELECT COUNT(*) FROM attachment_content")).isZero();
    }

    @Test
    void anAttachmentWrittenWithItsBytesInsideTheEntryIsStillListedOpenedAndSaved() throws Exception {
        byte[] bytes = "%PDF-1.4\nwritten by the version before".getBytes(StandardCharsets.US_ASCII);
        TreeMap<String, String> data = new TreeMap<>(Map.of(Attachment.FILE_NAME, "old.pdf",
                Attachment.SIZE, Integer.toString(bytes.length), Attachment.SHA256, Attachment.sha256(bytes),
                Attachment.NOTE, "from before", Attachment.BYTES, Base64.getEncoder().encodeToString(bytes)));
        s.entries().append(List.of(NewEntry.of(caseId, EntryType.ATTACHMENT_ADDED, "a", clock.instant(),
                clock.instant(), data)));
        s.attachments().attach(caseId, file("new.pdf", "written now"), "");
        assertThat(s.attachments().list(caseId)).extracting(Attachment::fileName).containsExactly("old.pdf", "new.pdf");
        assertThat(s.attachments().content(caseId, 1)).isEqualTo(bytes);
        Path saved = s.attachments().save(caseId, 1, dir.resolve("saved.pdf"));
        assertThat(Files.readAllBytes(saved)).isEqualTo(bytes);
        assertThat(s.entries().contents().wanted()).isEmpty();
        assertThat(s.integrity().verify().contentBreaks()).isEmpty();
    }

    @Test
    void verifyNamesTheCaseAndAttachmentWhoseBytesAreMissingOrAltered() throws Exception {
        Attachment first = s.attachments().attach(caseId, file("first.pdf", "first"), "CONFIDENTIAL-NOTE");
        Attachment second = s.attachments().attach(caseId, file("second.pdf", "second"), "");
        assertThat(s.integrity().verify().intact()).isTrue();

        update("DELETE FROM attachment_content WHERE sha256 = ?", first.sha256());
        update("UPDATE attachment_content SET bytes = ? WHERE sha256 = ?",
                "%PDF-1.4\nsecone".getBytes(StandardCharsets.US_ASCII), second.sha256());
        Integrity.Result r = s.integrity().verify();
        assertThat(r.intact()).isFalse();
        assertThat(r.record().intact()).as("the entries themselves are whole").isTrue();
        assertThat(r.contentBreaks()).hasSize(2);
        assertThat(r.contentBreaks().get(0)).contains("Case " + caseId, "attachment 1", "not in this database");
        assertThat(r.contentBreaks().get(1)).contains("Case " + caseId, "attachment 2", "do not match");
        assertThat(String.join("\n", r.contentBreaks())).doesNotContain("first.pdf", "CONFIDENTIAL-NOTE");
        assertThat(s.entries().contents().wanted()).extracting(ContentStore.Wanted::sha256)
                .containsExactly(first.sha256());
        // opening refuses rather than hand over other bytes
        assertThatThrownBy(() -> s.attachments().content(caseId, 2)).hasMessageContaining("damaged");
        assertThatThrownBy(() -> s.attachments().save(caseId, 1, dir.resolve("out.pdf")))
                .hasMessageContaining("not reached this computer");
        assertThat(dir.resolve("out.pdf")).doesNotExist();
    }
}
