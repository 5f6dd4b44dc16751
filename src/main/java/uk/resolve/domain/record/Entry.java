/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One immutable entry in a case record. Entries are never changed or deleted: a correction is a
 * new entry pointing at the one it corrects.
 *
 * @param id         random, unique everywhere
 * @param caseId     the case it belongs to (the id of the case's opening entry)
 * @param type       what happened
 * @param author     who wrote it
 * @param device     the device it was written on
 * @param deviceSeq  its position among the entries written on that device (1, 2, 3 …)
 * @param writtenAt  when it was written
 * @param happenedAt when the event happened (a phone call written up later)
 * @param data       the entry's content, by field name
 * @param prevHash   the hash of the previous entry written on the same device, or "" for the first
 * @param hash       SHA-256 over all of the above, see {@link EntryHasher}
 * @param signature  the author's Ed25519 signature over the hash ({@link EntrySignature}), or
 *                   {@link #UNSIGNED} for an entry written before its author had keys
 */
public record Entry(UUID id, UUID caseId, EntryType type, String author, String device, long deviceSeq,
                    Instant writtenAt, Instant happenedAt, SortedMap<String, String> data,
                    String prevHash, String hash, String signature) {

    /** The mark of an entry that carries no signature: written before signing, or by an earlier version. */
    public static final String UNSIGNED = "unsigned-before-keys";

    public Entry {
        data = Collections.unmodifiableSortedMap(new TreeMap<>(data));
        signature = signature == null || signature.isBlank() ? UNSIGNED : signature;
    }

    /** An entry without a signature. */
    public Entry(UUID id, UUID caseId, EntryType type, String author, String device, long deviceSeq,
                 Instant writtenAt, Instant happenedAt, SortedMap<String, String> data, String prevHash, String hash) {
        this(id, caseId, type, author, device, deviceSeq, writtenAt, happenedAt, data, prevHash, hash, UNSIGNED);
    }

    /** True when it carries a signature (whether that signature is good is {@link KeyDirectory}'s question). */
    public boolean signed() {
        return !UNSIGNED.equals(signature);
    }

    /** This entry with {@code sig} as its signature (the hash does not cover the signature). */
    public Entry withSignature(String sig) {
        return new Entry(id, caseId, type, author, device, deviceSeq, writtenAt, happenedAt, data, prevHash, hash, sig);
    }

    /** A field of the content, or null. */
    public String get(String field) {
        return data.get(field);
    }

    /** A field of the content, or {@code fallback} when absent or blank. */
    public String get(String field, String fallback) {
        String v = data.get(field);
        return v == null || v.isBlank() ? fallback : v;
    }

    public boolean flag(String field) {
        return Boolean.parseBoolean(data.get(field));
    }

    public int intValue(String field, int fallback) {
        String v = data.get(field);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Every field by the name used in exports and JSON output, in a fixed order: the one place that
     * spells an entry out for files and scripts.
     */
    public java.util.LinkedHashMap<String, Object> fields() {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id.toString());
        m.put("caseId", caseId.toString());
        m.put("type", type.code());
        m.put("author", author);
        m.put("device", device);
        m.put("deviceSeq", deviceSeq);
        m.put("writtenAt", writtenAt.toString());
        m.put("happenedAt", happenedAt.toString());
        m.put("data", data);
        m.put("prevHash", prevHash);
        m.put("hash", hash);
        m.put("signature", signature);
        return m;
    }

    /** True when the stored hash matches the content. */
    public boolean hashIsValid() {
        return EntryHasher.hash(this).equals(hash);
    }

    /** A copy of this entry with different content, for tests that simulate tampering. */
    public Entry withData(Map<String, String> newData) {
        return new Entry(id, caseId, type, author, device, deviceSeq, writtenAt, happenedAt,
                new TreeMap<>(newData), prevHash, hash, signature);
    }
}
