/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * What an author signs: the entry's hash (which covers everything in the entry but the signature),
 * under a fixed label so that a signature made for anything else never passes as an entry's. Ed25519;
 * keys and signatures are kept as base64 text.
 */
public final class EntrySignature {

    private static final String LABEL = "resolve entry signature v1\n";

    private EntrySignature() {
    }

    /** The bytes signed for an entry whose hash is {@code hash}. */
    public static byte[] message(String hash) {
        return (LABEL + hash).getBytes(StandardCharsets.UTF_8);
    }

    /** True when {@code signature} is {@code publicKey}'s signature over {@code hash}; false for anything malformed. */
    public static boolean verify(String publicKey, String hash, String signature) {
        try {
            byte[] pub = Base64.getDecoder().decode(publicKey);
            byte[] sig = Base64.getDecoder().decode(signature);
            if (pub.length != Ed25519PublicKeyParameters.KEY_SIZE || sig.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
                return false;
            }
            Ed25519Signer v = new Ed25519Signer();
            v.init(false, new Ed25519PublicKeyParameters(pub, 0));
            byte[] m = message(hash);
            v.update(m, 0, m.length);
            return v.verifySignature(sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Signs entries as they are sealed into a chain: the signed-in person's key. */
    @FunctionalInterface
    public interface Signer {
        /**
         * @return the signature of {@code sealed}, or null when this signer may not sign for its author
         */
        String sign(Entry sealed);
    }
}
