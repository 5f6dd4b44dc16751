/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import uk.resolve.domain.attachment.Attachment;
import uk.resolve.domain.attachment.AttachmentCheck;
import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.record.Entry;
import uk.resolve.security.ContentSeal;
import uk.resolve.security.Crypto;
import uk.resolve.store.ContentStore;

/**
 * Documents on a case's record: letters, minutes, e-mails, PDFs, Word files and images. Each is an
 * entry naming its bytes by their SHA-256; the bytes are kept apart in the same encrypted database,
 * written in the entry's transaction, streamed in and out and read only when opened or saved
 * (decision 0010). A refused file records nothing. Opening one writes a copy to a private
 * temporary folder, named by the case number, never by anything about the child, removed when
 * Resolve closes.
 */
public final class AttachmentService {

    private final CaseService cases;
    private final ContentStore contents;
    private final AuditLog audit;

    public AttachmentService(CaseService cases, ContentStore contents, AuditLog audit) {
        this.cases = cases;
        this.contents = contents;
        this.audit = audit;
    }

    /**
     * Puts {@code file} on the case's record with {@code note}; refuses, recording nothing, what may not go.
     * When what is written is sealed under the case key, the bytes are sealed under a key of their own,
     * which the entry holds sealed under the case key: only those who read the entry open them.
     */
    public Attachment attach(UUID caseId, Path file, String note) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] key = cases.sealing() ? ContentSeal.newKey() : null;
        try {
            Measured m = measure(file, name, key);
            ContentStore.Wanted bytes = key == null ? new ContentStore.Wanted(null, m.sha256(), m.size())
                    : new ContentStore.Wanted(null, m.sealing().storedSha256(), m.sealing().storedSize());
            ContentStore.Source source = key == null ? w -> Files.newInputStream(file)
                    : w -> ContentSeal.sealing(Files.newInputStream(file), key, m.size());
            CaseState after;
            try {
                after = cases.append(caseId, (c, p) -> List.of(Attachment.newEntry(c.id(), c.entries(), cases.author(),
                        cases.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), name, note, m.size(),
                        m.sha256(), m.head(), m.sealing())), List.of(bytes), source);
            } catch (ContentStore.Mismatch changed) {
                throw new RuleViolation("'" + name + "' changed while it was being read. Wait until it is saved and"
                        + " attach it again. Nothing was recorded.");
            }
            List<Attachment> all = Attachment.of(after.entries());
            return all.get(all.size() - 1);
        } finally {
            Crypto.wipe(key);
        }
    }

    /** The case's attachments, numbered as {@code case show} lists them. */
    public List<Attachment> list(UUID caseId) {
        return Attachment.of(cases.get(caseId).entries());
    }

    /**
     * The bytes of attachment {@code number}, checked against their SHA-256, in memory: for small
     * documents and tests; {@link #save} and {@link #temporaryCopy} stream instead.
     */
    public byte[] content(UUID caseId, int number) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(caseId, number, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        return out.toByteArray();
    }

    /** Writes attachment {@code number} to {@code out}, whole or not at all. */
    public Path save(UUID caseId, int number, Path out) {
        Path written = OutputFiles.write(out, o -> writeTo(caseId, number, o), "the attachment");
        audit.record(AuditAction.ATTACHMENT_SAVED, caseId.toString(), "attachment " + number);
        return written;
    }

    /**
     * Streams attachment {@code number}'s bytes to {@code out}, checking them against the SHA-256
     * its entry holds; bytes that do not match, or are not here, are refused (after {@code out} has
     * had some of them: write to a temporary file and keep it only when this returns).
     */
    private void writeTo(UUID caseId, int number, OutputStream out) throws IOException {
        CaseState c = cases.get(caseId);
        Attachment a = Attachment.number(c.entries(), number);
        Entry e = c.entries().stream().filter(x -> x.id().equals(a.entryId())).findFirst().orElseThrow();
        if (Attachment.holdsBytes(e)) {
            out.write(Attachment.content(e));
            return;
        }
        byte[] key = null;
        if (Attachment.sealedBytes(e)) {
            if (CaseKeys.DAMAGED.equals(e.get(Attachment.FILE_NAME))) {
                throw new RuleViolation("Attachment " + number + "'s entry was changed or damaged in this database,"
                        + " so its contents cannot be opened. Run 'resolve verify', and ask a colleague who holds the"
                        + " case to sync.");
            }
            key = contentKey(e);
            if (key == null) {
                throw new RuleViolation("Attachment " + number + " is not readable here: this computer holds no key"
                        + " for this case for you yet. It arrives when a colleague who holds the case opens it or"
                        + " writes to it and syncs; sync again later.");
            }
        }
        Attachment.Stored stored = Attachment.stored(e).orElseThrow(() -> new RuleViolation("Attachment " + number
                + "'s entry names no contents that can be checked. Run 'resolve verify'."));
        MessageDigest md = sha256();
        long[] n = {0};
        DigestOutputStream digest = new DigestOutputStream(out, md);
        OutputStream counted = new FilterOutputStream(digest) {
            @Override
            public void write(int b) throws IOException {
                digest.write(b);
                n[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                digest.write(b, off, len);
                n[0] += len;
            }
        };
        try (InputStream kept = contents.source().open(new ContentStore.Wanted(e.id(), stored.sha256(),
                stored.size()))) {
            if (kept == null) {
                throw new RuleViolation("The contents of attachment " + number + " ('" + a.fileName() + "') have not"
                        + " reached this computer yet. Sync again, or ask the colleague who attached it to sync.");
            }
            try (InputStream plain = key == null ? kept : ContentSeal.opening(kept, key, a.size())) {
                plain.transferTo(counted);
            } catch (IOException sealedDamaged) {
                if (key == null) {
                    throw sealedDamaged;
                }
                throw damaged(a);
            }
        } finally {
            Crypto.wipe(key);
        }
        if (n[0] != a.size() || !HexFormat.of().formatHex(md.digest()).equals(a.sha256())) {
            throw damaged(a);
        }
    }

    private static RuleViolation damaged(Attachment a) {
        return new RuleViolation("The attached file '" + a.fileName() + "' is damaged in this database (its"
                + " contents do not match their SHA-256). Sync again, or ask a colleague who holds the case to"
                + " send it again.");
    }

    /** The document's own key, from its opened entry; null when the entry did not open here. */
    private static byte[] contentKey(Entry e) {
        String k = e.get(Attachment.CONTENT_KEY);
        if (k == null) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(k);
            return key.length == 32 ? key : null;
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }

    /**
     * A copy of attachment {@code number} to open with the system's viewer, in a folder only this
     * person can read, named {@code case-<first 8 of the case number>-<n>.<ext>}, deleted when
     * Resolve closes.
     */
    public Path temporaryCopy(UUID caseId, int number) {
        Attachment a = Attachment.number(cases.get(caseId).entries(), number);
        try {
            Path dir = privateFolder();
            Path copy = dir.resolve("case-" + caseId.toString().substring(0, 8) + "-" + number
                    + (a.extension().isEmpty() ? "" : "." + a.extension()));
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(copy), 1 << 16)) {
                writeTo(caseId, number, out);
            } catch (RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
            copy.toFile().deleteOnExit();
            audit.record(AuditAction.ATTACHMENT_SAVED, caseId.toString(), "attachment " + number + " opened");
            return copy;
        } catch (IOException e) {
            throw new RuleViolation("Could not make a copy of the attachment to open (" + e.getClass().getSimpleName()
                    + "). Is the disk full? Save it with 'Save a copy' instead.");
        }
    }

    private static Path privateDir;

    private static synchronized Path privateFolder() throws IOException {
        if (privateDir == null || !Files.isDirectory(privateDir)) {
            boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            privateDir = posix ? Files.createTempDirectory("resolve-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("resolve-");
            // registered before the files in it, so deleted after them (deleteOnExit runs in reverse)
            privateDir.toFile().deleteOnExit();
        }
        return privateDir;
    }

    /** A file's size, SHA-256 and first bytes, read once, streamed. */
    private record Measured(long size, String sha256, byte[] head, Attachment.Sealing sealing) {
    }

    /**
     * Measures {@code file}; with a document {@code key}, also the SHA-256 and size of its sealed form
     * (sealing is repeatable: the same bytes seal to the same bytes under the same key).
     */
    private static Measured measure(Path file, String name, byte[] key) {
        try {
            if (Files.isDirectory(file)) {
                throw new RuleViolation("'" + file + "' is a folder, not a file. Choose the document itself.");
            }
            long size = Files.size(file);
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(16);
            }
            // refused before reading it all, so a huge file is not read only to be turned away
            AttachmentCheck.check(name, size, head, 0);
            MessageDigest md = sha256();
            MessageDigest sealedMd = sha256();
            long[] n = {0};
            long sealedN = 0;
            try (InputStream raw = Files.newInputStream(file)) {
                InputStream plain = new DigestInputStream(raw, md) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int r = super.read(b, off, len);
                        n[0] += Math.max(0, r);
                        return r;
                    }

                    @Override
                    public int read() throws IOException {
                        int r = super.read();
                        n[0] += r < 0 ? 0 : 1;
                        return r;
                    }
                };
                InputStream in = key == null ? plain : ContentSeal.sealing(plain, key, size);
                byte[] buf = new byte[1 << 16];
                for (int r; (r = in.read(buf)) > 0; ) {
                    sealedMd.update(buf, 0, r);
                    sealedN += r;
                }
            } catch (java.io.EOFException shorter) {
                n[0] = -1;
            } catch (IOException changed) {
                if (key == null || Files.size(file) == size) {
                    throw changed;
                }
                n[0] = -1;
            }
            if (n[0] != size) {
                throw new RuleViolation("'" + name + "' changed while it was being read. Wait until it is saved and"
                        + " attach it again.");
            }
            Attachment.Sealing sealing = key == null ? null : new Attachment.Sealing(
                    Base64.getEncoder().encodeToString(key), HexFormat.of().formatHex(sealedMd.digest()), sealedN);
            return new Measured(size, HexFormat.of().formatHex(md.digest()), head, sealing);
        } catch (NoSuchFileException e) {
            throw new RuleViolation("There is no file " + file.toAbsolutePath() + ". Check the name and folder"
                    + " (is the drive connected?). Nothing was recorded.");
        } catch (AccessDeniedException e) {
            throw new RuleViolation("'" + file.toAbsolutePath() + "' cannot be read: you do not have permission, or"
                    + " it is open in another program. Close it or copy it somewhere you can read, then try again."
                    + " Nothing was recorded.");
        } catch (IOException e) {
            throw new RuleViolation("'" + file.toAbsolutePath() + "' could not be read (" + e.getClass()
                    .getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT) + "). Check the drive is"
                    + " connected and try again. Nothing was recorded.");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
