/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A document's bytes sealed under a key of their own, in pieces of 1 MiB, so that neither sealing
 * nor opening ever holds more than one piece: each piece is AES-256-GCM (cipher text ‖ 16-byte tag)
 * bound to its place and whether it is the last, so pieces cannot be reordered, swapped or cut off
 * unnoticed. The key is random and used for one document only, so the nonce is the piece's place:
 * sealing the same bytes twice gives the same sealed bytes, which lets the SHA-256 of the sealed form
 * be measured before the bytes are stored and checked as they are. The document key itself travels
 * sealed under the case key, inside the entry that names the document.
 */
public final class ContentSeal {

    /** Plain bytes per piece. */
    public static final int PIECE = 1 << 20;
    private static final int TAG = 16;
    private static final int NONCE = 12;

    private ContentSeal() {
    }

    /** A new random key for one document. */
    public static byte[] newKey() {
        return Crypto.newKey();
    }

    /** How many bytes the sealed form of {@code size} plain bytes takes. */
    public static long sealedSize(long size) {
        return size + pieces(size) * TAG;
    }

    private static long pieces(long size) {
        return Math.max(1, (size + PIECE - 1) / PIECE);
    }

    /**
     * The sealed form of the {@code size} bytes {@code plain} gives, sealed a piece at a time as it is
     * read. Fails with an IOException when {@code plain} ends before {@code size} bytes or goes on past
     * them (the file changed).
     *
     * @param key copied; the copy is wiped when the stream is closed
     */
    public static InputStream sealing(InputStream plain, byte[] key, long size) {
        return new Pieces(plain, key, size, true);
    }

    /**
     * The plain bytes of the sealed form {@code sealed} of a document of {@code size} bytes, opened a
     * piece at a time. A piece altered, moved, cut short or sealed under another key fails the read
     * with an IOException.
     *
     * @param key copied; the copy is wiped when the stream is closed
     */
    public static InputStream opening(InputStream sealed, byte[] key, long size) {
        return new Pieces(sealed, key, size, false);
    }

    private static byte[] nonce(long index) {
        return ByteBuffer.allocate(NONCE).putInt(0).putLong(index).array();
    }

    private static byte[] aad(long index, boolean last) {
        return ("resolve document|" + index + "|" + (last ? 1 : 0)).getBytes(StandardCharsets.UTF_8);
    }

    /** Either direction: reads one piece from below, seals or opens it, hands it out. */
    private static final class Pieces extends InputStream {
        private final InputStream in;
        private final byte[] key;
        private final boolean seal;
        private final long count;
        private long index;
        private long left;
        private byte[] piece = new byte[0];
        private int pos;

        Pieces(InputStream in, byte[] key, long size, boolean seal) {
            this.in = in;
            this.key = key.clone();
            this.seal = seal;
            this.count = pieces(size);
            this.left = size;
        }

        private boolean fill() throws IOException {
            while (pos >= piece.length) {
                if (index >= count) {
                    return false;
                }
                int plain = (int) Math.min(PIECE, left);
                int want = seal ? plain : plain + TAG;
                byte[] read = in.readNBytes(want);
                if (read.length != want) {
                    throw new EOFException(seal ? "the document ended before its size" : "the document's sealed"
                            + " contents are cut short");
                }
                boolean last = index == count - 1;
                if (last && in.read() >= 0) {
                    throw new IOException(seal ? "the document is longer than its size" : "the document's sealed"
                            + " contents are longer than they should be");
                }
                try {
                    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                    c.init(seal ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                            new GCMParameterSpec(TAG * 8, nonce(index)));
                    c.updateAAD(aad(index, last));
                    piece = c.doFinal(read);
                } catch (AEADBadTagException e) {
                    throw new IOException("the document's sealed contents were altered or sealed under another key");
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
                } finally {
                    if (seal) {
                        java.util.Arrays.fill(read, (byte) 0);
                    }
                }
                left -= plain;
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
            Crypto.wipe(key);
            if (!seal) {
                java.util.Arrays.fill(piece, (byte) 0);
            }
            in.close();
        }
    }
}
