/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /** Puts {@code file} on the case's record with {@code note}; refuses, recording nothing, what may not go. */
    public Attachment attach(UUID caseId, Path file, String note) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Measured m = measure(file, name);
        ContentStore.Wanted bytes = new ContentStore.Wanted(null, m.sha256(), m.size());
        CaseState after;
        try {
            after = cases.append(caseId, (c, p) -> List.of(Attachment.newEntry(c.id(), c.entries(), cases.author(),
                    cases.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), name, note, m.size(), m.sha256(),
                    m.head())), List.of(bytes), w -> Files.newInputStream(file));
        } catch (ContentStore.Mismatch changed) {
            throw new RuleViolation("'" + name + "' changed while it was being read. Wait until it is saved and"
                    + " attach it again. Nothing was recorded.");
        }
        List<Attachment> all = Attachment.of(after.entries());
        return all.get(all.size() - 1);
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
        if (!contents.has(a.sha256())) {
            throw new RuleViolation("The contents of attachment " + number + " ('" + a.fileName() + "') have not"
                    + " reached this computer yet. Sync again, or ask the colleague who attached it to sync.");
        }
        MessageDigest md = sha256();
        long[] n = {0};
        DigestOutputStream digest = new DigestOutputStream(out, md);
        contents.copyTo(a.sha256(), new FilterOutputStream(digest) {
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
        });
        if (n[0] != a.size() || !HexFormat.of().formatHex(md.digest()).equals(a.sha256())) {
            throw new RuleViolation("The attached file '" + a.fileName() + "' is damaged in this database (its"
                    + " contents do not match their SHA-256). Sync again, or ask a colleague who holds the case to"
                    + " send it again.");
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
    private record Measured(long size, String sha256, byte[] head) {
    }

    private static Measured measure(Path file, String name) {
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
            long n = 0;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int r; (r = in.read(buf)) > 0; ) {
                    md.update(buf, 0, r);
                    n += r;
                }
            }
            if (n != size) {
                throw new RuleViolation("'" + name + "' changed while it was being read. Wait until it is saved and"
                        + " attach it again.");
            }
            return new Measured(size, HexFormat.of().formatHex(md.digest()), head);
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
