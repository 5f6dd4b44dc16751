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

import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;

/**
 * A document on a case's record. Its entry holds its name, size, kind, note and the SHA-256 of its
 * bytes, which the entry's hash covers; the bytes themselves are kept apart, under that SHA-256,
 * and travel beside the entries wherever they are synced or exported (decision 0010), so that
 * nothing that reads the record holds them. Entries written before that held the bytes themselves
 * (base64, field {@code bytes}); they are still read.
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
    /** The bytes in base64, in entries written before bytes were kept apart; never written now. */
    public static final String BYTES = "bytes";
    public static final String NOTE = "note";
    /** What kind of document it is, from its name: "pdf", "docx", "eml"… */
    public static final String KIND = "kind";
    /**
     * The document's own key (base64), with which its bytes are sealed ({@code ContentSeal}); sealed
     * itself under the case key with the rest of the entry, so only those who read the entry open the bytes.
     */
    public static final String CONTENT_KEY = "contentKey";
    /** The SHA-256 (hex) and size of the bytes as stored and sent when they are sealed: readable, so that
     * sync and verify check them without the case key. */
    public static final String STORED_SHA256 = "storedSha256";
    public static final String STORED_SIZE = "storedSize";

    /** The bytes an entry names as they are kept and travel: sealed, or (before sealing) the document's own. */
    public record Stored(String sha256, long size) {
    }

    /** How a document's bytes are sealed: its key (base64) and the SHA-256 and size of the sealed form. */
    public record Sealing(String contentKey, String storedSha256, long storedSize) {
    }

    /**
     * The bytes attachment entry {@code e} names as they are kept apart: the sealed form where it has
     * one, else the document's own SHA-256 and size; nothing for an entry holding its bytes itself or
     * naming no usable hash. Works on entries as stored (sealed) and opened alike.
     */
    public static java.util.Optional<Stored> stored(Entry e) {
        return e.type() == EntryType.ATTACHMENT_ADDED ? stored(e.data()) : java.util.Optional.empty();
    }

    /** As {@link #stored(Entry)}, for the data of an attachment entry. */
    public static java.util.Optional<Stored> stored(Map<String, String> data) {
        if (data.containsKey(BYTES)) {
            return java.util.Optional.empty();
        }
        boolean sealed = data.containsKey(STORED_SHA256);
        String sha = data.get(sealed ? STORED_SHA256 : SHA256);
        if (sha == null || !sha.matches("[0-9a-f]{64}")) {
            return java.util.Optional.empty();
        }
        try {
            long size = Long.parseLong(data.getOrDefault(sealed ? STORED_SIZE : SIZE, "-1"));
            return size < 0 ? java.util.Optional.empty() : java.util.Optional.of(new Stored(sha, size));
        } catch (NumberFormatException bad) {
            return java.util.Optional.empty();
        }
    }

    /** True when {@code e}'s bytes are kept sealed under a key of their own ({@link #CONTENT_KEY}). */
    public static boolean sealedBytes(Entry e) {
        return e.type() == EntryType.ATTACHMENT_ADDED && e.data().containsKey(STORED_SHA256);
    }

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
     * Checks the file ({@link AttachmentCheck}) and makes the entry that puts it on the record. The
     * entry names the bytes by their SHA-256; they are stored apart, in the same transaction.
     *
     * @param caseEntries the case's record so far, for its total
     * @param size        the file's size in bytes
     * @param sha256      the SHA-256 of its bytes, in lower-case hex
     * @param head        its first bytes (16 are enough), to tell what it really is
     */
    public static NewEntry newEntry(UUID caseId, List<Entry> caseEntries, String author, Instant at, String fileName,
                                    String note, long size, String sha256, byte[] head) {
        return newEntry(caseId, caseEntries, author, at, fileName, note, size, sha256, head, null);
    }

    /**
     * As above, for bytes kept sealed under their own key ({@code sealing}; null: kept as they are).
     * The key is sealed under the case key with the rest of the entry; the sealed form's SHA-256 and
     * size stay readable.
     */
    public static NewEntry newEntry(UUID caseId, List<Entry> caseEntries, String author, Instant at, String fileName,
                                    String note, long size, String sha256, byte[] head, Sealing sealing) {
        String name = baseName(fileName);
        AttachmentCheck.check(name, size, head.length > 16 ? java.util.Arrays.copyOf(head, 16) : head,
                totalBytes(caseEntries));
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        Map<String, String> data = new TreeMap<>();
        data.put(FILE_NAME, name);
        data.put(SIZE, Long.toString(size));
        data.put(SHA256, sha256);
        data.put(NOTE, note == null ? "" : note.strip());
        data.put(KIND, extensionOf(name));
        if (sealing != null) {
            if (!sealing.storedSha256().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256 in hex: " + sealing.storedSha256());
            }
            data.put(CONTENT_KEY, sealing.contentKey());
            data.put(STORED_SHA256, sealing.storedSha256());
            data.put(STORED_SIZE, Long.toString(sealing.storedSize()));
        }
        return NewEntry.of(caseId, EntryType.ATTACHMENT_ADDED, author, at, at, data);
    }

    /** As above for bytes already in memory (small documents, tests). */
    public static NewEntry newEntry(UUID caseId, List<Entry> caseEntries, String author, Instant at, String fileName,
                                    String note, byte[] bytes) {
        return newEntry(caseId, caseEntries, author, at, fileName, note, bytes.length, sha256(bytes), bytes);
    }

    /** True when {@code e} holds its document's bytes itself (written before bytes were kept apart). */
    public static boolean holdsBytes(Entry e) {
        return e.type() == EntryType.ATTACHMENT_ADDED && e.data().containsKey(BYTES);
    }

    /**
     * The bytes an attachment entry written before bytes were kept apart holds, checked against its
     * SHA-256 ({@link #holdsBytes}).
     */
    public static byte[] content(Entry e) {
        if (e.type() != EntryType.ATTACHMENT_ADDED || !e.data().containsKey(BYTES)) {
            throw new IllegalArgumentException("not an attachment entry holding its bytes: " + e.type());
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
        return extensionOf(fileName);
    }

    private static String extensionOf(String fileName) {
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

    /** The SHA-256 of {@code bytes} in lower-case hex, as entries hold it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
