/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import uk.resolve.domain.time.CalendarOverride;
import uk.resolve.domain.time.UkCalendar;

/** Settings, imported procedures and calendar overrides of one database. */
public final class SettingsStore {

    /** The setting that names this database's device. */
    public static final String DEVICE_ID = "device.id";

    /** A procedure file imported by a user. */
    public record ImportedPolicy(String id, String version, String source, Instant importedAt, String importedBy) {
    }

    private final Database db;

    public SettingsStore(Database db) {
        this.db = db;
    }

    public Optional<String> get(String name) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT val FROM setting WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the settings", e);
        }
    }

    public void put(String name, String value) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("MERGE INTO setting (name, val) KEY (name) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the setting", e);
        }
    }

    /** The names of the settings that start with {@code prefix}. */
    public java.util.List<String> names(String prefix) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT name FROM setting WHERE LEFT(name, ?) = ? ORDER BY name")) {
            ps.setInt(1, prefix.length());
            ps.setString(2, prefix);
            java.util.List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the settings", e);
        }
    }

    public void remove(String name) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("DELETE FROM setting WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("remove the setting", e);
        }
    }

    /** This database's device id, made on first use. */
    public synchronized String deviceId() {
        return get(DEVICE_ID).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            put(DEVICE_ID, id);
            return id;
        });
    }

    public void saveImportedPolicy(ImportedPolicy p) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "MERGE INTO imported_policy (id, version, source, imported_at, imported_by) KEY (id, version) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, p.id());
            ps.setString(2, p.version());
            ps.setString(3, p.source());
            ps.setString(4, p.importedAt().toString());
            ps.setString(5, p.importedBy());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the imported procedure", e);
        }
    }

    public List<ImportedPolicy> importedPolicies() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, version, source, imported_at, imported_by FROM imported_policy ORDER BY imported_at");
             ResultSet rs = ps.executeQuery()) {
            List<ImportedPolicy> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ImportedPolicy(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.parse(rs.getString(4)), rs.getString(5)));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the imported procedures", e);
        }
    }

    public List<CalendarOverride> calendarOverrides() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT holiday, name, working_day, calendar FROM calendar_override ORDER BY holiday, calendar");
             ResultSet rs = ps.executeQuery()) {
            List<CalendarOverride> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new CalendarOverride(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getBoolean(3),
                        UkCalendar.Region.fromCode(rs.getString(4)).orElse(UkCalendar.Region.ENGLAND_AND_WALES)));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the calendar", e);
        }
    }

    public void putCalendarOverride(CalendarOverride o) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "MERGE INTO calendar_override (holiday, calendar, name, working_day) KEY (holiday, calendar)"
                        + " VALUES (?, ?, ?, ?)")) {
            ps.setDate(1, Date.valueOf(o.date()));
            ps.setString(2, o.region().code());
            ps.setString(3, o.name());
            ps.setBoolean(4, o.workingDay());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the calendar change", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " in " + db.file() + " (" + StoreException.reason(e) + ").", e);
    }
}
