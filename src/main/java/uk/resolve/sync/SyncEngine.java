/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.h2.api.ErrorCode;

import uk.resolve.domain.record.Entry;
import uk.resolve.security.Crypto;
import uk.resolve.store.Database;
import uk.resolve.store.EntryStore;
import uk.resolve.store.SettingsStore;
import uk.resolve.store.StoreException;

/**
 * Merges this computer's record with a shared H2 file on a network drive, without ever holding the
 * shared file open or writing it in place: take the lease, copy the shared file here, add to each
 * side the entries it lacks (entries are immutable, so the union has no conflicts), check the
 * merged copy, write it beside the shared file under a temporary name, check the bytes that
 * arrived, replace the shared file in one rename, and check that it is still the version written.
 * A lost race costs a retry, never an entry. See {@code docs/decisions/0002-shared-file-sync.md}.
 *
 * <p>What was exchanged with each shared file is remembered here (the shared file's size, time and
 * key as last seen, and the position of this database's newest entry then), so a sync with nothing
 * new on either side returns without copying anything.
 *
 * <p>One sync at a time per engine; call it off the JavaFX application thread.
 */
public final class SyncEngine {

    /** A test's view of the steps: runs after each, and may throw to simulate a failure there. */
    @FunctionalInterface
    public interface Hook {
        void after(SyncStep step) throws IOException;
    }

    /**
     * How the engine behaves.
     *
     * @param leaseTtl  how long a lease lasts without renewal (renewed every third of it while syncing)
     * @param leaseWait how long to wait for another computer's sync to finish
     * @param attempts  how many times to start again after losing a race before giving up
     * @param hook      called after each step (tests)
     * @param host      the computer's name written in leases, "" for this computer's own (looked up
     *                  when first needed, as a name lookup can be slow)
     * @param opener    opens an H2 file as a Resolve database encrypted under the given team key
     */
    public record Options(Duration leaseTtl, Duration leaseWait, int attempts, Hook hook, String host,
                          BiFunction<Path, byte[], Database> opener) {

        public static Options defaults() {
            return new Options(Duration.ofMinutes(2), Duration.ofSeconds(90), 6, step -> { }, "", Database::open);
        }

        public Options withHook(Hook h) {
            return new Options(leaseTtl, leaseWait, attempts, h, host, opener);
        }

        public Options withLease(Duration ttl, Duration wait) {
            return new Options(ttl, wait, attempts, hook, host, opener);
        }

        public Options withHost(String h) {
            return new Options(leaseTtl, leaseWait, attempts, hook, h, opener);
        }
    }

    private static final String STATE = "sync.state.";
    private static final String GENERATION = "sync.generation";

    private final Database local;
    private final EntryStore entries;
    private final SettingsStore settings;
    private final Clock clock;
    private final Options options;
    private final Quarantine quarantine;

    public SyncEngine(Database local, EntryStore entries, SettingsStore settings, Clock clock, Options options) {
        this.local = local;
        this.entries = entries;
        this.settings = settings;
        this.clock = clock;
        this.options = options;
        this.quarantine = new Quarantine(new uk.resolve.store.QuarantineStore(local), clock);
    }

    /** The gate entries pass on their way in and out; what it set aside is reported from it. */
    public Quarantine quarantine() {
        return quarantine;
    }

    /**
     * Syncs with the shared database file at {@code shared} (created when the folder exists but the
     * file does not yet), encrypted under the team key {@code key}. A shared file made by an earlier
     * version of Resolve, without encryption, is encrypted with the key by this sync.
     *
     * @throws SyncException when it could not be done; both sides are then as they were, or
     *                       further on but complete, and the next sync finishes the work
     */
    public synchronized SyncReport sync(Path shared, TeamKey key) {
        SharedFile file = new SharedFile(shared);
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                Result r = once(file, key);
                return new SyncReport(file.db(), r.pulled, r.pushed, r.sharedEntries, r.nothingNew, attempt,
                        Duration.ofNanos(System.nanoTime() - start), clock.instant(), r.encryptedNow);
            } catch (LostRace race) {
                if (attempt >= options.attempts()) {
                    throw new SyncException(SyncException.Kind.BUSY, "Other computers kept changing the shared file"
                            + " at " + file.db() + " while this one synced (" + race.getMessage() + "). Your work is"
                            + " safe on this computer; it will sync next time.");
                }
                pause(100L * attempt);
            } catch (IOException | UncheckedIOException e) {
                throw translate(file, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
            }
        }
    }

    /** Throws the "cannot be reached" refusal when the folder of {@code shared} cannot be seen now. */
    public static void requireReachable(Path shared) {
        SharedFile file = new SharedFile(shared);
        if (!file.reachable()) {
            throw unreachable(file, null);
        }
    }

    /** The shared database file {@code shared} names (with H2's ending added when missing). */
    public static Path sharedDb(Path shared) {
        return new SharedFile(shared).db();
    }

    /** Entries made or received here since the last sync with {@code shared} finished. */
    public long pending(Path shared) {
        return entries.countSince(state(new SharedFile(shared)).mark());
    }

    /** When the last sync with {@code shared} finished, if ever. */
    public Optional<Instant> lastSynced(Path shared) {
        return Optional.ofNullable(state(new SharedFile(shared)).at());
    }

    private record Result(int pulled, int pushed, long sharedEntries, boolean nothingNew, boolean encryptedNow) {
    }

    /** The shared file changed under us, or our lease was lost: start again. */
    private static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostRace(String message) {
            super(message, null, false, false);
        }
    }

    private Result once(SharedFile shared, TeamKey key) throws IOException {
        if (!shared.reachable()) {
            throw unreachable(shared, null);
        }
        State before = state(shared);
        long markBefore = entries.lastLocalSeq();
        Optional<SharedFile.FileIdentity> seen = shared.identity();
        if (seen.isPresent() && before.identity().equals(seen) && markBefore == before.mark()
                && Database.isEncrypted(shared.db())) {
            return new Result(0, 0, -1, true, false);
        }
        String host = options.host().isEmpty() ? Lease.hostName() : options.host();
        Lease.Identity me = new Lease.Identity(entries.device(), host, ProcessHandle.current().pid(),
                ProcessHandle.current().info().startInstant().map(Instant::toString).orElse(""));
        ScheduledExecutorService renewer = null;
        Path work = workFolder();
        try (Lease lease = Lease.acquire(shared.lease(), me, clock, options.leaseTtl(), options.leaseWait())) {
            renewer = renew(lease);
            step(SyncStep.LEASED);
            shared.recover();
            shared.removeAbandonedTemps(lease.token());
            try {
                return merge(shared, key, lease, work, markBefore);
            } catch (IOException e) {
                if (shared.reachable() && !lease.held()) {
                    throw new LostRace("another computer took over the lease (" + e.getMessage() + ")");
                }
                throw e;
            }
        } finally {
            if (renewer != null) {
                renewer.shutdownNow();
            }
            deleteQuietly(work);
        }
    }

    private Result merge(SharedFile shared, TeamKey key, Lease lease, Path work, long markBefore) throws IOException {
        Files.createDirectories(work);
        Path copy = work.resolve("shared" + Database.SUFFIX);
        Optional<SharedFile.FileIdentity> copied = shared.identity();
        if (copied.isPresent()) {
            SharedFile.copy(shared.db(), copy);
            if (!copied.equals(shared.identity())) {
                throw new LostRace("the shared file changed while it was being copied");
            }
        }
        step(SyncStep.COPIED);
        // a shared file from before encryption: encrypted here, on this computer's copy, and written
        // back like any other new version (the shared file itself still only changes by one rename)
        boolean encryptedNow = copied.isPresent() && !Database.isEncrypted(copy);
        if (encryptedNow) {
            encrypt(shared, copy, key);
        }

        Set<UUID> localIds = entries.idsSince(0);
        Set<UUID> heldBack = new HashSet<>();
        Set<UUID> sharedIds;
        int pulled;
        int pushed;
        List<Entry> toShared;
        try (Database db = openShared(shared, copy, key)) {
            EntryStore sharedStore = new EntryStore(db, "shared");
            sharedIds = sharedStore.idsSince(0);
            Set<UUID> toLocal = new HashSet<>(sharedIds);
            toLocal.removeAll(localIds);
            // entries failing their checks are set aside, never merged: the rest of the team's work comes in
            List<Entry> incoming = quarantine.admit(sharedStore.entries(toLocal), entries,
                    uk.resolve.domain.record.Quarantined.INCOMING, shared.db().getFileName().toString());
            pulled = entries.addMissing(incoming);
            step(SyncStep.PULLED);

            Set<UUID> missing = new HashSet<>(localIds);
            missing.removeAll(sharedIds);
            // never send an entry of ours that fails its own checks: it would stop every other laptop
            toShared = quarantine.admit(entries.entries(missing), sharedStore,
                    uk.resolve.domain.record.Quarantined.OUTGOING, shared.db().getFileName().toString());
            heldBack.clear();
            heldBack.addAll(missing);
            toShared.forEach(e -> heldBack.remove(e.id()));
            pushed = sharedStore.addMissing(toShared);
            // every device's chain head travels with the shared file, so a loss or roll-back shows
            new uk.resolve.store.CheckpointStore(local, entries.device())
                    .exchange(new uk.resolve.store.CheckpointStore(db, "shared"), "sync", clock.instant());
            if (pushed == 0 && copied.isPresent() && !encryptedNow) {
                // the shared file already holds everything of ours: nothing to write
                record(shared, copied, markBefore, sharedIds, localIds);
                return new Result(pulled, 0, sharedIds.size(), false, false);
            }
            new SettingsStore(db).put(GENERATION, UUID.randomUUID() + " " + entries.device() + " " + clock.instant());
        }
        step(SyncStep.MERGED);

        long expected = sharedIds.size() + (long) pushed;
        try (Database db = openShared(shared, copy, key)) {
            Set<UUID> now = new EntryStore(db, "shared").idsSince(0);
            Set<UUID> sent = new HashSet<>(localIds);
            sent.removeAll(heldBack);
            if (now.size() != expected || !now.containsAll(sent)) {
                throw new SyncException(SyncException.Kind.REFUSED, "The merged copy of the shared file did not"
                        + " hold every entry after writing (" + now.size() + " of " + expected + "), so the shared"
                        + " file was left as it was. Your work is safe on this computer. Check the free space on"
                        + " this computer's disk and sync again.");
            }
        }
        step(SyncStep.VERIFIED);

        String sum = SharedFile.sha256(copy);
        Path temp = shared.temp(lease.token());
        try {
            String written = SharedFile.copy(copy, temp);
            step(SyncStep.WRITTEN);
            if (!written.equals(sum) || !SharedFile.sha256(temp).equals(sum)) {
                throw new LostRace("the new version did not arrive on the shared drive intact");
            }
            if (!lease.held()) {
                throw new LostRace("another computer took over the lease");
            }
            if (!copied.equals(shared.identity())) {
                throw new LostRace("another computer replaced the shared file meanwhile");
            }
            Optional<SharedFile.FileIdentity> ours = SharedFile.FileIdentity.of(temp);
            shared.replace(temp, lease.token(), () -> step(SyncStep.BETWEEN_RENAMES));
            step(SyncStep.REPLACED);
            Optional<SharedFile.FileIdentity> after = shared.identity();
            if (!sameVersion(ours, after)) {
                throw new LostRace("another computer replaced the shared file just after this one");
            }
            Set<UUID> union = new HashSet<>(sharedIds);
            union.addAll(localIds);
            record(shared, after, markBefore, union, localIds);
            return new Result(pulled, pushed, expected, false, encryptedNow);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Size and time survive a rename everywhere; the file key (an inode) only on some systems. */
    private static boolean sameVersion(Optional<SharedFile.FileIdentity> a, Optional<SharedFile.FileIdentity> b) {
        return a.isPresent() && b.isPresent() && a.get().size() == b.get().size()
                && a.get().modified().equals(b.get().modified())
                && (a.get().key().isEmpty() || b.get().key().isEmpty() || a.get().key().equals(b.get().key()));
    }

    private Database openShared(SharedFile shared, Path copy, TeamKey key) {
        byte[] k = key.bytes();
        try {
            return options.opener().apply(copy, k);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException q && (q.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1
                    || q.getErrorCode() == ErrorCode.WRONG_PASSWORD_FORMAT)) {
                throw new SyncException(SyncException.Kind.NEEDS_KEY, "The shared file at " + shared.db() + " cannot"
                        + " be opened with the team key this computer holds (key " + key.id() + "): the team key has"
                        + " been changed, or the shared file was replaced. Nothing was synced; your work is safe here."
                        + " Join the team again with the current passphrase (Sync settings, or 'resolve sync join"
                        + " --shared " + shared.db() + "').", e);
            }
            throw refused(shared, e);
        } finally {
            Crypto.wipe(k);
        }
    }

    /** Why the copy of the shared file would not open (or, unencrypted, could not be encrypted). */
    private static SyncException refused(SharedFile shared, StoreException e) {
        if (String.valueOf(e.getMessage()).contains("newer version")) {
            return new SyncException(SyncException.Kind.REFUSED, "The shared file at " + shared.db() + " was"
                    + " written by a newer version of Resolve, so this computer cannot sync with it. Your work is"
                    + " safe here. Install the newer version of Resolve, then sync again.", e);
        }
        return new SyncException(SyncException.Kind.REFUSED, "The shared file at " + shared.db() + " is damaged"
                + " or is not a Resolve database, so it was left exactly as it is. Your work is safe on this"
                + " computer. Ask your administrator to restore it from a backup, or to rename it aside so that"
                + " the next sync builds a new shared file from every computer's records.", e);
    }

    private static void encrypt(SharedFile shared, Path copy, TeamKey key) {
        byte[] k = key.bytes();
        try {
            Database.encryptInPlace(copy, k);
        } catch (StoreException e) {
            throw refused(shared, e);
        } finally {
            Crypto.wipe(k);
        }
    }

    /**
     * Remembers the version of the shared file now known to hold all our entries, and how far our
     * own record had got. The mark only moves past entries that are in the shared file, so one
     * written here during the sync stays pending.
     */
    private void record(SharedFile shared, Optional<SharedFile.FileIdentity> identity, long markBefore,
                        Set<UUID> inShared, Set<UUID> localIds) {
        long end = entries.lastLocalSeq();
        Set<UUID> arrived = entries.idsSince(markBefore);
        long mark = inShared.containsAll(arrived) ? end : markBefore;
        State s = new State(identity, mark, clock.instant());
        settings.put(key(shared), s.text());
    }

    private record State(Optional<SharedFile.FileIdentity> identity, long mark, Instant at) {

        String text() {
            return "mark=" + mark + "\nat=" + at + "\nidentity=" + identity.map(SharedFile.FileIdentity::text).orElse("");
        }

        static State parse(String text) {
            java.util.Properties p = new java.util.Properties();
            try {
                p.load(new java.io.StringReader(text));
                return new State(SharedFile.FileIdentity.parse(p.getProperty("identity")),
                        Long.parseLong(p.getProperty("mark", "0")),
                        p.getProperty("at") == null ? null : Instant.parse(p.getProperty("at")));
            } catch (IOException | RuntimeException e) {
                return new State(Optional.empty(), 0, null);
            }
        }
    }

    private State state(SharedFile shared) {
        return settings.get(key(shared)).map(State::parse).orElse(new State(Optional.empty(), 0, null));
    }

    private static String key(SharedFile shared) {
        byte[] d = SharedFile.sha256().digest(shared.db().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return STATE + HexFormat.of().formatHex(d, 0, 12);
    }

    private Path workFolder() throws IOException {
        Path folder = local.file().toAbsolutePath().resolveSibling(local.file().getFileName() + ".sync-work");
        deleteQuietly(folder); // left by a sync that was stopped; one sync per database at a time
        return folder.resolve(UUID.randomUUID().toString());
    }

    private ScheduledExecutorService renew(Lease lease) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-lease-renewal");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, options.leaseTtl().toMillis() / 3);
        s.scheduleWithFixedDelay(() -> {
            try {
                lease.renew();
            } catch (IOException ignored) {
                // the drive went away; the sync itself will notice and stop
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return s;
    }

    private void step(SyncStep step) {
        try {
            options.hook().after(step);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SyncException translate(SharedFile shared, IOException e) {
        if (!shared.reachable()) {
            return unreachable(shared, e);
        }
        if (e instanceof AccessDeniedException) {
            return new SyncException(SyncException.Kind.REFUSED, "You do not have permission to write in the shared"
                    + " folder " + shared.folder() + " (" + e.getMessage() + "). Your work is safe on this computer."
                    + " Ask your IT team for write access to that folder, then sync again.", e);
        }
        return new SyncException(SyncException.Kind.UNREACHABLE, "The shared file at " + shared.db() + " could not be"
                + " read or written (" + e + "). Your work is safe on this computer and will sync next time.", e);
    }

    private static SyncException unreachable(SharedFile shared, IOException cause) {
        return new SyncException(SyncException.Kind.UNREACHABLE, "The shared file at " + shared.db() + " cannot be"
                + " reached (is the network drive connected?); your work is safe on this computer and will sync"
                + " next time.", cause);
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // removed with the next sync
                }
            });
        } catch (IOException ignored) {
            // likewise
        }
    }

    private static void pause(long upTo) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(upTo / 2, upTo + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
