/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.resolve.security.Argon2Params;
import uk.resolve.security.Crypto;
import uk.resolve.security.WrappedKey;

/**
 * The key file beside the team's shared file ({@code team.key.json} beside {@code team.mv.db}): the
 * team key wrapped under the team's passphrase (Argon2id, then AES-256-GCM, bound to the key's id),
 * and the key's id. It holds nothing secret in plain text; with the passphrase, a member unwraps
 * the key once and keeps it in their own encrypted database.
 *
 * @param keyId     the team key's id ({@link TeamKey#id()})
 * @param wrapped   the team key wrapped under the passphrase
 * @param createdAt when the key was set up
 */
public record TeamKeyFile(String keyId, WrappedKey wrapped, Instant createdAt) {

    public static final String FORMAT = "resolve-team-key/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The key file that belongs to the shared file {@code shared}. */
    public static Path fileFor(Path shared) {
        return new SharedFile(shared).keyFile();
    }

    /** Wraps {@code key} under {@code passphrase}. */
    public static TeamKeyFile wrap(TeamKey key, char[] passphrase, Instant now) {
        return new TeamKeyFile(key.id(), WrappedKey.wrap(key.bytes(), passphrase, context(key.id())), now);
    }

    private static String context(String keyId) {
        return FORMAT + " " + keyId;
    }

    /**
     * The team key, or {@link WrappedKey.WrongSecret} when {@code passphrase} does not open it (or
     * the file was altered: the key's id and the derivation settings are bound into the seal).
     */
    public TeamKey unwrap(char[] passphrase) throws WrappedKey.WrongSecret {
        byte[] bytes = wrapped.unwrap(passphrase, context(keyId));
        try {
            TeamKey k = TeamKey.of(bytes);
            if (!k.id().equals(keyId)) {
                throw new WrappedKey.WrongSecret();
            }
            return k;
        } finally {
            Crypto.wipe(bytes);
        }
    }

    /** Reads the key file beside {@code shared}; empty when there is none. */
    public static Optional<TeamKeyFile> read(Path shared) {
        Path file = fileFor(shared);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            throw damaged(file, "it cannot be read (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw damaged(file, "it does not start with \"format\": \"" + FORMAT + "\"");
        }
        try {
            Argon2Params params = Argon2Params.read(root.path("kdf"));
            byte[] sealed = Base64.getDecoder().decode(root.path("wrappedKey").asText());
            String id = root.path("keyId").asText();
            if (id.isEmpty() || sealed.length == 0) {
                throw damaged(file, "it has no key in it");
            }
            return Optional.of(new TeamKeyFile(id, new WrappedKey(params, sealed),
                    root.hasNonNull("createdAt") ? Instant.parse(root.get("createdAt").asText()) : null));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw damaged(file, e instanceof IllegalArgumentException && e.getMessage() != null
                    && e.getMessage().startsWith("its ") ? e.getMessage() : "a value in it cannot be read");
        }
    }

    private static SyncException damaged(Path file, String why) {
        return new SyncException(SyncException.Kind.REFUSED, "The team's key file " + file + " is damaged: " + why
                + ". Nothing was synced; your work is safe on this computer. Ask your manager to put it back from"
                + " the drive's backup.");
    }

    /**
     * Writes the key file beside {@code shared}, never over an existing one: written under a
     * temporary name and moved into place, so it is never seen half-written.
     *
     * @throws FileAlreadyExistsException when the shared file already has a key file
     */
    public void writeBeside(Path shared) throws IOException {
        Path file = fileFor(shared);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("note", "Resolve team key file: the key of the shared file beside it, wrapped under the team's"
                + " passphrase (Argon2id, AES-256-GCM). Without the passphrase it opens nothing. Keep it beside the"
                + " shared file and back it up with it.");
        root.put("keyId", keyId);
        if (createdAt != null) {
            root.put("createdAt", createdAt.toString());
        }
        wrapped.kdf().write(root.putObject("kdf"));
        root.put("cipher", Crypto.CIPHER_NAME);
        root.put("wrappedKey", wrapped.sealedBase64());
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path tmp = file.resolveSibling(file.getFileName() + "." + keyId + ".tmp");
        try {
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(tmp, file); // no REPLACE_EXISTING: a key file set up meanwhile is never overwritten
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
