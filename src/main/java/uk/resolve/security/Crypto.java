/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authenticated cipher Resolve uses outside H2's own file encryption: AES-256-GCM with a random
 * 96-bit nonce per message, the nonce stored in front of the cipher text. "Associated data" binds a
 * sealed value to where it belongs (a user's name, a file's header), so it cannot be moved.
 */
public final class Crypto {

    public static final String CIPHER_NAME = "AES-256-GCM";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A new random 256-bit key. */
    public static byte[] newKey() {
        return randomBytes(32);
    }

    /** nonce ‖ AES-GCM(key, plain, aad). */
    public static byte[] seal(byte[] key, byte[] plain, byte[] aad) {
        try {
            byte[] nonce = randomBytes(NONCE);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            if (aad != null) {
                c.updateAAD(aad);
            }
            byte[] body = c.doFinal(plain);
            return ByteBuffer.allocate(NONCE + body.length).put(nonce).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * The plain text of {@link #seal sealed} bytes.
     *
     * @throws AEADBadTagException when the key is wrong or the bytes were changed
     */
    public static byte[] open(byte[] key, byte[] sealed, byte[] aad) throws AEADBadTagException {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new AEADBadTagException("too short to be sealed");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            if (aad != null) {
                c.updateAAD(aad);
            }
            return c.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    public static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOf(b.array(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** Clears a key or password from memory once it is no longer needed. */
    public static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }

    public static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }
}
