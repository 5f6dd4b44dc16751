/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;

/**
 * The case record in the database. Entries are only ever inserted: there is no update or delete.
 */
public final class EntryStore {

    private static final ObjectMapper JSON = newJsonMapper();

    /** The longest text a field of an entry may hold: a 25 MB attachment in base64, with room to spare. */
    public static final int MAX_FIELD_CHARS = 64_000_000;

    /**
     * A JSON mapper for entries, wherever they are read (database, segments, export files, server):
     * Jackson refuses strings over 20 million characters unless told, and an attachment is longer.
     */
    public static ObjectMapper newJsonMapper() {
        return new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxStringLength(MAX_FIELD_CHARS).build())
                .build());
    }
    private static final TypeReference<TreeMap<String, String>> DATA = new TypeReference<>() {
    };
    private static final String COLUMNS =
            "id, case_id, type, author, device, device_seq, written_at, happened_at, data, prev_hash, hash, signature";

    private final Database db;
    private final String device;

    /**
     * @param device the id of the device this database belongs to; new entries are chained under it
     */
    public EntryStore(Database db, String device) {
        this.db = db;
        this.device = device;
    }

    public String device() {
        return device;
    }

    private volatile uk.resolve.domain.record.EntrySignature.Signer signer;

    /** From now on, entries appended here are signed by {@code s} (the signed-in person's key) as they are sealed. */
    public void signWith(uk.resolve.domain.record.EntrySignature.Signer s) {
        this.signer = s;
    }

    /** The bytes of the documents these entries name, kept apart from them in the same database. */
    public ContentStore contents() {
        return new ContentStore(db);
    }

    /**
     * Seals new entries into this device's chain and appends them, all or none, in one transaction.
     */
    public List<Entry> append(List<NewEntry> entries) {
        return append(entries, List.of(), null);
    }

    /**
     * As {@link #append(List)}, with the bytes of the documents the entries name, read from
     * {@code source} and written in the same transaction; bytes that do not match their SHA-256
     * refuse the whole append ({@link ContentStore.Mismatch}).
     */
    public synchronized List<Entry> append(List<NewEntry> entries, List<ContentStore.Wanted> contents,
                                           ContentStore.Source source) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                long seq = 0;
                String prev = "";
                try (PreparedStatement ps = c.prepareStatement("SELECT device_seq, hash FROM device_head WHERE device = ?")) {
                    ps.setString(1, device);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            seq = rs.getLong(1);
                            prev = rs.getString(2);
                        }
                    }
                }
                List<Entry> sealed = new ArrayList<>();
                uk.resolve.domain.record.EntrySignature.Signer by = signer;
                for (NewEntry n : entries) {
                    Entry e = n.seal(device, ++seq, prev);
                    String sig = by == null ? null : by.sign(e);
                    if (sig != null) {
                        e = e.withSignature(sig);
                    }
                    prev = e.hash();
                    sealed.add(e);
                }
                insert(c, sealed);
                ContentStore.putAll(c, contents, source);
                if (!sealed.isEmpty()) {
                    Entry head = sealed.get(sealed.size() - 1);
                    try (PreparedStatement ps = c.prepareStatement(
                            "MERGE INTO device_head (device, device_seq, hash) KEY (device) VALUES (?, ?, ?)")) {
                        ps.setString(1, device);
                        ps.setLong(2, head.deviceSeq());
                        ps.setString(3, head.hash());
                        ps.executeUpdate();
                    }
                }
                summarise(c, sealed, true);
                c.commit();
                return sealed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("The record could not be saved (" + StoreException.reason(e) + "). Nothing was written;"
                    + " try again.", e);
        }
    }

    /**
     * Adds entries written elsewhere (sync, import) that this database lacks; entries it already
     * holds are skipped. All or none. Returns how many were new.
     */
    public int addMissing(Collection<Entry> entries) {
        return addMissing(entries, null, r -> { });
    }

    /**
     * As {@link #addMissing(Collection)}, with the bytes of the documents the new entries name, from
     * {@code source} (null for none) and in the same transaction; bytes that do not match their
     * SHA-256 are set aside (told to {@code rejected}), never stored, and the entry comes in without them.
     */
    public synchronized int addMissing(Collection<Entry> entries, ContentStore.Source source,
                                       java.util.function.Consumer<ContentStore.Rejected> rejected) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                List<Entry> missing = new ArrayList<>();
                List<Entry> all = new ArrayList<>(entries);
                // hundreds of ids a query (IN uses the primary key): large syncs would otherwise ask once per entry
                for (int from = 0; from < all.size(); from += CHUNK) {
                    List<Entry> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM entry WHERE id IN ("
                            + placeholders(chunk.size()) + ")")) {
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setObject(i + 1, chunk.get(i).id());
                        }
                        java.util.Set<UUID> present = new java.util.HashSet<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                present.add(rs.getObject(1, UUID.class));
                            }
                        }
                        java.util.Set<UUID> seen = new java.util.HashSet<>();
                        for (Entry e : chunk) {
                            if (!present.contains(e.id()) && seen.add(e.id())) {
                                missing.add(e);
                            }
                        }
                    }
                }
                insert(c, missing);
                ContentStore.putArrived(c, missing, source, rejected);
                advanceHeads(c, missing);
                summarise(c, missing, false);
                c.commit();
                return missing.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("The records could not be added (" + StoreException.reason(e) + "). Nothing was"
                    + " changed.", e);
        }
    }

    private static final int CHUNK = 500;

    // ---- the read model: kept in the transaction that writes the entries ----------------------

    private volatile CaseSummaryStore summaries;

    /** From now on, every write through this store also updates {@code s} in the same transaction. */
    void keepSummaries(CaseSummaryStore s) {
        this.summaries = s;
    }

    /** Cases whose entries arrived while summaries are deferred, and how many entries; null when not deferring. */
    private java.util.Set<UUID> deferredCases;
    private long deferredEntries;

    private void summarise(Connection c, List<Entry> written, boolean now) throws SQLException {
        CaseSummaryStore s = summaries;
        if (s == null || written.isEmpty()) {
            return;
        }
        if (!now && deferredCases != null) {
            // the count of entries covered is not raised yet: a crash before the end leaves the read
            // model visibly stale, and it is rebuilt at the next check
            written.stream().filter(s::changes).forEach(e -> deferredCases.add(e.caseId()));
            deferredEntries += written.size();
            return;
        }
        // key grants change no summary: a pass writing thousands of them re-projects no case
        s.refresh(c, written.stream().filter(s::changes).map(Entry::caseId).toList(), written.size());
    }

    /**
     * Defers the case summaries of entries added from elsewhere ({@link #addMissing}) until the
     * returned handle is closed, when the summaries of every case they touched are made once, in one
     * transaction: a sync or import of tens of thousands of entries then projects each case once, not
     * once per page. Until then the read model counts fewer entries than the record holds, so any check
     * meanwhile (and any check after a crash) rebuilds it; it is never read as current while wrong.
     * Entries appended here meanwhile are summarised at once, as always.
     */
    public synchronized Deferred deferSummaries() {
        if (deferredCases != null || summaries == null) {
            return () -> { };
        }
        deferredCases = new java.util.LinkedHashSet<>();
        deferredEntries = 0;
        return this::summariseDeferred;
    }

    /** The end of {@link #deferSummaries()}: closing it makes the deferred summaries. */
    @FunctionalInterface
    public interface Deferred extends AutoCloseable {
        @Override
        void close();
    }

    private synchronized void summariseDeferred() {
        java.util.Set<UUID> cases = deferredCases;
        long added = deferredEntries;
        deferredCases = null;
        deferredEntries = 0;
        CaseSummaryStore s = summaries;
        // entries that change no summary (key grants) are still counted as covered
        if (cases == null || s == null || cases.isEmpty() && added == 0) {
            return;
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                s.refreshAll(c, cases, added);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("The case summaries could not be brought up to date (" + StoreException.reason(e)
                    + "). The record itself is complete; they are made again when next needed ('resolve rebuild').", e);
        }
    }

    /** The entries of {@code caseIds}, case by case in arrival order, read inside the transaction of {@code c}. */
    static void forEachCaseOf(Connection c, List<UUID> caseIds, java.util.function.Consumer<List<Entry>> action)
            throws SQLException {
        for (int from = 0; from < caseIds.size(); from += CHUNK) {
            List<UUID> chunk = caseIds.subList(from, Math.min(caseIds.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM entry WHERE case_id IN ("
                    + placeholders(chunk.size()) + ") ORDER BY case_id, local_seq")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    byCase(rs, action);
                }
            }
        }
    }

    /**
     * Streams the entries of the kinds {@code types} in the cases {@code caseIds}, one case at a time
     * in arrival order, a few hundred cases a query: for a pass over many cases that needs only some of
     * their entries. A case with none of those kinds is not handed on.
     */
    public void forEachCaseOf(Collection<UUID> caseIds, java.util.Set<EntryType> types,
                              java.util.function.Consumer<List<Entry>> action) {
        List<UUID> ids = new ArrayList<>(caseIds);
        List<EntryType> kinds = new ArrayList<>(types);
        try (Connection c = db.connection()) {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM entry WHERE type IN ("
                        + placeholders(kinds.size()) + ") AND case_id IN (" + placeholders(chunk.size())
                        + ") ORDER BY case_id, local_seq")) {
                    int i = 1;
                    for (EntryType t : kinds) {
                        ps.setString(i++, t.code());
                    }
                    for (UUID id : chunk) {
                        ps.setObject(i++, id);
                    }
                    ps.setFetchSize(1000);
                    try (ResultSet rs = ps.executeQuery()) {
                        byCase(rs, action);
                    }
                }
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** One case's entries, read inside the transaction of {@code c}. */
    static List<Entry> caseEntries(Connection c, UUID caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM entry WHERE case_id = ? ORDER BY local_seq")) {
            ps.setObject(1, caseId);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * Keeps each device's chain head current when entries arrive from elsewhere, so that a database
     * restored from a backup and then synced goes on with its own chain where it left off.
     */
    private static void advanceHeads(Connection c, List<Entry> arrived) throws SQLException {
        java.util.Map<String, Entry> newest = new java.util.HashMap<>();
        for (Entry e : arrived) {
            newest.merge(e.device(), e, (a, b) -> a.deviceSeq() >= b.deviceSeq() ? a : b);
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO device_head (device, device_seq, hash) KEY (device)"
                + " SELECT ?, ?, ? FROM DUAL WHERE NOT EXISTS"
                + " (SELECT 1 FROM device_head WHERE device = ? AND device_seq >= ?)")) {
            for (Entry e : newest.values()) {
                ps.setString(1, e.device());
                ps.setLong(2, e.deviceSeq());
                ps.setString(3, e.hash());
                ps.setString(4, e.device());
                ps.setLong(5, e.deviceSeq());
                ps.executeUpdate();
            }
        }
    }

    private static void insert(Connection c, List<Entry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO entry (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry e : entries) {
                ps.setObject(1, e.id());
                ps.setObject(2, e.caseId());
                ps.setString(3, e.type().code());
                ps.setString(4, e.author());
                ps.setString(5, e.device());
                ps.setLong(6, e.deviceSeq());
                ps.setString(7, e.writtenAt().toString());
                ps.setString(8, e.happenedAt().toString());
                ps.setString(9, toJson(e.data()));
                ps.setString(10, e.prevHash());
                ps.setString(11, e.hash());
                ps.setString(12, e.signature());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<Entry> caseEntries(UUID caseId) {
        return query("SELECT " + COLUMNS + " FROM entry WHERE case_id = ? ORDER BY local_seq", caseId);
    }

    /**
     * Streams every case's entries, one case at a time (in no particular case order), in a single
     * query: far quicker than reading case by case when listing thousands of cases.
     */
    public void forEachCase(java.util.function.Consumer<List<Entry>> action) {
        try (Connection c = db.connection()) {
            forEachCase(c, action);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** As {@link #forEachCase(java.util.function.Consumer)}, inside the transaction of {@code c}. */
    void forEachCase(Connection c, java.util.function.Consumer<List<Entry>> action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM entry ORDER BY case_id, local_seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                byCase(rs, action);
            }
        }
    }

    /** Hands {@code action} the rows of {@code rs}, ordered by case, one case's entries at a time. */
    private static void byCase(ResultSet rs, java.util.function.Consumer<List<Entry>> action) throws SQLException {
        List<Entry> current = new ArrayList<>();
        while (rs.next()) {
            Entry e = read(rs);
            if (!current.isEmpty() && !current.get(0).caseId().equals(e.caseId())) {
                action.accept(current);
                current = new ArrayList<>();
            }
            current.add(e);
        }
        if (!current.isEmpty()) {
            action.accept(current);
        }
    }

    public List<Entry> all() {
        return query("SELECT " + COLUMNS + " FROM entry ORDER BY local_seq");
    }

    /** Entries that arrived in this database after position {@code localSeq} (0 for all). */
    public List<Entry> since(long localSeq) {
        return query("SELECT " + COLUMNS + " FROM entry WHERE local_seq > ? ORDER BY local_seq", localSeq);
    }

    /**
     * Up to {@code limit} entries that arrived after position {@code after} and at or before
     * {@code upTo}, in arrival order, with their positions: a page of a long push, so that a sync of
     * tens of thousands of entries never holds them all at once.
     */
    public List<Positioned> page(long after, long upTo, int limit) {
        List<Positioned> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + ", local_seq FROM entry WHERE local_seq > ? AND local_seq <= ? ORDER BY local_seq LIMIT ?")) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Positioned(read(rs), rs.getLong(13)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** An entry and its position in this database. */
    public record Positioned(Entry entry, long localSeq) {
    }

    /** The position of the newest entry in this database, or 0 when empty. */
    public long lastLocalSeq() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(local_seq), 0) FROM entry");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** Where entry {@code id} arrived in this database, if it is here. */
    public java.util.OptionalLong localSeqOf(UUID id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT local_seq FROM entry WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** The ids of the entries that arrived after position {@code localSeq} (0 for every id), for sync. */
    public java.util.Set<UUID> idsSince(long localSeq) {
        return uuidsSince("SELECT id FROM entry WHERE local_seq > ?", localSeq);
    }

    /** The cases (and the people's id, for registrations) of the entries that arrived after position {@code localSeq}. */
    public java.util.Set<UUID> caseIdsSince(long localSeq) {
        return uuidsSince("SELECT DISTINCT case_id FROM entry WHERE local_seq > ?", localSeq);
    }

    private java.util.Set<UUID> uuidsSince(String sql, long localSeq) {
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, localSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * Every entry id in the order the entries arrived here. A sync takes what the other side lacks in
     * this order, so that each page it moves is a run of each device's chain: the checks on the way in
     * then read only the receiver's entries at those places, not the whole chain once per page.
     */
    public List<UUID> idsInArrivalOrder() {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM entry ORDER BY local_seq")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** How many entries arrived after position {@code localSeq}. */
    public long countSince(long localSeq) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM entry WHERE local_seq > ?")) {
            ps.setLong(1, localSeq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * The entries with the given ids that this database holds, in the order of {@code ids} (a sync
     * passes them in the order they arrived at the other side, and writes them in that order).
     */
    public List<Entry> entries(Collection<UUID> ids) {
        java.util.Map<UUID, Entry> found = new java.util.HashMap<>(ids.size() * 2);
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            for (Entry e : query("SELECT " + COLUMNS + " FROM entry WHERE id IN (" + placeholders(chunk.size()) + ")",
                    chunk.toArray())) {
                found.put(e.id(), e);
            }
        }
        List<Entry> out = new ArrayList<>(found.size());
        for (UUID id : all) {
            Entry e = found.remove(id);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** The entries this database holds at places {@code from} to {@code to} of {@code device}'s chain. */
    public List<Entry> chainPlaces(String device, long from, long to) {
        return query("SELECT " + COLUMNS + " FROM entry WHERE device = ? AND device_seq BETWEEN ? AND ?", device, from, to);
    }

    /** Every entry of one kind, in arrival order (the key registrations, for signature checks). */
    public List<Entry> ofType(EntryType type) {
        return query("SELECT " + COLUMNS + " FROM entry WHERE type = ? ORDER BY local_seq", type.code());
    }

    /** Every entry of one kind that arrived after position {@code localSeq}, in arrival order. */
    public List<Entry> ofTypeSince(EntryType type, long localSeq) {
        return query("SELECT " + COLUMNS + " FROM entry WHERE type = ? AND local_seq > ? ORDER BY local_seq",
                type.code(), localSeq);
    }

    /** The entries of one kind in the cases {@code caseIds}, in arrival order within each few hundred cases. */
    public List<Entry> ofTypeIn(EntryType type, Collection<UUID> caseIds) {
        List<Entry> out = new ArrayList<>();
        List<UUID> all = new ArrayList<>(caseIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Object[] params = new Object[chunk.size() + 1];
            params[0] = type.code();
            for (int i = 0; i < chunk.size(); i++) {
                params[i + 1] = chunk.get(i);
            }
            out.addAll(query("SELECT " + COLUMNS + " FROM entry WHERE type = ? AND case_id IN ("
                    + placeholders(chunk.size()) + ") ORDER BY local_seq", params));
        }
        return out;
    }

    public Optional<Entry> entry(UUID id) {
        return query("SELECT " + COLUMNS + " FROM entry WHERE id = ?", id).stream().findFirst();
    }

    /** The ids of every case, oldest first. */
    public List<UUID> caseIds() {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT case_id FROM entry WHERE type = ? ORDER BY happened_at, case_id")) {
            ps.setString(1, EntryType.CASE_OPENED.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** Case ids that start with {@code prefix} (users may type the first few characters). */
    public List<UUID> caseIdsStartingWith(String prefix) {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT case_id FROM entry WHERE CAST(case_id AS VARCHAR) LIKE ?")) {
            ps.setString(1, prefix.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    public long count() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM entry");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** True when no case has an entry here (people's key registrations are not a case). */
    public boolean noCases() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM entry WHERE type <> '" + EntryType.PERSON_KEYS.code() + "' AND type <> '"
                        + EntryType.REPORT_KEY.code() + "' LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** How many cases have at least one entry here. */
    public long caseCount() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(DISTINCT case_id) FROM entry WHERE type <> '" + EntryType.PERSON_KEYS.code()
                        + "' AND type <> '" + EntryType.REPORT_KEY.code() + "'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    private List<Entry> query(String sql, Object... params) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    private static Entry read(ResultSet rs) throws SQLException {
        String code = rs.getString(3);
        EntryType type = EntryType.fromCode(code).orElseThrow(() -> new StoreException("The database holds an entry"
                + " of a kind this version of Resolve does not know ('" + code + "'). Install the newer version of"
                + " Resolve that wrote it."));
        return new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), type, rs.getString(4),
                rs.getString(5), rs.getLong(6), instant(rs.getString(7)), instant(rs.getString(8)),
                fromJson(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12));
    }

    /** Reads an instant stored as {@link Instant#toString()}; quicker than {@code Instant.parse}, same result. */
    static Instant instant(String text) {
        Instant utc = utc(text);
        return utc != null ? utc : java.time.OffsetDateTime.parse(text).toInstant();
    }

    /**
     * The common form, as {@link Instant#toString()} writes it ({@code 2026-11-25T12:00:00Z}, with up to
     * nine digits of fraction), read without a formatter: a report reads hundreds of thousands of them.
     * Null for any other form, which the formatter reads (or refuses).
     */
    private static Instant utc(String t) {
        int n = t.length();
        if (n < 20 || n == 21 || n > 30 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':' || (n > 20 && t.charAt(19) != '.')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int nanos = n > 20 ? digits(t, 20, n - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || nanos < 0) {
            return null;
        }
        for (int k = n > 20 ? n - 21 : 9; k < 9; k++) {
            nanos *= 10;
        }
        try {
            long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String toJson(SortedMap<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    static SortedMap<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, DATA);
        } catch (JsonProcessingException e) {
            throw new StoreException("An entry in the database is damaged (" + e.getOriginalMessage()
                    + "). Run 'resolve verify' and restore from a backup or the shared file.", e);
        }
    }

    private StoreException readFailure(SQLException e) {
        return new StoreException("Could not read the records from " + db.file() + " (" + StoreException.reason(e) + ").", e);
    }
}
