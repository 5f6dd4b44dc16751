/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import uk.resolve.security.Crypto;

/**
 * The team's key: 32 random bytes that encrypt the shared file (H2 {@code CIPHER=AES}), and its id,
 * a fingerprint that names the key without revealing it (the first 8 bytes of an HMAC-SHA-256 of a
 * fixed label under the key), shown to people and written in the key file beside the shared file.
 */
public record TeamKey(String id, byte[] bytes) {

    private static final byte[] LABEL = Crypto.utf8("resolve team key id");

    public TeamKey {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("a team key is 32 bytes");
        }
        bytes = bytes.clone();
        if (!id.equals(fingerprint(bytes))) {
            throw new IllegalArgumentException("the key id does not belong to this key");
        }
    }

    /** A new random team key. */
    public static TeamKey generate() {
        return of(Crypto.newKey());
    }

    public static TeamKey of(byte[] bytes) {
        return new TeamKey(fingerprint(bytes), bytes);
    }

    /** The key from its hex form, as kept in the local database's settings. */
    public static TeamKey fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** "1a2b-3c4d-5e6f-7a8b": the key's id. */
    static String fingerprint(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String h = HexFormat.of().formatHex(mac.doFinal(LABEL), 0, 8);
            return h.substring(0, 4) + "-" + h.substring(4, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TeamKey k && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "TeamKey[" + id + "]";
    }
}
