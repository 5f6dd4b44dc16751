/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.IOException;
import java.io.InputStream;
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
import uk.resolve.domain.escalation.RuleViolation;
import uk.resolve.domain.record.Entry;

/**
 * Documents on a case's record: letters, minutes, e-mails, PDFs, Word files and images. Each is an
 * entry holding its bytes, so it is encrypted, synced and exported with the case. A refused file
 * records nothing. Opening one writes a copy to a private temporary folder, named by the case
 * number, never by anything about the child, removed when Resolve closes.
 */
public final class AttachmentService {

    private final CaseService cases;
    private final AuditLog audit;

    public AttachmentService(CaseService cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    /** Puts {@code file} on the case's record with {@code note}; refuses, recording nothing, what may not go. */
    public Attachment attach(UUID caseId, Path file, String note) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes = read(file, name);
        CaseState after = cases.append(caseId, (c, p) -> List.of(Attachment.newEntry(c.id(), c.entries(),
                cases.author(), cases.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), name, note, bytes)));
        List<Attachment> all = Attachment.of(after.entries());
        return all.get(all.size() - 1);
    }

    /** The case's attachments, numbered as {@code case show} lists them. */
    public List<Attachment> list(UUID caseId) {
        return Attachment.of(cases.get(caseId).entries());
    }

    /** The bytes of attachment {@code number}, checked against their SHA-256. */
    public byte[] content(UUID caseId, int number) {
        CaseState c = cases.get(caseId);
        Attachment a = Attachment.number(c.entries(), number);
        Entry e = c.entries().stream().filter(x -> x.id().equals(a.entryId())).findFirst().orElseThrow();
        return Attachment.content(e);
    }

    /** Writes attachment {@code number} to {@code out}, whole or not at all. */
    public Path save(UUID caseId, int number, Path out) {
        byte[] bytes = content(caseId, number);
        Path written = OutputFiles.write(out, bytes, "the attachment");
        audit.record(AuditAction.ATTACHMENT_SAVED, caseId.toString(), "attachment " + number);
        return written;
    }

    /**
     * A copy of attachment {@code number} to open with the system's viewer, in a folder only this
     * person can read, named {@code case-<first 8 of the case number>-<n>.<ext>}, deleted when
     * Resolve closes.
     */
    public Path temporaryCopy(UUID caseId, int number) {
        Attachment a = Attachment.number(cases.get(caseId).entries(), number);
        byte[] bytes = content(caseId, number);
        try {
            Path dir = privateFolder();
            Path copy = dir.resolve("case-" + caseId.toString().substring(0, 8) + "-" + number
                    + (a.extension().isEmpty() ? "" : "." + a.extension()));
            Files.write(copy, bytes);
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

    private static byte[] read(Path file, String name) {
        try {
            if (Files.isDirectory(file)) {
                throw new RuleViolation("'" + file + "' is a folder, not a file. Choose the document itself.");
            }
            long size = Files.size(file);
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(16);
            }
            // refused before reading it all, so a huge file is not loaded only to be turned away
            AttachmentCheck.check(name, size, head, 0);
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != size) {
                throw new RuleViolation("'" + name + "' changed while it was being read. Wait until it is saved and"
                        + " attach it again.");
            }
            return bytes;
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
}
