/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The people who may sign in to this database, with their role and team. */
public final class UserStore {

    /**
     * A person as stored.
     *
     * @param name     sign-in name (lower case)
     * @param fullName as they like to be shown; may be empty
     * @param role     role code
     * @param team     team or agency
     * @param active   false once removed (kept so that their name in the record still means something)
     */
    public record UserRow(String name, String fullName, String role, String team, boolean active, Instant createdAt,
                          String createdBy) {
    }

    private final Database db;

    public UserStore(Database db) {
        this.db = db;
    }

    public Optional<UserRow> find(String name) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT name, full_name, role, team, active, created_at, created_by FROM app_user WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the users", e);
        }
    }

    public List<UserRow> all() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT name, full_name, role, team, active, created_at, created_by FROM app_user ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            List<UserRow> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the users", e);
        }
    }

    /**
     * Adds or replaces the person {@code u.name()}, and in the same transaction the digest of the
     * people table, so a change made outside Resolve (a role raised with SQL) shows in 'verify'.
     */
    public void save(UserRow u) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO app_user (name, full_name, role, team, active, created_at, created_by) KEY (name)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, u.name());
                ps.setString(2, u.fullName());
                ps.setString(3, u.role());
                ps.setString(4, u.team());
                ps.setBoolean(5, u.active());
                ps.setTimestamp(6, Timestamp.from(u.createdAt()));
                ps.setString(7, u.createdBy());
                ps.executeUpdate();
                CheckpointStore.recordPeople(c, java.time.Instant.now());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("save the user", e);
        }
    }

    public long count() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM app_user");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("read the users", e);
        }
    }

    private static UserRow read(ResultSet rs) throws SQLException {
        return new UserRow(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant(), rs.getString(7));
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " (" + StoreException.reason(e) + ").", e);
    }
}
