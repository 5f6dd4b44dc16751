/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.app.SyncService;
import uk.resolve.app.TestAccess;
import uk.resolve.testing.MutableClock;
import uk.resolve.testing.PostgresServer;

/** Sync against a real PostgreSQL server, started from Maven for the tests. */
class ServerSyncIT {

    static final String USER = "resolve_sync";
    static final String PASSWORD = "kestrel harbour violet 27";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @RegisterExtension
    static final PostgresServer pg = new PostgresServer();

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");

    @RegisterExtension
    final Laptops laptops = new Laptops(() -> dir, clock);

    private String url;

    @BeforeAll
    static void addSyncRole() throws Exception {
        pg.role(USER, PASSWORD);
    }

    /** A new database on the server, owned by the sync role, as a partnership's administrator makes it. */
    static String newDatabase() throws Exception {
        return pg.database("team" + DATABASES.incrementAndGet(), USER);
    }

    @BeforeEach
    void setUp() throws Exception {
        url = newDatabase();
    }

    private static ServerSync server(Services s) {
        return new ServerSync(TestAccess.entries(s), TestAccess.settings(s), s.clock(), step -> { },
                new Quarantine(new uk.resolve.store.QuarantineStore(TestAccess.database(s)), s.clock()));
    }

    private SyncReport sync(Services s) {
        return server(s).sync(url, USER, PASSWORD.toCharArray(), Laptops.KEY);
    }

    private List<UUID> serverIds(String at) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = pg.superuser(at.substring(at.lastIndexOf('/') + 1)); var st = c.createStatement()) {
            try (var made = st.executeQuery("SELECT to_regclass('resolve_entry') IS NOT NULL")) {
                made.next();
                if (!made.getBoolean(1)) {
                    return ids; // killed before its first sync reached the server
                }
            }
            var rs = st.executeQuery("SELECT id FROM resolve_entry");
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    @Test
    void theSyncStatusSpeaksOfTheServerWhenThePersonChoseIt() throws Exception {
        Services s = laptops.laptop("sam");
        s.sync().setUpTeamKey(laptops.sharedFile("team.mv.db"), "heron copper meadow ninety".toCharArray());
        s.sync().saveServer(new SyncService.Server(true, url, USER));
        laptops.openCase(s, "AB-STATUS-1");
        SyncService.Status before = s.sync().status();
        assertThat(before.state()).isEqualTo(SyncService.State.NEVER_SYNCED);
        assertThat(before.server()).isNotNull().doesNotContain(PASSWORD);
        assertThat(before.pending()).isPositive();

        List<SyncService.Status> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        s.sync().addListener(told::add);
        s.sync().syncWithServer(url, USER, PASSWORD.toCharArray());

        SyncService.Status after = s.sync().status();
        assertThat(after.state()).isEqualTo(SyncService.State.SYNCED);
        assertThat(after.lastSynced()).isEqualTo(clock.instant());
        assertThat(after.pending()).isZero();
        assertThat(told).extracting(SyncService.Status::state)
                .containsSubsequence(SyncService.State.SYNCING, SyncService.State.SYNCED);

        assertThatThrownBy(() -> s.sync().syncWithServer(url, USER, "not the password".toCharArray()))
                .isInstanceOf(SyncException.class);
        assertThat(s.sync().status().state()).isEqualTo(SyncService.State.PROBLEM);
        assertThat(s.sync().status().lastSynced()).isEqualTo(clock.instant());
    }

    @Test
    void threeLaptopsEndWithTheSameRecordAndASecondSyncMovesNothing() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        Services c = laptops.laptop("c");
        UUID caseA = laptops.openCase(a, "A-1");
        laptops.openCase(b, "B-1");
        laptops.openCase(c, "C-1");
        assertThat(sync(a).pushed()).isEqualTo(1);
        SyncReport rb = sync(b);
        assertThat(rb.pushed()).isEqualTo(1);
        assertThat(rb.pulled()).isEqualTo(1);
        sync(c);
        b.cases().escalate(caseA, "Not resolved at stage 1", null, clock.instant());
        sync(b);
        assertThat(sync(a).pulled()).isEqualTo(3);
        sync(c);

        Set<UUID> all = Laptops.ids(a);
        assertThat(all).hasSize(4);
        assertThat(Laptops.ids(b)).isEqualTo(all);
        assertThat(Laptops.ids(c)).isEqualTo(all);
        assertThat(Laptops.states(c)).isEqualTo(Laptops.states(a));
        assertThat(serverIds(url)).hasSize(4).containsExactlyInAnyOrderElementsOf(all);
        for (Services s : List.of(a, b, c)) {
            SyncReport idle = sync(s);
            assertThat(idle.pulled()).isZero();
            assertThat(idle.pushed()).isZero();
            assertThat(idle.nothingNew()).isTrue();
            assertThat(server(s).pending(url, USER)).isZero();
        }
    }

    @Test
    void theServerHoldsOnlySealedEntriesInWhichNoCaseCanBeRead() throws Exception {
        Services a = laptops.laptop("a");
        laptops.openCase(a, "REF-PELICAN");
        sync(a);
        try (Connection c = pg.superuser(url.substring(url.lastIndexOf('/') + 1)); var st = c.createStatement();
             var rs = st.executeQuery("SELECT payload, key_id FROM resolve_entry")) {
            assertThat(rs.next()).isTrue();
            String payload = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
            assertThat(payload).doesNotContain("REF-PELICAN").doesNotContain("Child Name").doesNotContain("closed");
            assertThat(rs.getString(2)).isEqualTo(Laptops.KEY.id());
        }
    }

    @Test
    void fiveLaptopsSyncingAtOnceEndWithEveryEntryExactlyOnce() throws Exception {
        List<Services> team = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            team.add(laptops.laptop("pc" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Services s : team) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 8; round++) {
                        for (int k = 0; k < 5; k++) {
                            Laptops.openCase(s, "R" + round + "-" + k, clock.instant());
                        }
                        sync(s);
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (Services s : team) {
            sync(s);
        }
        Set<UUID> all = new HashSet<>();
        team.forEach(s -> all.addAll(Laptops.ids(s)));
        assertThat(all).hasSize(5 * 8 * 5);
        for (Services s : team) {
            assertThat(Laptops.ids(s)).isEqualTo(all);
        }
        List<UUID> onServer = serverIds(url);
        assertThat(onServer).hasSize(all.size()).doesNotHaveDuplicates();
    }

    @Test
    void aWrongPasswordIsRefusedWithWhatToDoAndNothingHereChanges() {
        Services a = laptops.laptop("a");
        laptops.openCase(a, "A-1");
        assertThatThrownBy(() -> server(a).sync(url, USER, "not the password".toCharArray(), Laptops.KEY))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("refused the user name '" + USER + "' or its password")
                .hasMessageContaining("RESOLVE_SERVER_PASSWORD_FILE")
                .hasMessageNotContaining("not the password");
        assertThat(server(a).pending(url, USER)).isEqualTo(1);
        assertThat(TestAccess.entries(a).count()).isEqualTo(1);
    }

    @Test
    void aServerThatCannotBeReachedIsReportedAsOffline() throws Exception {
        Services a = laptops.laptop("a");
        laptops.openCase(a, "A-1");
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nowhere = "jdbc:postgresql://localhost:" + closed + "/team";
        assertThatThrownBy(() -> server(a).sync(nowhere, USER, PASSWORD.toCharArray(), Laptops.KEY))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("cannot be reached")
                .satisfies(e -> assertThat(((SyncException) e).kind()).isEqualTo(SyncException.Kind.UNREACHABLE));
        assertThat(server(a).pending(nowhere, USER)).isEqualTo(1);
    }

    @Test
    void aServerWithoutTlsIsRefusedWhenTheAddressAsksForIt() {
        Services a = laptops.laptop("a");
        laptops.openCase(a, "A-1");
        assertThatThrownBy(() -> server(a).sync(url + "?sslmode=require", USER, PASSWORD.toCharArray(), Laptops.KEY))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("A secure (TLS) connection to the server " + url + " could not be made")
                .hasMessageContaining("do not drop sslmode");
        assertThat(server(a).pending(url, USER)).isEqualTo(1);
    }

    @Test
    void aServerWithANewerSchemaIsRefusedAndNothingIsWrittenEitherSide() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        laptops.openCase(b, "B-1");
        sync(b);
        try (Connection c = pg.superuser(url.substring(url.lastIndexOf('/') + 1)); var st = c.createStatement()) {
            st.execute("UPDATE resolve_schema SET version = 2");
        }
        laptops.openCase(a, "A-1");
        assertThatThrownBy(() -> sync(a)).isInstanceOf(SyncException.class)
                .hasMessageContaining("written by a newer version of Resolve (server schema 2)")
                .hasMessageContaining("Install the newer version");
        assertThat(TestAccess.entries(a).count()).isEqualTo(1);
        assertThat(serverIds(url)).hasSize(1);
    }

    /** Seals {@code json} for the server as Resolve does: the entry id and key id bound to the bytes. */
    private static byte[] sealForServer(String json, UUID id) {
        return uk.resolve.security.Crypto.seal(Laptops.KEY.bytes(), json.getBytes(StandardCharsets.UTF_8),
                (id + "|" + Laptops.KEY.id()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void entriesAlteredOnTheServerAreQuarantinedAndEverythingElseSyncsOnEveryLaptop() throws Exception {
        Services b = laptops.laptop("b");
        UUID kept = laptops.openCase(b, "B-1");
        UUID edited = laptops.openCase(b, "B-2");
        UUID flipped = laptops.openCase(b, "B-3");
        sync(b);
        String db = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = pg.superuser(db)) {
            // someone holding the team key opens one entry, changes what it says and seals it again,
            // leaving its hash; another entry's sealed bytes get one bit flipped
            byte[] sealed;
            try (var ps = c.prepareStatement("SELECT payload FROM resolve_entry WHERE id = ?")) {
                ps.setObject(1, edited);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    sealed = rs.getBytes(1);
                }
            }
            var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(uk.resolve.security.Crypto.open(Laptops.KEY.bytes(), sealed,
                            (edited + "|" + Laptops.KEY.id()).getBytes(StandardCharsets.UTF_8)));
            ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("data")).put("concern", "Nothing to see here.");
            try (var ps = c.prepareStatement("UPDATE resolve_entry SET payload = ? WHERE id = ?")) {
                ps.setBytes(1, sealForServer(json.toString(), edited));
                ps.setObject(2, edited);
                assertThat(ps.executeUpdate()).isOne();
            }
            try (var ps = c.prepareStatement("UPDATE resolve_entry SET payload = set_byte(payload, 19,"
                    + " get_byte(payload, 19) # 1) WHERE id = ?")) {
                ps.setObject(1, flipped);
                assertThat(ps.executeUpdate()).isOne();
            }
        }

        Services a = laptops.laptop("a");
        UUID fromA = laptops.openCase(a, "A-1");
        SyncReport ra = sync(a);
        assertThat(ra.pushed()).isOne();
        assertThat(ra.pulled()).isOne();
        assertThat(Laptops.ids(a)).containsExactlyInAnyOrder(kept, fromA);
        List<uk.resolve.domain.record.Quarantined> held = new uk.resolve.store.QuarantineStore(TestAccess.database(a)).list();
        assertThat(held).extracting(uk.resolve.domain.record.Quarantined::entryId)
                .containsExactlyInAnyOrder(edited, flipped);
        assertThat(held).filteredOn(q -> q.entryId().equals(edited)).singleElement().satisfies(q -> {
            assertThat(q.direction()).isEqualTo(uk.resolve.domain.record.Quarantined.INCOMING);
            assertThat(q.device()).isEqualTo(TestAccess.entries(b).device());
            assertThat(q.author()).isEqualTo("b");
            assertThat(q.caseId()).isEqualTo(edited);
            assertThat(q.describe()).contains("set aside from the server " + url, "does not match its hash")
                    .doesNotContain("Nothing to see here");
        });
        assertThat(held).filteredOn(q -> q.entryId().equals(flipped)).singleElement().satisfies(q -> {
            assertThat(q.device()).isEqualTo(TestAccess.entries(b).device());
            assertThat(q.caseId()).isNull();
            assertThat(q.describe()).contains("cannot be opened", "filed under device " + TestAccess.entries(b).device());
        });

        // the team goes on: another laptop, and a second sync, take the rest and nothing bad
        Services c = laptops.laptop("c");
        assertThat(sync(c).pulled()).isEqualTo(2);
        assertThat(Laptops.ids(c)).containsExactlyInAnyOrder(kept, fromA);
        UUID later = laptops.openCase(b, "B-4");
        sync(b);
        assertThat(sync(a).pulled()).isOne();
        assertThat(Laptops.ids(a)).containsExactlyInAnyOrder(kept, fromA, later);
        assertThat(a.integrity().verify().intact()).isTrue();
    }

    @Test
    void anEntryThatFailsItsOwnChecksIsNeverSentToTheServer() throws Exception {
        Services a = laptops.laptop("a");
        UUID good = laptops.openCase(a, "A-1");
        UUID bad = laptops.openCase(a, "A-2");
        try (var con = TestAccess.database(a).connection();
             var st = con.prepareStatement("UPDATE entry SET data = REPLACE(data, 'closed', 'opened') WHERE id = ?")) {
            st.setObject(1, bad);
            assertThat(st.executeUpdate()).isOne();
        }
        SyncReport r = sync(a);
        assertThat(r.pushed()).isOne();
        assertThat(serverIds(url)).containsExactly(good);
        assertThat(new uk.resolve.store.QuarantineStore(TestAccess.database(a)).list()).singleElement().satisfies(q -> {
            assertThat(q.entryId()).isEqualTo(bad);
            assertThat(q.direction()).isEqualTo(uk.resolve.domain.record.Quarantined.OUTGOING);
            assertThat(q.describe()).contains("held back from the server " + url);
        });
        // a later sync still does not send it, and sends what is new
        UUID next = laptops.openCase(a, "A-3");
        assertThat(sync(a).pushed()).isOne();
        assertThat(serverIds(url)).containsExactlyInAnyOrder(good, next);
    }

    @Test
    void aSyncKilledAtRandomMomentsLosesNothingAndDuplicatesNothing() throws Exception {
        Path local = dir.resolve("pc/resolve.mv.db");
        Path passwordFile = Files.writeString(dir.resolve("password.txt"), PASSWORD);
        Random random = new Random(20261129);
        Set<UUID> committed = new HashSet<>();
        Set<UUID> synced = new HashSet<>();
        int syncsSeen = 0;
        for (int round = 0; round < 12; round++) {
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), SyncWorker.class.getName(),
                    "loop", local.toString(), url + "#" + USER).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("RESOLVE_SERVER_PASSWORD_FILE", passwordFile.toString());
            Process p = pb.start();
            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // killed
                }
            });
            reader.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (lines.isEmpty() && p.isAlive() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            Thread.sleep(100 + random.nextInt(1500));
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
            Set<UUID> pending = new HashSet<>();
            for (String line : lines) {
                if (line.startsWith("COMMITTED")) {
                    for (String id : line.substring("COMMITTED".length()).trim().split(" ")) {
                        pending.add(UUID.fromString(id));
                    }
                } else if (line.equals("SYNCED")) {
                    synced.addAll(pending);
                    committed.addAll(pending);
                    pending.clear();
                    syncsSeen++;
                }
            }
            committed.addAll(pending);
            List<UUID> onServer = serverIds(url);
            assertThat(onServer).as("round %d", round).doesNotHaveDuplicates().containsAll(synced);
            assertThat(Laptops.idsIn(local)).as("round %d", round).containsAll(committed);
        }
        assertThat(syncsSeen).isGreaterThanOrEqualTo(3);
        try (Services s = Services.openUnencrypted(local, Clock.systemUTC(), uk.resolve.testing.Fixtures.actor("Worker"))) {
            server(s).sync(url, USER, PASSWORD.toCharArray(), Laptops.KEY);
            Set<UUID> all = Laptops.ids(s);
            assertThat(all).containsAll(committed);
            assertThat(serverIds(url)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void anAttachmentTravelsThroughTheServerInSealedPiecesAndAnAlteredPieceIsNeverStored() throws Exception {
        String marker = "PELICAN-MINUTES-3Q";
        byte[] doc = new byte[2 * 1024 * 1024 + 5000]; // three pieces
        new Random(11).nextBytes(doc);
        byte[] head = ("%PDF-1.4\n" + marker).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, doc, 0, head.length);
        Path file = Files.createDirectories(dir.resolve("in")).resolve("minutes.pdf");
        Files.write(file, doc);

        Services a = laptops.laptop("a");
        UUID caseId = laptops.openCase(a, "REF-ATT");
        var attached = a.attachments().attach(caseId, file, "");
        sync(a);
        Services b = laptops.laptop("b");
        sync(b);
        assertThat(b.attachments().content(caseId, 1)).isEqualTo(doc);
        assertThat(b.integrity().verify().intact()).isTrue();

        String db = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = pg.superuser(db); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT COUNT(*), MIN(name) FROM resolve_content")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getString(2)).as("named by the team key, not by the document's SHA-256")
                        .isNotEqualTo(attached.sha256());
            }
            try (var rs = st.executeQuery("SELECT payload FROM resolve_content")) {
                while (rs.next()) {
                    uk.resolve.testing.Plaintext.assertAbsent(rs.getBytes(1), marker);
                }
            }
            // a piece altered on the server: the next laptop takes the entry, never the altered bytes
            st.execute("UPDATE resolve_content SET payload = set_byte(payload, 39, get_byte(payload, 39) # 1)"
                    + " WHERE piece = 1");
        }
        Services c = laptops.laptop("c");
        sync(c);
        assertThat(c.attachments().list(caseId)).hasSize(1);
        assertThat(TestAccess.entries(c).contents().has(attached.sha256())).isFalse();
        assertThat(c.integrity().verify().contentBreaks()).singleElement().asString()
                .contains("Case " + caseId, "attachment 1", "not in this database");
    }
}
