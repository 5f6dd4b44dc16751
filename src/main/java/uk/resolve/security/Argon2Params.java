/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** Beyond these a file was not written by Resolve, and deriving would only tie the computer up. */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 32;
    private static final int MAX_LANES = 16;

    /**
     * @throws IllegalArgumentException saying what is wrong, for settings Resolve never writes (a
     *                                  damaged or edited file)
     */
    public Argon2Params {
        if (parallelism < 1 || parallelism > MAX_LANES || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB
                || iterations < 1 || iterations > MAX_ITERATIONS || salt == null || salt.length < 16) {
            throw new IllegalArgumentException("its key-derivation settings are not ones Resolve writes (memory "
                    + memoryKiB + " KiB, " + iterations + " passes, " + parallelism + " lanes)");
        }
        salt = salt.clone();
    }

    /** Writes these settings into {@code into}, as key files and export manifests keep them. */
    public void write(ObjectNode into) {
        into.put("algorithm", "argon2id");
        into.put("memoryKiB", memoryKiB);
        into.put("iterations", iterations);
        into.put("parallelism", parallelism);
        into.put("salt", Base64.getEncoder().encodeToString(salt));
    }

    /**
     * The settings {@link #write} wrote into {@code node}.
     *
     * @throws IllegalArgumentException saying what is wrong, when they are missing or not Resolve's
     */
    public static Argon2Params read(JsonNode node) {
        if (!"argon2id".equals(node.path("algorithm").asText())) {
            throw new IllegalArgumentException("its key derivation is not Argon2id");
        }
        return new Argon2Params(node.path("memoryKiB").asInt(), node.path("iterations").asInt(),
                node.path("parallelism").asInt(), Base64.getDecoder().decode(node.path("salt").asText()));
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
