/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import uk.resolve.domain.escalation.RuleViolation;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;

/**
 * A document on a case's record. Its bytes travel inside its entry (base64), so that they are
 * encrypted, synced and exported wherever the case's entries are, and covered by the entry's hash.
 *
 * @param number    its place among the case's attachments, from 1, as listed by {@code case show}
 * @param entryId   the entry that holds it
 * @param fileName  the name it had when attached (no folder)
 * @param size      its size in bytes
 * @param sha256    the SHA-256 of its bytes, in hex
 * @param note      what the person said about it, or ""
 * @param author    who attached it
 * @param writtenAt when
 */
public record Attachment(int number, UUID entryId, String fileName, long size, String sha256, String note,
                         String author, Instant writtenAt) {

    /** Entry fields. */
    public static final String FILE_NAME = "fileName";
    public static final String SIZE = "size";
    public static final String SHA256 = "sha256";
    public static final String BYTES = "bytes";
    public static final String NOTE = "note";

    /** The case's attachments in the order they were recorded, numbered from 1. */
    public static List<Attachment> of(List<Entry> entries) {
        List<Attachment> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.type() == EntryType.ATTACHMENT_ADDED) {
                out.add(new Attachment(out.size() + 1, e.id(), e.get(FILE_NAME, "document"), sizeOf(e),
                        e.get(SHA256, ""), e.get(NOTE, ""), e.author(), e.writtenAt()));
            }
        }
        return out;
    }

    /** What the case's attachments take up in all. */
    public static long totalBytes(List<Entry> entries) {
        return entries.stream().filter(e -> e.type() == EntryType.ATTACHMENT_ADDED).mapToLong(Attachment::sizeOf).sum();
    }

    /** Attachment {@code number} (from 1) of the case, or a refusal naming those there are. */
    public static Attachment number(List<Entry> entries, int number) {
        List<Attachment> all = of(entries);
        if (number < 1 || number > all.size()) {
            throw new RuleViolation(all.isEmpty()
                    ? "This case has no attachments. Attach one with 'resolve case attach ID FILE'."
                    : "There is no attachment " + number + " on this case: it has " + all.size()
                            + (all.size() == 1 ? " (number 1)" : " (numbers 1 to " + all.size() + ")")
                            + ". 'resolve case show ID' lists them.");
        }
        return all.get(number - 1);
    }

    /**
     * Checks the file ({@link AttachmentCheck}) and makes the entry that puts it on the record.
     *
     * @param caseEntries the case's record so far, for its total
     */
    public static NewEntry newEntry(UUID caseId, List<Entry> caseEntries, String author, Instant at, String fileName,
                                    String note, byte[] bytes) {
        String name = baseName(fileName);
        AttachmentCheck.check(name, bytes.length, bytes.length > 16 ? java.util.Arrays.copyOf(bytes, 16) : bytes,
                totalBytes(caseEntries));
        Map<String, String> data = new TreeMap<>();
        data.put(FILE_NAME, name);
        data.put(SIZE, Long.toString(bytes.length));
        data.put(SHA256, sha256(bytes));
        data.put(NOTE, note == null ? "" : note.strip());
        data.put(BYTES, Base64.getEncoder().encodeToString(bytes));
        return NewEntry.of(caseId, EntryType.ATTACHMENT_ADDED, author, at, at, data);
    }

    /** The bytes an attachment entry holds, checked against its SHA-256. */
    public static byte[] content(Entry e) {
        if (e.type() != EntryType.ATTACHMENT_ADDED) {
            throw new IllegalArgumentException("not an attachment: " + e.type());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(e.get(BYTES, ""));
        } catch (IllegalArgumentException bad) {
            bytes = null;
        }
        if (bytes == null || !sha256(bytes).equals(e.get(SHA256))) {
            throw new RuleViolation("The attached file '" + e.get(FILE_NAME, "document") + "' is damaged in this"
                    + " database (its contents do not match their SHA-256). Sync again, or ask a colleague who"
                    + " holds the case to send it again.");
        }
        return bytes;
    }

    /** The part of its name after the last dot, lower case ("pdf"), or "" when there is none. */
    public String extension() {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Its size for people: "12 KB", "3.4 MB". */
    public String sizeText() {
        return size >= 1024 * 1024 ? String.format(Locale.UK, "%.1f MB", size / (1024.0 * 1024))
                : String.format(Locale.UK, "%d KB", Math.max(1, (size + 1023) / 1024));
    }

    /** One line for a chronology or a listing: "letter.pdf (12 KB)". */
    public String describe() {
        return fileName + " (" + sizeText() + ")";
    }

    /** The file name without any folder, with control characters removed. */
    static String baseName(String fileName) {
        String s = fileName == null ? "" : fileName.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return s;
    }

    private static long sizeOf(Entry e) {
        try {
            return Long.parseLong(e.get(SIZE, "0"));
        } catch (NumberFormatException bad) {
            return 0;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
