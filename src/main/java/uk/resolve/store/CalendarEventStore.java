/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import uk.resolve.domain.calendar.DeadlineEvent;
import uk.resolve.domain.time.DueAt;

/** The deadline events already written to each person's calendar files. */
public final class CalendarEventStore {

    private final Database db;

    public CalendarEventStore(Database db) {
        this.db = db;
    }

    /** Every event issued to {@code person}. */
    public List<DeadlineEvent> issued(String person) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT uid, case_number, procedure_name, stage, label, due, whole_day, sequence, cancelled"
                        + " FROM issued_calendar_event WHERE person = ? ORDER BY uid")) {
            ps.setString(1, person);
            try (ResultSet rs = ps.executeQuery()) {
                List<DeadlineEvent> out = new ArrayList<>();
                while (rs.next()) {
                    String due = rs.getString(6);
                    DueAt at = rs.getBoolean(7) ? DueAt.endOf(LocalDate.parse(due)) : DueAt.at(LocalDateTime.parse(due));
                    out.add(new DeadlineEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), at, rs.getInt(8), rs.getBoolean(9)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure("read the calendar events already issued", e);
        }
    }

    /** Remembers {@code events} as issued to {@code person}, in one transaction. */
    public void remember(String person, List<DeadlineEvent> events) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO issued_calendar_event (person, uid, case_number,"
                    + " procedure_name, stage, label, due, whole_day, sequence, cancelled) KEY (person, uid)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (DeadlineEvent e : events) {
                    ps.setString(1, person);
                    ps.setString(2, e.uid());
                    ps.setString(3, e.caseNumber());
                    ps.setString(4, e.procedure());
                    ps.setString(5, e.stage());
                    ps.setString(6, e.label());
                    ps.setString(7, e.due().iso());
                    ps.setBoolean(8, e.due().wholeDay());
                    ps.setInt(9, e.sequence());
                    ps.setBoolean(10, e.cancelled());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("remember the calendar events issued", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " in " + db.file() + " (" + e.getMessage() + ").", e);
    }
}
