/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Passwords and passphrases for the command line: typed at the terminal (not echoed) or read from
 * the file an environment variable names, for scripts. Never from a command-line argument, which
 * other users of the machine can see in the process list.
 */
final class Secrets {

    /** The file holding the signing-in person's password. */
    static final String PASSWORD_FILE = "RESOLVE_PASSWORD_FILE";
    /** The file holding a new password (a new user's first one, or a changed or reset one). */
    static final String NEW_PASSWORD_FILE = "RESOLVE_NEW_PASSWORD_FILE";
    /** The file holding a passphrase (export files, the team's shared-file key). */
    static final String PASSPHRASE_FILE = "RESOLVE_PASSPHRASE_FILE";
    /** The file holding the password of the PostgreSQL server that sync uses. */
    static final String SERVER_PASSWORD_FILE = "RESOLVE_SERVER_PASSWORD_FILE";

    private final Map<String, String> env;
    private final Console console;

    Secrets(Map<String, String> env, Console console) {
        this.env = env;
        this.console = console;
    }

    /**
     * The secret from the file named by {@code variable}, else typed at {@code prompt}; typed twice
     * when {@code confirm} (a new secret).
     */
    char[] read(String variable, String prompt, boolean confirm) {
        String file = env.get(variable);
        if (file != null && !file.isBlank()) {
            return fromFile(variable, Path.of(file));
        }
        if (console == null) {
            throw new UserError("No terminal to ask for the " + prompt.toLowerCase(java.util.Locale.ROOT)
                    + ": run this in a terminal, or put it in a file only you can read and name the file in "
                    + variable + ".");
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null || first.length == 0) {
            throw new UserError("Nothing was typed for the " + prompt.toLowerCase(java.util.Locale.ROOT) + ".");
        }
        if (confirm) {
            char[] again = console.readPassword("%s again: ", prompt);
            if (again == null || !java.util.Arrays.equals(first, again)) {
                throw new UserError("The two " + prompt.toLowerCase(java.util.Locale.ROOT)
                        + "s you typed are not the same. Nothing was changed; try again.");
            }
        }
        return first;
    }

    /** Reads the secret as {@link #read} does, gives it to {@code use}, and wipes it afterwards, whatever happens. */
    <T> T using(String variable, String prompt, boolean confirm, java.util.function.Function<char[], T> use) {
        char[] secret = read(variable, prompt, confirm);
        try {
            return use.apply(secret);
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }

    private static char[] fromFile(String variable, Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            // one line: the end-of-line a text editor adds is not part of the secret
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
                end--;
            }
            if (end == 0) {
                throw new UserError("The file " + file + " named by " + variable + " is empty. Put the password on its"
                        + " first line.");
            }
            return s.substring(0, end).toCharArray();
        } catch (IOException e) {
            throw new UserError("Cannot read the file " + file + " named by " + variable + " (" + e.getMessage()
                    + "). Check the path and that you can read it.");
        }
    }
}
