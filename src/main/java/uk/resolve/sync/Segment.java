/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.AEADBadTagException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.resolve.domain.attachment.Attachment;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.security.Crypto;
import uk.resolve.store.CheckpointStore;
import uk.resolve.store.ContentStore;

/**
 * One segment: a small, immutable file of entries that one computer added to the shared record,
 * written beside the shared database in {@code NAME.segments/} so that a sync with a little that
 * is new costs a little (decision 0007).
 *
 * <pre>
 * {"format":"resolve-segment","version":2,"device":…,"seq":N,"entries":n,"keyId":…}   ← header, readable
 * nonce ‖ AES-256-GCM(team key, entries one JSON object a line, then the writer's checkpoints as one
 *                     line (version 2), associated data = header line)
 * </pre>
 *
 * The header is authenticated with the body, so neither can be changed, cut short or moved to
 * another name without the segment being refused. A segment is written under a temporary
 * {@code .part} name, forced to the disk, read back, and only then renamed to its final name
 * ({@code DEVICE.SEQ.TOKEN.seg}) without replacing anything: a {@code .seg} file is always complete.
 */
final class Segment {

    static final String FORMAT = "resolve-segment";
    static final int VERSION = 2;
    static final String SUFFIX = ".seg";
    static final String PART = ".part";
    /** Entries in one segment at most: a large push becomes several segments, each read on its own. */
    static final int MAX_ENTRIES = 2000;

    private static final ObjectMapper JSON = uk.resolve.store.EntryStore.newJsonMapper();

    private Segment() {
    }

    /** A segment's file name: which computer wrote it, its place in that computer's series, and a random token. */
    record Name(String device, long seq, String token) {

        String file() {
            return device + "." + String.format("%012d", seq) + "." + token + SUFFIX;
        }

        static Optional<Name> parse(String file) {
            if (!file.endsWith(SUFFIX)) {
                return Optional.empty();
            }
            String base = file.substring(0, file.length() - SUFFIX.length());
            int t = base.lastIndexOf('.');
            int s = t < 0 ? -1 : base.lastIndexOf('.', t - 1);
            if (s <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Name(base.substring(0, s), Long.parseLong(base.substring(s + 1, t)),
                        base.substring(t + 1)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        static Name next(String device, long seq) {
            return new Name(device, seq, UUID.randomUUID().toString().substring(0, 8));
        }
    }

    /** Why a segment was not merged: said to people, and the segment is set aside. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Writes {@code entries} as segment {@code name} in {@code folder}: under a temporary name, forced
     * to the disk and read back, then renamed without replacing anything.
     *
     * @throws java.nio.file.FileAlreadyExistsException when a segment of that name exists already
     */
    static void write(Path folder, Name name, List<Entry> entries, TeamKey key) throws IOException {
        write(folder, name, entries, key, null);
    }

    /** As above, carrying {@code checkpoints} (the writer's view of every chain) after the entries. */
    static void write(Path folder, Name name, List<Entry> entries, TeamKey key, CheckpointStore.Held checkpoints)
            throws IOException {
        byte[] head = header(name, entries.size(), key).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream(entries.size() * 700 + 64);
        for (Entry e : entries) {
            body.write(ExportFile.entryJson(e).getBytes(StandardCharsets.UTF_8));
            body.write('\n');
        }
        if (checkpoints != null) {
            body.write(CheckpointLines.json(checkpoints, JSON).getBytes(StandardCharsets.UTF_8));
            body.write('\n');
        }
        byte[] k = key.bytes();
        byte[] sealed;
        try {
            sealed = Crypto.seal(k, body.toByteArray(), head);
        } finally {
            Crypto.wipe(k);
        }
        byte[] all = ByteBuffer.allocate(head.length + 1 + sealed.length).put(head).put((byte) '\n').put(sealed).array();
        Path temp = folder.resolve(name.file() + "." + UUID.randomUUID().toString().substring(0, 8) + PART);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(all);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (!Arrays.equals(Files.readAllBytes(temp), all)) {
                throw new IOException("the segment did not arrive on the shared drive intact");
            }
            Files.move(temp, folder.resolve(name.file()));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** What a segment holds: its entries, and the checkpoints its writer sent with them (null in version 1). */
    record Contents(List<Entry> entries, CheckpointStore.Held checkpoints) {
    }

    /** The entries of the segment {@code file}, each checked against its hash. */
    static List<Entry> read(Path file, TeamKey key) throws IOException, Bad {
        return readAll(file, key).entries();
    }

    /** The entries of the segment {@code file}, each checked against its hash, and its checkpoints. */
    static Contents readAll(Path file, TeamKey key) throws IOException, Bad {
        String fileName = file.getFileName().toString();
        Name name = Name.parse(fileName).orElseThrow(() -> new Bad("its name is not a segment's name"));
        byte[] bytes = Files.readAllBytes(file);
        int eol = indexOf(bytes, (byte) '\n');
        if (eol < 0) {
            throw new Bad("it is cut short");
        }
        JsonNode head;
        try {
            head = JSON.readTree(bytes, 0, eol);
        } catch (IOException e) {
            throw new Bad("it is damaged");
        }
        if (head == null || !FORMAT.equals(head.path("format").asText())) {
            throw new Bad("it is not a Resolve segment");
        }
        int version = head.path("version").asInt(-1);
        if (version > VERSION) {
            throw new Bad("it was written by a newer version of Resolve (segment version " + version + ")");
        }
        if (version < 1 || !name.device().equals(head.path("device").asText())
                || name.seq() != head.path("seq").asLong(-1)) {
            throw new Bad("its header does not match its name");
        }
        if (!key.id().equals(head.path("keyId").asText())) {
            throw new Bad("it was written under another team key (" + head.path("keyId").asText() + ")");
        }
        byte[] k = key.bytes();
        byte[] plain;
        try {
            plain = Crypto.open(k, Arrays.copyOfRange(bytes, eol + 1, bytes.length), Arrays.copyOf(bytes, eol));
        } catch (AEADBadTagException e) {
            throw new Bad("it is cut short or has been altered");
        } finally {
            Crypto.wipe(k);
        }
        List<Entry> out = new ArrayList<>();
        CheckpointStore.Held checkpoints = null;
        int pos = 0;
        int line = 1;
        while (pos < plain.length) {
            int end = indexOf(plain, (byte) '\n', pos);
            end = end < 0 ? plain.length : end;
            try {
                JsonNode node = JSON.readTree(plain, pos, end - pos);
                if (version >= 2 && checkpoints == null && CheckpointLines.is(node)) {
                    checkpoints = CheckpointLines.read(node);
                } else {
                    out.add(ExportFile.toEntry(node, fileName, line));
                }
            } catch (IOException | RuntimeException e) {
                throw new Bad("entry " + line + " is not a complete entry of a kind this version knows");
            }
            pos = end + 1;
            line++;
        }
        if (out.size() != head.path("entries").asInt(-1)) {
            throw new Bad("it holds " + out.size() + " entries where its header says " + head.path("entries").asInt());
        }
        long altered = out.stream().filter(e -> !e.hashIsValid()).count();
        if (altered > 0) {
            throw new Bad(altered + " of its entries do not match their hash");
        }
        return new Contents(out, checkpoints);
    }

    private static String header(Name name, int count, TeamKey key) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", VERSION);
        n.put("device", name.device());
        n.put("seq", name.seq());
        n.put("entries", count);
        n.put("keyId", key.id());
        return JSON.writeValueAsString(n);
    }

    // ---- the documents' bytes, beside the segment whose entries name them (decision 0010) -------

    /** The ending of a file of a document's bytes beside a segment: {@code DEVICE.SEQ.TOKEN.ENTRY.att}. */
    static final String CONTENT = ".att";

    /** The attachment entries among {@code entries} whose bytes travel beside them (not those holding their own). */
    static List<ContentStore.Wanted> contentsNamed(List<Entry> entries) {
        List<ContentStore.Wanted> out = new ArrayList<>();
        for (Entry e : entries) {
            // sealed bytes travel as they are kept; an entry without a usable hash or size names nothing (verify reports it)
            Attachment.stored(e).ifPresent(x -> out.add(new ContentStore.Wanted(e.id(), x.sha256(), x.size())));
        }
        return out;
    }

    /** The name of the file beside segment {@code name} holding the bytes of entry {@code entry}. */
    static String contentFile(Name name, UUID entry) {
        String f = name.file();
        return f.substring(0, f.length() - SUFFIX.length()) + "." + entry + CONTENT;
    }

    /**
     * Writes the bytes {@code w} names, from {@code source}, beside segment {@code name}, sealed under
     * the team key: under a temporary name, forced to the disk, read back through its checksum and
     * renamed. Returns false when this computer does not hold them.
     */
    static boolean writeContent(Path folder, Name name, ContentStore.Wanted w, ContentStore.Source source,
                                TeamKey key) throws IOException {
        Path target = folder.resolve(contentFile(name, w.entryId()));
        Path temp = folder.resolve(target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + PART);
        try (InputStream in = source.open(w)) {
            if (in == null) {
                return false;
            }
            java.security.MessageDigest written = SharedFile.sha256();
            byte[] k = key.bytes();
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new java.io.BufferedOutputStream(new java.security.DigestOutputStream(
                         java.nio.channels.Channels.newOutputStream(ch), written), 1 << 16)) {
                SealedContent.write(out, k, w, in);
                out.flush();
                ch.force(true);
            } finally {
                Crypto.wipe(k);
            }
            if (!SharedFile.sha256(temp).equals(java.util.HexFormat.of().formatHex(written.digest()))) {
                throw new IOException("a document's contents did not arrive on the shared drive intact");
            }
            Files.move(temp, target);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes the files of documents' bytes beside segment {@code name} (gone already is fine). */
    static void removeContents(Path folder, String segmentFile) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        String base = segmentFile.substring(0, segmentFile.length() - SUFFIX.length()) + ".";
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(folder, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(base) && n.endsWith(CONTENT);
        })) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The documents' bytes beside the segments in {@code folder}, found by the entry that names them. */
    static ContentStore.Source contents(Path folder, TeamKey key) {
        return w -> {
            if (w.entryId() == null || !Files.isDirectory(folder)) {
                return null;
            }
            Path found = null;
            try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(folder,
                    "*." + w.entryId() + CONTENT)) {
                for (Path p : ds) {
                    found = p;
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            InputStream in = new java.io.BufferedInputStream(Files.newInputStream(found), 1 << 16);
            try {
                SealedContent.Header h = SealedContent.header(in);
                if (!h.sha256().equals(w.sha256()) || h.size() != w.size()) {
                    throw new IOException("the file beside the segments does not hold the contents its entry names");
                }
                byte[] k = key.bytes();
                try {
                    return SealedContent.open(in, k, h);
                } finally {
                    Crypto.wipe(k);
                }
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        };
    }

    private static int indexOf(byte[] b, byte x) {
        return indexOf(b, x, 0);
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
