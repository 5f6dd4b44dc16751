/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.time.DueAt;

/**
 * The per-case summaries that lists, counts and reports read instead of replaying every entry. A
 * summary is the state {@link uk.resolve.domain.escalation.CaseProjector} derives (stored as data, made
 * by a {@link Summariser} the application supplies), written in the same transaction as the entries
 * that change it. It is never a source of truth: {@link #ensureCurrent} rebuilds every summary from
 * the entries when the projection's version or the number of entries covered disagrees with the
 * database, and a row whose checksum does not match is made again from its case's entries.
 */
public final class CaseSummaryStore {

    private static final String MODEL = "case_summary";
    /** Raised whenever what is stored changes in a way the shape of the state does not show. */
    private static final String FORMAT = "case-summary/3";
    /** Every column of a summary, in the order {@link Columns} binds and reads them. */
    private static final String COLUMNS = "case_id, owner, team, shared_with, policy_id, opened_at, sample, state,"
            + " report_entries, checksum, listing_checksum";
    private static final String MERGE = "MERGE INTO case_summary (" + COLUMNS + ") KEY (case_id) VALUES ("
            + "?, ".repeat(10) + "?)";
    private static final String INSERT = "INSERT INTO case_summary (" + COLUMNS + ") VALUES (" + "?, ".repeat(10) + "?)";
    /** Every column of a listing, in the order {@link Written} binds and {@link #forEachListing} reads them. */
    private static final String LISTING_COLUMNS = "case_id, owner, team, shared_with, policy_id, sample, "
            + Listed.COLUMNS;
    private static final String LISTING_MERGE = "MERGE INTO case_listing (" + LISTING_COLUMNS + ") KEY (case_id)"
            + " VALUES (" + "?, ".repeat(5 + Listed.COUNT) + "?)";
    private static final String LISTING_INSERT = "INSERT INTO case_listing (" + LISTING_COLUMNS + ") VALUES ("
            + "?, ".repeat(5 + Listed.COUNT) + "?)";
    /** Whether a deadline has passed is worked out when a summary is read; stored as of this moment. */
    private static final Instant STORED_AS_OF = Instant.EPOCH;

    /**
     * A case's summary as the application makes it.
     *
     * @param state         the projected state without its record, or null when it cannot be made here
     *                      (its procedure is not installed): readers then work the case out from its entries
     * @param reportEntries the entries the report reads
     * @param owner         who opened it
     * @param team          their team then, or ""
     * @param sharedWith    who it was shared with
     * @param policyId      the procedure named when it was opened
     * @param openedAt      when the opening entry says the concern was raised
     * @param sample        a sample case
     */
    public record Summary(CaseState state, List<Entry> reportEntries, String owner, String team,
                         Set<String> sharedWith, String policyId, Instant openedAt, boolean sample) {
        public Summary {
            reportEntries = List.copyOf(reportEntries);
            sharedWith = Set.copyOf(sharedWith);
        }
    }

    /** A stored summary: {@code state} is null when it could not be made, {@code reportEntries} unless asked for. */
    public record Row(UUID caseId, Summary summary) {
    }

    /** Makes a case's summary from its entries; supplied by the application, which knows the procedures. */
    public interface Summariser {
        /**
         * What the summaries depend on besides the entries (the procedures installed, the calendar): when
         * it changes, every summary is rebuilt.
         */
        String version();

        /** The case's summary, or null while its record has no opening entry here (sync brings it). */
        Summary summarise(List<Entry> caseEntries);

        /**
         * Whether an entry like {@code e} can change its case's summary: one that cannot (a key grant) is
         * counted as covered without making the summary again.
         */
        default boolean changes(Entry e) {
            return true;
        }
    }

    /** Rows kept beside the summaries (the report's facts): told of every summary written, in its transaction. */
    interface Companion {
        /** {@code s} was written for case {@code id} (null: the case has no summary now). */
        void written(Connection c, UUID id, Summary s) throws SQLException;

        /** Every summary was deleted, to be written again in this transaction. */
        void cleared(Connection c) throws SQLException;
    }

    private final Database db;
    private final EntryStore entries;
    private final Summariser summariser;
    private final List<Companion> companions = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Keeps summaries of the cases in {@code entries} from now on: every append and every addition of
     * entries from elsewhere through that store updates them in its own transaction.
     */
    public CaseSummaryStore(Database db, EntryStore entries, Summariser summariser) {
        this.db = db;
        this.entries = entries;
        this.summariser = summariser;
        entries.keepSummaries(this);
    }

    void keep(Companion c) {
        companions.add(c);
    }

    private void told(Connection c, UUID id, Summary s) throws SQLException {
        for (Companion k : companions) {
            k.written(c, id, s);
        }
    }

    /** What made the summaries, compared with what is stored at every check. */
    public String version() {
        return FORMAT + " " + Codec.SHAPE + " " + summariser.version();
    }

    // ---- kept current, inside the entry store's transaction --------------------------------

    /** Whether {@code e} can change its case's summary ({@link Summariser#changes}). */
    boolean changes(Entry e) {
        return summariser.changes(e);
    }

    /** Makes the summaries of {@code caseIds} again, inside the transaction that just added {@code added} entries. */
    void refresh(Connection c, Collection<UUID> caseIds, int added) throws SQLException {
        for (UUID id : new LinkedHashSet<>(caseIds)) {
            write(c, id, summariser.summarise(EntryStore.caseEntries(c, id)));
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE read_model SET entries = entries + ? WHERE name = ?")) {
            ps.setLong(1, added);
            ps.setString(2, MODEL);
            ps.executeUpdate();
        }
    }

    /**
     * Makes the summaries of many cases again in one pass, inside the transaction that added
     * {@code added} entries to them: their entries are read a few hundred cases a query and the rows
     * written in batches (the end of {@link EntryStore#deferSummaries()}).
     */
    void refreshAll(Connection c, Collection<UUID> caseIds, long added) throws SQLException {
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(caseIds));
        Set<UUID> seen = new java.util.HashSet<>();
        SQLException[] failed = {null};
        try (PreparedStatement merge = c.prepareStatement(MERGE);
             PreparedStatement listing = c.prepareStatement(LISTING_MERGE)) {
            int[] batched = {0};
            EntryStore.forEachCaseOf(c, ids, list -> {
                UUID id = list.get(0).caseId();
                seen.add(id);
                Summary s = summariser.summarise(list);
                if (failed[0] != null) {
                    return;
                }
                try {
                    if (s == null) {
                        write(c, id, null);
                        return;
                    }
                    Written.of(s).bind(merge, listing, id);
                    told(c, id, s);
                    merge.addBatch();
                    listing.addBatch();
                    if (++batched[0] % 500 == 0) {
                        merge.executeBatch();
                        listing.executeBatch();
                    }
                } catch (SQLException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            merge.executeBatch();
            listing.executeBatch();
        }
        for (UUID id : ids) {
            if (!seen.contains(id)) {
                write(c, id, null);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE read_model SET entries = entries + ? WHERE name = ?")) {
            ps.setLong(1, added);
            ps.setString(2, MODEL);
            ps.executeUpdate();
        }
    }

    private void write(Connection c, UUID id, Summary s) throws SQLException {
        told(c, id, s);
        if (s == null) {
            for (String table : new String[] {"case_summary", "case_listing"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE case_id = ?")) {
                    ps.setObject(1, id);
                    ps.executeUpdate();
                }
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(MERGE); PreparedStatement lp = c.prepareStatement(LISTING_MERGE)) {
            Written.of(s).bind(ps, lp, id);
            ps.executeUpdate();
            lp.executeUpdate();
        }
    }

    // ---- checked and rebuilt ------------------------------------------------------------------

    /**
     * Rebuilds every summary from the entries when they are not known to match them: a different
     * projection version (a new Resolve, another procedure or calendar), or a different number of
     * entries than they cover (entries written by a version that kept no summaries, or a crash between
     * versions). Returns why it rebuilt, or null when the summaries were current.
     */
    public String ensureCurrent() {
        synchronized (entries) {
            String why = staleness();
            if (why != null) {
                rebuild();
                lastRebuild = why;
            }
            return why;
        }
    }

    private volatile String lastRebuild;

    /** Why {@link #ensureCurrent} last rebuilt the summaries since this store was made, or null if it has not. */
    public String lastRebuild() {
        return lastRebuild;
    }

    private String staleness() {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            long count;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM entry")) {
                rs.next();
                count = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT version, entries FROM read_model WHERE name = ?")) {
                ps.setString(1, MODEL);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return "there were no case summaries yet";
                    }
                    if (!version().equals(rs.getString(1))) {
                        return "they were made by another version of Resolve, or with other procedures or another"
                                + " calendar";
                    }
                    if (rs.getLong(2) != count) {
                        return "they covered " + rs.getLong(2) + " entries, and the record holds " + count;
                    }
                }
            }
            // a listing row lost (deleted outside Resolve) would drop its case from every list unnoticed
            try (ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM case_summary)"
                    + " - (SELECT COUNT(*) FROM case_listing)")) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    return "the case list's rows did not match the case summaries";
                }
            }
            return null;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Makes every summary again from the entries, in one transaction. Returns how many cases it summarised. */
    public int rebuild() {
        synchronized (entries) {
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try {
                    long count;
                    String version = version();
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("DELETE FROM case_summary");
                        s.executeUpdate("DELETE FROM case_listing");
                        for (Companion k : companions) {
                            k.cleared(c);
                        }
                        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM entry")) {
                            rs.next();
                            count = rs.getLong(1);
                        }
                    }
                    int[] made = {0};
                    try (PreparedStatement ps = c.prepareStatement(INSERT);
                         PreparedStatement lp = c.prepareStatement(LISTING_INSERT)) {
                        SQLException[] failed = {null};
                        entries.forEachCase(c, list -> {
                            Summary s = summariser.summarise(list);
                            if (s == null || failed[0] != null) {
                                return;
                            }
                            try {
                                Written.of(s).bind(ps, lp, list.get(0).caseId());
                                told(c, list.get(0).caseId(), s);
                                ps.addBatch();
                                lp.addBatch();
                                if (++made[0] % 500 == 0) {
                                    ps.executeBatch();
                                    lp.executeBatch();
                                }
                            } catch (SQLException e) {
                                failed[0] = e;
                            }
                        });
                        if (failed[0] != null) {
                            throw failed[0];
                        }
                        ps.executeBatch();
                        lp.executeBatch();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "MERGE INTO read_model (name, version, entries) KEY (name) VALUES (?, ?, ?)")) {
                        ps.setString(1, MODEL);
                        ps.setString(2, version);
                        ps.setLong(3, count);
                        ps.executeUpdate();
                    }
                    c.commit();
                    return made[0];
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException("The case summaries could not be rebuilt (" + e.getMessage() + ")."
                        + " The record itself is unchanged; try again, or run 'resolve rebuild'.", e);
            }
        }
    }

    /**
     * Compares every stored summary with one made afresh from the entries, and rebuilds them all when
     * any differs. Returns the ids of the cases whose summary disagreed (empty when all agreed).
     */
    public List<UUID> verify() {
        synchronized (entries) {
            java.util.Map<UUID, Columns> stored = new java.util.HashMap<>();
            java.util.Map<UUID, Listed> listed = new java.util.HashMap<>();
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM case_summary")) {
                    while (rs.next()) {
                        stored.put(rs.getObject(1, UUID.class), Columns.read(rs));
                    }
                }
                try (ResultSet rs = st.executeQuery(Listed.SELECT)) {
                    while (rs.next()) {
                        Listed l = Listed.read(rs, 7);
                        // kept only when it matches its own checksum over the columns that decide who sees it
                        listed.put(rs.getObject(1, UUID.class), l.intact(rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getBoolean(6)) ? l : null);
                    }
                }
            } catch (SQLException e) {
                throw failure(e);
            }
            Set<UUID> differ = new TreeSet<>();
            entries.forEachCase(list -> {
                UUID id = list.get(0).caseId();
                Summary s = summariser.summarise(list);
                Columns had = stored.remove(id);
                boolean hadListing = listed.containsKey(id);
                Listed hasListed = listed.remove(id);
                Written fresh = s == null ? null : Written.of(s);
                if (s == null ? had != null || hadListing : had == null || !had.equals(fresh.summary()) || !had.intact()
                        || !fresh.listing().equals(hasListed)) {
                    differ.add(id);
                }
            });
            differ.addAll(stored.keySet());
            differ.addAll(listed.keySet());
            if (!differ.isEmpty() || staleness() != null) {
                rebuild();
            }
            return List.copyOf(differ);
        }
    }

    // ---- read -------------------------------------------------------------------------------

    /**
     * Every stored summary, in no particular order, with the report's entries when {@code withReport}.
     * A row whose checksum does not match (edited outside Resolve) is made again from its case's
     * entries, stored, and handed on as made.
     */
    public void forEach(boolean withReport, Consumer<Row> action) {
        forEach(withReport, null, null, action);
    }

    /**
     * As {@link #forEach(boolean, Consumer)}, only for cases that are not samples, raised before
     * {@code openedBefore} (null: whenever), under procedure {@code policyId} (null: any): the rows a
     * report can count, chosen by their columns before any stored state is parsed. A case that could not
     * be summarised is always handed on (its columns say nothing).
     */
    public void forEach(boolean withReport, Instant openedBefore, String policyId, Consumer<Row> action) {
        List<UUID> damaged = new ArrayList<>();
        boolean chosen = openedBefore != null || policyId != null;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT s." + COLUMNS.replace(", ", ", s.") + " FROM case_summary s" + (chosen
                        ? " LEFT JOIN case_listing l ON l.case_id = s.case_id WHERE l.status IS NULL OR (l.sample = FALSE"
                        + " AND (CAST(? AS TIMESTAMP(9) WITH TIME ZONE) IS NULL OR l.opened < ?)"
                        + " AND (CAST(? AS VARCHAR) IS NULL OR l.policy_id = ?))" : ""))) {
            if (chosen) {
                ps.setObject(1, Listed.offset(openedBefore));
                ps.setObject(2, Listed.offset(openedBefore));
                ps.setString(3, policyId);
                ps.setString(4, policyId);
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                readRows(rs, withReport, damaged, action);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        repairAll(damaged, action);
    }

    /** Each row of {@code rs} to {@code action}; a row whose checksum does not match goes to {@code damaged}. */
    private static void readRows(ResultSet rs, boolean withReport, List<UUID> damaged, Consumer<Row> action)
            throws SQLException {
        while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            Columns k = Columns.read(rs);
            Summary s = k.intact() ? k.summary(withReport) : null;
            if (s == null) {
                damaged.add(id);
            } else {
                action.accept(new Row(id, s));
            }
        }
    }

    /** The {@code damaged} rows made again from their cases' entries, to {@code action}. */
    private void repairAll(List<UUID> damaged, Consumer<Row> action) {
        for (UUID id : damaged) {
            Summary s = repair(id);
            if (s != null) {
                action.accept(new Row(id, s));
            }
        }
    }

    /**
     * The stored summaries of {@code ids} (with the report's entries), read a few hundred a query; a row
     * whose checksum does not match is made again from its case's entries, as {@link #forEach} does.
     */
    public void forEachOf(List<UUID> ids, Consumer<Row> action) {
        List<UUID> damaged = new ArrayList<>();
        try (Connection c = db.connection()) {
            for (int from = 0; from < ids.size(); from += 500) {
                List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM case_summary WHERE case_id"
                        + " IN (" + "?, ".repeat(part.size() - 1) + "?)")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setObject(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        readRows(rs, true, damaged, action);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        repairAll(damaged, action);
    }

    /**
     * A case as a list reads it: who may see it, and its {@link CaseListing} (null when the case could
     * not be summarised here: its procedure is not installed, so a reader works it out from its entries).
     */
    public record Listing(UUID caseId, String owner, String team, Set<String> sharedWith, CaseListing listing) {
    }

    /**
     * Every case's listing, in no particular order, read from the summaries' typed columns only (no
     * stored state is parsed). A row whose listing checksum does not match is made again from its
     * case's entries, stored, and handed on as made.
     */
    public void forEachListing(Consumer<Listing> action) {
        List<UUID> damaged = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(Listed.SELECT)) {
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    String owner = rs.getString(2);
                    String team = rs.getString(3);
                    String shared = rs.getString(4);
                    String policy = rs.getString(5);
                    boolean sample = rs.getBoolean(6);
                    Listed k = Listed.read(rs, 7);
                    CaseListing l = k.intact(owner, team, shared, policy, sample) ? k.listing(id, policy, sample) : null;
                    if (l == null && (k.status() != null || !k.intact(owner, team, shared, policy, sample))) {
                        damaged.add(id);
                    } else {
                        action.accept(new Listing(id, owner, team, sharedSet(shared), l));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        for (UUID id : damaged) {
            Summary s = repair(id);
            if (s != null) {
                action.accept(new Listing(id, s.owner(), s.team(), s.sharedWith(),
                        s.state() == null ? null : CaseListing.of(s.state())));
            }
        }
    }

    /** How many cases have a summary (every case with an opening entry here, once current). */
    public long count() {
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM case_summary")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Makes the summary of one case again from its entries and stores it. */
    public Summary repair(UUID caseId) {
        synchronized (entries) {
            try (Connection c = db.connection()) {
                Summary s = summariser.summarise(EntryStore.caseEntries(c, caseId));
                write(c, caseId, s);
                return s;
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    private StoreException failure(SQLException e) {
        return new StoreException("Could not read the case summaries from " + db.file() + " (" + e.getMessage()
                + "). Run 'resolve rebuild' to make them again from the record.", e);
    }

    /** A summary and its listing, as written together. */
    private record Written(Columns summary, Listed listing) {

        static Written of(Summary s) {
            String shared = String.join("\n", new TreeSet<>(s.sharedWith()));
            String policy = s.policyId() == null ? "" : s.policyId();
            Listed listed = Listed.of(s.state() == null ? null : CaseListing.of(s.state()), s.owner(), s.team(), shared,
                    policy, s.sample());
            Columns k = new Columns(s.owner(), s.team(), shared, policy, s.openedAt().toString(), s.sample(),
                    s.state() == null ? null : Codec.state(s.state()), Codec.entries(s.reportEntries()), 0,
                    listed.stored());
            return new Written(new Columns(k.owner(), k.team(), shared, policy, k.opened(), k.sample(), k.state(),
                    k.report(), k.checksum(), listed.stored()), listed);
        }

        void bind(PreparedStatement summaryRow, PreparedStatement listingRow, UUID id) throws SQLException {
            summary.bind(summaryRow, id);
            listingRow.setObject(1, id);
            listingRow.setString(2, summary.owner());
            listingRow.setString(3, summary.team());
            listingRow.setString(4, summary.shared());
            listingRow.setString(5, summary.policy());
            listingRow.setBoolean(6, summary.sample());
            listing.bind(listingRow, 7);
        }
    }

    /** A summary as its columns hold it; {@code listing} is its listing's checksum. */
    private record Columns(String owner, String team, String shared, String policy, String opened, boolean sample,
                           String state, String report, long stored, long listing) {

        static Columns read(ResultSet rs) throws SQLException {
            return new Columns(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getLong(11));
        }

        void bind(PreparedStatement ps, UUID id) throws SQLException {
            ps.setObject(1, id);
            ps.setString(2, owner);
            ps.setString(3, team);
            ps.setString(4, shared);
            ps.setString(5, policy);
            ps.setString(6, opened);
            ps.setBoolean(7, sample);
            ps.setString(8, state);
            ps.setString(9, report);
            ps.setLong(10, stored);
            ps.setLong(11, listing);
        }

        /** Over every column, the listing's by its own checksum. */
        long checksum() {
            CRC32C crc = new CRC32C();
            for (String part : new String[] {owner, team, shared, policy, opened, Boolean.toString(sample),
                    String.valueOf(state), String.valueOf(report), Long.toString(listing)}) {
                crc.update(part.getBytes(StandardCharsets.UTF_8));
                crc.update(0);
            }
            return crc.getValue();
        }

        boolean intact() {
            return checksum() == stored;
        }

        /** The summary, or null when its text cannot be read back. */
        Summary summary(boolean withReport) {
            try {
                return new Summary(state == null ? null : Codec.state(state),
                        withReport && report != null ? Codec.entries(report) : List.of(), owner, team, sharedSet(shared),
                        policy, EntryStore.instant(opened), sample);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static Set<String> sharedSet(String shared) {
        return shared.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(shared.split("\n")));
    }

    /**
     * The typed columns a list reads ({@link CaseListing}), all null for a case that could not be
     * summarised. Their checksum covers them and the columns that decide who sees the case, so a list
     * checks what it reads without reading the stored state.
     */
    private record Listed(String policyVersion, String trackId, String status, Integer stage, Integer lastStage,
                          Integer highestStage, String stageHeading, String childDisplay, String childStatus,
                          String raisedBy, String raisedAgency, String otherAgency, String otherProfessional,
                          String category, Boolean immediateRisk, Instant opened, Instant writtenAt,
                          LocalDateTime nextDue, LocalDateTime firstUnmetDue, String dueNow, Instant endedAt,
                          Integer endedAtStage, String sampleOutcome, long stored) {

        static final String COLUMNS = "policy_version, track_id, status, stage, last_stage, highest_stage,"
                + " stage_heading, child_display, child_status, raised_by, raised_agency, other_agency,"
                + " other_professional, category, immediate_risk, opened, written_at, next_due, first_unmet_due,"
                + " due_now, ended_at, ended_at_stage, sample_outcome, checksum";
        static final int COUNT = 24;
        /** The select of a list: the columns deciding who sees a case, then these. */
        static final String SELECT = "SELECT " + LISTING_COLUMNS + " FROM case_listing";

        static Listed of(CaseListing l, String owner, String team, String shared, String policy, boolean sample) {
            Listed k = l == null ? new Listed(null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, 0)
                    : new Listed(l.policyVersion(), l.trackId(), l.status().name(), l.stage(), l.lastStage(),
                    l.highestStage(), l.stageHeading(), l.childName() == null ? l.childRef()
                    : l.childRef() + "\n" + l.childName(), l.childStatus() == null ? null : l.childStatus().name(),
                    l.raisedBy(), l.raisedAgency(), l.otherAgency(), l.otherProfessional(), l.category(),
                    l.immediateRisk(), l.openedAt(), l.writtenAt(), last(l.nextDue()), last(l.firstUnmetDue()),
                    String.join("\n", l.due()), l.endedAt(), l.endedAtStage(), l.sampleOutcome(), 0);
            return k.withStored(k.checksum(owner, team, shared, policy, sample));
        }

        private Listed withStored(long crc) {
            return new Listed(policyVersion, trackId, status, stage, lastStage, highestStage, stageHeading, childDisplay,
                    childStatus, raisedBy, raisedAgency, otherAgency, otherProfessional, category, immediateRisk, opened,
                    writtenAt, nextDue, firstUnmetDue, dueNow, endedAt, endedAtStage, sampleOutcome, crc);
        }

        static Listed read(ResultSet rs, int i) throws SQLException {
            return new Listed(rs.getString(i), rs.getString(i + 1), rs.getString(i + 2), integer(rs, i + 3),
                    integer(rs, i + 4), integer(rs, i + 5), rs.getString(i + 6), rs.getString(i + 7),
                    rs.getString(i + 8), rs.getString(i + 9), rs.getString(i + 10), rs.getString(i + 11),
                    rs.getString(i + 12), rs.getString(i + 13), (Boolean) rs.getObject(i + 14),
                    instant(rs, i + 15), instant(rs, i + 16), rs.getObject(i + 17, LocalDateTime.class),
                    rs.getObject(i + 18, LocalDateTime.class), rs.getString(i + 19), instant(rs, i + 20),
                    integer(rs, i + 21), rs.getString(i + 22), rs.getLong(i + 23));
        }

        void bind(PreparedStatement ps, int i) throws SQLException {
            ps.setString(i, policyVersion);
            ps.setString(i + 1, trackId);
            ps.setString(i + 2, status);
            ps.setObject(i + 3, stage);
            ps.setObject(i + 4, lastStage);
            ps.setObject(i + 5, highestStage);
            ps.setString(i + 6, stageHeading);
            ps.setString(i + 7, childDisplay);
            ps.setString(i + 8, childStatus);
            ps.setString(i + 9, raisedBy);
            ps.setString(i + 10, raisedAgency);
            ps.setString(i + 11, otherAgency);
            ps.setString(i + 12, otherProfessional);
            ps.setString(i + 13, category);
            ps.setObject(i + 14, immediateRisk);
            ps.setObject(i + 15, offset(opened));
            ps.setObject(i + 16, offset(writtenAt));
            ps.setObject(i + 17, nextDue);
            ps.setObject(i + 18, firstUnmetDue);
            ps.setString(i + 19, dueNow);
            ps.setObject(i + 20, offset(endedAt));
            ps.setObject(i + 21, endedAtStage);
            ps.setString(i + 22, sampleOutcome);
            ps.setLong(i + 23, stored);
        }

        long checksum(String owner, String team, String shared, String policy, boolean sample) {
            CRC32C crc = new CRC32C();
            for (Object part : new Object[] {owner, team, shared, policy, sample, policyVersion, trackId, status, stage,
                    lastStage, highestStage, stageHeading, childDisplay, childStatus, raisedBy, raisedAgency,
                    otherAgency, otherProfessional, category, immediateRisk, opened, writtenAt, nextDue,
                    firstUnmetDue, dueNow, endedAt, endedAtStage, sampleOutcome}) {
                crc.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                crc.update(0);
            }
            return crc.getValue();
        }

        boolean intact(String owner, String team, String shared, String policy, boolean sample) {
            return checksum(owner, team, shared, policy, sample) == stored;
        }

        /** The listing these columns hold, or null for a case that could not be summarised (or unreadable columns). */
        CaseListing listing(UUID id, String policy, boolean sample) {
            if (status == null) {
                return null;
            }
            try {
                // no child display: the case's content is sealed, the list opens it with the person's keys
                int nl = childDisplay == null ? -1 : childDisplay.indexOf('\n');
                return new CaseListing(id, policy, policyVersion, trackId, stage, lastStage, highestStage,
                        stageHeading, CaseStatus.valueOf(status), nl < 0 ? childDisplay : childDisplay.substring(0, nl),
                        nl < 0 ? null : childDisplay.substring(nl + 1),
                        childStatus == null ? null : ChildStatus.valueOf(childStatus), raisedBy, raisedAgency,
                        otherAgency, otherProfessional, category, immediateRisk, sample, opened, writtenAt,
                        due(nextDue), due(firstUnmetDue), dueNow.isEmpty() ? List.of() : List.of(dueNow.split("\n")),
                        endedAt, endedAtStage, sampleOutcome);
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static LocalDateTime last(DueAt due) {
            return due == null ? null : due.lastMoment();
        }

        private static DueAt due(LocalDateTime last) {
            if (last == null) {
                return null;
            }
            return last.toLocalTime().equals(LocalTime.MAX) ? DueAt.endOf(last.toLocalDate()) : new DueAt(last, false);
        }

        private static Integer integer(ResultSet rs, int i) throws SQLException {
            int v = rs.getInt(i);
            return rs.wasNull() ? null : v;
        }

        private static Instant instant(ResultSet rs, int i) throws SQLException {
            OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }

        static OffsetDateTime offset(Instant i) {
            return i == null ? null : i.atOffset(ZoneOffset.UTC);
        }
    }

    /** States and entries as JSON; the shape of the records decides the text, so it is part of the version. */
    static final class Codec {
        private static final ObjectMapper JSON = new ObjectMapper()
                .registerModule(new SimpleModule()
                        .addSerializer(Instant.class, new ToText<>(Instant.class))
                        .addDeserializer(Instant.class, new FromText<>(Instant.class, EntryStore::instant))
                        .addSerializer(LocalDateTime.class, new ToText<>(LocalDateTime.class))
                        .addDeserializer(LocalDateTime.class, new FromText<>(LocalDateTime.class, LocalDateTime::parse)));
        private static final ObjectWriter STATE_OUT = JSON.writerFor(CaseState.class);
        private static final ObjectReader STATE_IN = JSON.readerFor(CaseState.class);
        private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {
        };
        private static final ObjectWriter ENTRIES_OUT = JSON.writerFor(ENTRIES);
        private static final ObjectReader ENTRIES_IN = JSON.readerFor(ENTRIES);
        /** A fingerprint of the shape of what is stored: a change to the domain's records rebuilds the summaries. */
        static final String SHAPE = shape(CaseState.class, Entry.class);

        static String state(CaseState s) {
            try {
                return STATE_OUT.writeValueAsString(s.summary().asOf(STORED_AS_OF));
            } catch (IOException e) {
                throw new IllegalStateException("a case state always serialises", e);
            }
        }

        static CaseState state(String json) {
            try {
                return STATE_IN.readValue(json);
            } catch (IOException e) {
                throw new IllegalArgumentException("unreadable summary", e);
            }
        }

        static String entries(List<Entry> list) {
            try {
                return list.isEmpty() ? "[]" : ENTRIES_OUT.writeValueAsString(list);
            } catch (IOException e) {
                throw new IllegalStateException("entries always serialise", e);
            }
        }

        static List<Entry> entries(String json) {
            try {
                return "[]".equals(json) ? List.of() : ENTRIES_IN.readValue(json);
            } catch (IOException e) {
                throw new IllegalArgumentException("unreadable summary", e);
            }
        }

        static String shape(Class<?>... roots) {
            StringBuilder b = new StringBuilder();
            Set<Class<?>> seen = new java.util.HashSet<>();
            for (Class<?> r : roots) {
                describe(r, b, seen);
            }
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(b.toString()
                        .getBytes(StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(d, 0, 8);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        }

        private static void describe(Type t, StringBuilder b, Set<Class<?>> seen) {
            if (t instanceof ParameterizedType p) {
                describe(p.getRawType(), b, seen);
                for (Type a : p.getActualTypeArguments()) {
                    describe(a, b, seen);
                }
                return;
            }
            if (!(t instanceof Class<?> c) || !seen.add(c)) {
                return;
            }
            b.append(c.getName()).append('{');
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    b.append(rc.getName()).append(':').append(rc.getGenericType().getTypeName()).append(';');
                    describe(rc.getGenericType(), b, seen);
                }
            } else if (c.isEnum()) {
                for (Object o : c.getEnumConstants()) {
                    b.append(((Enum<?>) o).name()).append(';');
                }
            }
            b.append('}');
        }

        private static final class ToText<T> extends StdScalarSerializer<T> {
            ToText(Class<T> type) {
                super(type);
            }

            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        }

        private static final class FromText<T> extends StdScalarDeserializer<T> {
            private final java.util.function.Function<String, T> parse;

            FromText(Class<T> type, java.util.function.Function<String, T> parse) {
                super(type);
                this.parse = parse;
            }

            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return parse.apply(p.getValueAsString());
            }
        }
    }
}
