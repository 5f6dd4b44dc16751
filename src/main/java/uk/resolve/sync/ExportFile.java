/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongConsumer;

import javax.crypto.AEADBadTagException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.security.Argon2Params;
import uk.resolve.security.Crypto;
import uk.resolve.store.CheckpointStore;
import uk.resolve.store.ContentStore;

/**
 * The export file: entries for USB sticks and secure e-mail, encrypted under a passphrase chosen at
 * export, since the file goes to other organisations.
 *
 * <pre>
 * {"format":"resolve-export","version":2,"exportedAt":…,"device":…,"exportedBy":…,"scope":"all",
 *  "cases":[…],"entries":N,"encryption":{"cipher":"AES-256-GCM","kdf":{"algorithm":"argon2id",
 *  "memoryKiB":…,"iterations":…,"parallelism":…,"salt":…}}}            ← the manifest, readable
 * nonce ‖ AES-256-GCM(key, body, associated data = the manifest line) ← the rest, sealed
 * </pre>
 *
 * The key is derived from the passphrase with Argon2id under the manifest's settings and salt. The
 * sealed body is what a version 1 file held after its manifest, in plain text:
 *
 * <pre>
 * {"id":…,"caseId":…,"type":…,…,"prevHash":…,"hash":…,"signature":…} ← N entries, one a line
 * {"checkpoints":[…],"auditCheckpoints":[…]}                          ← the exporter's checkpoints (0011)
 * {"end":"resolve-export","entries":N,"sha256":"…"}                  ← the trailer
 * </pre>
 *
 * The manifest is the cipher's associated data, so neither it nor the body can be changed without
 * the file being refused; a wrong passphrase is refused the same way, before anything is read. Inside,
 * the trailer's SHA-256 covers the manifest and the entries, and each entry's own {@code hash} is
 * checked too. Version 1 files (from before encryption: the same lines, unsealed, with
 * {@code "encryption":{"cipher":"none"}}) are still read, and the import says the file was not
 * encrypted. Readers refuse a {@code version} above their own.
 *
 * <p>An export whose entries name documents kept apart from them (decision 0010) is version 3: the
 * sealed body is preceded by its length (8 bytes), and each document's bytes follow it as a
 * {@link SealedContent} record under the same key ({@code "contents":k} in the manifest), so that
 * neither writing nor reading ever holds more than one piece of a document.
 */
public final class ExportFile {

    /** The format's name, first in every export. */
    public static final String FORMAT = "resolve-export";
    /** The newest version this build writes and reads. */
    public static final int VERSION = 3;
    /** The version written when no document's bytes travel with the entries. */
    static final int ENTRIES_VERSION = 2;
    /** The last version without encryption. */
    static final int PLAIN_VERSION = 1;

    private static final ObjectMapper JSON = uk.resolve.store.EntryStore.newJsonMapper();

    private ExportFile() {
    }

    /**
     * Who made an export, and of what.
     *
     * @param exportedAt when
     * @param device     the device id of the database exported
     * @param exportedBy the person
     * @param cases      the cases chosen, or empty for the whole record
     */
    public record Manifest(Instant exportedAt, String device, String exportedBy, List<UUID> cases) {
        public Manifest {
            cases = List.copyOf(cases);
        }
    }

    /**
     * A file read and checked whole: its manifest, its entries, the file's SHA-256, and whether it was
     * encrypted (false only for version 1 files from before encryption).
     */
    public record Contents(Manifest manifest, List<Entry> entries, String sha256, boolean encrypted, Bytes bytes,
                           CheckpointStore.Held checkpoints) {

        Contents(Manifest manifest, List<Entry> entries, String sha256, boolean encrypted) {
            this(manifest, entries, sha256, encrypted, Bytes.NONE, null);
        }
    }

    /** The documents' bytes in a version 3 file, opened from where they lie in it; close to forget the key. */
    public static final class Bytes implements ContentStore.Source, AutoCloseable {
        static final Bytes NONE = new Bytes(null, new byte[0], java.util.Map.of());
        private final Path file;
        private final byte[] key;
        private final java.util.Map<String, Long> at;

        Bytes(Path file, byte[] key, java.util.Map<String, Long> at) {
            this.file = file;
            this.key = key;
            this.at = at;
        }

        @Override
        public java.io.InputStream open(ContentStore.Wanted w) throws IOException {
            Long offset = at.get(w.sha256());
            if (offset == null) {
                return null;
            }
            java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file);
            ch.position(offset);
            java.io.InputStream in = new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(ch),
                    1 << 16);
            try {
                SealedContent.Header h = SealedContent.header(in);
                if (!h.sha256().equals(w.sha256()) || h.size() != w.size()) {
                    throw new IOException("the file holds other contents than its entry names");
                }
                return SealedContent.open(in, key, h);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }

        /** How many documents' bytes the file holds. */
        public int count() {
            return at.size();
        }

        @Override
        public void close() {
            Crypto.wipe(key);
        }
    }

    /**
     * Writes {@code entries} to {@code file}, encrypted under {@code passphrase}: first under a
     * temporary name, then renamed into place, so that a stop half-way never leaves a file that
     * looks complete.
     *
     * @param progress told how many entries have been written so far
     * @return the file's SHA-256
     */
    public static String write(Path file, Manifest manifest, List<Entry> entries, char[] passphrase,
                               LongConsumer progress) {
        return write(file, manifest, entries, java.util.Objects.requireNonNull(passphrase), Argon2Params.fresh(),
                progress, null);
    }

    /** As above, with the bytes of the documents the entries name, read from {@code bytes}, streamed. */
    public static String write(Path file, Manifest manifest, List<Entry> entries, char[] passphrase,
                               LongConsumer progress, ContentStore.Source bytes) {
        return write(file, manifest, entries, java.util.Objects.requireNonNull(passphrase), Argon2Params.fresh(),
                progress, bytes);
    }

    static String write(Path file, Manifest manifest, List<Entry> entries, char[] passphrase, Argon2Params kdf,
                        LongConsumer progress) {
        return write(file, manifest, entries, passphrase, kdf, progress, null);
    }

    /** As above, carrying {@code checkpoints} (the exporter's, inside what is sealed) after the entries. */
    public static String write(Path file, Manifest manifest, List<Entry> entries, char[] passphrase,
                               LongConsumer progress, ContentStore.Source bytes, CheckpointStore.Held checkpoints) {
        return write(file, manifest, entries, java.util.Objects.requireNonNull(passphrase), Argon2Params.fresh(),
                progress, bytes, checkpoints);
    }

    static String write(Path file, Manifest manifest, List<Entry> entries, char[] passphrase, Argon2Params kdf,
                        LongConsumer progress, ContentStore.Source bytes) {
        return write(file, manifest, entries, passphrase, kdf, progress, bytes, null);
    }

    /** As above with chosen key-derivation settings (tests use cheap ones); no passphrase writes version 1. */
    static String write(Path file, Manifest manifest, List<Entry> entries, char[] passphrase, Argon2Params kdf,
                        LongConsumer progress, ContentStore.Source bytes, CheckpointStore.Held checkpoints) {
        Path abs = file.toAbsolutePath();
        Path temp = abs.resolveSibling(abs.getFileName() + ".part");
        MessageDigest md = SharedFile.sha256();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            // the documents' bytes this database holds travel after the entries (version 3)
            List<ContentStore.Wanted> named = new ArrayList<>();
            if (passphrase != null && bytes != null) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (ContentStore.Wanted w : Segment.contentsNamed(entries)) {
                    if (seen.add(w.sha256())) {
                        try (java.io.InputStream in = bytes.open(w)) {
                            if (in != null) {
                                named.add(w);
                            }
                        }
                    }
                }
            }
            byte[] head = utf8(manifestJson(manifest, entries.size(), passphrase == null ? null : kdf, named.size()));
            md.update(head);
            md.update((byte) '\n');
            ByteArrayOutputStream body = new ByteArrayOutputStream(entries.size() * 700 + 256);
            long n = 0;
            for (Entry e : entries) {
                line(body, md, entryJson(e));
                if (++n % 500 == 0) {
                    progress.accept(n);
                }
            }
            if (checkpoints != null && passphrase != null) {
                line(body, md, CheckpointLines.json(checkpoints, JSON));
            }
            ObjectNode end = JSON.createObjectNode();
            end.put("end", FORMAT);
            end.put("entries", entries.size());
            end.put("sha256", HexFormat.of().formatHex(md.digest()));
            body.write(utf8(JSON.writeValueAsString(end) + "\n"));
            byte[] rest = body.toByteArray();
            byte[] key = passphrase == null ? null : kdf.derive(passphrase);
            MessageDigest whole = SharedFile.sha256();
            try {
                if (key != null) {
                    byte[] plain = rest;
                    rest = Crypto.seal(key, plain, head);
                    Arrays.fill(plain, (byte) 0);
                }
                try (OutputStream raw = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(temp),
                        whole), 1 << 16)) {
                    raw.write(head);
                    raw.write('\n');
                    if (!named.isEmpty()) {
                        new java.io.DataOutputStream(raw).writeLong(rest.length);
                    }
                    raw.write(rest);
                    for (ContentStore.Wanted w : named) {
                        try (java.io.InputStream in = bytes.open(w)) {
                            if (in == null) {
                                throw new IOException("a document's contents went from the database during the export");
                            }
                            SealedContent.write(raw, key, w, in);
                        }
                    }
                }
            } finally {
                if (key != null) {
                    Crypto.wipe(key);
                }
            }
            progress.accept(entries.size());
            Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
            return HexFormat.of().formatHex(whole.digest());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw new SyncException(SyncException.Kind.REFUSED, "The export could not be written to " + abs + " ("
                    + e.getMessage() + "). Nothing was exported. Choose a folder you can write to, with free space.",
                    e);
        }
    }

    /** True when {@code file} is an export that needs a passphrase to be read (false when unsure: reading says why). */
    public static boolean isEncrypted(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            int eol = indexOf(head, 0);
            JsonNode m = parse(head, 0, eol < 0 ? head.length : eol);
            return m != null && FORMAT.equals(m.path("format").asText())
                    && !"none".equals(m.path("encryption").path("cipher").asText("none"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads and checks the whole file. Anything wrong — not an export, from a newer version, cut
     * short, damaged, altered, a wrong passphrase — refuses it whole with a message saying which.
     *
     * @param passphrase the passphrase it was exported with (may be null for a version 1 file)
     * @param progress   told how many entries have been read so far
     */
    public static Contents read(Path file, char[] passphrase, LongConsumer progress) {
        String name = file.toString();
        JsonNode first = firstLine(file);
        if (first != null && FORMAT.equals(first.path("format").asText()) && first.path("version").asInt() == VERSION) {
            return readWithContents(file, passphrase, progress);
        }
        byte[] bytes;
        try {
            if (Files.size(file) > 2L * 1024 * 1024 * 1024 - 64) {
                throw refused(name, "is larger than any Resolve export can be");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SyncException(SyncException.Kind.REFUSED, "There is no file " + name + ". Check the name and"
                    + " the folder. Nothing was imported.", e);
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.REFUSED, "The file " + name + " could not be read ("
                    + e.getMessage() + "). Nothing was imported.", e);
        }
        MessageDigest whole = SharedFile.sha256();
        String fileSum = HexFormat.of().formatHex(whole.digest(bytes));
        int firstEnd = indexOf(bytes, 0);
        JsonNode manifest = parse(bytes, 0, firstEnd < 0 ? bytes.length : firstEnd);
        if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
            throw new SyncException(SyncException.Kind.REFUSED, "The file " + name + " is not a Resolve export"
                    + " (it does not begin with a Resolve manifest). Nothing was imported. Choose a file made with"
                    + " Resolve's Export (resolve export --out).");
        }
        int version = manifest.path("version").asInt(-1);
        if (version <= PLAIN_VERSION) {
            return readPlain(name, bytes, firstEnd, manifest, version, fileSum, progress);
        }
        refuseNewer(name, version);
        if (firstEnd < 0) {
            throw truncated(name);
        }
        JsonNode encryption = manifest.path("encryption");
        String cipher = encryption.path("cipher").asText("none");
        if (!Crypto.CIPHER_NAME.equals(cipher)) {
            throw new SyncException(SyncException.Kind.REFUSED, "The file " + name + " is encrypted with '" + cipher
                    + "', which this version of Resolve cannot open. Nothing was imported. Install the newer version"
                    + " of Resolve to import it, or ask for it to be exported again.");
        }
        Argon2Params kdf;
        try {
            kdf = Argon2Params.read(encryption.path("kdf"));
        } catch (IllegalArgumentException e) {
            throw refused(name, "is damaged or altered: " + e.getMessage());
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new SyncException(SyncException.Kind.REFUSED, "The file " + name + " is encrypted. Give the"
                    + " passphrase it was exported with. Nothing was imported.");
        }
        byte[] plain;
        byte[] key = kdf.derive(passphrase);
        try {
            plain = Crypto.open(key, Arrays.copyOfRange(bytes, firstEnd + 1, bytes.length),
                    Arrays.copyOf(bytes, firstEnd));
        } catch (AEADBadTagException e) {
            throw new SyncException(SyncException.Kind.REFUSED, "The passphrase does not open the file " + name
                    + ", or the file has been altered or damaged since it was exported. Nothing was imported. Check"
                    + " the passphrase with whoever sent the file (capital letters and spaces count); if it is"
                    + " right, ask for the file to be exported again.", e);
        } finally {
            Crypto.wipe(key);
        }
        // the same lines as a version 1 file: the manifest, then what was sealed
        byte[] logical = new byte[firstEnd + 1 + plain.length];
        System.arraycopy(bytes, 0, logical, 0, firstEnd + 1);
        System.arraycopy(plain, 0, logical, firstEnd + 1, plain.length);
        Arrays.fill(plain, (byte) 0);
        try {
            return readLines(name, logical, firstEnd, manifest, fileSum, true, progress);
        } finally {
            Arrays.fill(logical, (byte) 0);
        }
    }

    /** The manifest of {@code file} when it can be read, or null (the whole read then says what is wrong). */
    private static JsonNode firstLine(Path file) {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            byte[] line = manifestLine(in);
            return line == null ? null : parse(line, 0, line.length);
        } catch (IOException e) {
            return null;
        }
    }

    /** The bytes up to the first newline (consumed), or null when there is none within 16 MB. */
    private static byte[] manifestLine(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                return line.toByteArray();
            }
            if (line.size() >= 16 * 1024 * 1024) {
                return null;
            }
            line.write(b);
        }
        return null;
    }

    /**
     * Reads a version 3 file: the manifest, the sealed entries (checked as a version 2 file's), and
     * where each document's bytes lie, without reading them: they are opened, a piece at a time and
     * checked, when imported.
     */
    private static Contents readWithContents(Path file, char[] passphrase, LongConsumer progress) {
        String name = file.toString();
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            String fileSum = SharedFile.sha256(file);
            byte[] head = manifestLine(in);
            JsonNode manifest = parse(head, 0, head.length);
            JsonNode encryption = manifest.path("encryption");
            if (!Crypto.CIPHER_NAME.equals(encryption.path("cipher").asText("none"))) {
                throw refused(name, "is damaged or altered: its manifest names no cipher its version has");
            }
            Argon2Params kdf;
            try {
                kdf = Argon2Params.read(encryption.path("kdf"));
            } catch (IllegalArgumentException e) {
                throw refused(name, "is damaged or altered: " + e.getMessage());
            }
            if (passphrase == null || passphrase.length == 0) {
                throw new SyncException(SyncException.Kind.REFUSED, "The file " + name + " is encrypted. Give the"
                        + " passphrase it was exported with. Nothing was imported.");
            }
            java.io.DataInputStream data = new java.io.DataInputStream(in);
            long length = data.readLong();
            long offset = head.length + 1L + 8;
            if (length <= 0 || length > Files.size(file) - offset) {
                throw truncated(name);
            }
            byte[] sealed = data.readNBytes((int) length);
            offset += length;
            byte[] key = kdf.derive(passphrase);
            boolean kept = false;
            try {
                byte[] plain;
                try {
                    plain = Crypto.open(key, sealed, head);
                } catch (AEADBadTagException e) {
                    throw new SyncException(SyncException.Kind.REFUSED, "The passphrase does not open the file " + name
                            + ", or the file has been altered or damaged since it was exported. Nothing was imported."
                            + " Check the passphrase with whoever sent the file (capital letters and spaces count); if"
                            + " it is right, ask for the file to be exported again.", e);
                }
                byte[] logical = new byte[head.length + 1 + plain.length];
                System.arraycopy(head, 0, logical, 0, head.length);
                logical[head.length] = '\n';
                System.arraycopy(plain, 0, logical, head.length + 1, plain.length);
                Arrays.fill(plain, (byte) 0);
                Contents entries;
                try {
                    entries = readLines(name, logical, head.length, manifest, fileSum, true, progress);
                } finally {
                    Arrays.fill(logical, (byte) 0);
                }
                int count = manifest.path("contents").asInt(-1);
                java.util.Map<String, Long> at = new java.util.HashMap<>();
                for (int i = 0; i < count; i++) {
                    // a record's header, then its pieces skipped: where it lies is all that is kept
                    java.io.ByteArrayOutputStream counted = new java.io.ByteArrayOutputStream();
                    SealedContent.Header h = SealedContent.header(new java.io.FilterInputStream(in) {
                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            int n = super.read(b, off, len);
                            if (n > 0) {
                                counted.write(b, off, n);
                            }
                            return n;
                        }

                        @Override
                        public int read() throws IOException {
                            int b = super.read();
                            if (b >= 0) {
                                counted.write(b);
                            }
                            return b;
                        }
                    });
                    at.put(h.sha256(), offset);
                    offset += counted.size() + SealedContent.skip(in, h);
                }
                if (count < 0 || offset != Files.size(file)) {
                    throw truncated(name);
                }
                kept = true;
                return new Contents(entries.manifest(), entries.entries(), fileSum, true, new Bytes(file, key, at),
                        entries.checkpoints());
            } finally {
                if (!kept) {
                    Crypto.wipe(key);
                }
            }
        } catch (java.io.EOFException e) {
            throw truncated(name);
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.REFUSED, "The file " + name + " could not be read ("
                    + e.getMessage() + "). Nothing was imported.", e);
        }
    }

    private static Contents readPlain(String name, byte[] bytes, int firstEnd, JsonNode manifest, int version,
                                      String fileSum, LongConsumer progress) {
        String cipher = manifest.path("encryption").path("cipher").asText("none");
        if (!"none".equals(cipher)) {
            throw refused(name, "is damaged or altered: its manifest names a cipher that its version does not have");
        }
        if (version < 1) {
            throw refused(name, "has no valid format version in its manifest");
        }
        return readLines(name, bytes, firstEnd, manifest, fileSum, false, progress);
    }

    /** Checks the trailer and reads the entries of a manifest line followed by entry lines and the trailer. */
    private static Contents readLines(String name, byte[] bytes, int firstEnd, JsonNode manifest, String fileSum,
                                      boolean encrypted, LongConsumer progress) {
        // the trailer is the last line; without it the file was cut short
        int end = bytes.length;
        int lastStart = end == 0 || bytes[end - 1] != '\n' ? -1 : lastLineStart(bytes, end - 1);
        JsonNode trailer = lastStart <= 0 ? null : parse(bytes, lastStart, end - 1);
        if (trailer == null || !FORMAT.equals(trailer.path("end").asText())) {
            throw truncated(name);
        }
        MessageDigest md = SharedFile.sha256();
        md.update(bytes, 0, lastStart);
        String sum = HexFormat.of().formatHex(md.digest());
        if (!sum.equals(trailer.path("sha256").asText())) {
            throw refused(name, "is damaged: its checksum does not match its content (it may have been altered or"
                    + " corrupted in transit)");
        }
        long declared = manifest.path("entries").asLong(-1);
        if (declared != trailer.path("entries").asLong(-2)) {
            throw refused(name, "is damaged: its manifest and its trailer disagree on the number of entries");
        }
        List<Entry> entries = new ArrayList<>();
        CheckpointStore.Held checkpoints = null;
        int pos = firstEnd + 1;
        while (pos < lastStart) {
            int eol = indexOf(bytes, pos);
            JsonNode node = parse(bytes, pos, eol);
            if (node == null) {
                throw refused(name, "is damaged: line " + (entries.size() + 2) + " is not an entry");
            }
            if (encrypted && checkpoints == null && CheckpointLines.is(node)) {
                try {
                    checkpoints = CheckpointLines.read(node);
                } catch (IllegalArgumentException e) {
                    throw refused(name, "is damaged: its checkpoints cannot be read");
                }
                pos = eol + 1;
                continue;
            }
            Entry e = toEntry(node, name, entries.size() + 2);
            // an entry that does not match its own hash is set aside by the import, not refused here
            entries.add(e);
            if (entries.size() % 500 == 0) {
                progress.accept(entries.size());
            }
            pos = eol + 1;
        }
        if (entries.size() != declared) {
            throw refused(name, "is damaged: it should hold " + declared + " entries but holds " + entries.size());
        }
        progress.accept(entries.size());
        List<UUID> cases = new ArrayList<>();
        try {
            manifest.path("cases").forEach(c -> cases.add(UUID.fromString(c.asText())));
            Manifest m = new Manifest(Instant.parse(manifest.path("exportedAt").asText()),
                    manifest.path("device").asText(), manifest.path("exportedBy").asText(), cases);
            return new Contents(m, entries, fileSum, encrypted, Bytes.NONE, checkpoints);
        } catch (RuntimeException e) {
            throw refused(name, "is damaged: its manifest cannot be read");
        }
    }

    private static SyncException refused(String name, String what) {
        return new SyncException(SyncException.Kind.REFUSED, "The file " + name + " " + what + ". Nothing was imported;"
                + " ask for it to be exported again.");
    }

    private static void refuseNewer(String name, int version) {
        if (version > VERSION) {
            throw new SyncException(SyncException.Kind.REFUSED, "The file " + name + " was made by a newer version of"
                    + " Resolve (export format version " + version + "; this version reads up to " + VERSION + ")."
                    + " Nothing was imported. Install the newer version of Resolve to import it.");
        }
    }

    private static SyncException truncated(String name) {
        return refused(name, "is incomplete: it ends before its closing checksum (it may have been cut short while"
                + " being copied or sent)");
    }

    private static String manifestJson(Manifest m, int count, Argon2Params kdf, int contents)
            throws JsonProcessingException {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", kdf == null ? PLAIN_VERSION : contents > 0 ? VERSION : ENTRIES_VERSION);
        n.put("exportedAt", m.exportedAt().toString());
        n.put("device", m.device());
        n.put("exportedBy", m.exportedBy());
        n.put("scope", m.cases().isEmpty() ? "all" : "cases");
        ArrayNode cases = n.putArray("cases");
        m.cases().forEach(c -> cases.add(c.toString()));
        n.put("entries", count);
        ObjectNode encryption = n.putObject("encryption");
        if (kdf == null) {
            encryption.put("cipher", "none");
        } else {
            encryption.put("cipher", Crypto.CIPHER_NAME);
            kdf.write(encryption.putObject("kdf"));
        }
        if (contents > 0) {
            n.put("contents", contents);
        }
        return JSON.writeValueAsString(n);
    }

    static String entryJson(Entry e) throws JsonProcessingException {
        return JSON.writeValueAsString(e.fields());
    }

    static Entry toEntry(JsonNode n, String name, int line) {
        try {
            String code = n.get("type").asText();
            EntryType type = EntryType.fromCode(code).orElseThrow(() -> new SyncException(SyncException.Kind.REFUSED,
                    "The file " + name + " holds an entry of a kind this version of Resolve does not know ('" + code
                            + "', line " + line + "). Nothing was imported. Install the newer version of Resolve."));
            TreeMap<String, String> data = new TreeMap<>();
            n.get("data").fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
            return new Entry(UUID.fromString(n.get("id").asText()), UUID.fromString(n.get("caseId").asText()), type,
                    n.get("author").asText(), n.get("device").asText(), n.get("deviceSeq").asLong(),
                    Instant.parse(n.get("writtenAt").asText()), Instant.parse(n.get("happenedAt").asText()), data,
                    n.get("prevHash").asText(), n.get("hash").asText(), n.path("signature").asText(""));
        } catch (SyncException e) {
            throw e;
        } catch (RuntimeException e) {
            throw refused(name, "is damaged: line " + line + " is not a complete entry");
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void line(OutputStream out, MessageDigest md, String json) throws IOException {
        byte[] b = utf8(json + "\n");
        md.update(b);
        out.write(b);
    }

    private static JsonNode parse(byte[] b, int from, int to) {
        if (to <= from) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(b, from, to - from);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lastLineStart(byte[] b, int endExclusive) {
        for (int i = endExclusive - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
