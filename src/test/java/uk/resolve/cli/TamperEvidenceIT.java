/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryHasher;
import uk.resolve.security.Keyring;
import uk.resolve.store.Database;
import uk.resolve.store.EntryStore;

/**
 * Acts as a colleague who holds their own password and the database file: opens the file directly
 * with the key their password unwraps, edits and deletes rows (recomputing hashes where that would
 * help), and checks that 'resolve verify' exits non-zero naming what happened.
 */
class TamperEvidenceIT {

    @TempDir
    Path dir;
    private Path db;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        System.setProperty("resolve.now", "2026-11-25T12:00:00Z");
        db = dir.resolve("resolve.mv.db");
        cli = new CliRunner(db);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("resolve.now");
    }

    private String newCase(String ref) {
        CliRunner.Result r = cli.run("case", "new", "--policy", "croydon", "--child-ref", ref, "--raised-by", "Sam Lee",
                "--raised-agency", "Oak School", "--other-agency", "Children's Social Care", "--category",
                "Levels of need", "--concern", "Referral closed", "--at", "2026-11-23T10:00");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().strip();
    }

    private void discuss(String id, String summary) {
        CliRunner.Result r = cli.run("case", "discuss", id, "--with", "Duty SW", "--summary", summary);
        assertThat(r.code()).as(r.err()).isZero();
    }

    /** The database opened as the attacker would: with the key worker's own password unwraps. */
    private Database openAsAttacker() throws Exception {
        byte[] key = Keyring.load(Keyring.fileFor(db.toAbsolutePath())).slot("worker").orElseThrow().key()
                .unwrap(CliRunner.PASSWORD.toCharArray(), "resolve database key for worker");
        return Database.open(db, key);
    }

    private static List<Entry> entries(Database d) {
        List<Entry> all = new java.util.ArrayList<>(new EntryStore(d, "attacker").all());
        all.sort(Comparator.comparingLong(Entry::deviceSeq));
        return all;
    }

    private static void sql(Database d, String statement) throws Exception {
        try (Connection c = d.connection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    /** The head table made to agree with what is left, as a careful attacker would. */
    private static void fixHead(Database d) throws Exception {
        sql(d, "DELETE FROM device_head");
        sql(d, "INSERT INTO device_head (device, device_seq, hash) SELECT e.device, e.device_seq, e.hash FROM entry e"
                + " WHERE e.device_seq = (SELECT MAX(x.device_seq) FROM entry x WHERE x.device = e.device)");
    }

    private CliRunner.Result verifyBroken(String... says) {
        CliRunner.Result r = cli.run("verify");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("BREAK:");
        for (String s : says) {
            assertThat(r.out() + r.err()).contains(s);
        }
        return r;
    }

    @Test
    void anUntouchedRecordVerifiesAgainAndAgain() {
        String id = newCase("CR-1");
        discuss(id, "First call");
        for (int i = 0; i < 2; i++) {
            CliRunner.Result r = cli.run("verify");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("every chain is intact");
        }
    }

    @Test
    void theNewestEntryEditedWithItsHashRecomputedIsReported() throws Exception {
        String id = newCase("CR-1");
        discuss(id, "Agreed nothing");
        try (Database d = openAsAttacker()) {
            Entry newest = entries(d).get(entries(d).size() - 1);
            TreeMap<String, String> data = new TreeMap<>(newest.data());
            data.put("summary", "Agreed to close the case");
            Entry unsealed = new Entry(newest.id(), newest.caseId(), newest.type(), newest.author(), newest.device(),
                    newest.deviceSeq(), newest.writtenAt(), newest.happenedAt(), data, newest.prevHash(), "");
            String hash = EntryHasher.hash(unsealed);
            try (Connection c = d.connection();
                 PreparedStatement ps = c.prepareStatement("UPDATE entry SET data = ?, hash = ? WHERE id = ?")) {
                ps.setString(1, new ObjectMapper().writeValueAsString(data));
                ps.setString(2, hash);
                ps.setObject(3, newest.id());
                assertThat(ps.executeUpdate()).isOne();
            }
            fixHead(d);
        }
        verifyBroken("is not the entry a checkpoint", "altered or replaced", "by worker on case " + id);
    }

    @Test
    void theNewestTwoEntriesDeletedAreReportedAsARollBack() throws Exception {
        String id = newCase("CR-1");
        discuss(id, "One");
        discuss(id, "Two");
        try (Database d = openAsAttacker()) {
            List<Entry> all = entries(d);
            for (Entry e : all.subList(all.size() - 2, all.size())) {
                sql(d, "DELETE FROM entry WHERE id = '" + e.id() + "'");
            }
            fixHead(d);
        }
        // the chain holds the two people's key registrations, then the case's opening and its key's grant, then
        // the two discussions
        verifyBroken("ends at #4", "reach #6", "entries #5 to #6 were deleted or the record rolled back",
                "by worker on case " + id);
    }

    @Test
    void anEntryDeletedFromTheMiddleOfThisComputersChainIsABreak() throws Exception {
        String id = newCase("CR-1");
        discuss(id, "One");
        discuss(id, "Two");
        try (Database d = openAsAttacker()) {
            sql(d, "DELETE FROM entry WHERE device_seq = 2");
        }
        verifyBroken("entry #2 of this computer's own chain", "is missing: deleted outside Resolve");
    }

    @Test
    void aCaseWhoseOpeningEntryIsDeletedIsReported() throws Exception {
        String first = newCase("CR-1");
        discuss(first, "One");
        String second = newCase("CR-2");
        try (Database d = openAsAttacker()) {
            sql(d, "DELETE FROM entry WHERE id = '" + first + "'");
        }
        // the discussion and the grant of the case key are left
        verifyBroken("case " + first + " has 2 entries (by worker) but its opening entry is missing");
        assertThat(cli.run("case", "list").out()).doesNotContain("CR-1");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void theNewestAuditEventsDeletedAreReported() throws Exception {
        String id = newCase("CR-1");
        cli.run("case", "show", id);
        try (Database d = openAsAttacker()) {
            sql(d, "DELETE FROM audit_event WHERE seq > (SELECT MAX(seq) - 3 FROM audit_event)");
        }
        verifyBroken("in the audit log", "checkpoint taken");
    }

    @Test
    void aRoleRaisedWithSqlIsReportedWhileRolesChangedThroughResolveAreNot() throws Exception {
        newCase("CR-1");
        CliRunner sam = cli.addUser("sam", uk.resolve.security.Role.PRACTITIONER, "Oak School");
        CliRunner.Result change = cli.as("admin").run("user", "change", "sam", "--role", "manager", "--team", "Oak School");
        assertThat(change.code()).as(change.err()).isZero();
        assertThat(cli.run("verify").code()).isZero();
        try (Database d = openAsAttacker()) {
            sql(d, "UPDATE app_user SET role = 'manager', team = 'Test team' WHERE name = 'sam'");
        }
        verifyBroken("were changed outside Resolve", "roles may have been raised");
        assertThat(sam.run("verify").code()).isEqualTo(1);
    }
}
