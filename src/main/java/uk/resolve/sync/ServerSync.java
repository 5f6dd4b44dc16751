/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import javax.crypto.AEADBadTagException;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.security.Crypto;
import uk.resolve.store.ContentStore;
import uk.resolve.store.EntryStore;
import uk.resolve.store.SettingsStore;

/**
 * The same merge as the shared file, against a PostgreSQL server (decision 0007): this computer's
 * new entries go in with insert-if-absent by entry id in one transaction; what others sent comes
 * back by the server's own order, from a high-water mark kept here per server. Each entry leaves
 * this computer sealed under the team key (AES-256-GCM, the entry id and key id as associated
 * data), so the server is a relay and an archive in which no case can be read.
 *
 * <p>Call it off the JavaFX application thread.
 */
public final class ServerSync {

    /** The server schema this version writes and reads. */
    public static final int SCHEMA = 1;
    /** Serialises writers, so that rows become visible in the order of their {@code seq}. */
    private static final long WRITE_LOCK = 0x5265736F6C7665L;
    private static final String STATE = "sync.server.";
    private static final int PAGE = Segment.MAX_ENTRIES;
    private static final ObjectMapper JSON = uk.resolve.store.EntryStore.newJsonMapper();

    private final EntryStore entries;
    private final SettingsStore settings;
    private final Clock clock;
    private final SyncEngine.Hook hook;
    private final Quarantine quarantine;
    /** Documents' bytes set aside during the sync under way: altered, or not matching their SHA-256. */
    private final List<String> setAside = new ArrayList<>();

    /**
     * @param quarantine the gate entries pass on their way in and out (the same as the shared file's):
     *                   what fails its checks is set aside there, reported, and the rest syncs
     */
    public ServerSync(EntryStore entries, SettingsStore settings, Clock clock, SyncEngine.Hook hook,
                      Quarantine quarantine) {
        this.entries = entries;
        this.settings = settings;
        this.clock = clock;
        this.hook = hook;
        this.quarantine = quarantine;
    }

    /**
     * Syncs with the server at {@code url} ({@code jdbc:postgresql://HOST[:PORT]/DB}, with
     * {@code ?sslmode=verify-full} or similar to ask for TLS) as {@code user}.
     *
     * @param password wiped when done
     * @throws SyncException when it could not be done: the server is unreachable, refuses the
     *                       password or TLS, or has a newer schema; this computer's record is then
     *                       as it was, or further on but complete
     */
    public synchronized SyncReport sync(String url, String user, char[] password, TeamKey key) {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new SyncException(SyncException.Kind.REFUSED, "'" + shown(url) + "' is not a PostgreSQL server"
                    + " address. Give it as jdbc:postgresql://HOST/DATABASE (add ?sslmode=verify-full for TLS).");
        }
        long start = System.nanoTime();
        setAside.clear();
        quarantine.begin();
        Properties p = connecting(user, password);
        try (Connection c = DriverManager.getConnection(url, p)) {
            p.clear();
            schema(c, url);
            State before = state(url, user);
            long markBefore = entries.lastLocalSeq();
            int pushed = push(c, url, key, before.mark(), markBefore);
            save(url, user, new State(markBefore, before.pulled(), before.at()));
            step(SyncStep.MERGED);
            Set<UUID> received = new HashSet<>();
            long[] pulledTo = {before.pulled()};
            int pulled = pull(c, key, url, user, markBefore, pulledTo, received, before.at());
            step(SyncStep.PULLED);
            long end = entries.lastLocalSeq();
            long mark = received.containsAll(entries.idsSince(markBefore)) ? end : markBefore;
            save(url, user, new State(mark, pulledTo[0], clock.instant()));
            return new SyncReport(null, pulled, pushed, -1, pulled == 0 && pushed == 0, 1,
                    Duration.ofNanos(System.nanoTime() - start), clock.instant(), false, List.copyOf(setAside));
        } catch (SQLException e) {
            throw translate(url, user, e);
        } finally {
            p.clear();
        }
    }

    /** What a connection is opened with: the user, the password (then wiped), a timeout, this application's name. */
    private static Properties connecting(String user, char[] password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", new String(password));
        p.setProperty("connectTimeout", "10");
        p.setProperty("ApplicationName", "Resolve");
        Crypto.wipe(password);
        return p;
    }

    /**
     * Tries the server without changing anything here or there: connects as {@code user}, and reads
     * the server's schema version and how many entries it holds.
     *
     * @param password wiped when done
     * @return what was found, in words
     * @throws SyncException with the same messages as {@link #sync} (unreachable, password, TLS,
     *                       newer schema, no such database)
     */
    public static String check(String url, String user, char[] password) {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            Crypto.wipe(password);
            throw new SyncException(SyncException.Kind.REFUSED, "'" + shown(url) + "' is not a PostgreSQL server"
                    + " address. Give it as jdbc:postgresql://HOST/DATABASE (add ?sslmode=verify-full for TLS).");
        }
        Properties p = connecting(user, password);
        try (Connection c = DriverManager.getConnection(url, p)) {
            p.clear();
            c.setReadOnly(true);
            boolean set = false;
            try (ResultSet rs = c.getMetaData().getTables(null, null, "resolve_schema", null)) {
                set = rs.next();
            }
            if (!set) {
                return "Connected to " + shown(url) + " as '" + user + "'. The server holds no Resolve record yet;"
                        + " the first sync sets it up.";
            }
            int version;
            long held;
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM resolve_schema")) {
                    rs.next();
                    version = rs.getInt(1);
                }
                if (version > SCHEMA) {
                    throw new SyncException(SyncException.Kind.REFUSED, "The server " + shown(url) + " holds a"
                            + " record written by a newer version of Resolve (server schema " + version + "), so this"
                            + " computer cannot sync with it. Nothing was changed; your work is safe here. Install the"
                            + " newer version of Resolve, then sync again.");
                }
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM resolve_entry")) {
                    rs.next();
                    held = rs.getLong(1);
                }
            }
            return "Connected to " + shown(url) + " as '" + user + "'. The server holds " + held
                    + (held == 1 ? " entry" : " entries") + " of the team's record.";
        } catch (SQLException e) {
            throw translate(url, user, e);
        } finally {
            p.clear();
        }
    }

    /** When the last sync with this server finished, if ever. */
    public java.util.Optional<Instant> lastSynced(String url, String user) {
        return java.util.Optional.ofNullable(state(url, user).at());
    }

    /** Entries written here after the last sync with this server. */
    public long pending(String url, String user) {
        return entries.countSince(state(url, user).mark());
    }

    private void schema(Connection c, String url) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
            st.execute("CREATE TABLE IF NOT EXISTS resolve_schema (version INTEGER NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS resolve_entry (seq BIGSERIAL PRIMARY KEY, id UUID NOT NULL UNIQUE,"
                    + " device VARCHAR(100) NOT NULL, key_id VARCHAR(40) NOT NULL, payload BYTEA NOT NULL)");
            // documents' bytes, in sealed pieces of 1 MiB, under a name the team key makes from their
            // SHA-256 (decision 0010): the server cannot tell which document is which
            st.execute("CREATE TABLE IF NOT EXISTS resolve_content (name VARCHAR(64) NOT NULL, piece INTEGER NOT NULL,"
                    + " pieces INTEGER NOT NULL, key_id VARCHAR(40) NOT NULL, payload BYTEA NOT NULL,"
                    + " PRIMARY KEY (name, piece))");
            int version;
            try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM resolve_schema")) {
                rs.next();
                version = rs.getInt(1);
            }
            if (version > SCHEMA) {
                c.rollback();
                throw new SyncException(SyncException.Kind.REFUSED, "The server " + shown(url) + " holds a record"
                        + " written by a newer version of Resolve (server schema " + version + "), so this computer"
                        + " cannot sync with it. Nothing was changed; your work is safe here. Install the newer"
                        + " version of Resolve, then sync again.");
            }
            if (version == 0) {
                st.execute("INSERT INTO resolve_schema (version) VALUES (" + SCHEMA + ")");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** Sends this computer's entries after the mark, all or none, in one transaction. */
    private int push(Connection c, String url, TeamKey key, long mark, long upTo) throws SQLException {
        c.setAutoCommit(false);
        int pushed = 0;
        try (Statement st = c.createStatement();
             PreparedStatement ins = c.prepareStatement("INSERT INTO resolve_entry (id, device, key_id, payload)"
                     + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            st.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
            byte[] k = key.bytes();
            try {
                for (List<EntryStore.Positioned> page = entries.page(mark, upTo, PAGE); !page.isEmpty();
                     page = entries.page(mark, upTo, PAGE)) {
                    // this computer's own entries that fail their checks are held back, never sent
                    List<Entry> batch = quarantine.admit(page.stream().map(EntryStore.Positioned::entry).toList(),
                            entries, Quarantined.OUTGOING, source(url));
                    for (Entry e : batch) {
                        ins.setObject(1, e.id());
                        ins.setString(2, e.device());
                        ins.setString(3, key.id());
                        ins.setBytes(4, Crypto.seal(k, ExportFile.entryJson(e).getBytes(StandardCharsets.UTF_8),
                                aad(e.id(), key.id())));
                        ins.addBatch();
                    }
                    if (!batch.isEmpty()) {
                        for (int n : ins.executeBatch()) {
                            pushed += Math.max(0, n);
                        }
                    }
                    pushContents(c, k, key, batch);
                    mark = page.get(page.size() - 1).localSeq();
                    step(SyncStep.SEGMENT_WRITTEN);
                }
            } finally {
                Crypto.wipe(k);
            }
            c.commit();
            return pushed;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            c.rollback();
            throw new IllegalStateException("an entry could not be written as JSON", e);
        } catch (java.io.IOException e) {
            // a document's bytes could not be read from this computer's database: nothing was sent
            c.rollback();
            throw new SyncException(SyncException.Kind.REFUSED, "A document's contents could not be read from this"
                    + " computer's database (" + e.getMessage() + "), so nothing was sent to the server " + shown(url)
                    + ". Run 'resolve verify' to see which document, then sync again.", e);
        }
    }

    /** Takes what others sent after the high-water mark, a page at a time, each page all or none here. */
    private int pull(Connection c, TeamKey key, String url, String user, long mark, long[] pulledTo,
                     Set<UUID> received, Instant at) throws SQLException {
        c.setAutoCommit(true);
        int pulled = 0;
        byte[] k = key.bytes();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, id, key_id, payload, device FROM resolve_entry"
                + " WHERE seq > ? ORDER BY seq LIMIT " + PAGE)) {
            while (true) {
                ps.setLong(1, pulledTo[0]);
                List<Entry> got = new ArrayList<>();
                long last = pulledTo[0];
                boolean any = false;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        any = true;
                        last = rs.getLong(1);
                        UUID id = rs.getObject(2, UUID.class);
                        Entry e = open(k, key, url, id, rs.getString(3), rs.getBytes(4));
                        if (e != null) {
                            got.add(e);
                        } else if (!entries.entry(id).isPresent()) {
                            quarantine.setAsideUnreadable(id, rs.getString(5), "its sealed bytes on the server were"
                                    + " altered outside Resolve, so it cannot be opened", source(url));
                        }
                    }
                }
                if (!any) {
                    // bytes of documents whose entries came earlier without them
                    entries.contents().fill(contents(c, k, key), this::setAside);
                    return pulled;
                }
                // the same screen as the shared file's: hash, place in its chain, signature; failures set aside
                List<Entry> admitted = quarantine.admit(got, entries, Quarantined.INCOMING, source(url));
                pulled += entries.addMissing(admitted, contents(c, k, key), this::setAside);
                got.forEach(e -> received.add(e.id()));
                pulledTo[0] = last;
                save(url, user, new State(mark, last, at));
            }
        } finally {
            Crypto.wipe(k);
        }
    }

    private void setAside(ContentStore.Rejected r) {
        String line = "the contents of attachment entry " + r.wanted().entryId() + ": " + r.reason();
        if (!setAside.contains(line)) { // tried again from the same place within one sync
            setAside.add(line);
        }
    }

    /** Sends the bytes of the documents {@code sent} names that the server lacks, a piece at a time. */
    private void pushContents(Connection c, byte[] k, TeamKey key, List<Entry> sent) throws SQLException,
            java.io.IOException {
        ContentStore.Source local = entries.contents().source();
        try (PreparedStatement has = c.prepareStatement("SELECT 1 FROM resolve_content WHERE name = ? AND piece = 0");
             PreparedStatement ins = c.prepareStatement("INSERT INTO resolve_content (name, piece, pieces, key_id,"
                     + " payload) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (ContentStore.Wanted w : Segment.contentsNamed(sent)) {
                String name = contentName(k, w.sha256());
                has.setString(1, name);
                try (ResultSet rs = has.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                try (java.io.InputStream in = local.open(w)) {
                    if (in == null) {
                        continue; // not here either: whoever holds it sends it
                    }
                    int pieces = (int) Math.max(1, (w.size() + SealedContent.PIECE - 1) / SealedContent.PIECE);
                    for (int i = 0; i < pieces; i++) {
                        byte[] piece = in.readNBytes((int) Math.min(SealedContent.PIECE, w.size() - (long) i * SealedContent.PIECE));
                        ins.setString(1, name);
                        ins.setInt(2, i);
                        ins.setInt(3, pieces);
                        ins.setString(4, key.id());
                        ins.setBytes(5, Crypto.seal(k, piece, pieceAad(w.sha256(), i, pieces, key.id())));
                        ins.executeUpdate();
                    }
                }
            }
        }
    }

    /** The documents' bytes on the server, fetched and opened a piece at a time as they are read. */
    private static ContentStore.Source contents(Connection c, byte[] k, TeamKey key) {
        return w -> {
            String name = contentName(k, w.sha256());
            int pieces;
            try (PreparedStatement ps = c.prepareStatement("SELECT pieces FROM resolve_content WHERE name = ? AND piece = 0"
                    + " AND key_id = ?")) {
                ps.setString(1, name);
                ps.setString(2, key.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    pieces = rs.getInt(1);
                }
            } catch (SQLException e) {
                throw new java.io.IOException("the server did not give the document's contents", e);
            }
            return new java.io.InputStream() {
                private int index;
                private byte[] piece = new byte[0];
                private int pos;

                private boolean fill() throws java.io.IOException {
                    while (pos >= piece.length) {
                        if (index >= pieces) {
                            return false;
                        }
                        try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM resolve_content"
                                + " WHERE name = ? AND piece = ?")) {
                            ps.setString(1, name);
                            ps.setInt(2, index);
                            try (ResultSet rs = ps.executeQuery()) {
                                if (!rs.next()) {
                                    throw new java.io.IOException("a piece of the document's contents is missing");
                                }
                                piece = Crypto.open(k, rs.getBytes(1), pieceAad(w.sha256(), index, pieces, key.id()));
                            }
                        } catch (SQLException e) {
                            throw new java.io.IOException("the server did not give the document's contents", e);
                        } catch (AEADBadTagException e) {
                            throw new java.io.IOException("a piece of the document's contents was altered");
                        }
                        pos = 0;
                        index++;
                    }
                    return true;
                }

                @Override
                public int read() throws java.io.IOException {
                    return fill() ? piece[pos++] & 0xff : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
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
            };
        };
    }

    /** The server's name for a document's bytes: keyed by the team key, so it reveals nothing of the document. */
    private static String contentName(byte[] k, String sha256) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(k, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("resolve-content|" + sha256).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    private static byte[] pieceAad(String sha256, int index, int pieces, String keyId) {
        return (sha256 + "|" + index + "|" + pieces + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static Entry open(byte[] k, TeamKey key, String url, UUID id, String keyId, byte[] payload) {
        if (!key.id().equals(keyId)) {
            throw new SyncException(SyncException.Kind.NEEDS_KEY, "The server " + shown(url) + " holds entries sealed"
                    + " under another team key (" + keyId + ") than the one this computer holds (" + key.id() + ")."
                    + " Nothing more was taken; your work is safe here. Join the team again with the current"
                    + " passphrase.");
        }
        try {
            Entry e = ExportFile.toEntry(JSON.readTree(Crypto.open(k, payload, aad(id, keyId))), "the server", 0);
            // its hash, chain and signature are the quarantine's to check, as for the shared file
            return e.id().equals(id) ? e : null;
        } catch (AEADBadTagException | java.io.IOException | RuntimeException e) {
            if (e instanceof SyncException s) {
                throw s;
            }
            return null; // cannot be opened: set aside by the caller, and the rest goes on
        }
    }

    private static String source(String url) {
        return "the server " + shown(url);
    }

    private static byte[] aad(UUID id, String keyId) {
        return (id + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static SyncException translate(String url, String user, SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String msg = String.valueOf(e.getMessage());
        if (state.startsWith("28")) {
            return new SyncException(SyncException.Kind.REFUSED, "The server " + shown(url) + " refused the user name"
                    + " '" + user + "' or its password. Nothing was synced; your work is safe here. Check the password"
                    + " (typed, or in the file named by RESOLVE_SERVER_PASSWORD_FILE) with the server's"
                    + " administrator, then sync again.", e);
        }
        if (msg.contains("SSL") || msg.contains("certificate") || state.equals("08004") && msg.contains("ssl")) {
            return new SyncException(SyncException.Kind.REFUSED, "A secure (TLS) connection to the server "
                    + shown(url) + " could not be made: the server does not offer TLS, or its certificate is not"
                    + " trusted. Nothing was synced; your work is safe here. Ask the server's administrator to"
                    + " turn on TLS or to give you its certificate authority; do not drop sslmode from the address.", e);
        }
        if (state.startsWith("08")) {
            return new SyncException(SyncException.Kind.UNREACHABLE, "The server " + shown(url) + " cannot be reached"
                    + " (is this computer on the network, and is the server running?); your work is safe on this"
                    + " computer and will sync next time.", e);
        }
        if (state.equals("3D000")) {
            return new SyncException(SyncException.Kind.REFUSED, "The server " + shown(url) + " has no such"
                    + " database. Nothing was synced; your work is safe here. Check the address with the server's"
                    + " administrator.", e);
        }
        if (state.equals("42501")) {
            return new SyncException(SyncException.Kind.REFUSED, "The server " + shown(url) + " does not let '" + user
                    + "' read or add entries. Nothing more was synced; your work is safe here. Ask the server's"
                    + " administrator to grant the Resolve role to this user.", e);
        }
        return new SyncException(SyncException.Kind.UNREACHABLE, "The sync with the server " + shown(url)
                + " stopped (" + state + "). Your work is safe on this computer and will sync next time.", e);
    }

    /** The address without its query (which could carry settings people should not see in messages). */
    public static String shown(String url) {
        if (url == null) {
            return "";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private void step(SyncStep s) {
        try {
            hook.after(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record State(long mark, long pulled, Instant at) {
    }

    private State state(String url, String user) {
        return settings.get(key(url, user)).map(t -> {
            String[] f = t.split("\\|", 3);
            try {
                return new State(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2].isEmpty() ? null : Instant.parse(f[2]));
            } catch (RuntimeException e) {
                return new State(0, 0, null);
            }
        }).orElse(new State(0, 0, null));
    }

    /** Makes the next sync with every server send this computer's record again from position {@code localSeq} on. */
    static void resendFrom(SettingsStore settings, long localSeq) {
        for (String name : settings.names(STATE)) {
            if (name.length() != STATE.length() + 24) {
                continue; // the chosen server's address and user, kept under the same start
            }
            settings.get(name).ifPresent(t -> {
                String[] f = t.split("\\|", 3);
                try {
                    if (Long.parseLong(f[0]) >= localSeq) {
                        settings.put(name, (localSeq - 1) + "|" + f[1] + "|" + f[2]);
                    }
                } catch (RuntimeException unreadable) {
                    // a state that cannot be read sends everything already
                }
            });
        }
    }

    private void save(String url, String user, State s) {
        settings.put(key(url, user), s.mark() + "|" + s.pulled() + "|" + (s.at() == null ? "" : s.at()));
    }

    private static String key(String url, String user) {
        byte[] d = SharedFile.sha256().digest((shown(url) + "\n" + user).getBytes(StandardCharsets.UTF_8));
        return STATE + HexFormat.of().formatHex(d, 0, 12);
    }
}
