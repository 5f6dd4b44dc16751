/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Integrity;
import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.store.Database;
import uk.resolve.testing.MutableClock;
import uk.resolve.testing.Plaintext;

/**
 * A document on a case's record travels with the case, byte for byte, through the shared file, its
 * segments and an export file, and is readable at rest nowhere: not in the laptops' databases, not
 * on the shared drive, not in the export file.
 */
class AttachmentSyncIT {

    /** Placed at a multiple of 3 bytes into the document, with a length of a multiple of 3, so its base64 is found too. */
    private static final String MARKER = "QUOKKA-LETTER-7Z41";
    private static final String NOTE = "Reply from the WOMBAT duty manager";
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");

    @RegisterExtension
    final Laptops laptops = new Laptops(() -> dir, clock);

    /**
     * A PDF of 16 MB: its base64 is longer than the million characters an entry held before
     * attachments, and than the 20 million a JSON reader takes unless told.
     */
    private Path document() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        out.write(MARKER.getBytes(StandardCharsets.US_ASCII));
        byte[] rest = new byte[16 * 1024 * 1024];
        new java.util.Random(7).nextBytes(rest);
        out.write(rest);
        Path f = Files.createDirectories(dir.resolve("source")).resolve("letter.pdf");
        Files.write(f, out.toByteArray());
        return f;
    }

    /** What must be found nowhere at rest: the document's text, in the clear and in base64, and the note. */
    private static String[] secrets() {
        return new String[] {MARKER, NOTE, Base64.getEncoder().encodeToString(MARKER.getBytes(StandardCharsets.US_ASCII))};
    }

    @Test
    void anAttachmentSyncedAndExportedArrivesByteIdenticalAndIsPlainNowhereAtRest() throws Exception {
        Path doc = document();
        byte[] original = Files.readAllBytes(doc);
        Path shared = laptops.sharedFile("team.mv.db");

        Services a = laptops.encryptedLaptop("a");
        UUID caseId = Laptops.openCase(a, "REF-1", clock.instant());
        // the first sync makes the shared file; what follows travels as a segment
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);
        clock.advance(Duration.ofMinutes(1));
        var attached = a.attachments().attach(caseId, doc, NOTE);
        assertThat(attached.size()).isEqualTo(original.length);

        // through segments, as the application syncs
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);
        // the segments and the documents' bytes beside them are folded into the shared file later: keep a
        // copy of them to search as well
        Path kept = Files.createDirectories(dir.resolve("kept-segments"));
        try (Stream<Path> beside = Files.list(new SharedFile(shared).segments())) {
            for (Path p : beside.filter(Files::isRegularFile).toList()) {
                Files.copy(p, kept.resolve(p.getFileName()));
            }
        }
        try (Stream<Path> k = Files.list(kept)) {
            assertThat(k.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.endsWith(Segment.SUFFIX))
                    .anyMatch(n -> n.endsWith("." + attached.entryId() + Segment.CONTENT));
        }
        Services b = laptops.encryptedLaptop("b");
        Laptops.engine(b, Laptops.segments()).sync(shared, Laptops.KEY);
        assertThat(b.attachments().content(caseId, 1)).isEqualTo(original);
        assertThat(b.attachments().list(caseId).get(0)).isEqualTo(attached);
        // the entry that travelled names the bytes; it does not hold them
        var entry = TestAccess.entries(b).entry(attached.entryId()).orElseThrow();
        assertThat(entry.data()).doesNotContainKey(uk.resolve.domain.attachment.Attachment.BYTES);
        assertThat(entry.data().toString()).hasSizeLessThan(1000);

        // through the shared file itself, once the segments are folded into it
        assertThat(Laptops.engine(a, Laptops.segments().withFoldAt(1)).foldIfDue(shared, Laptops.KEY)).isTrue();
        assertThat(Laptops.sharedIdSet(shared, Files.createDirectories(dir.resolve("peek"))))
                .contains(attached.entryId());
        Services c = laptops.encryptedLaptop("c");
        Laptops.engine(c, Laptops.fast()).sync(shared, Laptops.KEY);
        assertThat(c.attachments().content(caseId, 1)).isEqualTo(original);

        // exported and imported
        Path export = dir.resolve("usb").resolve("cases.resolve");
        Files.createDirectories(export.getParent());
        a.sync().export(export, List.of(caseId), PASSPHRASE, n -> { });
        assertThat(Files.size(export)).isGreaterThan(original.length);
        Services d = laptops.encryptedLaptop("d");
        d.sync().importFile(export, PASSPHRASE, n -> { });
        assertThat(d.attachments().content(caseId, 1)).isEqualTo(original);
        Path saved = Files.createDirectories(dir.resolve("saved")).resolve("copy.pdf");
        d.attachments().save(caseId, 1, saved);
        assertThat(Files.readAllBytes(saved)).isEqualTo(original);

        laptops.closeAll();
        List<Path> atRest;
        try (Stream<Path> files = Files.walk(dir)) {
            atRest = files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(dir.resolve("source")) && !p.startsWith(dir.resolve("saved")))
                    .toList();
        }
        assertThat(atRest).anyMatch(p -> p.toString().endsWith(".seg")).contains(shared, export)
                .anyMatch(p -> p.startsWith(dir.resolve("laptops/d")) && p.toString().endsWith(Database.SUFFIX));
        for (Path p : atRest) {
            Plaintext.assertAbsent(p, secrets());
        }
    }

    @Test
    void theSearchForTheMarkerFindsItInAnUnencryptedDatabase() throws Exception {
        // the check above can fail: the same search finds the document (its bytes, now apart from its entry)
        // and its note in a plain database
        Services plain = laptops.laptop("plain");
        UUID caseId = Laptops.openCase(plain, "REF-2", clock.instant());
        plain.attachments().attach(caseId, document(), NOTE);
        laptops.closeAll();
        assertThat(Plaintext.found(Files.readAllBytes(dir.resolve("plain/resolve.mv.db")), secrets()))
                .contains(NOTE, MARKER);
    }

    @Test
    void bytesAlteredBesideTheSegmentsAreSetAsideNeverStoredAndALaterSyncBringsThemWhole() throws Exception {
        byte[] original = new byte[1536 * 1024]; // two sealed pieces
        new java.util.Random(5).nextBytes(original);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, original, 0, 9);
        Path doc = Files.createDirectories(dir.resolve("source")).resolve("minutes.pdf");
        Files.write(doc, original);
        Path shared = laptops.sharedFile("team.mv.db");
        Services a = laptops.encryptedLaptop("a");
        UUID caseId = Laptops.openCase(a, "REF-3", clock.instant());
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);
        var attached = a.attachments().attach(caseId, doc, "");
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);

        Path beside;
        try (Stream<Path> files = Files.list(new SharedFile(shared).segments())) {
            beside = files.filter(p -> p.toString().endsWith(Segment.CONTENT)).findFirst().orElseThrow();
        }
        byte[] sealed = Files.readAllBytes(beside);
        sealed[sealed.length - 100] ^= 1; // inside the last piece
        Files.write(beside, sealed);

        Services b = laptops.encryptedLaptop("b");
        SyncReport r = Laptops.engine(b, Laptops.segments()).sync(shared, Laptops.KEY);
        assertThat(r.setAside()).singleElement().asString().contains(attached.entryId().toString());
        assertThat(b.attachments().list(caseId)).singleElement().isEqualTo(attached);
        assertThat(TestAccess.entries(b).contents().has(attached.sha256())).isFalse();
        assertThatThrownBy(() -> b.attachments().content(caseId, 1)).hasMessageContaining("not reached this computer");

        // folded into the shared file from the laptop that holds the document: the next sync brings it whole
        assertThat(Laptops.engine(a, Laptops.segments().withFoldAt(1)).foldIfDue(shared, Laptops.KEY)).isTrue();
        assertThat(beside).doesNotExist();
        Laptops.engine(b, Laptops.segments()).sync(shared, Laptops.KEY);
        assertThat(b.attachments().content(caseId, 1)).isEqualTo(original);
        assertThat(b.integrity().verify().intact()).isTrue();
    }

    @Test
    void anExportCutShortInADocumentIsRefusedWholeAndImportsNothing() throws Exception {
        Path doc = document();
        Services a = laptops.encryptedLaptop("a");
        UUID caseId = Laptops.openCase(a, "REF-4", clock.instant());
        a.attachments().attach(caseId, doc, NOTE);
        Path export = Files.createDirectories(dir.resolve("usb")).resolve("cases.resolve");
        a.sync().export(export, List.of(caseId), PASSPHRASE, n -> { });
        byte[] whole = Files.readAllBytes(export);
        Files.write(export, java.util.Arrays.copyOf(whole, whole.length - 4096));
        Services d = laptops.encryptedLaptop("d");
        assertThatThrownBy(() -> d.sync().importFile(export, PASSPHRASE, n -> { }))
                .hasMessageContaining("is incomplete").hasMessageContaining("Nothing was imported");
        assertThat(TestAccess.entries(d).count()).isZero();
    }

    @Test
    void aDocumentAlteredInAnExportIsSetAsideAndTheEntriesStillImported() throws Exception {
        Services a = laptops.encryptedLaptop("a");
        UUID caseId = Laptops.openCase(a, "REF-5", clock.instant());
        var attached = a.attachments().attach(caseId, document(), NOTE);
        Path export = Files.createDirectories(dir.resolve("usb")).resolve("cases.resolve");
        a.sync().export(export, List.of(caseId), PASSPHRASE, n -> { });
        byte[] whole = Files.readAllBytes(export);
        whole[whole.length - 100] ^= 1; // inside the document's last sealed piece
        Files.write(export, whole);
        Services d = laptops.encryptedLaptop("d");
        var imported = d.sync().importFile(export, PASSPHRASE, n -> { });
        assertThat(imported.documentsSetAside()).isEqualTo(1);
        assertThat(imported.summary()).contains("1 attached document did not match their SHA-256");
        assertThat(d.attachments().list(caseId)).singleElement().isEqualTo(attached);
        assertThat(TestAccess.entries(d).contents().has(attached.sha256())).isFalse();
    }

    /** A laptop of the team with its own people and keys, whose sessions seal what they write. */
    private uk.resolve.app.Vault keyedLaptop(String name) {
        uk.resolve.app.Vault v = uk.resolve.app.Vault.at(dir.resolve("keyed").resolve(name).resolve("resolve.mv.db"),
                clock);
        try (uk.resolve.app.Session admin = v.createFirstAdministrator("admin-" + name, PASSWORD, "")) {
            admin.addUser("alice", "Alice", uk.resolve.security.Role.PRACTITIONER, "Riverside", PASSWORD);
            admin.addUser("mary", "Mary", uk.resolve.security.Role.MANAGER, "Riverside", PASSWORD);
            admin.addUser("hugo", "Hugo", uk.resolve.security.Role.MANAGER, "Hillside", PASSWORD);
        }
        clock.advance(Duration.ofMinutes(1));
        return v;
    }

    private static final char[] PASSWORD = "a long enough password".toCharArray();

    private SyncReport sync(uk.resolve.app.Session s, Path shared) {
        return Laptops.engine(s.services(), Laptops.segments()).sync(shared, Laptops.KEY);
    }

    @Test
    void aSealedDocumentTravelsSealedThroughTheSharedFileAndOpensOnlyForThoseEntitledOnTheOtherLaptop()
            throws Exception {
        byte[] original = new byte[3 * 1024 * 1024 + 77]; // four sealed pieces
        new java.util.Random(11).nextBytes(original);
        byte[] head = ("%PDF-1.4\n" + MARKER).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, original, 0, head.length);
        Path doc = Files.createDirectories(dir.resolve("source")).resolve("letter.pdf");
        Files.write(doc, original);
        Path shared = laptops.sharedFile("team.mv.db");
        uk.resolve.app.Vault a = keyedLaptop("a");
        uk.resolve.app.Vault b = keyedLaptop("b");
        // mary's and hugo's keys on laptop b reach laptop a through the shared file
        try (uk.resolve.app.Session mary = b.signIn("mary", PASSWORD)) {
            sync(mary, shared);
        }
        UUID caseId;
        uk.resolve.domain.attachment.Attachment attached;
        try (uk.resolve.app.Session alice = a.signIn("alice", PASSWORD)) {
            sync(alice, shared);
            caseId = Laptops.openCase(alice.services(), "REF-SEALED", clock.instant());
            attached = alice.services().attachments().attach(caseId, doc, NOTE);
            assertThat(sync(alice, shared).setAside()).isEmpty();
        }
        clock.advance(Duration.ofMinutes(1));
        try (uk.resolve.app.Session mary = b.signIn("mary", PASSWORD)) {
            var s = mary.services();
            assertThat(sync(mary, shared).setAside()).isEmpty();
            assertThat(s.attachments().content(caseId, 1)).isEqualTo(original);
            assertThat(s.attachments().list(caseId).get(0).sha256()).isEqualTo(attached.sha256());
            // what laptop b keeps is the sealed form, named by the entry as it travelled
            var entry = uk.resolve.app.TestAccess.entries(s).entry(attached.entryId()).orElseThrow();
            String storedSha = entry.get(uk.resolve.domain.attachment.Attachment.STORED_SHA256);
            long storedSize = Long.parseLong(entry.get(uk.resolve.domain.attachment.Attachment.STORED_SIZE));
            assertThat(entry.data()).doesNotContainKey(uk.resolve.domain.attachment.Attachment.CONTENT_KEY);
            try (var in = uk.resolve.app.TestAccess.entries(s).contents().source().open(new uk.resolve.store.ContentStore.Wanted(
                    attached.entryId(), storedSha, storedSize))) {
                byte[] kept = in.readAllBytes();
                assertThat(kept).hasSize((int) storedSize);
                assertThat(Plaintext.found(kept, MARKER)).isEmpty();
            }
            Integrity.Result r = s.integrity().verify();
            assertThat(r.contentBreaks()).isEmpty();
        }
        // folded into the shared file, the sealed bytes still reach a laptop that syncs the whole file
        try (uk.resolve.app.Session alice = a.signIn("alice", PASSWORD)) {
            assertThat(Laptops.engine(alice.services(), Laptops.segments().withFoldAt(1))
                    .foldIfDue(shared, Laptops.KEY)).isTrue();
        }
        uk.resolve.app.Vault c = keyedLaptop("c");
        try (uk.resolve.app.Session hugo = c.signIn("hugo", PASSWORD)) {
            var s = hugo.services();
            Laptops.engine(s, Laptops.fast()).sync(shared, Laptops.KEY);
            // another team's manager: the bytes arrive (the team's copy is whole), the case is not his to open
            assertThat(uk.resolve.app.TestAccess.entries(s).contents().wanted()).isEmpty();
            assertThat(uk.resolve.app.TestAccess.entries(s).caseEntries(caseId)).filteredOn(e -> e.type()
                    == uk.resolve.domain.record.EntryType.CASE_KEY).extracting(e -> e.get("person"))
                    .doesNotContain("hugo");
            assertThatThrownBy(() -> s.attachments().content(caseId, 1)).isInstanceOf(RuntimeException.class)
                    .hasMessageNotContaining(MARKER);
        }
    }
}
