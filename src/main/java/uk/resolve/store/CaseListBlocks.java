/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.time.DueAt;
import uk.resolve.store.CaseSummaryStore.Listing;

/**
 * The rows My escalations reads, packed: every case's listing and who may see it, in 256 blocks by the
 * first byte of the case id, each block one compact value ({@code case_list_block}, V21). H2 decrypts a
 * database page by page, so what a list of 50,000 cases costs is mostly the bytes it reads: a block
 * holds the texts its rows share once (stage headings, agencies, procedures, teams), ids as 16 bytes,
 * numbers and moments as variable-length integers, and no column or row overhead of H2's own.
 *
 * <p>Derived from the same summaries as {@code case_listing} and written in the same transaction
 * ({@link Changes}); never trusted: each block carries a CRC-32C and a format, and blocks that fail
 * either, or that do not cover every summary, are made again from the listing rows.
 */
final class CaseListBlocks {

    static final int BLOCKS = 256;
    /** The first byte of every block's content; raised with the format, so an older block is made again. */
    static final int FORMAT = 1;

    private CaseListBlocks() {
    }

    static int block(UUID id) {
        return (int) (id.getMostSignificantBits() >>> 56);
    }

    // ---- written in the transaction that writes the summaries -------------------------------

    /**
     * What one transaction changes in the blocks: each case's new row (or its removal), written by
     * {@link #flush} before the transaction commits, one read and one write per block touched.
     */
    static final class Changes {
        private final Map<UUID, Listing> rows = new LinkedHashMap<>();
        private final boolean everything;

        private Changes(boolean everything) {
            this.everything = everything;
        }

        /** Changes to some cases; the other rows of their blocks are kept. */
        static Changes some() {
            return new Changes(false);
        }

        /** Every row, replacing all the blocks (a rebuild). */
        static Changes all() {
            return new Changes(true);
        }

        /** {@code id}'s row is now {@code row} (null: the case has no summary now). */
        void put(UUID id, Listing row) {
            rows.put(id, row);
        }

        void flush(Connection c) throws SQLException {
            Map<Integer, Map<UUID, Listing>> byBlock = new TreeMap<>();
            rows.forEach((id, row) -> byBlock.computeIfAbsent(block(id), b -> new LinkedHashMap<>()).put(id, row));
            if (everything) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM case_list_block");
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO case_list_block (block, cases, content, checksum) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<Integer, Map<UUID, Listing>> b : byBlock.entrySet()) {
                        List<Listing> kept = new ArrayList<>();
                        b.getValue().values().stream().filter(r -> r != null).forEach(kept::add);
                        if (!kept.isEmpty()) {
                            bind(ps, b.getKey(), kept);
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
                rows.clear();
                return;
            }
            for (Map.Entry<Integer, Map<UUID, Listing>> b : byBlock.entrySet()) {
                Map<UUID, Listing> block = new LinkedHashMap<>();
                Stored stored = read(c, b.getKey());
                List<Listing> had = stored == null ? null : stored.rows(new Texts());
                if (had == null && stored != null) {
                    // damaged: the rows it held are unknown, so the blocks are made again at the next list
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM case_list_block WHERE block = ?")) {
                        ps.setInt(1, b.getKey());
                        ps.executeUpdate();
                    }
                    continue;
                }
                if (had != null) {
                    had.forEach(r -> block.put(r.caseId(), r));
                }
                b.getValue().forEach((id, row) -> {
                    if (row == null) {
                        block.remove(id);
                    } else {
                        block.put(id, row);
                    }
                });
                if (block.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM case_list_block WHERE block = ?")) {
                        ps.setInt(1, b.getKey());
                        ps.executeUpdate();
                    }
                } else {
                    try (PreparedStatement ps = c.prepareStatement(
                            "MERGE INTO case_list_block (block, cases, content, checksum) KEY (block) VALUES (?, ?, ?, ?)")) {
                        bind(ps, b.getKey(), new ArrayList<>(block.values()));
                        ps.executeUpdate();
                    }
                }
            }
            rows.clear();
        }

        private static void bind(PreparedStatement ps, int block, List<Listing> rows) throws SQLException {
            byte[] content = encode(rows);
            ps.setInt(1, block);
            ps.setInt(2, rows.size());
            ps.setBytes(3, content);
            ps.setLong(4, checksum(block, rows.size(), content));
        }
    }

    // ---- read ----------------------------------------------------------------------------------

    /** A block as stored: its rows are read only if its checksum matches. */
    record Stored(int block, int cases, byte[] content, long checksum) {

        boolean intact() {
            return CaseListBlocks.checksum(block, cases, content) == checksum;
        }

        /** Its rows, or null when it is damaged (checksum, format, or a row of another block). */
        List<Listing> rows(Texts texts) {
            if (!intact()) {
                return null;
            }
            List<Listing> out = decode(content, texts);
            if (out == null || out.size() != cases || out.stream().anyMatch(r -> CaseListBlocks.block(r.caseId()) != block)) {
                return null;
            }
            return out;
        }
    }

    static Stored read(Connection c, int block) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT block, cases, content, checksum FROM case_list_block WHERE block = ?")) {
            ps.setInt(1, block);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Stored(rs.getInt(1), rs.getInt(2), rs.getBytes(3), rs.getLong(4)) : null;
            }
        }
    }

    /**
     * Every row of every block to {@code action}, the texts shared across blocks. Returns false (having
     * handed on the rows of the sound blocks) when a block is damaged or the blocks hold another number of
     * cases than {@code expected}: the caller then makes them again.
     */
    static boolean readAll(Connection c, long expected, Consumer<Listing> action) throws SQLException {
        Texts texts = new Texts();
        long seen = 0;
        boolean sound = true;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT block, cases, content, checksum FROM case_list_block")) {
            while (rs.next()) {
                List<Listing> rows = new Stored(rs.getInt(1), rs.getInt(2), rs.getBytes(3), rs.getLong(4)).rows(texts);
                if (rows == null) {
                    sound = false;
                    continue;
                }
                seen += rows.size();
                rows.forEach(action);
            }
        }
        return sound && seen == expected;
    }

    static long checksum(int block, int cases, byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(block);
        crc.update(cases >>> 24);
        crc.update(cases >>> 16);
        crc.update(cases >>> 8);
        crc.update(cases);
        crc.update(content);
        return crc.getValue();
    }

    // ---- the format ------------------------------------------------------------------------------

    /**
     * One copy of each text and each set of names for a whole read, so that 50,000 rows share them (and
     * what is made of them later, such as a list's rows, can tell them apart by identity).
     */
    static final class Texts {
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, Set<String>> sets = new HashMap<>();

        String one(String s) {
            return s == null ? null : texts.computeIfAbsent(s, k -> k);
        }

        Set<String> set(String joined) {
            return sets.computeIfAbsent(joined, k -> k.isEmpty() ? Set.of()
                    : Set.copyOf(Arrays.asList(k.split("\n"))));
        }
    }

    /*
     * content := FORMAT, texts, rows
     * texts   := count, then each: length, UTF-8 bytes         (referred to by position + 1; 0 is null)
     * rows    := count, then each row:
     *   id (16 bytes), owner, team, shared (names joined by newlines), flags
     *   when summarised: policyId, policyVersion, trackId, stage, lastStage, highestStage, stageHeading,
     *   status, childRef, childName, childStatus, raisedBy, raisedAgency, otherAgency, otherProfessional,
     *   category, openedAt, writtenAt, nextDue, firstUnmetDue, due (count, each a text), endedAt,
     *   endedAtStage, sampleOutcome
     * Numbers are unsigned LEB128 (signed ones zig-zagged); a moment is seconds and nanoseconds of the
     * epoch; a deadline its kind (none, whole day, moment, whole day not at midnight), its epoch day and,
     * but for a whole day at midnight, its nanosecond of the day; enums by name, as texts.
     */
    private static final int SUMMARISED = 1;
    private static final int IMMEDIATE_RISK = 2;
    private static final int SAMPLE = 4;

    static byte[] encode(List<Listing> rows) {
        Map<String, Integer> table = new LinkedHashMap<>();
        Out body = new Out();
        body.uint(rows.size());
        for (Listing r : rows) {
            body.uuid(r.caseId());
            body.text(table, r.owner());
            body.text(table, r.team());
            body.text(table, String.join("\n", new java.util.TreeSet<>(r.sharedWith())));
            CaseListing l = r.listing();
            if (l == null) {
                body.uint(0);
                continue;
            }
            body.uint(SUMMARISED | (l.immediateRisk() ? IMMEDIATE_RISK : 0) | (l.sample() ? SAMPLE : 0));
            body.text(table, l.policyId());
            body.text(table, l.policyVersion());
            body.text(table, l.trackId());
            body.sint(l.stage());
            body.sint(l.lastStage());
            body.sint(l.highestStage());
            body.text(table, l.stageHeading());
            body.text(table, l.status().name());
            body.text(table, l.childRef());
            body.text(table, l.childName());
            body.text(table, l.childStatus() == null ? null : l.childStatus().name());
            body.text(table, l.raisedBy());
            body.text(table, l.raisedAgency());
            body.text(table, l.otherAgency());
            body.text(table, l.otherProfessional());
            body.text(table, l.category());
            body.instant(l.openedAt());
            body.instant(l.writtenAt());
            body.due(l.nextDue());
            body.due(l.firstUnmetDue());
            body.uint(l.due().size());
            for (String d : l.due()) {
                body.text(table, d);
            }
            body.instant(l.endedAt());
            body.sint(l.endedAtStage());
            body.text(table, l.sampleOutcome());
        }
        Out out = new Out();
        out.bytes.write(FORMAT);
        out.uint(table.size());
        for (String t : table.keySet()) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            out.uint(b.length);
            out.bytes.write(b, 0, b.length);
        }
        byte[] b = body.bytes.toByteArray();
        out.bytes.write(b, 0, b.length);
        return out.bytes.toByteArray();
    }

    /** The rows of {@code content}, or null when it is not a well-formed block of this format. */
    static List<Listing> decode(byte[] content, Texts texts) {
        try {
            In in = new In(content);
            if (in.u8() != FORMAT) {
                return null;
            }
            int n = in.count();
            String[] table = new String[n + 1];
            Set<String>[] sets = newSets(n + 1);
            for (int i = 1; i <= n; i++) {
                table[i] = texts.one(in.utf8(in.count()));
            }
            int rows = in.count();
            List<Listing> out = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                UUID id = in.uuid();
                String owner = in.text(table);
                String team = in.text(table);
                int sharedAt = in.count();
                if (sharedAt == 0 || sharedAt > n) {
                    return null;
                }
                Set<String> shared = sets[sharedAt];
                if (shared == null) {
                    shared = sets[sharedAt] = texts.set(table[sharedAt]);
                }
                int flags = in.count();
                if (flags == 0) {
                    out.add(new Listing(id, owner, team, shared, null));
                    continue;
                }
                String policyId = in.text(table);
                String policyVersion = in.text(table);
                String trackId = in.text(table);
                int stage = in.sint();
                int lastStage = in.sint();
                int highestStage = in.sint();
                String heading = in.text(table);
                CaseStatus status = CaseStatus.valueOf(in.text(table));
                String childRef = in.text(table);
                String childName = in.text(table);
                String childStatus = in.text(table);
                String raisedBy = in.text(table);
                String raisedAgency = in.text(table);
                String otherAgency = in.text(table);
                String otherProfessional = in.text(table);
                String category = in.text(table);
                Instant opened = in.instant();
                Instant written = in.instant();
                DueAt next = in.due();
                DueAt unmet = in.due();
                int dues = in.count();
                String[] due = new String[dues];
                for (int k = 0; k < dues; k++) {
                    due[k] = in.text(table);
                }
                Instant ended = in.instant();
                int endedAtStage = in.sint();
                String sampleOutcome = in.text(table);
                out.add(new Listing(id, owner, team, shared, new CaseListing(id, policyId, policyVersion, trackId,
                        stage, lastStage, highestStage, heading, status, childRef, childName,
                        childStatus == null ? null : ChildStatus.valueOf(childStatus), raisedBy, raisedAgency,
                        otherAgency, otherProfessional, category, (flags & IMMEDIATE_RISK) != 0, (flags & SAMPLE) != 0,
                        opened, written, next, unmet, List.of(due), ended, endedAtStage, sampleOutcome)));
            }
            return in.atEnd() ? out : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newSets(int n) {
        return (Set<String>[]) new Set<?>[n];
    }

    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);

        void uint(long v) {
            while ((v & ~0x7FL) != 0) {
                bytes.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            bytes.write((int) v);
        }

        void sint(long v) {
            uint((v << 1) ^ (v >> 63));
        }

        void uuid(UUID id) {
            long[] halves = {id.getMostSignificantBits(), id.getLeastSignificantBits()};
            for (long h : halves) {
                for (int s = 56; s >= 0; s -= 8) {
                    bytes.write((int) (h >>> s));
                }
            }
        }

        void text(Map<String, Integer> table, String s) {
            uint(s == null ? 0 : table.computeIfAbsent(s, k -> table.size() + 1));
        }

        void instant(Instant t) {
            if (t == null) {
                uint(0);
                return;
            }
            uint(1 + (long) t.getNano());
            sint(t.getEpochSecond());
        }

        void due(DueAt d) {
            if (d == null) {
                uint(0);
                return;
            }
            boolean midnight = d.moment().toLocalTime().equals(LocalTime.MIDNIGHT);
            uint(d.wholeDay() ? midnight ? 1 : 3 : 2);
            sint(d.moment().toLocalDate().toEpochDay());
            if (!d.wholeDay() || !midnight) {
                uint(d.moment().toLocalTime().toNanoOfDay());
            }
        }
    }

    private static final class In {
        private final byte[] b;
        private int at;

        In(byte[] b) {
            this.b = b;
        }

        int u8() {
            return b[at++] & 0xFF;
        }

        long uint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int x = u8();
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("number too long");
        }

        /** A count or position: never negative, never more than the bytes left could hold. */
        int count() {
            long v = uint();
            if (v < 0 || v > b.length) {
                throw new IllegalArgumentException("count out of range");
            }
            return (int) v;
        }

        int sint() {
            long v = uint();
            return Math.toIntExact((v >>> 1) ^ -(v & 1));
        }

        long slong() {
            long v = uint();
            return (v >>> 1) ^ -(v & 1);
        }

        UUID uuid() {
            return new UUID(word(), word());
        }

        private long word() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | u8();
            }
            return v;
        }

        String utf8(int n) {
            if (n > b.length - at) {
                throw new IllegalArgumentException("truncated");
            }
            String s = new String(b, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        String text(String[] table) {
            int i = count();
            if (i >= table.length) {
                throw new IllegalArgumentException("no such text");
            }
            return table[i];
        }

        Instant instant() {
            long tag = uint();
            if (tag == 0) {
                return null;
            }
            return Instant.ofEpochSecond(slong(), Math.toIntExact(tag - 1));
        }

        DueAt due() {
            long kind = uint();
            if (kind == 0) {
                return null;
            }
            LocalDate day = LocalDate.ofEpochDay(slong());
            if (kind == 1) {
                return new DueAt(day.atStartOfDay(), true);
            }
            if (kind != 2 && kind != 3) {
                throw new IllegalArgumentException("no such deadline");
            }
            return new DueAt(LocalDateTime.of(day, LocalTime.ofNanoOfDay(uint())), kind == 3);
        }

        boolean atEnd() {
            return at == b.length;
        }
    }

    /** The rows of {@code rows} keyed by case, for comparisons. */
    static Map<UUID, Listing> byId(Collection<Listing> rows) {
        Map<UUID, Listing> out = new HashMap<>();
        rows.forEach(r -> out.put(r.caseId(), r));
        return out;
    }
}
