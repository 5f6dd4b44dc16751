/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.app.Vault;
import uk.resolve.security.Role;

/**
 * Runs the command line in-process against one encrypted database and captures what it prints.
 * Unless told otherwise it signs in as "worker", a manager of the "Test team", whose password it
 * reads from a file named by {@code RESOLVE_PASSWORD_FILE}, as a script would. The database is made
 * (with an administrator "admin" and "worker") the first time it is needed.
 */
public final class CliRunner {

    /** The password of every person the runner makes. */
    public static final String PASSWORD = "a long test password";

    /** What a run returned. */
    public record Result(int code, String out, String err) {
    }

    private final Path db;
    private final String user;
    private final Map<String, String> extraEnv;
    private final byte[] stdin;

    public CliRunner(Path db) {
        this(db, "worker", Map.of(), new byte[0]);
    }

    private CliRunner(Path db, String user, Map<String, String> extraEnv, byte[] stdin) {
        this.db = db;
        this.user = user;
        this.extraEnv = extraEnv;
        this.stdin = stdin;
    }

    /** The same, with {@code text} (UTF-8) on standard input. */
    public CliRunner withStdin(String text) {
        return withStdin(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The same, with {@code bytes} on standard input. */
    public CliRunner withStdin(byte[] bytes) {
        return new CliRunner(db, user, extraEnv, bytes.clone());
    }

    /** The same database, acting as {@code name} (who must exist, with {@link #PASSWORD}). */
    public CliRunner as(String name) {
        return new CliRunner(db, name, extraEnv, stdin);
    }

    /** The same, with more environment variables (a new user's password file, a passphrase file). */
    public CliRunner withEnv(String name, String value) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put(name, value);
        return new CliRunner(db, user, env, stdin);
    }

    /** A file holding {@code secret}, for the *_FILE variables. */
    public Path secretFile(String name, String secret) {
        try {
            Path f = Files.createDirectories(db.toAbsolutePath().getParent()).resolve(name);
            Files.writeString(f, secret + "\n");
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the database if there is none: administrator "admin" and manager "worker" of the "Test team". */
    public CliRunner ready() {
        Vault vault = Vault.at(db, Services.clockFromEnvironment());
        if (vault.state() != Vault.State.PROTECTED) {
            try {
                Files.createDirectories(db.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (Session admin = vault.createFirstAdministrator("admin", PASSWORD.toCharArray(), "Admin")) {
                admin.addUser("worker", "Test Worker", Role.MANAGER, "Test team", PASSWORD.toCharArray());
            }
            keepPassword(vault, "worker");
        }
        return this;
    }

    /** Signs {@code name} in and makes their first password their own, as they would at first sign-in. */
    private static void keepPassword(Vault vault, String name) {
        try (Session s = vault.signIn(name, PASSWORD.toCharArray())) {
            s.changePassword(PASSWORD.toCharArray(), PASSWORD.toCharArray());
        }
    }

    /**
     * Adds {@code name} with {@code role} and {@link #PASSWORD} (signed in as "admin"); they have
     * already made it their own, so no reminder to change it is printed.
     */
    public CliRunner addUser(String name, Role role, String team) {
        ready();
        Vault vault = Vault.at(db, Services.clockFromEnvironment());
        try (Session admin = vault.signIn("admin", PASSWORD.toCharArray())) {
            admin.addUser(name, "", role, team, PASSWORD.toCharArray());
        }
        keepPassword(vault, name);
        return as(name);
    }

    /** The database file. */
    public Path db() {
        return db;
    }

    public Result run(String... args) {
        ready();
        return runRaw(args);
    }

    /** Runs without making the database first (for {@code init} and for missing databases). */
    public Result runRaw(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString(), "--user", user));
        all.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("RESOLVE_PASSWORD_FILE", secretFile(".password", PASSWORD).toString());
        env.putAll(extraEnv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env, null,
                new java.io.ByteArrayInputStream(stdin));
        return new Result(code, out.toString(), err.toString());
    }
}
