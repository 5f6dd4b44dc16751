/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.report.ReportFacts;
import uk.resolve.domain.time.DueAt;

/**
 * The report's facts of each case ({@link ReportFacts}) as typed rows: one per case in {@code report_case},
 * one per stage visit in {@code report_stage}, one per entry with board text in {@code report_board} (sealed
 * text kept sealed), and a row in {@code report_unmade} for a summarised case whose facts cannot be made
 * here. Written by {@link CaseSummaryStore} in the same transaction as the case's summary, from that summary
 * (so it follows every append, import and sync merge, and every rebuild); derived, never a source of truth:
 * a different version, or not one row for each summarised case, rebuilds the summaries and these with them,
 * a case whose rows do not match their checksum is left for the reader to work out from the case's summary,
 * and {@link #verify} compares every case's rows with facts made afresh.
 */
public final class ReportFactStore implements CaseSummaryStore.Companion {

    private static final String MODEL = "report_fact";
    /** Raised whenever what is stored changes in a way the shape of {@link ReportFacts} does not show. */
    private static final String FORMAT = "report-fact/2";
    private static final String CASE_COLUMNS = "case_id, policy_id, policy_version, track_id, status, sample, opened,"
            + " stage, child_ref, child_status, raised_agency, other_agency, category, resolved_at, resolved_stage,"
            + " working_days, board_text, first_due, first_due_whole_day, first_due_label, checksum";
    private static final String STAGE_COLUMNS = "case_id, visit, stage, heading, entered_at, ended, working_days,"
            + " outcome, met_on_time, met_late, past_at, overdue_at";
    private static final String BOARD_COLUMNS = "case_id, place, entry_id, entry_type, stage, form_id, learning,"
            + " effectiveness, suggestions, key_generation, board_sealed, board_case_key, board_report_key,"
            + " report_key_id";
    private static final String SHAPE = CaseSummaryStore.Codec.shape(ReportFacts.class);

    /** Makes a case's facts from its summary; supplied by the application, which knows the procedures. */
    public interface Maker {
        /** What the facts depend on besides the summaries; when it changes, they are made again. */
        String version();

        /** The facts of a summarised case, or null when its state could not be made. */
        ReportFacts facts(CaseSummaryStore.Summary summary);
    }

    private final Database db;
    private final CaseSummaryStore summaries;
    private final Maker maker;

    /** Keeps the facts of every case {@code summaries} summarises from now on. */
    public ReportFactStore(Database db, CaseSummaryStore summaries, Maker maker) {
        this.db = db;
        this.summaries = summaries;
        this.maker = maker;
        summaries.keep(this);
    }

    /** What made the facts, compared with what is stored at every check. */
    public String version() {
        return FORMAT + " " + SHAPE + " " + maker.version();
    }

    // ---- kept current, inside the summaries' transaction ----------------------------------

    @Override
    public void written(Connection c, UUID id, CaseSummaryStore.Summary s) throws SQLException {
        for (String table : new String[] {"report_stage", "report_board", "report_case", "report_unmade"}) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE case_id = ?")) {
                del.setObject(1, id);
                del.executeUpdate();
            }
        }
        ReportFacts f = s == null || s.state() == null ? null : made(s);
        if (f != null) {
            insert(c, f);
        } else if (s != null) {
            // a summarised case the report works out from its summary: counted, so that no join is needed to check
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_unmade (case_id) VALUES (?)")) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
        }
    }

    @Override
    public void cleared(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM report_stage");
            s.executeUpdate("DELETE FROM report_board");
            s.executeUpdate("DELETE FROM report_case");
            s.executeUpdate("DELETE FROM report_unmade");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO read_model (name, version, entries) KEY (name) VALUES (?, ?, 0)")) {
            ps.setString(1, MODEL);
            ps.setString(2, version());
            ps.executeUpdate();
        }
    }

    /** The facts, or null when they cannot be made (the reader then works the case out from its summary). */
    private ReportFacts made(CaseSummaryStore.Summary s) {
        try {
            return maker.facts(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void insert(Connection c, ReportFacts f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_case (" + CASE_COLUMNS + ") VALUES ("
                + "?, ".repeat(20) + "?)")) {
            ps.setObject(1, f.id());
            ps.setString(2, f.policyId());
            ps.setString(3, f.policyVersion());
            ps.setString(4, f.trackId());
            ps.setString(5, f.status().name());
            ps.setBoolean(6, f.sample());
            ps.setObject(7, offset(f.openedAt()));
            ps.setInt(8, f.stage());
            ps.setString(9, f.childRef());
            ps.setString(10, f.childStatus() == null ? null : f.childStatus().name());
            ps.setString(11, f.raisedAgency());
            ps.setString(12, f.otherAgency());
            ps.setString(13, f.category());
            ps.setObject(14, offset(f.resolvedAt()));
            ps.setObject(15, f.resolvedStage());
            ps.setInt(16, f.workingDays());
            ps.setBoolean(17, f.boardText());
            ps.setObject(18, f.firstDue() == null ? null : f.firstDue().moment());
            ps.setObject(19, f.firstDue() == null ? null : f.firstDue().wholeDay());
            ps.setString(20, f.firstDueLabel());
            ps.setLong(21, checksum(f));
            ps.executeUpdate();
        }
        if (!f.board().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_board (" + BOARD_COLUMNS + ") VALUES ("
                    + "?, ".repeat(13) + "?)")) {
                int i = 0;
                for (ReportFacts.Board b : f.board()) {
                    ps.setObject(1, f.id());
                    ps.setInt(2, i++);
                    ps.setObject(3, b.entryId());
                    ps.setString(4, b.type().name());
                    ps.setInt(5, b.stage());
                    ps.setString(6, b.formId());
                    ps.setString(7, b.learning());
                    ps.setString(8, b.effectiveness());
                    ps.setString(9, b.suggestions());
                    ps.setInt(10, b.generation());
                    ps.setString(11, b.sealed());
                    ps.setString(12, b.caseWrapped());
                    ps.setString(13, b.reportWrapped());
                    ps.setString(14, b.reportKeyId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (f.visits().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_stage (" + STAGE_COLUMNS + ") VALUES ("
                + "?, ".repeat(11) + "?)")) {
            int i = 0;
            for (ReportFacts.Visit v : f.visits()) {
                ps.setObject(1, f.id());
                ps.setInt(2, i++);
                ps.setInt(3, v.stage());
                ps.setString(4, v.heading());
                ps.setObject(5, offset(v.enteredAt()));
                ps.setBoolean(6, v.ended());
                ps.setInt(7, v.workingDays());
                ps.setString(8, v.outcome());
                ps.setInt(9, v.metOnTime());
                ps.setInt(10, v.metLate());
                ps.setObject(11, v.pastAt());
                ps.setString(12, v.overdueAt().isEmpty() ? null
                        : String.join("\n", v.overdueAt().stream().map(LocalDateTime::toString).toList()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Over every fact of the case, its visits' and board rows' included: each value fed as bytes, not made
     * into text first (the report checks every case it reads, so this is on its path).
     */
    static long checksum(ReportFacts f) {
        Crc crc = new Crc();
        crc.put(f.id()).put(f.policyId()).put(f.policyVersion()).put(f.trackId()).put(f.status().name())
                .put(f.sample() ? 1 : 0).put(f.openedAt()).put(f.stage()).put(f.childRef())
                .put(f.childStatus() == null ? null : f.childStatus().name()).put(f.raisedAgency())
                .put(f.otherAgency()).put(f.category()).put(f.resolvedAt())
                .put(f.resolvedStage() == null ? -1 : f.resolvedStage()).put(f.workingDays()).put(f.boardText() ? 1 : 0)
                .put(f.firstDue() == null ? null : f.firstDue().moment())
                .put(f.firstDue() == null ? -1 : f.firstDue().wholeDay() ? 1 : 0).put(f.firstDueLabel());
        for (ReportFacts.Visit v : f.visits()) {
            crc.put(1).put(v.stage()).put(v.heading()).put(v.enteredAt()).put(v.ended() ? 1 : 0).put(v.workingDays())
                    .put(v.outcome()).put(v.metOnTime()).put(v.metLate()).put(v.overdue()).put(v.pastAt())
                    .put(v.overdueAt().size());
            for (LocalDateTime t : v.overdueAt()) {
                crc.put(t);
            }
        }
        for (ReportFacts.Board b : f.board()) {
            crc.put(2).put(b.entryId()).put(b.type().name()).put(b.stage()).put(b.formId()).put(b.learning())
                    .put(b.effectiveness()).put(b.suggestions()).put(b.generation()).put(b.sealed())
                    .put(b.caseWrapped()).put(b.reportWrapped()).put(b.reportKeyId());
        }
        return crc.value();
    }

    /** A CRC-32C fed typed values; null, empty and each length are told apart. */
    private static final class Crc {
        private final CRC32C crc = new CRC32C();
        private final java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(16);

        Crc put(long v) {
            buf.clear();
            buf.putLong(v);
            crc.update(buf.array(), 0, 8);
            return this;
        }

        Crc put(UUID v) {
            return v == null ? put(Long.MIN_VALUE) : put(v.getMostSignificantBits()).put(v.getLeastSignificantBits());
        }

        Crc put(String v) {
            if (v == null) {
                return put(-1L);
            }
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            put(b.length);
            crc.update(b);
            return this;
        }

        Crc put(Instant v) {
            return v == null ? put(Long.MIN_VALUE) : put(v.getEpochSecond()).put(v.getNano());
        }

        Crc put(LocalDateTime v) {
            return v == null ? put(Long.MIN_VALUE) : put(v.toEpochSecond(ZoneOffset.UTC)).put(v.getNano());
        }

        long value() {
            return crc.getValue();
        }
    }

    // ---- checked ---------------------------------------------------------------------------

    /**
     * Makes the facts again (with the summaries, from the entries) when they are not known to match
     * them: another version, or not one row for each summarised case. Returns why, or null when current.
     */
    public String ensureCurrent() {
        String why = staleness();
        if (why != null) {
            summaries.rebuild();
        }
        return why;
    }

    private String staleness() {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM read_model WHERE name = ?")) {
                ps.setString(1, MODEL);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return "there were no report facts yet";
                    }
                    if (!version().equals(rs.getString(1))) {
                        return "the report facts were made by another version of Resolve, or with other procedures"
                                + " or another calendar";
                    }
                }
            }
            // one row for each summarised case, in report_case or (facts not made here) report_unmade: counted, not
            // joined (a join read every page of case_listing at each report); which rows differ is verify's to say
            try (ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM report_case)"
                    + " + (SELECT COUNT(*) FROM report_unmade) - (SELECT COUNT(*) FROM case_listing)")) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    return "the report facts did not cover the summarised cases one for one";
                }
            }
            return null;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Compares every case's stored facts with facts made afresh from its summary, and makes those that
     * differ again (with their summary, from the entries). Returns the ids of the cases that differed.
     */
    public List<UUID> verify() {
        Map<UUID, ReportFacts> stored = new HashMap<>();
        Set<UUID> differ = new TreeSet<>();
        readAll(null, null, stored::put, differ::add);
        summaries.forEach(true, row -> {
            ReportFacts fresh = row.summary().state() == null ? null : made(row.summary());
            ReportFacts had = stored.remove(row.caseId());
            if (fresh == null ? had != null : !fresh.equals(had)) {
                differ.add(row.caseId());
            }
        });
        differ.addAll(stored.keySet());
        for (UUID id : differ) {
            summaries.repair(id);
        }
        return List.copyOf(differ);
    }

    // ---- read -------------------------------------------------------------------------------

    /**
     * The facts of every case that is not a sample, raised before {@code openedBefore} (null: whenever),
     * under procedure {@code policyId} (null: any), one case at a time in no particular order, each with
     * its board text as stored (sealed text still sealed). A case whose rows do not match their checksum
     * (made again here) goes to {@code fromSummary} instead. A summarised case with no facts is not handed
     * on at all: see {@link #withoutFacts}.
     */
    public void forEach(Instant openedBefore, String policyId, Consumer<ReportFacts> facts,
                        Consumer<UUID> fromSummary) {
        List<UUID> damaged = new ArrayList<>();
        readAll(openedBefore, policyId, (id, f) -> facts.accept(f), damaged::add);
        // made again (with the summary, from the entries) once the read is over, then read from the summary
        for (UUID id : damaged) {
            summaries.repair(id);
            fromSummary.accept(id);
        }
    }

    /** The summarised cases with no facts: those whose state could not be made here (procedure not installed). */
    public List<UUID> withoutFacts() {
        List<UUID> out = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT case_id FROM report_unmade")) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return out;
    }

    private void readAll(Instant openedBefore, String policyId, BiConsumer<UUID, ReportFacts> each,
                         Consumer<UUID> damaged) {
        boolean chosen = openedBefore != null || policyId != null;
        // each table read once in the order it is stored, the board rows and visits first, grouped by case here:
        // ordered by the UUID key, H2 reached every row through the key's index, 2-6 times slower
        String cases = "SELECT " + CASE_COLUMNS + " FROM report_case"
                + (chosen ? " WHERE sample = FALSE AND (CAST(? AS TIMESTAMP(9) WITH TIME ZONE) IS NULL OR opened < ?)"
                + " AND (CAST(? AS VARCHAR) IS NULL OR policy_id = ?)" : "");
        String stages = "SELECT " + STAGE_COLUMNS + " FROM report_stage";
        try (Connection c = db.connection(); PreparedStatement pc = c.prepareStatement(cases);
             PreparedStatement pv = c.prepareStatement(stages);
             PreparedStatement pb = c.prepareStatement("SELECT " + BOARD_COLUMNS + " FROM report_board")) {
            // board rows are few (a case's learning and feedback), held by case until its facts are read
            Map<UUID, List<Object[]>> board = new HashMap<>();
            pb.setFetchSize(2000);
            try (ResultSet rb = pb.executeQuery()) {
                while (rb.next()) {
                    Object[] row = new Object[14];
                    row[0] = rb.getObject(1, UUID.class);
                    row[1] = rb.getInt(2);
                    row[2] = rb.getObject(3, UUID.class);
                    for (int i : new int[] {4, 6, 7, 8, 9, 11, 12, 13, 14}) {
                        row[i - 1] = rb.getString(i);
                    }
                    row[4] = rb.getInt(5);
                    row[9] = rb.getInt(10);
                    board.computeIfAbsent((UUID) row[0], k -> new ArrayList<>(2)).add(row);
                }
            }
            Map<UUID, Visits> visits = new HashMap<>();
            Map<String, String> headings = new HashMap<>();
            pv.setFetchSize(2000);
            try (ResultSet rv = pv.executeQuery()) {
                while (rv.next()) {
                    visits.computeIfAbsent(rv.getObject(1, UUID.class), k -> new Visits()).add(rv, headings);
                }
            }
            if (chosen) {
                pc.setObject(1, offset(openedBefore));
                pc.setObject(2, offset(openedBefore));
                pc.setString(3, policyId);
                pc.setString(4, policyId);
            }
            pc.setFetchSize(2000);
            try (ResultSet rc = pc.executeQuery()) {
                while (rc.next()) {
                    ResultSetRow row = new ResultSetRow(rc);
                    UUID id = (UUID) row.v[0];
                    Visits v = visits.remove(id);
                    List<ReportFacts.Visit> list = v == null ? List.of() : v.inOrder();
                    List<ReportFacts.Board> notes = boardOf(board.remove(id));
                    ReportFacts f = list == null || notes == null ? null : row.facts(list, notes);
                    if (f == null || checksum(f) != row.checksum) {
                        damaged.accept(id);
                    } else {
                        each.accept(id, f);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** A case's board rows as read, in their order; null when one was unreadable. */
    private static List<ReportFacts.Board> boardOf(List<Object[]> rows) {
        if (rows == null) {
            return List.of();
        }
        try {
            rows.sort(java.util.Comparator.comparingInt(r -> (Integer) r[1]));
            List<ReportFacts.Board> out = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                out.add(new ReportFacts.Board((UUID) r[2], uk.resolve.domain.record.EntryType.valueOf((String) r[3]),
                        (Integer) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (Integer) r[9],
                        (String) r[10], (String) r[11], (String) r[12], (String) r[13]));
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** One case's visits as read, in the order of their numbers once all are read; null when one was unreadable. */
    private static final class Visits {
        private final List<ReportFacts.Visit> visits = new ArrayList<>(4);
        private int[] numbers = new int[4];
        private boolean unreadable;

        /** A row of {@code report_stage}, all its columns. */
        void add(ResultSet rs, Map<String, String> headings) throws SQLException {
            try {
                String overdue = rs.getString(12);
                String heading = rs.getString(4);
                if (visits.size() == numbers.length) {
                    numbers = Arrays.copyOf(numbers, numbers.length * 2);
                }
                numbers[visits.size()] = rs.getInt(2);
                visits.add(new ReportFacts.Visit(rs.getInt(3), heading == null ? null
                        : headings.computeIfAbsent(heading, h -> h), instant(rs, 5), rs.getBoolean(6),
                        rs.getInt(7), rs.getString(8), rs.getInt(9), rs.getInt(10), 0,
                        rs.getObject(11, LocalDateTime.class), overdue == null ? List.of()
                        : Arrays.stream(overdue.split("\n")).map(LocalDateTime::parse).toList()));
            } catch (RuntimeException e) {
                unreadable = true;
            }
        }

        List<ReportFacts.Visit> inOrder() {
            if (unreadable) {
                return null;
            }
            for (int i = 1; i < visits.size(); i++) {
                if (numbers[i - 1] > numbers[i]) {
                    // stored in the order they were written, so never expected; the checksum still holds them to it
                    Integer[] order = new Integer[visits.size()];
                    for (int k = 0; k < order.length; k++) {
                        order[k] = k;
                    }
                    Arrays.sort(order, (a, b) -> Integer.compare(numbers[a], numbers[b]));
                    return Arrays.stream(order).map(visits::get).toList();
                }
            }
            return visits;
        }
    }

    /** The case columns of a row, as read. */
    private static final class ResultSetRow {
        final Object[] v = new Object[21];
        final long checksum;

        ResultSetRow(ResultSet rs) throws SQLException {
            v[0] = rs.getObject(1, UUID.class);
            for (int i : new int[] {2, 3, 4, 5, 9, 10, 11, 12, 13, 20}) {
                v[i - 1] = rs.getString(i);
            }
            v[5] = rs.getBoolean(6);
            v[6] = instant(rs, 7);
            v[7] = rs.getInt(8);
            v[13] = instant(rs, 14);
            int stage = rs.getInt(15);
            v[14] = rs.wasNull() ? null : stage;
            v[15] = rs.getInt(16);
            v[16] = rs.getBoolean(17);
            v[17] = rs.getObject(18, LocalDateTime.class);
            v[18] = rs.getObject(19);
            checksum = rs.getLong(21);
        }

        ReportFacts facts(List<ReportFacts.Visit> visits, List<ReportFacts.Board> board) {
            try {
                LocalDateTime due = (LocalDateTime) v[17];
                return new ReportFacts((UUID) v[0], (String) v[1], (String) v[2], (String) v[3],
                        CaseStatus.valueOf((String) v[4]), (Boolean) v[5], (Instant) v[6], (Integer) v[7],
                        (String) v[8], v[9] == null ? null : ChildStatus.valueOf((String) v[9]), (String) v[10],
                        (String) v[11], (String) v[12], (Instant) v[13], (Integer) v[14], (Integer) v[15],
                        (Boolean) v[16], due == null ? null : new DueAt(due, Boolean.TRUE.equals(v[18])),
                        (String) v[19], visits, board);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime offset(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private StoreException failure(SQLException e) {
        return new StoreException("Could not read the report's facts from " + db.file() + " (" + e.getMessage()
                + "). Run 'resolve rebuild' to make them again from the record.", e);
    }
}
