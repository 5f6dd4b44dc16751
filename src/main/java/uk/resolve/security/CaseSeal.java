/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.crypto.AEADBadTagException;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Case keys and what they seal. A case key is a random AES-256 key; it is wrapped for a person's
 * X25519 public key with a fresh ephemeral X25519 key pair, HKDF-SHA256 over the shared secret and
 * AES-256-GCM ({@code ephemeral public ‖ nonce ‖ cipher text}, base64), bound to the case, the
 * generation and the person. Sealed content is AES-256-GCM under the case key, bound to what
 * {@link uk.resolve.domain.record.CaseContent#binding} names.
 */
public final class CaseSeal {

    private static final int KEY = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private CaseSeal() {
    }

    /** A new random case key. */
    public static byte[] newCaseKey() {
        return Crypto.newKey();
    }

    /** {@code caseKey} wrapped for the holder of the X25519 public key {@code boxPublic} (base64). */
    public static String wrap(byte[] caseKey, String boxPublic, String context) {
        byte[] recipient = decode(boxPublic);
        X25519PrivateKeyParameters eph = new X25519PrivateKeyParameters(new java.security.SecureRandom());
        byte[] ephPublic = eph.generatePublicKey().getEncoded();
        byte[] shared = new byte[KEY];
        try {
            eph.generateSecret(new X25519PublicKeyParameters(recipient, 0), shared, 0);
            byte[] kek = derive(shared, ephPublic, recipient, context);
            byte[] sealed = Crypto.seal(kek, caseKey, Crypto.utf8(context));
            Crypto.wipe(kek);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(KEY + sealed.length).put(ephPublic)
                    .put(sealed).array());
        } finally {
            Crypto.wipe(shared);
        }
    }

    /**
     * The case key {@code wrapped} holds for {@code keys}.
     *
     * @throws ProtectionException when it was not wrapped for these keys, or was changed
     */
    public static byte[] unwrap(PersonKeys keys, String wrapped, String context) {
        byte[] all = decode(wrapped);
        if (all.length <= KEY) {
            throw new ProtectionException("A case key in the record is damaged. Run 'resolve verify'.");
        }
        byte[] ephPublic = java.util.Arrays.copyOf(all, KEY);
        byte[] sealed = java.util.Arrays.copyOfRange(all, KEY, all.length);
        byte[] shared = keys.agree(ephPublic);
        try {
            byte[] kek = derive(shared, ephPublic, decode(keys.boxPublic()), context);
            try {
                return Crypto.open(kek, sealed, Crypto.utf8(context));
            } catch (AEADBadTagException e) {
                throw new ProtectionException("This case key was not wrapped for " + keys.person() + ".");
            } finally {
                Crypto.wipe(kek);
            }
        } finally {
            Crypto.wipe(shared);
        }
    }

    /** What a case key is bound to when wrapped: the case, its generation and the person it is for. */
    public static String wrapContext(java.util.UUID caseId, int generation, String person) {
        return "resolve case key|" + caseId + "|" + generation + "|" + person.toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code fields} sealed under {@code caseKey}, bound to {@code binding}, as base64. */
    public static String seal(byte[] caseKey, SortedMap<String, String> fields, String binding) {
        try {
            byte[] plain = JSON.writeValueAsBytes(fields);
            return Base64.getEncoder().encodeToString(Crypto.seal(caseKey, plain, Crypto.utf8(binding)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /**
     * The fields {@link #seal} sealed.
     *
     * @throws ProtectionException when the key is not this content's, or the content was changed or moved
     */
    public static SortedMap<String, String> open(byte[] caseKey, String sealed, String binding) {
        try {
            byte[] plain = Crypto.open(caseKey, decode(sealed), Crypto.utf8(binding));
            return JSON.readValue(plain, MAP);
        } catch (AEADBadTagException e) {
            throw new ProtectionException("Sealed content of a case does not open with its key: it was changed or"
                    + " moved. Run 'resolve verify'.");
        } catch (java.io.IOException e) {
            throw new ProtectionException("Sealed content of a case is damaged. Run 'resolve verify'.");
        }
    }

    /** {@code key} (another key) sealed under {@code caseKey}, bound to {@code binding}, as base64. */
    public static String sealKey(byte[] caseKey, byte[] key, String binding) {
        return Base64.getEncoder().encodeToString(Crypto.seal(caseKey, key, Crypto.utf8(binding)));
    }

    /**
     * The key {@link #sealKey} sealed.
     *
     * @throws ProtectionException when {@code caseKey} is not the one it was sealed under, or it was changed
     */
    public static byte[] openKey(byte[] caseKey, String sealed, String binding) {
        try {
            return Crypto.open(caseKey, decode(sealed), Crypto.utf8(binding));
        } catch (AEADBadTagException e) {
            throw new ProtectionException("A key sealed in the record does not open: it was changed or moved."
                    + " Run 'resolve verify'.");
        }
    }

    private static byte[] derive(byte[] shared, byte[] ephPublic, byte[] recipient, String context) {
        HKDFBytesGenerator h = new HKDFBytesGenerator(new SHA256Digest());
        byte[] salt = ByteBuffer.allocate(2 * KEY).put(ephPublic).put(recipient).array();
        h.init(new HKDFParameters(shared, salt, Crypto.utf8(context)));
        byte[] out = new byte[KEY];
        h.generateBytes(out, 0, KEY);
        return out;
    }

    private static byte[] decode(String b64) {
        try {
            return Base64.getDecoder().decode(b64 == null ? "" : b64);
        } catch (IllegalArgumentException e) {
            throw new ProtectionException("A key or sealed content in the record is damaged. Run 'resolve verify'.");
        }
    }
}
