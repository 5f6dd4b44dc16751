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

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.record.Entry;

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
    private static final String FORMAT = "case-summary/2";
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
    }

    private final Database db;
    private final EntryStore entries;
    private final Summariser summariser;

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

    /** What made the summaries, compared with what is stored at every check. */
    public String version() {
        return FORMAT + " " + Codec.SHAPE + " " + summariser.version();
    }

    // ---- kept current, inside the entry store's transaction --------------------------------

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
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO case_summary (case_id, owner, team, shared_with,"
                + " policy_id, opened_at, sample, state, report_entries, checksum) KEY (case_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                    bind(merge, id, Columns.of(s));
                    merge.addBatch();
                    if (++batched[0] % 500 == 0) {
                        merge.executeBatch();
                    }
                } catch (SQLException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            merge.executeBatch();
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

    private static void write(Connection c, UUID id, Summary s) throws SQLException {
        if (s == null) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM case_summary WHERE case_id = ?")) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO case_summary (case_id, owner, team, shared_with,"
                + " policy_id, opened_at, sample, state, report_entries, checksum) KEY (case_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, id, Columns.of(s));
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, UUID id, Columns k) throws SQLException {
        ps.setObject(1, id);
        ps.setString(2, k.owner);
        ps.setString(3, k.team);
        ps.setString(4, k.shared);
        ps.setString(5, k.policy);
        ps.setString(6, k.opened);
        ps.setBoolean(7, k.sample);
        ps.setString(8, k.state);
        ps.setString(9, k.report);
        ps.setLong(10, k.checksum());
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
                    return null;
                }
            }
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
                        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM entry")) {
                            rs.next();
                            count = rs.getLong(1);
                        }
                    }
                    int[] made = {0};
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_summary (case_id, owner, team,"
                            + " shared_with, policy_id, opened_at, sample, state, report_entries, checksum)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        SQLException[] failed = {null};
                        entries.forEachCase(c, list -> {
                            Summary s = summariser.summarise(list);
                            if (s == null || failed[0] != null) {
                                return;
                            }
                            try {
                                bind(ps, list.get(0).caseId(), Columns.of(s));
                                ps.addBatch();
                                if (++made[0] % 500 == 0) {
                                    ps.executeBatch();
                                }
                            } catch (SQLException e) {
                                failed[0] = e;
                            }
                        });
                        if (failed[0] != null) {
                            throw failed[0];
                        }
                        ps.executeBatch();
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
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT case_id, owner, team, shared_with, policy_id, opened_at, sample, state, report_entries,"
                            + " checksum FROM case_summary"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getObject(1, UUID.class), Columns.read(rs));
                }
            } catch (SQLException e) {
                throw failure(e);
            }
            Set<UUID> differ = new TreeSet<>();
            entries.forEachCase(list -> {
                UUID id = list.get(0).caseId();
                Summary s = summariser.summarise(list);
                Columns had = stored.remove(id);
                if (s == null ? had != null : had == null || !had.equals(Columns.of(s)) || !had.intact()) {
                    differ.add(id);
                }
            });
            differ.addAll(stored.keySet());
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
        List<UUID> damaged = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT case_id, owner, team, shared_with, policy_id, opened_at, sample, state, report_entries,"
                        + " checksum FROM case_summary")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
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
        } catch (SQLException e) {
            throw failure(e);
        }
        for (UUID id : damaged) {
            Summary s = repair(id);
            if (s != null) {
                action.accept(new Row(id, s));
            }
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

    /** A summary as its columns hold it. */
    private record Columns(String owner, String team, String shared, String policy, String opened, boolean sample,
                           String state, String report, long stored) {

        static Columns of(Summary s) {
            Columns k = new Columns(s.owner(), s.team(), String.join("\n", new TreeSet<>(s.sharedWith())),
                    s.policyId() == null ? "" : s.policyId(), s.openedAt().toString(), s.sample(),
                    s.state() == null ? null : Codec.state(s.state()), Codec.entries(s.reportEntries()), 0);
            return new Columns(k.owner, k.team, k.shared, k.policy, k.opened, k.sample, k.state, k.report, k.checksum());
        }

        static Columns read(ResultSet rs) throws SQLException {
            return new Columns(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getLong(10));
        }

        long checksum() {
            CRC32C crc = new CRC32C();
            for (String part : new String[] {owner, team, shared, policy, opened, Boolean.toString(sample),
                    String.valueOf(state), String.valueOf(report)}) {
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
                Set<String> with = shared.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(shared.split("\n")));
                return new Summary(state == null ? null : Codec.state(state),
                        withReport && report != null ? Codec.entries(report) : List.of(), owner, team, with, policy,
                        EntryStore.instant(opened), sample);
            } catch (RuntimeException e) {
                return null;
            }
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

        private static String shape(Class<?>... roots) {
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
