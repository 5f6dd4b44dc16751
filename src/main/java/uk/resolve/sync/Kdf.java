/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.resolve.security.Argon2Params;
import uk.resolve.security.ProtectionException;

/** Argon2id settings as written in the team's key file and in export manifests. */
final class Kdf {

    /** Beyond these a file was not written by Resolve, and deriving would only tie the computer up. */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 32;
    private static final int MAX_LANES = 16;

    private Kdf() {
    }

    static void write(ObjectNode into, Argon2Params p) {
        into.put("algorithm", "argon2id");
        into.put("memoryKiB", p.memoryKiB());
        into.put("iterations", p.iterations());
        into.put("parallelism", p.parallelism());
        into.put("salt", Base64.getEncoder().encodeToString(p.salt()));
    }

    /**
     * The settings in {@code node}.
     *
     * @throws IllegalArgumentException saying what is wrong, when they are missing or not Resolve's
     */
    static Argon2Params read(JsonNode node) {
        if (!"argon2id".equals(node.path("algorithm").asText())) {
            throw new IllegalArgumentException("its key derivation is not Argon2id");
        }
        int memory = node.path("memoryKiB").asInt();
        int iterations = node.path("iterations").asInt();
        int lanes = node.path("parallelism").asInt();
        if (memory > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS || lanes > MAX_LANES) {
            throw new IllegalArgumentException("its key-derivation settings are beyond any Resolve writes");
        }
        try {
            return new Argon2Params(memory, iterations, lanes, Base64.getDecoder().decode(node.path("salt").asText()));
        } catch (ProtectionException e) {
            throw new IllegalArgumentException("its key-derivation settings cannot be used", e);
        }
    }
}
