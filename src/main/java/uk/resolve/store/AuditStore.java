/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.audit.AuditEvent;

/** The audit log of one database: append-only, hash-chained, written in the same database as the cases. */
public final class AuditStore {

    private final Database db;
    private final Object lock = new Object();

    public AuditStore(Database db) {
        this.db = db;
    }

    /**
     * Appends one event after the newest. Its time is kept to the millisecond, as stored: a clock
     * giving nanoseconds would otherwise be hashed with digits the database does not keep.
     */
    public AuditEvent append(Instant at, String actor, AuditAction action, String subject, String detail) {
        synchronized (lock) {
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try {
                    AuditEvent e = AuditEvent.next(last(c), at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), actor, action, clip(subject, 200), clip(detail, 2000));
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event"
                            + " (seq, at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setLong(1, e.seq());
                        ps.setTimestamp(2, Timestamp.from(e.at()));
                        ps.setString(3, e.actor());
                        ps.setString(4, e.action());
                        ps.setString(5, e.subject());
                        ps.setString(6, e.detail());
                        ps.setString(7, e.prevHash());
                        ps.setString(8, e.hash());
                        ps.executeUpdate();
                    }
                    c.commit();
                    return e;
                } catch (SQLException ex) {
                    c.rollback();
                    throw ex;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException ex) {
                throw new StoreException("Could not write to the audit log (" + StoreException.reason(ex) + ").", ex);
            }
        }
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static AuditEvent last(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, at, actor, action, subject, detail, prev_hash, hash"
                     + " FROM audit_event ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? read(rs) : null;
        }
    }

    /** Every event, oldest first. */
    public List<AuditEvent> all() {
        return query("SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_event ORDER BY seq", -1);
    }

    /** The newest {@code limit} events, oldest first. */
    public List<AuditEvent> latest(int limit) {
        List<AuditEvent> newestFirst = query("SELECT seq, at, actor, action, subject, detail, prev_hash, hash"
                + " FROM audit_event ORDER BY seq DESC LIMIT ?", limit);
        List<AuditEvent> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    public long count() {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Could not read the audit log (" + StoreException.reason(e) + ").", e);
        }
    }

    private List<AuditEvent> query(String sql, int limit) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (limit >= 0) {
                ps.setInt(1, limit);
            }
            List<AuditEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Could not read the audit log (" + StoreException.reason(e) + ").", e);
        }
    }

    private static AuditEvent read(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
