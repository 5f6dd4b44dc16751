/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each person's list cache as stored: opaque sealed values, one per bucket, made and opened by the
 * application with the person's own key (it holds nothing in clear). Derived data: losing any of it
 * costs only time at the next list.
 */
public final class ListCacheStore {

    private final Database db;

    public ListCacheStore(Database db) {
        this.db = db;
    }

    /** {@code person}'s sealed buckets, by bucket number. */
    public Map<Integer, byte[]> read(String person) {
        Map<Integer, byte[]> out = new TreeMap<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT bucket, sealed FROM list_cache WHERE person = ?")) {
            ps.setString(1, key(person));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getBytes(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the case list's cache", e);
        }
    }

    /** Replaces {@code person}'s buckets named in {@code buckets}, in one transaction. */
    public void write(String person, Map<Integer, byte[]> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO list_cache (person, bucket, sealed) KEY (person, bucket) VALUES (?, ?, ?)")) {
                for (Map.Entry<Integer, byte[]> b : buckets.entrySet()) {
                    ps.setString(1, key(person));
                    ps.setInt(2, b.getKey());
                    ps.setBytes(3, b.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("save the case list's cache", e);
        }
    }

    /** Forgets {@code person}'s cache (removed, or theirs found not to match the record). */
    public void clear(String person) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM list_cache WHERE person = ?")) {
            ps.setString(1, key(person));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("empty the case list's cache", e);
        }
    }

    /** Forgets everyone's cache ('resolve rebuild'). Returns how many buckets there were. */
    public int clearAll() {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM list_cache");
        } catch (SQLException e) {
            throw failure("empty the case list's cache", e);
        }
    }

    /** Whose caches are stored (lower-case names). */
    public java.util.Set<String> people() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT person FROM list_cache")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the case list's cache", e);
        }
    }

    private static String key(String person) {
        return person.toLowerCase(Locale.ROOT);
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " in " + db.file() + " (" + StoreException.reason(e)
                + "). It is made again from the record: run 'resolve rebuild'.", e);
    }
}
