/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * How a key is derived from a password or passphrase: Argon2id with a random salt. The parameters
 * are stored beside every wrapped key, so they can be raised later without breaking old keys.
 *
 * @param memoryKiB   memory cost in KiB
 * @param iterations  time cost
 * @param parallelism lanes
 * @param salt        16 random bytes
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism, byte[] salt) {

    /**
     * Today's choice: 64 MiB, 2 passes, 1 lane, above OWASP's minimum for Argon2id; about a quarter of
     * a second on a 2-core laptop (see docs/performance.md).
     */
    public static final int MEMORY_KIB = 65_536;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    public Argon2Params {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1 || salt == null || salt.length < 16) {
            throw new ProtectionException("The key file names key-derivation settings Resolve does not accept"
                    + " (memory " + memoryKiB + " KiB, " + iterations + " passes, " + parallelism + " lanes). The file"
                    + " has been damaged or edited; restore it from a backup or ask your administrator.");
        }
        salt = salt.clone();
    }

    /** New parameters at today's cost with a fresh random salt. */
    public static Argon2Params fresh() {
        return new Argon2Params(MEMORY_KIB, ITERATIONS, PARALLELISM, Crypto.randomBytes(16));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** The 32-byte key derived from {@code secret}. */
    public byte[] derive(char[] secret) {
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(parallelism)
                .build());
        byte[] pw = Crypto.utf8(secret);
        byte[] out = new byte[32];
        try {
            g.generateBytes(pw, out);
            return out;
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    static SecureRandom random() {
        return RANDOM;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Argon2Params p && p.memoryKiB == memoryKiB && p.iterations == iterations
                && p.parallelism == parallelism && Arrays.equals(p.salt, salt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "Argon2id(m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + ")";
    }
}
