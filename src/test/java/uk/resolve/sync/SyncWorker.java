/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.record.Entry;

/**
 * A separate process for the sync tests: one "computer" that records entries and syncs.
 *
 * <pre>
 * burst LOCAL SHARED N EVERY   record N entries, syncing after every EVERY, then once more; prints DONE
 * loop  LOCAL SHARED           record 3 entries and sync, again and again until killed; prints
 *                              COMMITTED id… after each record, SYNCED after each sync
 * </pre>
 */
public final class SyncWorker {

    private SyncWorker() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path local = Path.of(args[1]);
        Path shared = args[2].startsWith("jdbc:") ? null : Path.of(args[2]);
        // -Dresolve.sync.foldAt=N: sync through segments, folding at N (as the application does); else whole-file
        int foldAt = Integer.getInteger("resolve.sync.foldAt", 0);
        SyncEngine.Options options = SyncEngine.Options.defaults()
                .withLease(Duration.ofSeconds(4), Duration.ofSeconds(120)).withFoldAt(foldAt);
        try (Services s = Services.openUnencrypted(local, Clock.systemUTC(), uk.resolve.testing.Fixtures.actor("Worker " + ProcessHandle.current().pid()))) {
            SyncEngine files = new SyncEngine(TestAccess.database(s), TestAccess.entries(s), TestAccess.settings(s), s.clock(), options);
            // SHARED may be jdbc:postgresql://…#USER: sync with that server, the password read from the
            // file named by RESOLVE_SERVER_PASSWORD_FILE
            String target = args[2];
            Sync engine;
            if (target.startsWith("jdbc:")) {
                ServerSync server = new ServerSync(TestAccess.entries(s), TestAccess.settings(s), s.clock(), step -> { },
                        new Quarantine(new uk.resolve.store.QuarantineStore(TestAccess.database(s)), s.clock()));
                String url = target.substring(0, target.indexOf('#'));
                String user = target.substring(target.indexOf('#') + 1);
                Path pw = Path.of(System.getenv("RESOLVE_SERVER_PASSWORD_FILE"));
                engine = new Sync() {
                    public void sync(Path ignored, TeamKey key) throws java.io.IOException {
                        server.sync(url, user, java.nio.file.Files.readString(pw).strip().toCharArray(), key);
                    }

                    public void foldIfDue(Path ignored, TeamKey key) {
                        // a server has nothing to fold
                    }
                };
            } else {
                engine = new Sync() {
                    public void sync(Path sharedFile, TeamKey key) {
                        files.sync(sharedFile, key);
                    }

                    public void foldIfDue(Path sharedFile, TeamKey key) {
                        files.foldIfDue(sharedFile, key);
                    }
                };
            }
            if (mode.equals("burst")) {
                int n = Integer.parseInt(args[3]);
                int every = Integer.parseInt(args[4]);
                UUID c = null;
                for (int i = 0; i < n; i++) {
                    if (i % 20 == 0) {
                        c = Laptops.openCase(s, "P" + ProcessHandle.current().pid() + "-" + i,
                                java.time.Instant.now().minusSeconds(86_400));
                    } else {
                        Laptops.discuss(s, c, "Call " + i, null);
                    }
                    if ((i + 1) % every == 0) {
                        engine.sync(shared, Laptops.KEY);
                        engine.foldIfDue(shared, Laptops.KEY);
                    }
                }
                engine.sync(shared, Laptops.KEY);
                System.out.println("DONE " + TestAccess.entries(s).count());
            } else {
                UUID c = Laptops.openCase(s, "L" + ProcessHandle.current().pid(),
                        java.time.Instant.now().minusSeconds(86_400));
                committed(List.of(TestAccess.entries(s).caseEntries(c).get(0)));
                while (true) {
                    long before = TestAccess.entries(s).lastLocalSeq();
                    Laptops.discuss(s, c, "Call", null);
                    Laptops.discuss(s, c, "Second call", null);
                    committed(TestAccess.entries(s).since(before));
                    engine.sync(shared, Laptops.KEY);
                    System.out.println("SYNCED");
                    System.out.flush();
                    engine.foldIfDue(shared, Laptops.KEY);
                    System.out.flush();
                }
            }
        }
    }

    private interface Sync {
        void sync(Path shared, TeamKey key) throws java.io.IOException;

        void foldIfDue(Path shared, TeamKey key);
    }

    private static void committed(List<Entry> entries) {
        StringBuilder sb = new StringBuilder("COMMITTED");
        entries.forEach(e -> sb.append(' ').append(e.id()));
        System.out.println(sb);
        System.out.flush();
    }
}
