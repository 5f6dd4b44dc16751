/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.util.Base64;

import javax.crypto.AEADBadTagException;

/**
 * A random data key sealed under a key derived from a password or passphrase (Argon2id, then
 * AES-256-GCM). Changing the password seals the same data key again: nothing is re-encrypted.
 *
 * @param kdf    how the wrapping key is derived
 * @param sealed nonce ‖ cipher text ‖ tag of the data key
 */
public record WrappedKey(Argon2Params kdf, byte[] sealed) {

    public WrappedKey {
        sealed = sealed.clone();
    }

    /** Seals {@code dataKey} under {@code secret}; {@code context} (a user's name, a file's purpose) is bound in. */
    public static WrappedKey wrap(byte[] dataKey, char[] secret, String context) {
        return wrap(dataKey, secret, context, Argon2Params.fresh());
    }

    public static WrappedKey wrap(byte[] dataKey, char[] secret, String context, Argon2Params kdf) {
        byte[] kek = kdf.derive(secret);
        try {
            return new WrappedKey(kdf, Crypto.seal(kek, dataKey, Crypto.utf8(context)));
        } finally {
            Crypto.wipe(kek);
        }
    }

    /** Seals {@code data} under {@code kek}, a key already derived with {@code kdf} (one derivation for several values). */
    public static WrappedKey wrapWithKek(Argon2Params kdf, byte[] kek, byte[] data, String context) {
        return new WrappedKey(kdf, Crypto.seal(kek, data, Crypto.utf8(context)));
    }

    /** The data, opened with {@code kek} already derived under {@link #kdf()}. */
    public byte[] unwrapWithKek(byte[] kek, String context) throws WrongSecret {
        try {
            return Crypto.open(kek, sealed, Crypto.utf8(context));
        } catch (AEADBadTagException e) {
            throw new WrongSecret();
        }
    }

    /**
     * The data key, or {@link WrongSecret} when {@code secret} is not the one it was wrapped with
     * (or the wrapped key was altered).
     */
    public byte[] unwrap(char[] secret, String context) throws WrongSecret {
        byte[] kek = kdf.derive(secret);
        try {
            return Crypto.open(kek, sealed, Crypto.utf8(context));
        } catch (AEADBadTagException e) {
            throw new WrongSecret();
        } finally {
            Crypto.wipe(kek);
        }
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    public String sealedBase64() {
        return Base64.getEncoder().encodeToString(sealed);
    }

    /** The password or passphrase does not open the key. */
    public static final class WrongSecret extends Exception {
        public WrongSecret() {
            super("wrong password or passphrase", null, false, false);
        }
    }
}
