/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.AEADBadTagException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.resolve.security.Crypto;
import uk.resolve.store.ContentStore;

/**
 * A document's bytes as they travel beside the entries (segments, export files), sealed under a
 * key in pieces of 1 MiB so that neither writer nor reader ever holds more than one piece:
 *
 * <pre>
 * int n ‖ {"format":"resolve-content","version":1,"entry":…,"sha256":…,"size":…}   ← header, n bytes
 * (int m ‖ nonce ‖ AES-256-GCM(key, piece, associated data = sha256|index|last))  ← ceil(size / 1 MiB) pieces
 * </pre>
 *
 * Each piece is bound to the document's SHA-256, its place and whether it is the last, so pieces
 * cannot be swapped, reordered or cut off unnoticed; the reader checks the SHA-256 of the whole as
 * well ({@link ContentStore} does, as the bytes arrive).
 */
final class SealedContent {

    static final String FORMAT = "resolve-content";
    static final int VERSION = 1;
    static final int PIECE = 1 << 20;
    private static final int MAX_HEADER = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SealedContent() {
    }

    /** A record's header: which entry's document, its SHA-256 and size. */
    record Header(UUID entry, String sha256, long size) {

        ContentStore.Wanted wanted() {
            return new ContentStore.Wanted(entry, sha256, size);
        }

        long pieces() {
            return Math.max(1, (size + PIECE - 1) / PIECE);
        }
    }

    /** Writes the {@code w.size()} bytes of {@code in} to {@code out}, sealed under {@code key}. */
    static void write(OutputStream out, byte[] key, ContentStore.Wanted w, InputStream in) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        ObjectNode h = JSON.createObjectNode();
        h.put("format", FORMAT);
        h.put("version", VERSION);
        h.put("entry", w.entryId() == null ? "" : w.entryId().toString());
        h.put("sha256", w.sha256());
        h.put("size", w.size());
        byte[] head = JSON.writeValueAsBytes(h);
        data.writeInt(head.length);
        data.write(head);
        Header header = new Header(w.entryId(), w.sha256(), w.size());
        long left = w.size();
        for (long i = 0; i < header.pieces(); i++) {
            byte[] piece = in.readNBytes((int) Math.min(PIECE, left));
            if (piece.length != Math.min(PIECE, left)) {
                throw new EOFException("the document's contents ended before their size");
            }
            left -= piece.length;
            byte[] sealed = Crypto.seal(key, piece, aad(w.sha256(), i, i == header.pieces() - 1));
            Arrays.fill(piece, (byte) 0);
            data.writeInt(sealed.length);
            data.write(sealed);
        }
        data.flush();
    }

    /** Reads a record's header from {@code in}, leaving {@code in} at its first piece. */
    static Header header(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int n = data.readInt();
        if (n <= 0 || n > MAX_HEADER) {
            throw new IOException("not a document's contents");
        }
        JsonNode h = JSON.readTree(data.readNBytes(n));
        if (h == null || !FORMAT.equals(h.path("format").asText()) || h.path("version").asInt() != VERSION) {
            throw new IOException("not a document's contents of a version this Resolve reads");
        }
        String entry = h.path("entry").asText();
        try {
            return new Header(entry.isEmpty() ? null : UUID.fromString(entry), h.path("sha256").asText(),
                    h.path("size").asLong(-1));
        } catch (IllegalArgumentException e) {
            throw new IOException("a document's contents with a damaged header");
        }
    }

    /** Skips the pieces of a record whose header was just read. */
    static long skip(InputStream in, Header h) throws IOException {
        DataInputStream data = new DataInputStream(in);
        long skipped = 0;
        for (long i = 0; i < h.pieces(); i++) {
            int m = data.readInt();
            data.skipNBytes(m);
            skipped += 4L + m;
        }
        return skipped;
    }

    /**
     * The plain bytes of a record whose header {@code h} was just read from {@code in}, opened a piece
     * at a time as they are read. A piece altered, moved or missing fails the read with an IOException.
     *
     * @param key copied; the copy is wiped when the stream is closed
     */
    static InputStream open(InputStream in, byte[] key, Header h) {
        byte[] k = key.clone();
        DataInputStream data = new DataInputStream(in);
        return new InputStream() {
            private long index;
            private byte[] piece = new byte[0];
            private int pos;

            private boolean fill() throws IOException {
                while (pos >= piece.length) {
                    if (index >= h.pieces()) {
                        return false;
                    }
                    int m = data.readInt();
                    if (m < 0 || m > PIECE + 64) {
                        throw new IOException("a piece of the document's contents is damaged");
                    }
                    byte[] sealed = data.readNBytes(m);
                    if (sealed.length != m) {
                        throw new EOFException("the document's contents are cut short");
                    }
                    try {
                        piece = Crypto.open(k, sealed, aad(h.sha256(), index, index == h.pieces() - 1));
                    } catch (AEADBadTagException e) {
                        throw new IOException("the document's contents were altered or sealed under another key");
                    }
                    pos = 0;
                    index++;
                }
                return true;
            }

            @Override
            public int read() throws IOException {
                return fill() ? piece[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, piece.length - pos);
                System.arraycopy(piece, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public void close() throws IOException {
                Crypto.wipe(k);
                in.close();
            }
        };
    }

    private static byte[] aad(String sha256, long index, boolean last) {
        return (sha256 + "|" + index + "|" + (last ? 1 : 0)).getBytes(StandardCharsets.UTF_8);
    }
}
