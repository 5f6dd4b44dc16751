/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryHasher;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.Quarantined;

/**
 * The entries set aside by sync and import, each kept as it was received (its content still sealed
 * under its case's key) so that an administrator can check it again and release it, or discard it;
 * and the entries discarded, so that the same bytes offered again are skipped.
 */
public final class QuarantineStore {

    private static final ObjectMapper JSON = EntryStore.newJsonMapper();

    private final Database db;

    public QuarantineStore(Database db) {
        this.db = db;
    }

    /** One entry to set aside: what is said about it, and the entry itself as received (null: unreadable). */
    public record Item(Quarantined about, Entry entry) {
    }

    /** An entry discarded earlier, by its id and the digest of the bytes discarded ({@code ""}: unreadable). */
    public record Discarded(UUID entryId, String digest) {
    }

    /** How many entries were discarded, and how many times since then a sync or import offered one again. */
    public record DiscardCount(long entries, long offeredAgain) {
    }

    /** Adds {@code items} without keeping the entries; one already there is refreshed (found again). */
    public void put(Collection<Quarantined> items) {
        putAll(items.stream().map(q -> new Item(q, null)).toList());
    }

    /**
     * Adds {@code items}, keeping each entry up to {@link Quarantined#MAX_KEPT_CHARS} characters (a
     * larger one keeps only what is said about it); one already there is refreshed with the newest version.
     */
    public void putAll(Collection<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("MERGE INTO quarantine"
                + " (entry_id, direction, device, device_seq, author, case_id, type, source, reason, found_at,"
                + " entry_digest, kept_entry) KEY (entry_id, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Item item : items) {
                Quarantined q = item.about();
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
                Entry e = item.entry();
                ps.setString(11, e == null ? null : EntryHasher.digest(e));
                String kept = e == null ? null : json(e);
                if (kept == null || kept.length() > Quarantined.MAX_KEPT_CHARS) {
                    ps.setNull(12, Types.CLOB);
                } else {
                    ps.setString(12, kept);
                }
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
                     + " source, reason, found_at, kept_entry IS NOT NULL FROM quarantine"
                     + " ORDER BY found_at DESC, device, device_seq")) {
            List<Quarantined> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Quarantined(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                        rs.getString(9), Instant.parse(rs.getString(10)), rs.getBoolean(11)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Could not read the quarantine (" + StoreException.reason(e) + ").", e);
        }
    }

    /** The entry kept for {@code entryId} set aside in {@code direction}, as received; empty when none is kept. */
    public Optional<Entry> kept(UUID entryId, String direction) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT kept_entry FROM quarantine WHERE entry_id = ? AND direction = ?")) {
            ps.setObject(1, entryId);
            ps.setString(2, direction);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? Optional.of(entry(rs.getString(1))) : Optional.empty();
            }
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

    /**
     * Removes an incoming entry from the quarantine for good and remembers its id and digest, in one
     * transaction, so that the same bytes offered again are skipped.
     *
     * @return false when it was no longer there
     */
    public boolean discard(UUID entryId, String direction, String by, Instant at) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                String digest;
                try (PreparedStatement ps = c.prepareStatement("SELECT entry_digest FROM quarantine WHERE entry_id = ?"
                        + " AND direction = ?")) {
                    ps.setObject(1, entryId);
                    ps.setString(2, direction);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return false;
                        }
                        digest = rs.getString(1) == null ? "" : rs.getString(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("MERGE INTO quarantine_discarded (entry_id,"
                        + " entry_digest, discarded_at, discarded_by) KEY (entry_id, entry_digest) VALUES (?, ?, ?, ?)")) {
                    ps.setObject(1, entryId);
                    ps.setString(2, digest);
                    ps.setString(3, at.toString());
                    ps.setString(4, clip(by, 200));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM quarantine WHERE entry_id = ? AND direction = ?")) {
                    ps.setObject(1, entryId);
                    ps.setString(2, direction);
                    ps.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not discard the entry from quarantine (" + StoreException.reason(e)
                    + "). Nothing was changed.", e);
        }
    }

    /** Every entry discarded, by id: the digests of the versions discarded. Few, so read whole. */
    public Map<UUID, Set<String>> discarded() {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT entry_id, entry_digest FROM quarantine_discarded")) {
            Map<UUID, Set<String>> out = new HashMap<>();
            while (rs.next()) {
                out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Could not read the entries discarded from quarantine ("
                    + StoreException.reason(e) + ").", e);
        }
    }

    /** Counts one more offer of each of {@code again}, skipped because it was discarded. */
    public void offeredAgain(Collection<Discarded> again) {
        if (again.isEmpty()) {
            return;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("UPDATE quarantine_discarded"
                + " SET offered_again = offered_again + 1 WHERE entry_id = ? AND entry_digest = ?")) {
            for (Discarded d : again) {
                ps.setObject(1, d.entryId());
                ps.setString(2, d.digest());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("Could not count the discarded entries offered again ("
                    + StoreException.reason(e) + ").", e);
        }
    }

    /** How many entries were discarded, and how often they were offered again since. */
    public DiscardCount discardCount() {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(offered_again), 0) FROM quarantine_discarded")) {
            rs.next();
            return new DiscardCount(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new StoreException("Could not read the entries discarded from quarantine ("
                    + StoreException.reason(e) + ").", e);
        }
    }

    /** Empties the quarantine; returns how many it held. Discarded entries stay discarded. */
    public int clear() {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM quarantine");
        } catch (SQLException e) {
            throw new StoreException("Could not clear the quarantine (" + StoreException.reason(e) + ").", e);
        }
    }

    private static String json(Entry e) {
        try {
            return JSON.writeValueAsString(e.fields());
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("an entry's fields always serialise", x);
        }
    }

    private static Entry entry(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            String code = n.get("type").asText();
            EntryType type = EntryType.fromCode(code).orElseThrow(() -> new StoreException("The quarantine holds an"
                    + " entry of a kind this version of Resolve does not know ('" + code + "'). Install the newer"
                    + " version of Resolve, or discard the entry."));
            TreeMap<String, String> data = new TreeMap<>();
            n.get("data").fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
            return new Entry(UUID.fromString(n.get("id").asText()), UUID.fromString(n.get("caseId").asText()), type,
                    n.get("author").asText(), n.get("device").asText(), n.get("deviceSeq").asLong(),
                    EntryStore.instant(n.get("writtenAt").asText()), EntryStore.instant(n.get("happenedAt").asText()),
                    data, n.get("prevHash").asText(), n.get("hash").asText(), n.path("signature").asText(""));
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof StoreException s) {
                throw s;
            }
            throw new StoreException("The entry kept in quarantine is damaged, so it cannot be checked again."
                    + " Discard it; the next sync that offers it sets it aside again if it still fails.", e);
        }
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
