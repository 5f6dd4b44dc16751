/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The name last signed in with on this computer, offered again at the next sign-in. {@link Preferences}
 * live inside the encrypted database and cannot be read before signing in, so the name is kept in a
 * small file beside the database (the names are in the key file beside it already; no password or key
 * is ever written here). Blocking: call it off the JavaFX application thread.
 */
public final class SignInMemory {

    private final Path file;

    private SignInMemory(Path file) {
        this.file = file;
    }

    /** The memory kept beside the database of {@code vault}. */
    public static SignInMemory beside(Vault vault) {
        Path db = vault.databaseFile();
        String name = db.getFileName().toString();
        String base = name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
        return new SignInMemory(db.resolveSibling(base + ".last-user"));
    }

    /** The last name signed in with, if any. */
    public Optional<String> lastName() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() || s.length() > 200 ? Optional.empty() : Optional.of(s);
        } catch (IOException e) {
            return Optional.empty(); // only a convenience: the person types their name instead
        }
    }

    /** Remembers {@code name} for the next sign-in; failing to is not worth troubling anyone with. */
    public void remember(String name) {
        try {
            Files.writeString(file, name, StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // only a convenience
        }
    }
}
