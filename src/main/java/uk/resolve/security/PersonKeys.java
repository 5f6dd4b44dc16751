/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntrySignature;

/**
 * One person's two key pairs: Ed25519 to sign what they write, X25519 for keys sealed to them. The
 * private halves live only in memory while the person is signed in, and in the key file sealed under
 * their password (beside the database key, under the same derived key: one derivation per sign-in).
 */
public final class PersonKeys implements EntrySignature.Signer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SIZE = 32;

    private final String person;
    private final Ed25519PrivateKeyParameters signing;
    private final X25519PrivateKeyParameters box;

    private PersonKeys(String person, Ed25519PrivateKeyParameters signing, X25519PrivateKeyParameters box) {
        this.person = person;
        this.signing = signing;
        this.box = box;
    }

    /** New random key pairs for {@code person}. */
    public static PersonKeys generate(String person) {
        return new PersonKeys(person, new Ed25519PrivateKeyParameters(RANDOM), new X25519PrivateKeyParameters(RANDOM));
    }

    /** The key pairs whose private halves are {@code secret} (as {@link #secret()} gave them). */
    public static PersonKeys fromSecret(String person, byte[] secret) {
        if (secret.length != 2 * SIZE) {
            throw new ProtectionException("The keys of " + person + " in the key file are damaged. Ask your"
                    + " administrator to reset your password: you will get new keys.");
        }
        return new PersonKeys(person, new Ed25519PrivateKeyParameters(secret, 0),
                new X25519PrivateKeyParameters(secret, SIZE));
    }

    /** The private halves, to be sealed (wipe the array afterwards). */
    public byte[] secret() {
        byte[] out = new byte[2 * SIZE];
        signing.encode(out, 0);
        box.encode(out, SIZE);
        return out;
    }

    public String person() {
        return person;
    }

    /** The Ed25519 public key, base64. */
    public String signingPublic() {
        return Base64.getEncoder().encodeToString(signing.generatePublicKey().getEncoded());
    }

    /** The X25519 public key, base64. */
    public String boxPublic() {
        return Base64.getEncoder().encodeToString(box.generatePublicKey().getEncoded());
    }

    /** Signs {@code sealed} when its author is this person; null otherwise (it is not theirs to sign). */
    @Override
    public String sign(Entry sealed) {
        if (!person.equals(sealed.author())) {
            return null;
        }
        return signHash(sealed.hash());
    }

    /** The signature over an entry hash (tests use it to act as an attacker holding this person's keys). */
    public String signHash(String hash) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, signing);
        byte[] m = EntrySignature.message(hash);
        s.update(m, 0, m.length);
        return Base64.getEncoder().encodeToString(s.generateSignature());
    }

    /** The X25519 shared secret with {@code peerPublic} (32 bytes; wipe it after use). */
    byte[] agree(byte[] peerPublic) {
        byte[] out = new byte[SIZE];
        box.generateSecret(new org.bouncycastle.crypto.params.X25519PublicKeyParameters(peerPublic, 0), out, 0);
        return out;
    }

    /**
     * A symmetric key of this person's own for {@code purpose}, derived (HKDF-SHA256) from their X25519
     * private key: the same on every computer they sign in to with these keys, and useless to anyone
     * else; new keys (a password reset) give a new one. Wipe it after use.
     */
    public byte[] derivedKey(String purpose) {
        byte[] secret = new byte[SIZE];
        box.encode(secret, 0);
        try {
            org.bouncycastle.crypto.generators.HKDFBytesGenerator h =
                    new org.bouncycastle.crypto.generators.HKDFBytesGenerator(
                            new org.bouncycastle.crypto.digests.SHA256Digest());
            h.init(new org.bouncycastle.crypto.params.HKDFParameters(secret,
                    Crypto.utf8("resolve own key|" + person.toLowerCase(java.util.Locale.ROOT)), Crypto.utf8(purpose)));
            byte[] out = new byte[SIZE];
            h.generateBytes(out, 0, SIZE);
            return out;
        } finally {
            wipe(secret);
        }
    }

    /** A context bound into the sealed private halves, so they cannot be moved to another name. */
    public static String context(String person) {
        return "resolve person keys for " + person;
    }

    @Override
    public String toString() {
        return "PersonKeys[" + person + "]";
    }

    static void wipe(byte[] b) {
        Arrays.fill(b, (byte) 0);
    }
}
