/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import uk.resolve.domain.attachment.Attachment;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;

/**
 * The bytes of documents on the record, apart from their entries (decision 0010): keyed by their
 * SHA-256, which the entry holds and its hash covers. They are written in the transaction that
 * writes their entry, streamed in and out, and read only when someone opens or saves a document, so
 * that nothing that lists, projects, verifies or syncs entries holds them. Bytes that do not match
 * the SHA-256 they arrive under are never stored.
 */
public final class ContentStore {

    /** The bytes an attachment entry names, which a database lacks. */
    public record Wanted(UUID entryId, String sha256, long size) {
    }

    /** Where bytes come from: a file being attached, another database, a sync or export file. */
    @FunctionalInterface
    public interface Source {
        /** The bytes {@code w} names, or null when this source does not hold them; the caller closes it. */
        InputStream open(Wanted w) throws IOException;
    }

    /** Bytes that arrived and were set aside, not stored, with why. */
    public record Rejected(Wanted wanted, String reason) {
    }

    /** What a check of stored bytes found. */
    public enum Status { INTACT, MISSING, ALTERED }

    /** Refuses a write whose bytes did not match the SHA-256 or size they were given under; nothing is written. */
    public static final class Mismatch extends StoreException {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message);
        }
    }

    private static final int BUFFER = 64 * 1024;

    private final Database db;

    public ContentStore(Database db) {
        this.db = db;
    }

    /** True when the bytes with this SHA-256 are held here. */
    public boolean has(String sha256) {
        try (Connection c = db.connection()) {
            return has(c, sha256);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * Writes the bytes with {@code sha256} to {@code out}, streamed (never whole in memory).
     *
     * @throws StoreException when they are not held here
     */
    public void copyTo(String sha256, OutputStream out) throws IOException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT bytes FROM attachment_content WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("The document's contents are not in this database yet.");
                }
                try (InputStream in = rs.getBinaryStream(1)) {
                    in.transferTo(out);
                }
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** Whether the bytes stored under {@code sha256} are there and still match it (read through, streamed). */
    public Status check(String sha256, long size) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT bytes FROM attachment_content WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Status.MISSING;
                }
                MessageDigest md = sha256();
                long n = 0;
                try (InputStream in = rs.getBinaryStream(1)) {
                    byte[] buf = new byte[BUFFER];
                    for (int r; (r = in.read(buf)) > 0; ) {
                        md.update(buf, 0, r);
                        n += r;
                    }
                }
                return n == size && HexFormat.of().formatHex(md.digest()).equals(sha256) ? Status.INTACT
                        : Status.ALTERED;
            }
        } catch (IOException | SQLException e) {
            return Status.ALTERED;
        }
    }

    /**
     * The bytes that attachment entries here name and this database lacks (entries written before
     * bytes were kept apart hold theirs, and want nothing).
     */
    public List<Wanted> wanted() {
        try (Connection c = db.connection()) {
            return wanted(c, null);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * Adds each of the bytes this database lacks that {@code source} holds, each in its own
     * transaction, checked against its SHA-256 on the way in: what does not match is set aside and
     * told to {@code rejected}. Returns how many were added.
     */
    public int fill(Source source, Consumer<Rejected> rejected) {
        int added = 0;
        for (Wanted w : wanted()) {
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try {
                    if (put(c, w, source, rejected)) {
                        added++;
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException("A document's contents could not be saved (" + StoreException.reason(e)
                        + "). Nothing was changed; sync again.", e);
            }
        }
        return added;
    }

    /** This database as a source for another: each open holds a connection until its stream is closed. */
    public Source source() {
        return w -> {
            Connection c = null;
            try {
                c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT bytes, size FROM attachment_content WHERE sha256 = ?");
                ps.setString(1, w.sha256());
                ResultSet rs = ps.executeQuery();
                if (!rs.next() || rs.getLong(2) != w.size()) {
                    c.close();
                    return null;
                }
                Connection held = c;
                return new FilterInputStream(rs.getBinaryStream(1)) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            try {
                                held.close();
                            } catch (SQLException ignored) {
                                // the connection goes back to the pool either way
                            }
                        }
                    }
                };
            } catch (SQLException e) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (SQLException ignored) {
                        // reported below
                    }
                }
                throw new IOException("the document's contents could not be read (" + StoreException.reason(e) + ")", e);
            }
        };
    }

    // ---- inside the transactions of EntryStore --------------------------------------------------

    /** Writes bytes given with the entries that name them; any that do not match refuse the whole write. */
    static void putAll(Connection c, Collection<Wanted> contents, Source source) throws SQLException {
        for (Wanted w : contents) {
            List<Rejected> bad = new ArrayList<>(1);
            put(c, w, source, bad::add);
            if (!bad.isEmpty()) {
                throw new Mismatch(bad.get(0).reason());
            }
        }
    }

    /** Writes the bytes that {@code arrived} entries name and this database lacks, from {@code source}. */
    static void putArrived(Connection c, Collection<Entry> arrived, Source source, Consumer<Rejected> rejected)
            throws SQLException {
        if (source == null) {
            return;
        }
        for (Wanted w : wanted(c, arrived)) {
            put(c, w, source, rejected);
        }
    }

    /** The bytes named by attachment entries (all here when {@code among} is null) and not held. */
    private static List<Wanted> wanted(Connection c, Collection<Entry> among) throws SQLException {
        Map<String, Wanted> out = new LinkedHashMap<>();
        if (among != null) {
            for (Entry e : among) {
                want(e, out);
            }
        } else {
            // entries from before V10 hold their bytes (tens of millions of characters): never read those here
            try (PreparedStatement ps = c.prepareStatement("SELECT id, data FROM entry WHERE type = ?"
                    + " AND CHAR_LENGTH(data) < 1000000")) {
                ps.setString(1, EntryType.ATTACHMENT_ADDED.code());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, String> data = EntryStore.fromJson(rs.getString(2));
                        want(rs.getObject(1, UUID.class), data, out);
                    }
                }
            }
        }
        out.values().removeIf(w -> {
            try {
                return has(c, w.sha256());
            } catch (SQLException e) {
                throw new StoreException("Could not read the documents' contents (" + StoreException.reason(e) + ").",
                        e);
            }
        });
        return new ArrayList<>(out.values());
    }

    private static void want(Entry e, Map<String, Wanted> out) {
        if (e.type() == EntryType.ATTACHMENT_ADDED) {
            want(e.id(), e.data(), out);
        }
    }

    private static void want(UUID entryId, Map<String, String> data, Map<String, Wanted> out) {
        Attachment.stored(data).ifPresent(x -> out.putIfAbsent(x.sha256(), new Wanted(entryId, x.sha256(), x.size())));
    }

    private static boolean has(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM attachment_content WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Streams the bytes {@code w} names from {@code source} into the table, checking their size and
     * SHA-256 as they pass; what does not match is rolled back and told to {@code rejected}.
     *
     * @return true when they were added
     */
    private static boolean put(Connection c, Wanted w, Source source, Consumer<Rejected> rejected)
            throws SQLException {
        if (has(c, w.sha256())) {
            return false;
        }
        MessageDigest md = sha256();
        Savepoint before = c.setSavepoint();
        long[] count = {0};
        boolean longer;
        try (InputStream raw = source.open(w)) {
            if (raw == null) {
                c.releaseSavepoint(before);
                return false;
            }
            InputStream in = new DigestInputStream(new Counting(raw, count), md);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO attachment_content (sha256, size, bytes) VALUES (?, ?, ?)")) {
                ps.setString(1, w.sha256());
                ps.setLong(2, w.size());
                ps.setBinaryStream(3, in, w.size());
                ps.executeUpdate();
            } catch (SQLException e) {
                // the database reads the stream itself: a source that failed (altered, cut short) arrives as this
                IOException cause = ioCause(e);
                if (cause == null) {
                    throw e;
                }
                throw cause;
            }
            longer = in.read() >= 0;
        } catch (IOException e) {
            c.rollback(before);
            rejected.accept(new Rejected(w, "its contents could not be read (" + e.getMessage() + ")"));
            return false;
        }
        if (longer || count[0] != w.size() || !HexFormat.of().formatHex(md.digest()).equals(w.sha256())) {
            c.rollback(before);
            rejected.accept(new Rejected(w, "its contents do not match the SHA-256 and size its entry gives"));
            return false;
        }
        return true;
    }

    private static IOException ioCause(Throwable t) {
        for (Throwable x = t.getCause(); x != null && x != t; t = x, x = x.getCause()) {
            if (x instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoreException readFailure(SQLException e) {
        return new StoreException("Could not read a document's contents from " + db.file() + " ("
                + StoreException.reason(e) + ").", e);
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        private final long[] count;

        Counting(InputStream in, long[] count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count[0]++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count[0] += n;
            }
            return n;
        }
    }
}
