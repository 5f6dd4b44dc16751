/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import uk.resolve.domain.record.Checkpoint;

/**
 * The checkpoints of one database: the newest head seen of every device's chain and of the audit
 * log. {@link #take} only ever moves a checkpoint forward, so taking one after entries were deleted
 * or replaced keeps the earlier, true head, and verifying still finds the loss.
 */
public final class CheckpointStore {

    private static final String RECORD = "record";
    private static final String AUDIT = "audit";
    private static final String PEOPLE = "people";

    private final Database db;
    private final String device;

    /** @param device this database's device id, under which the audit log's checkpoint is kept */
    public CheckpointStore(Database db, String device) {
        this.db = db;
        this.device = device;
    }

    /** Records the present heads of every chain and of the audit log, where they are further on than before. */
    public void take(String source, Instant now) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                List<Checkpoint> heads = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT h.device, h.device_seq, h.hash, e.id, e.author,"
                        + " e.case_id FROM device_head h LEFT JOIN entry e ON e.device = h.device"
                        + " AND e.device_seq = h.device_seq");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        heads.add(new Checkpoint(rs.getString(1), rs.getLong(2), rs.getString(3),
                                rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, UUID.class), now, source));
                    }
                }
                for (Checkpoint h : heads) {
                    advance(c, RECORD, h);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT seq, hash, actor FROM audit_event ORDER BY seq DESC LIMIT 1");
                     ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        advance(c, AUDIT, new Checkpoint(device, rs.getLong(1), rs.getString(2), null,
                                rs.getString(3), null, now, source));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not record the checkpoint of the record (" + StoreException.reason(e)
                    + "). Nothing was lost; run 'resolve verify'.", e);
        }
    }

    /**
     * Sync's exchange of checkpoints with the shared file's copy {@code other}: this database's heads
     * are taken now; then each side takes the other's checkpoints of the devices' chains that its own
     * record bears out (it holds the entry at the checkpoint's place, with the checkpoint's hash), and
     * every audit-log checkpoint, so that a laptop that lost entries or audit events is told by the
     * checkpoints it once sent.
     */
    public void exchange(CheckpointStore other, String source, Instant now) {
        take(source, now);
        other.accept(RECORD, read(RECORD));
        other.accept(AUDIT, read(AUDIT));
        accept(RECORD, other.read(RECORD));
        accept(AUDIT, other.read(AUDIT));
    }

    /** Checkpoints as carried by a segment or an export file: the devices' chains and the audit logs. */
    public record Held(List<Checkpoint> record, List<Checkpoint> audit) {
        public Held {
            record = List.copyOf(record);
            audit = List.copyOf(audit);
        }
    }

    /** This database's checkpoints to send with a segment or export, its own heads taken now first. */
    public Held held(String source, Instant now) {
        take(source, now);
        return new Held(read(RECORD), read(AUDIT));
    }

    /** The checkpoints held here as they are (the shared file's, read without taking new ones). */
    public Held offered() {
        return new Held(read(RECORD), read(AUDIT));
    }

    /**
     * Takes the checkpoints that came with a segment or an export file, as sync's exchange does: those
     * of the devices' chains that this record bears out, and every audit-log checkpoint. Call it after
     * the entries that came with them were added.
     */
    public void receive(Held offered) {
        accept(RECORD, offered.record());
        accept(AUDIT, offered.audit());
    }

    private void accept(String chain, List<Checkpoint> offered) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement held = c.prepareStatement(
                    "SELECT COUNT(*) FROM entry WHERE device = ? AND device_seq = ? AND hash = ?")) {
                for (Checkpoint cp : offered) {
                    if (RECORD.equals(chain)) {
                        held.setString(1, cp.device());
                        held.setLong(2, cp.seq());
                        held.setString(3, cp.hash());
                        try (ResultSet rs = held.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) == 0 && !(cp.device().equals(device) && lacks(c, cp))) {
                                continue;
                            }
                        }
                    }
                    advance(c, chain, cp);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not record the checkpoints of the shared file ("
                    + StoreException.reason(e) + ").", e);
        }
    }

    /**
     * True when this database holds no entry at all at the checkpoint's place: a checkpoint others saw of
     * this database's own chain, further than it now reaches, says its own entries were lost (restored
     * from an old backup, or deleted with the checkpoints that saw them), so it is kept for 'verify'.
     */
    private static boolean lacks(Connection c, Checkpoint cp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM entry WHERE device = ? AND device_seq >= ?")) {
            ps.setString(1, cp.device());
            ps.setLong(2, cp.seq());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        }
    }

    private static void advance(Connection c, String chain, Checkpoint cp) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE checkpoint SET seq = ?, hash = ?, entry_id = ?,"
                + " author = ?, case_id = ?, seen_at = ?, source = ? WHERE chain = ? AND device = ? AND seq < ?")) {
            bind(up, cp, 1);
            up.setString(8, chain);
            up.setString(9, cp.device());
            up.setLong(10, cp.seq());
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO checkpoint (seq, hash, entry_id, author, case_id,"
                + " seen_at, source, chain, device) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM checkpoint WHERE chain = ? AND device = ?)")) {
            bind(ins, cp, 1);
            ins.setString(8, chain);
            ins.setString(9, cp.device());
            ins.setString(10, chain);
            ins.setString(11, cp.device());
            ins.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Checkpoint cp, int from) throws SQLException {
        ps.setLong(from, cp.seq());
        ps.setString(from + 1, cp.hash());
        ps.setObject(from + 2, cp.entryId());
        ps.setString(from + 3, cp.author());
        ps.setObject(from + 4, cp.caseId());
        ps.setString(from + 5, cp.seenAt().toString());
        ps.setString(from + 6, cp.source());
    }

    /** Keeps the digest of the people table as it is now, on {@code c} (in the caller's transaction). */
    static void recordPeople(Connection c, Instant now) throws SQLException {
        String digest = peopleDigest(c);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO checkpoint (chain, device, seq, hash, seen_at, source)"
                + " KEY (chain, device) VALUES (?, '-', 0, ?, ?, ?)")) {
            ps.setString(1, PEOPLE);
            ps.setString(2, digest);
            ps.setString(3, now.toString());
            ps.setString(4, PEOPLE);
            ps.executeUpdate();
        }
    }

    private static String peopleDigest(Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, full_name, role, team, active FROM app_user ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                    String v = rs.getString(i);
                    sb.append(v == null ? "\u0000" : v.length() + ":" + v).append('|');
                }
                sb.append('\n');
            }
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the people table still matches the digest Resolve kept at its last change to it. A
     * database from before digests were kept gets one now (it can only be checked from then on).
     *
     * @return true when it matches (or was recorded now), false when it was changed outside Resolve
     */
    public boolean peopleUnchanged(Instant now) {
        try (Connection c = db.connection()) {
            String kept = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM checkpoint WHERE chain = ?")) {
                ps.setString(1, PEOPLE);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        kept = rs.getString(1);
                    }
                }
            }
            if (kept == null) {
                recordPeople(c, now);
                return true;
            }
            return kept.equals(peopleDigest(c));
        } catch (SQLException e) {
            throw new StoreException("Could not check the people who may sign in (" + StoreException.reason(e) + ").", e);
        }
    }

    /** The checkpoints of the devices' chains. */
    public List<Checkpoint> record() {
        return read(RECORD);
    }

    /** The checkpoint of this database's audit log, if one was taken. */
    public Optional<Checkpoint> audit() {
        return read(AUDIT).stream().filter(cp -> cp.device().equals(device)).findFirst();
    }

    private List<Checkpoint> read(String chain) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT device, seq, hash, entry_id, author, case_id, seen_at,"
                     + " source FROM checkpoint WHERE chain = ? ORDER BY device")) {
            ps.setString(1, chain);
            List<Checkpoint> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Checkpoint(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getObject(4, UUID.class),
                            rs.getString(5), rs.getObject(6, UUID.class), Instant.parse(rs.getString(7)),
                            rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Could not read the checkpoints (" + StoreException.reason(e) + ").", e);
        }
    }
}
