/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Searches a file's raw bytes for text that must not be there in plain form (UTF-8 or UTF-16). */
public final class Plaintext {

    private Plaintext() {
    }

    /** The texts of {@code texts} found in {@code bytes}. */
    public static List<String> found(byte[] bytes, String... texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            if (contains(bytes, t.getBytes(StandardCharsets.UTF_8)) || contains(bytes, t.getBytes(StandardCharsets.UTF_16BE))
                    || contains(bytes, t.getBytes(StandardCharsets.UTF_16LE))) {
                out.add(t);
            }
        }
        return out;
    }

    public static void assertAbsent(byte[] bytes, String... texts) {
        assertThat(found(bytes, texts)).as("plain text found in the bytes").isEmpty();
    }

    public static void assertAbsent(Path file, String... texts) {
        try {
            assertThat(found(Files.readAllBytes(file), texts)).as("plain text found in %s", file).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
