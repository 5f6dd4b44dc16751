/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The key file beside an encrypted database ({@code resolve.keys.json} beside
 * {@code resolve.mv.db}): for each person, the database's random key wrapped under their password,
 * and their count of failed sign-ins. It holds nothing secret in plain text: without a password it
 * opens nothing. What a person may do (their role) is kept inside the encrypted database, not here.
 */
public final class Keyring {

    public static final String FORMAT = "resolve-keyring/1";
    private static final int MAX_PENDING = 200;

    /** Made on first use: finding the key file's name must not start Jackson (the sign-in window opens first). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * One person's wrapped key and sign-in record; {@code personKeys} are the private halves of their
     * {@link PersonKeys}, sealed under the same derived key as {@code key} (null until they have keys).
     */
    public record Slot(String name, WrappedKey key, int failures, Instant notBefore, boolean mustChangePassword,
                       WrappedKey personKeys) {
        public Slot(String name, WrappedKey key, int failures, Instant notBefore, boolean mustChangePassword) {
            this(name, key, failures, notBefore, mustChangePassword, null);
        }

        Slot withFailures(int n, Instant until) {
            return new Slot(name, key, n, until, mustChangePassword, personKeys);
        }
    }

    /** A failed sign-in not yet written to the audit log (the log is inside the locked database). */
    public record FailedAttempt(String name, Instant at, String reason) {
    }

    private final Path file;
    private final Map<String, Slot> slots = new TreeMap<>();
    private final List<FailedAttempt> pending = new ArrayList<>();

    private Keyring(Path file) {
        this.file = file;
    }

    /** The key file that belongs to the database {@code dbFile} ({@code x.mv.db} → {@code x.keys.json}). */
    public static Path fileFor(Path dbFile) {
        String name = dbFile.getFileName().toString();
        String base = name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
        Path dir = dbFile.toAbsolutePath().getParent();
        return dir.resolve(base + ".keys.json");
    }

    /** A new, empty key file (not written until {@link #save}). */
    public static Keyring create(Path file) {
        return new Keyring(file);
    }

    public static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    /** Reads the key file, or says clearly why it cannot be read. */
    public static Keyring load(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw damaged(file, "it is not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw damaged(file, "it does not start with \"format\": \"" + FORMAT + "\"");
        }
        Keyring k = new Keyring(file);
        JsonNode users = root.path("users");
        if (!users.isObject()) {
            throw damaged(file, "it has no \"users\"");
        }
        try {
            for (var it = users.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode u = e.getValue();
                Argon2Params params = Argon2Params.read(u.path("kdf"));
                byte[] sealed = Base64.getDecoder().decode(u.path("wrappedKey").asText());
                Instant notBefore = u.hasNonNull("notBefore") ? Instant.parse(u.get("notBefore").asText()) : null;
                WrappedKey personKeys = u.hasNonNull("personKeys")
                        ? new WrappedKey(params, Base64.getDecoder().decode(u.get("personKeys").asText())) : null;
                k.slots.put(e.getKey(), new Slot(e.getKey(), new WrappedKey(params, sealed),
                        u.path("failures").asInt(0), notBefore, u.path("mustChangePassword").asBoolean(false),
                        personKeys));
            }
            for (JsonNode f : root.path("failedSignIns")) {
                k.pending.add(new FailedAttempt(f.path("name").asText(), Instant.parse(f.path("at").asText()),
                        f.path("reason").asText("")));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw damaged(file, "a value in it cannot be read (" + e.getMessage() + ")");
        }
        return k;
    }

    private static ProtectionException damaged(Path file, String why) {
        return new ProtectionException("The key file " + file + " is damaged: " + why + ". Without it the database"
                + " cannot be unlocked. Restore the key file from a backup (it is safe to back up: it holds no"
                + " password), or ask your administrator.");
    }

    public Path file() {
        return file;
    }

    /** A person's name as stored: trimmed and in lower case, so that "Alice" and "alice" are one person. */
    public static String canonical(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!n.matches("[a-z0-9][a-z0-9._@-]{0,63}")) {
            throw new IllegalArgumentException("'" + name + "' cannot be a sign-in name: use up to 64 letters, digits,"
                    + " dots, hyphens, underscores or @, starting with a letter or digit.");
        }
        return n;
    }

    public Optional<Slot> slot(String name) {
        return Optional.ofNullable(slots.get(name));
    }

    public boolean isEmpty() {
        return slots.isEmpty();
    }

    public List<String> names() {
        return List.copyOf(slots.keySet());
    }

    public void put(String name, WrappedKey key, boolean mustChangePassword) {
        slots.put(name, new Slot(name, key, 0, null, mustChangePassword));
    }

    /**
     * Puts a slot holding the database key and the person's private keys, both sealed under one key
     * derived with the same settings ({@code key.kdf()}), so that signing in derives once.
     */
    public void put(String name, WrappedKey key, WrappedKey personKeys, boolean mustChangePassword) {
        if (personKeys != null && !personKeys.kdf().equals(key.kdf())) {
            throw new IllegalArgumentException("the person's keys must be sealed under the database key's derivation");
        }
        Slot old = slots.get(name);
        slots.put(name, new Slot(name, key, old == null ? 0 : old.failures(), old == null ? null : old.notBefore(),
                mustChangePassword, personKeys));
    }

    public void remove(String name) {
        slots.remove(name);
    }

    /** Counts a failed sign-in and sets when the next attempt may be made ({@link Throttle}). */
    public Slot recordFailure(String name, Instant now, String reason) {
        addPending(new FailedAttempt(name, now, reason));
        Slot s = slots.get(name);
        if (s == null) {
            return null;
        }
        int n = s.failures() + 1;
        Slot updated = s.withFailures(n, Throttle.nextAttempt(n, now));
        slots.put(name, updated);
        return updated;
    }

    /** Records a refused attempt (too early, unknown name) for the audit log without counting it. */
    public void addPending(FailedAttempt attempt) {
        if (pending.size() < MAX_PENDING) {
            pending.add(attempt);
        }
    }

    public void recordSuccess(String name) {
        Slot s = slots.get(name);
        if (s != null && (s.failures() != 0 || s.notBefore() != null)) {
            slots.put(name, s.withFailures(0, null));
        }
    }

    /** The failed sign-ins waiting to be written to the audit log; clears them (save afterwards). */
    public List<FailedAttempt> drainFailures() {
        List<FailedAttempt> out = List.copyOf(pending);
        pending.clear();
        return Collections.unmodifiableList(out);
    }

    public boolean hasPendingFailures() {
        return !pending.isEmpty();
    }

    /** Writes the key file whole to a temporary file and moves it into place, so it is never half-written. */
    public void save() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("note", "Resolve key file: the database key wrapped under each person's password"
                + " (Argon2id, AES-256-GCM). Keep it beside the database; back it up with it.");
        ObjectNode users = root.putObject("users");
        slots.forEach((name, s) -> {
            ObjectNode u = users.putObject(name);
            s.key().kdf().write(u.putObject("kdf"));
            u.put("cipher", Crypto.CIPHER_NAME);
            u.put("wrappedKey", s.key().sealedBase64());
            if (s.personKeys() != null) {
                u.put("personKeys", s.personKeys().sealedBase64());
            }
            u.put("failures", s.failures());
            if (s.notBefore() != null) {
                u.put("notBefore", s.notBefore().toString());
            }
            if (s.mustChangePassword()) {
                u.put("mustChangePassword", true);
            }
        });
        ArrayNode failed = root.putArray("failedSignIns");
        for (FailedAttempt f : pending) {
            failed.addObject().put("name", f.name()).put("at", f.at().toString()).put("reason", f.reason());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ProtectionException("Could not write the key file " + file + " (" + e.getMessage() + "). Check"
                    + " that you can write to its folder; nothing else was changed.", e);
        }
    }
}
