/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;

/**
 * The export file: entries in one UTF-8 text file of JSON lines, for USB sticks and secure e-mail.
 *
 * <pre>
 * {"format":"resolve-export","version":1,"exportedAt":…,"device":…,"exportedBy":…,"scope":"all",
 *  "cases":[…],"entries":N,"encryption":{"cipher":"none"}}          ← the manifest
 * {"id":…,"caseId":…,"type":…,…,"prevHash":…,"hash":…}              ← N entries, one a line
 * {"end":"resolve-export","entries":N,"sha256":"…"}                  ← the trailer
 * </pre>
 *
 * The trailer's SHA-256 covers every byte before it, manifest included, so a file cut short has no
 * trailer and a flipped bit fails the sum; each entry's own {@code hash} (SHA-256 of its content)
 * is checked too. Readers refuse a {@code version} above their own. The {@code encryption} field
 * leaves room for an authenticated cipher (AES-GCM with the manifest as associated data, the key
 * derived with Argon2id): the entry lines would then become one sealed payload, and the version
 * would go up.
 */
public final class ExportFile {

    /** The format's name, first in every export. */
    public static final String FORMAT = "resolve-export";
    /** The newest version this build writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** A file read and checked whole: its manifest, its entries and the file's SHA-256. */
    public record Contents(Manifest manifest, List<Entry> entries, String sha256) {
    }

    /**
     * Writes {@code entries} to {@code file}: first under a temporary name, then renamed into
     * place, so that a stop half-way never leaves a file that looks complete.
     *
     * @param progress told how many entries have been written so far
     * @return the file's SHA-256
     */
    public static String write(Path file, Manifest manifest, List<Entry> entries, LongConsumer progress) {
        Path abs = file.toAbsolutePath();
        Path temp = abs.resolveSibling(abs.getFileName() + ".part");
        MessageDigest md = SharedFile.sha256();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                line(raw, md, manifestJson(manifest, entries.size()));
                long n = 0;
                for (Entry e : entries) {
                    line(raw, md, entryJson(e));
                    if (++n % 500 == 0) {
                        progress.accept(n);
                    }
                }
                String sum = HexFormat.of().formatHex(md.digest());
                ObjectNode end = JSON.createObjectNode();
                end.put("end", FORMAT);
                end.put("entries", entries.size());
                end.put("sha256", sum);
                raw.write((JSON.writeValueAsString(end) + "\n").getBytes(StandardCharsets.UTF_8));
                progress.accept(entries.size());
                raw.flush();
                Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
                return sum;
            }
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

    /**
     * Reads and checks the whole file. Anything wrong — not an export, from a newer version, cut
     * short, damaged, an entry altered — refuses it whole with a message saying which.
     *
     * @param progress told how many entries have been read so far
     */
    public static Contents read(Path file, LongConsumer progress) {
        String name = file.toString();
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
        int firstEnd = indexOf(bytes, 0);
        JsonNode manifest = parse(bytes, 0, firstEnd < 0 ? bytes.length : firstEnd);
        if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
            throw new SyncException(SyncException.Kind.REFUSED, "The file " + name + " is not a Resolve export"
                    + " (it does not begin with a Resolve manifest). Nothing was imported. Choose a file made with"
                    + " Resolve's Export (resolve export --out).");
        }
        int version = manifest.path("version").asInt(-1);
        // the trailer is the last line; without it the file was cut short. A newer format may lay
        // its file out differently, so its version speaks first when the layout is not ours.
        int end = bytes.length;
        int lastStart = end == 0 || bytes[end - 1] != '\n' ? -1 : lastLineStart(bytes, end - 1);
        JsonNode trailer = lastStart <= 0 ? null : parse(bytes, lastStart, end - 1);
        if (trailer == null || !FORMAT.equals(trailer.path("end").asText())) {
            refuseNewer(name, version);
            throw truncated(name);
        }
        MessageDigest md = SharedFile.sha256();
        md.update(bytes, 0, lastStart);
        String sum = HexFormat.of().formatHex(md.digest());
        if (!sum.equals(trailer.path("sha256").asText())) {
            refuseNewer(name, version);
            throw refused(name, "is damaged: its checksum does not match its content (it may have been altered or"
                    + " corrupted in transit)");
        }
        refuseNewer(name, version);
        if (version < 1) {
            throw refused(name, "has no valid format version in its manifest");
        }
        String cipher = manifest.path("encryption").path("cipher").asText("none");
        if (!"none".equals(cipher)) {
            throw new SyncException(SyncException.Kind.REFUSED, "The file " + name + " is encrypted with '" + cipher
                    + "', which this version of Resolve cannot open. Nothing was imported. Install the newer version"
                    + " of Resolve to import it.");
        }
        long declared = manifest.path("entries").asLong(-1);
        if (declared != trailer.path("entries").asLong(-2)) {
            throw refused(name, "is damaged: its manifest and its trailer disagree on the number of entries");
        }
        List<Entry> entries = new ArrayList<>();
        int pos = firstEnd + 1;
        while (pos < lastStart) {
            int eol = indexOf(bytes, pos);
            JsonNode node = parse(bytes, pos, eol);
            if (node == null) {
                throw refused(name, "is damaged: line " + (entries.size() + 2) + " is not an entry");
            }
            Entry e = toEntry(node, name, entries.size() + 2);
            if (!e.hashIsValid()) {
                throw refused(name, "has been tampered with: entry " + e.id() + " (line " + (entries.size() + 2)
                        + ") does not match its own hash");
            }
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
        manifest.path("cases").forEach(c -> cases.add(UUID.fromString(c.asText())));
        Manifest m = new Manifest(Instant.parse(manifest.path("exportedAt").asText()), manifest.path("device").asText(),
                manifest.path("exportedBy").asText(), cases);
        return new Contents(m, entries, sum);
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

    private static String manifestJson(Manifest m, int count) throws JsonProcessingException {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", VERSION);
        n.put("exportedAt", m.exportedAt().toString());
        n.put("device", m.device());
        n.put("exportedBy", m.exportedBy());
        n.put("scope", m.cases().isEmpty() ? "all" : "cases");
        ArrayNode cases = n.putArray("cases");
        m.cases().forEach(c -> cases.add(c.toString()));
        n.put("entries", count);
        n.putObject("encryption").put("cipher", "none");
        return JSON.writeValueAsString(n);
    }

    private static String entryJson(Entry e) throws JsonProcessingException {
        return JSON.writeValueAsString(e.fields());
    }

    private static Entry toEntry(JsonNode n, String name, int line) {
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
                    n.get("prevHash").asText(), n.get("hash").asText());
        } catch (SyncException e) {
            throw e;
        } catch (RuntimeException e) {
            throw refused(name, "is damaged: line " + line + " is not a complete entry");
        }
    }

    private static void line(OutputStream out, MessageDigest md, String json) throws IOException {
        byte[] b = (json + "\n").getBytes(StandardCharsets.UTF_8);
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
