/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import uk.resolve.domain.record.Quarantined;

/** The entries set aside by sync and import: kept for an administrator to see and clear. */
public final class QuarantineStore {

    private final Database db;

    public QuarantineStore(Database db) {
        this.db = db;
    }

    /** Adds {@code items}; one already there is refreshed (found again). */
    public void put(Collection<Quarantined> items) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("MERGE INTO quarantine"
                + " (entry_id, direction, device, device_seq, author, case_id, type, source, reason, found_at)"
                + " KEY (entry_id, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Quarantined q : items) {
                ps.setObject(1, q.entryId());
                ps.setString(2, q.direction());
                ps.setString(3, q.device());
                ps.setLong(4, q.deviceSeq());
                ps.setString(5, clip(q.author(), 200));
                ps.setObject(6, q.caseId());
                ps.setString(7, clip(q.type(), 40));
                ps.setString(8, clip(q.source(), 200));
                ps.setString(9, clip(q.reason(), 500));
                ps.setString(10, q.foundAt().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("Could not set entries aside in quarantine (" + StoreException.reason(e) + ").", e);
        }
    }

    /** Everything in quarantine, newest first. */
    public List<Quarantined> list() {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT entry_id, direction, device, device_seq, author, case_id, type,"
                     + " source, reason, found_at FROM quarantine ORDER BY found_at DESC, device, device_seq")) {
            List<Quarantined> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Quarantined(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                        rs.getString(9), Instant.parse(rs.getString(10))));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Could not read the quarantine (" + StoreException.reason(e) + ").", e);
        }
    }

    /** Takes one entry out of the quarantine; returns how many rows that was (0 when it was not there). */
    public int remove(UUID entryId, String direction) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM quarantine WHERE entry_id = ? AND direction = ?")) {
            ps.setObject(1, entryId);
            ps.setString(2, direction);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not release the entry from quarantine (" + StoreException.reason(e) + ").",
                    e);
        }
    }

    /** Empties the quarantine; returns how many it held. */
    public int clear() {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM quarantine");
        } catch (SQLException e) {
            throw new StoreException("Could not clear the quarantine (" + StoreException.reason(e) + ").", e);
        }
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
