/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Computes an entry's hash: SHA-256 over a canonical text of every field but the hash itself. The
 * canonical form is fixed here, independent of how entries are stored or exported, so that the
 * same entry hashes the same everywhere.
 */
public final class EntryHasher {

    private EntryHasher() {
    }

    public static String hash(Entry e) {
        return hash(canonical(e));
    }

    /**
     * SHA-256 over every byte of the entry as it travels, its hash and signature included: two copies
     * with the same digest are the same bytes, whereas an altered copy may still carry the original hash.
     */
    public static String digest(Entry e) {
        return hash(canonical(e) + "hash:" + e.hash() + "\nsignature:" + e.signature() + "\n");
    }

    static String canonical(Entry e) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, "id", e.id().toString());
        field(sb, "case", e.caseId().toString());
        field(sb, "type", e.type().code());
        field(sb, "author", e.author());
        field(sb, "device", e.device());
        field(sb, "seq", Long.toString(e.deviceSeq()));
        field(sb, "written", e.writtenAt().toString());
        field(sb, "happened", e.happenedAt().toString());
        for (Map.Entry<String, String> d : e.data().entrySet()) {
            field(sb, "data." + d.getKey(), d.getValue());
        }
        field(sb, "prev", e.prevHash());
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        // Length-prefixed, so no value can be crafted to look like another field.
        sb.append(name).append(':').append(value.length()).append(':').append(value).append('\n');
    }

    private static String hash(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
