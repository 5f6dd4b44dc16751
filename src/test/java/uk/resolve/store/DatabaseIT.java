/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.record.ChainVerifier;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;

class DatabaseIT {

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseIsCreatedWithItsFoldersAndMigrated() {
        Path file = dir.resolve("nested/folder/resolve.mv.db");
        try (Database db = Database.open(file)) {
            assertThat(db.file()).isEqualTo(file);
            assertThat(new EntryStore(db, "device-a").count()).isZero();
        }
        assertThat(file).exists();
    }

    @Test
    void closingDoesNotCompactAndCompactingWhileOpenKeepsEveryEntry() throws Exception {
        Path file = dir.resolve("c.mv.db");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        var now = java.time.Instant.parse("2026-11-25T10:15:30Z");
        List<Entry> written = new java.util.ArrayList<>();
        try (Database db = Database.open(file, key)) {
            try (var c = db.connection(); var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MAX_COMPACT_TIME'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("0");
            }
            EntryStore store = new EntryStore(db, "device-a");
            for (int i = 0; i < 50; i++) {
                UUID caseId = UUID.randomUUID();
                written.addAll(store.append(List.of(NewEntry.of(caseId, EntryType.CASE_OPENED, "Ann", now, now,
                        java.util.Map.of("concern", "x".repeat(2_000))))));
            }
            assertThat(db.compact(java.time.Duration.ofSeconds(5))).isTrue();
            assertThat(store.all()).containsExactlyElementsOf(written);
        }
        try (Database db = Database.open(file, key)) {
            assertThat(new EntryStore(db, "device-a").all()).containsExactlyElementsOf(written);
        }
    }

    @Test
    void entriesAreSealedIntoTheDevicesChainAndReadBackExactly() {
        try (Database db = Database.open(dir.resolve("r"))) {
            EntryStore store = new EntryStore(db, "device-a");
            UUID caseId = UUID.randomUUID();
            var now = java.time.Instant.parse("2026-11-25T10:15:30.123Z");
            List<Entry> written = store.append(List.of(
                    NewEntry.of(caseId, EntryType.CASE_OPENED, "Ann", now, now, java.util.Map.of("concern", "é \"quoted\" \n line")),
                    NewEntry.of(caseId, EntryType.ESCALATED, "Ann", now, now, java.util.Map.of("reason", "r"))));
            assertThat(store.caseEntries(caseId)).containsExactlyElementsOf(written);
            assertThat(written.get(1).prevHash()).isEqualTo(written.get(0).hash());
            assertThat(ChainVerifier.verify(store.all()).intact()).isTrue();
        }
    }

    @Test
    void anEntryAlteredInTheDatabaseIsDetected() throws Exception {
        try (Database db = Database.open(dir.resolve("r"))) {
            EntryStore store = new EntryStore(db, "device-a");
            UUID caseId = UUID.randomUUID();
            var now = java.time.Instant.parse("2026-11-25T10:15:30Z");
            List<Entry> written = store.append(List.of(
                    NewEntry.of(caseId, EntryType.CASE_OPENED, "Ann", now, now, java.util.Map.of("concern", "original")),
                    NewEntry.of(caseId, EntryType.ESCALATED, "Ann", now, now, java.util.Map.of("reason", "r"))));
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE entry SET data = '{\"concern\":\"altered\"}' WHERE id = '" + written.get(0).id() + "'");
            }
            var report = ChainVerifier.verify(store.all());
            assertThat(report.intact()).isFalse();
            assertThat(report.breaks()).singleElement().satisfies(f -> assertThat(f.message()).contains("has been altered"));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithAClearMessageAndLeftUntouched() throws Exception {
        Path file = dir.resolve("notes.mv.db");
        byte[] content = "These are my notes, not a database.".repeat(200).getBytes();
        Files.write(file, content);
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a Resolve database, or it is damaged")
                .hasMessageContaining("Nothing was changed");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndNotChanged() throws Exception {
        Path file = dir.resolve("newer.mv.db");
        try (Database db = Database.open(file); Connection c = db.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'resolve', 1, TRUE)");
        }
        int rowsBefore;
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("newer"), "resolve", "");
             Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            rs.next();
            rowsBefore = rs.getInt(1);
        }
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("made by a newer version of Resolve")
                .hasMessageContaining("Nothing was changed");
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("newer"), "resolve", "");
             Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*), MAX(\"installed_rank\") FROM \"flyway_schema_history\"")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no migration was run or recorded").isEqualTo(rowsBefore);
            assertThat(rs.getInt(2)).isEqualTo(99);
        }
    }

    @Test
    void anH2DatabaseOfAnotherApplicationIsNotTakenOver() throws Exception {
        Path base = dir.resolve("other");
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (id INT)");
        }
        assertThatThrownBy(() -> Database.open(Path.of(base + ".mv.db")))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void theLatestSchemaConstantNamesTheLastMigration() throws Exception {
        org.flywaydb.core.api.MigrationVersion highest;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            highest = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+(_\\d+)*__.*\\.sql"))
                    .map(n -> org.flywaydb.core.api.MigrationVersion.fromVersion(n.substring(1, n.indexOf("__"))))
                    .max(java.util.Comparator.naturalOrder()).orElseThrow();
        }
        assertThat(org.flywaydb.core.api.MigrationVersion.fromVersion(Database.LATEST_SCHEMA))
                .as("Database.LATEST_SCHEMA must be raised with each migration").isEqualTo(highest);
    }

    @Test
    void aDatabaseAlreadyUpToDateOpensAgainWithItsRecords() {
        Path file = dir.resolve("again.mv.db");
        UUID caseId = UUID.randomUUID();
        var now = java.time.Instant.parse("2026-11-25T10:15:30Z");
        try (Database db = Database.open(file)) {
            new EntryStore(db, "d").append(List.of(NewEntry.of(caseId, EntryType.CASE_OPENED, "Ann", now, now, java.util.Map.of())));
        }
        try (Database db = Database.open(file)) {
            assertThat(new EntryStore(db, "d").caseEntries(caseId)).hasSize(1);
        }
    }

    @Test
    void aDatabaseGivenBackItsOwnNewerEntriesGoesOnWithItsChainWhereItLeftOff() {
        var now = java.time.Instant.parse("2026-11-25T10:15:30Z");
        UUID caseId = UUID.randomUUID();
        List<Entry> later;
        try (Database db = Database.open(dir.resolve("laptop"))) {
            EntryStore store = new EntryStore(db, "laptop");
            store.append(List.of(NewEntry.of(caseId, EntryType.CASE_OPENED, "Ann", now, now, java.util.Map.of())));
            later = store.append(List.of(NewEntry.of(caseId, EntryType.ESCALATED, "Ann", now, now, java.util.Map.of())));
        }
        try (Database db = Database.open(dir.resolve("laptop2"))) {
            EntryStore store = new EntryStore(db, "laptop");
            List<Entry> first = store.append(List.of(NewEntry.of(caseId, EntryType.CASE_OPENED, "Ann", now, now, java.util.Map.of())));
            Entry second = later.get(0).deviceSeq() == 2 ? later.get(0) : null;
            assertThat(second).isNotNull();
            // the chain so far on "laptop2" is entry #1; entry #2 of the same device arrives from elsewhere
            Entry arrived = new Entry(second.id(), second.caseId(), second.type(), second.author(), "laptop", 2,
                    second.writtenAt(), second.happenedAt(), second.data(), first.get(0).hash(), "");
            Entry sealedArrival = new NewEntry(arrived.id(), arrived.caseId(), arrived.type(), arrived.author(),
                    arrived.writtenAt(), arrived.happenedAt(), arrived.data()).seal("laptop", 2, first.get(0).hash());
            assertThat(store.addMissing(List.of(sealedArrival))).isEqualTo(1);
            List<Entry> third = store.append(List.of(NewEntry.of(caseId, EntryType.RESOLVED, "Ann", now, now, java.util.Map.of())));
            assertThat(third.get(0).deviceSeq()).isEqualTo(3);
            assertThat(third.get(0).prevHash()).isEqualTo(sealedArrival.hash());
            assertThat(ChainVerifier.verify(store.all()).intact()).isTrue();
        }
    }
}
