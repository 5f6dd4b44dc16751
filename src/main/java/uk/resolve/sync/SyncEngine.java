/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
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
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
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
import uk.resolve.store.ContentStore;
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
     * @param foldAt    how many segments beside the shared file make {@link #foldIfDue} fold them into
     *                  it; 0 to sync by merging the whole shared file every time, without segments
     */
    public record Options(Duration leaseTtl, Duration leaseWait, int attempts, Hook hook, String host,
                          BiFunction<Path, byte[], Database> opener, int foldAt) {

        public static Options defaults() {
            return new Options(Duration.ofMinutes(2), Duration.ofSeconds(90), 6, step -> { }, "", Database::open, 64);
        }

        public Options withHook(Hook h) {
            return new Options(leaseTtl, leaseWait, attempts, h, host, opener, foldAt);
        }

        public Options withLease(Duration ttl, Duration wait) {
            return new Options(ttl, wait, attempts, hook, host, opener, foldAt);
        }

        public Options withHost(String h) {
            return new Options(leaseTtl, leaseWait, attempts, hook, h, opener, foldAt);
        }

        public Options withFoldAt(int segments) {
            return new Options(leaseTtl, leaseWait, attempts, hook, host, opener, segments);
        }

        /** Every sync merges the whole shared file (the way before segments). */
        public Options withWholeFileMerge() {
            return withFoldAt(0);
        }
    }

    /** Segments' total size that makes a fold due whatever their number. */
    private static final long FOLD_BYTES = 32L * 1024 * 1024;

    private static final String STATE = "sync.state.";
    private static final String GENERATION = "sync.generation";

    private final Database local;
    private final EntryStore entries;
    private final SettingsStore settings;
    private final Clock clock;
    private final Options options;
    private final Quarantine quarantine;
    private final ContentStore contents;
    /** Documents' bytes set aside during the sync under way: they did not match their SHA-256. */
    private final List<String> contentSetAside = new ArrayList<>();

    public SyncEngine(Database local, EntryStore entries, SettingsStore settings, Clock clock, Options options) {
        this.local = local;
        this.entries = entries;
        this.settings = settings;
        this.clock = clock;
        this.options = options;
        this.quarantine = new Quarantine(new uk.resolve.store.QuarantineStore(local), clock);
        this.contents = new ContentStore(local);
    }

    /** This database's checkpoints, which travel with every segment it writes and are taken from every one it reads. */
    public uk.resolve.store.CheckpointStore checkpoints() {
        return new uk.resolve.store.CheckpointStore(local, entries.device());
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
        contentSetAside.clear();
        quarantine.begin();
        for (int attempt = 1; ; attempt++) {
            // a large pull projects each case it touched once, at the end, instead of once per page
            try (EntryStore.Deferred summaries = entries.deferSummaries()) {
                Result r = once(file, key);
                List<String> setAside = new ArrayList<>(r.setAside);
                setAside.addAll(contentSetAside);
                return new SyncReport(file.db(), r.pulled, r.pushed, r.sharedEntries, r.nothingNew && setAside.isEmpty(),
                        attempt, Duration.ofNanos(System.nanoTime() - start), clock.instant(), r.encryptedNow,
                        setAside);
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

    private record Result(int pulled, int pushed, long sharedEntries, boolean nothingNew, boolean encryptedNow,
                          List<String> setAside) {

        Result(int pulled, int pushed, long sharedEntries, boolean nothingNew, boolean encryptedNow) {
            this(pulled, pushed, sharedEntries, nothingNew, encryptedNow, List.of());
        }
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
        Optional<SharedFile.FileIdentity> seen = shared.identity();
        // the first sync creates the shared file, and one from before encryption is encrypted: both whole
        if (options.foldAt() > 0 && seen.isPresent() && Database.isEncrypted(shared.db())) {
            return segments(shared, key, seen);
        }
        return wholeFile(shared, key, Set.of());
    }

    /**
     * The sync that costs what is new (decision 0007): read the shared file only when it is a
     * version this computer has not read (a first sync, or after a fold), read the segments this
     * computer lacks, and write its own new entries as new segments. No lease: segments are only
     * ever created under new names, and the shared file is not written.
     */
    private Result segments(SharedFile shared, TeamKey key, Optional<SharedFile.FileIdentity> seen)
            throws IOException {
        State before = state(shared);
        long markBefore = entries.lastLocalSeq();
        SortedMap<String, Path> listing = shared.listSegments();
        String me = entries.device();
        List<String> setAsideNow = shared.setAside();
        List<String> oursSetAside = setAsideNow.stream()
                .filter(n -> n.startsWith(me + ".") && !before.resent().contains(n)).toList();
        boolean baseKnown = seen.equals(before.identity());
        if (baseKnown && markBefore == before.mark() && before.read().containsAll(listing.keySet())
                && oursSetAside.isEmpty()) {
            return new Result(0, 0, -1, true, false);
        }
        shared.removeOwnParts(me);
        Set<String> read = new HashSet<>(before.read());
        read.retainAll(listing.keySet());
        Set<String> resent = new HashSet<>(before.resent());
        resent.retainAll(setAsideNow);
        long mark = before.mark();
        if (!oursSetAside.isEmpty()) {
            // a segment of ours could not be read by someone: send everything again (duplicates are skipped)
            mark = 0;
            resent.addAll(oursSetAside);
        }
        long seq = Math.max(before.seq(), listing.keySet().stream().map(Segment.Name::parse)
                .flatMap(Optional::stream).filter(n -> n.device().equals(me)).mapToLong(Segment.Name::seq).max().orElse(0));
        Optional<SharedFile.FileIdentity> base = before.identity();
        Set<UUID> received = new HashSet<>();
        int pulled = 0;
        Path work = workFolder();
        try {
            if (!baseKnown) {
                pulled += pullBase(shared, key, seen, work, received);
                base = seen;
                save(shared, new State(base, mark, before.at(), read, seq, resent));
            }
            List<String> setAside = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, Path> seg : listing.entrySet()) {
                if (read.contains(seg.getKey())) {
                    continue;
                }
                List<Entry> got;
                Segment.Contents segment;
                try {
                    segment = Segment.readAll(seg.getValue(), key);
                    got = segment.entries();
                } catch (NoSuchFileException gone) {
                    save(shared, new State(base, mark, before.at(), read, seq, resent));
                    throw new LostRace("a segment was folded into the shared file meanwhile");
                } catch (Segment.Bad bad) {
                    shared.setAside(seg.getValue());
                    setAside.add(seg.getKey() + " " + bad.getMessage());
                    continue;
                }
                pulled += accept(got, Segment.contents(shared.segments(), key));
                got.forEach(e -> received.add(e.id()));
                if (segment.checkpoints() != null) {
                    checkpoints().receive(segment.checkpoints());
                }
                read.add(seg.getKey());
                if (++n % 16 == 0) {
                    save(shared, new State(base, mark, before.at(), read, seq, resent));
                }
            }
            save(shared, new State(base, mark, before.at(), read, seq, resent));
            // documents' bytes that did not come with their entries earlier (set aside, or not yet written)
            contents.fill(Segment.contents(shared.segments(), key), this::setAside);
            step(SyncStep.SEGMENTS_READ);

            int pushed = 0;
            for (List<EntryStore.Positioned> page = outgoing(mark, markBefore); !page.isEmpty();
                 page = outgoing(mark, markBefore)) {
                Files.createDirectories(shared.segments());
                List<Entry> batch = quarantine.admit(page.stream().map(EntryStore.Positioned::entry).toList(), entries,
                        uk.resolve.domain.record.Quarantined.OUTGOING, "the shared file");
                if (batch.isEmpty()) {
                    mark = page.get(page.size() - 1).localSeq(); // all held back: nothing to write
                    save(shared, new State(base, mark, before.at(), read, seq, resent));
                    continue;
                }
                Segment.Name name;
                while (true) {
                    name = Segment.Name.next(me, ++seq);
                    try {
                        // the documents' bytes first, so that a segment that can be seen has them beside it
                        for (ContentStore.Wanted w : Segment.contentsNamed(batch)) {
                            Segment.writeContent(shared.segments(), name, w, contents.source(), key);
                        }
                        Segment.write(shared.segments(), name, batch, key,
                                checkpoints().held("sync", clock.instant()));
                        break;
                    } catch (java.nio.file.FileAlreadyExistsException taken) {
                        // a copy of this database restored from a backup wrote this number: take the next
                        Segment.removeContents(shared.segments(), name.file());
                    }
                }
                read.add(name.file());
                pushed += batch.size();
                mark = page.get(page.size() - 1).localSeq();
                save(shared, new State(base, mark, before.at(), read, seq, resent));
                step(SyncStep.SEGMENT_WRITTEN);
            }
            mark = Math.max(mark, markBefore);
            if (!seen.equals(shared.identity())) {
                // folded meanwhile: segments this computer never saw may now be only in the shared file
                save(shared, new State(base, mark, before.at(), read, seq, resent));
                throw new LostRace("the shared file was folded meanwhile");
            }
            long end = entries.lastLocalSeq();
            Set<UUID> arrived = entries.idsSince(markBefore);
            long finalMark = received.containsAll(arrived) ? end : mark;
            save(shared, new State(base, finalMark, clock.instant(), read, seq, resent));
            return new Result(pulled, pushed, -1, false, false, setAside);
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * Which of this computer's entries go out next: those after the mark, up to where this sync
     * began, a segment's worth at a time. The one place outgoing entries are chosen.
     */
    private List<EntryStore.Positioned> outgoing(long mark, long upTo) {
        return entries.page(mark, upTo, Segment.MAX_ENTRIES);
    }

    /**
     * Adds entries received from the shared file or a segment to this computer's record. The one
     * place incoming entries are accepted; their hashes have been checked.
     */
    private int accept(List<Entry> incoming, ContentStore.Source bytes) {
        // entries failing their checks are set aside, never merged: the rest of the team's work comes in
        return entries.addMissing(quarantine.admit(incoming, entries, uk.resolve.domain.record.Quarantined.INCOMING,
                "the shared file"), bytes, this::setAside);
    }

    /** A document's bytes that did not match their SHA-256: not stored, and reported with the sync. */
    private void setAside(ContentStore.Rejected r) {
        String line = "the contents of attachment entry " + r.wanted().entryId() + ": " + r.reason();
        if (!contentSetAside.contains(line)) { // tried again from the same place within one sync
            contentSetAside.add(line);
        }
    }

    /** Reads the shared file (a version this computer has not read) and adds what this computer lacks. */
    private int pullBase(SharedFile shared, TeamKey key, Optional<SharedFile.FileIdentity> seen, Path work,
                         Set<UUID> received) throws IOException {
        Files.createDirectories(work);
        Path copy = work.resolve("shared" + Database.SUFFIX);
        SharedFile.copy(shared.db(), copy);
        if (!seen.equals(shared.identity())) {
            throw new LostRace("the shared file changed while it was being copied");
        }
        step(SyncStep.COPIED);
        int pulled = 0;
        try (Database db = openShared(shared, copy, key)) {
            EntryStore sharedStore = new EntryStore(db, "shared");
            List<UUID> all = sharedStore.idsInArrivalOrder();
            received.addAll(all);
            Set<UUID> here = entries.idsSince(0);
            List<UUID> missing = all.stream().filter(id -> !here.contains(id)).toList();
            for (int from = 0; from < missing.size(); from += Segment.MAX_ENTRIES) {
                List<Entry> got = sharedStore.entries(missing.subList(from, Math.min(missing.size(),
                        from + Segment.MAX_ENTRIES)));
                pulled += accept(got, new ContentStore(db).source());
            }
            contents.fill(new ContentStore(db).source(), this::setAside);
            // the shared file's checkpoints come in with its entries, as segments' do
            checkpoints().receive(new uk.resolve.store.CheckpointStore(db, "shared").offered());
        }
        step(SyncStep.PULLED);
        return pulled;
    }

    /**
     * Folds the segments beside the shared file into it once there are {@link Options#foldAt} of
     * them (or they pass 32 MB): this computer first syncs, then, under the lease, merges its whole
     * record into the shared file as a whole-file sync does, and removes the segments it had read
     * (every entry in them is in its record, so now in the shared file). Call it after a sync, off
     * the JavaFX application thread; it costs a whole-file sync.
     *
     * @return true when it folded
     */
    public synchronized boolean foldIfDue(Path sharedPath, TeamKey key) {
        SharedFile file = new SharedFile(sharedPath);
        try {
            if (options.foldAt() <= 0 || !file.reachable()) {
                return false;
            }
            SortedMap<String, Path> listing = file.listSegments();
            long bytes = 0;
            for (Path p : listing.values()) {
                bytes += Files.size(p);
            }
            if (listing.size() < options.foldAt() && bytes < FOLD_BYTES) {
                return false;
            }
        } catch (IOException e) {
            throw translate(file, e);
        }
        sync(sharedPath, key);
        for (int attempt = 1; ; attempt++) {
            try (EntryStore.Deferred summaries = entries.deferSummaries()) {
                Set<String> read = new HashSet<>(state(file).read());
                read.retainAll(file.listSegments().keySet());
                wholeFile(file, key, read);
                return true;
            } catch (LostRace race) {
                if (attempt >= options.attempts()) {
                    return false;
                }
                pause(100L * attempt);
            } catch (IOException | UncheckedIOException e) {
                throw translate(file, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
            }
        }
    }

    private Result wholeFile(SharedFile shared, TeamKey key, Set<String> fold) throws IOException {
        State before = state(shared);
        long markBefore = entries.lastLocalSeq();
        Optional<SharedFile.FileIdentity> seen = shared.identity();
        if (fold.isEmpty() && seen.isPresent() && before.identity().equals(seen) && markBefore == before.mark()
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
                Result r = merge(shared, key, lease, work, markBefore);
                if (!fold.isEmpty()) {
                    step(SyncStep.FOLDED);
                    for (String name : fold) {
                        Files.deleteIfExists(shared.segments().resolve(name));
                        Segment.removeContents(shared.segments(), name);
                    }
                }
                return r;
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
        int pulled = 0;
        int pushed;
        try (Database db = openShared(shared, copy, key)) {
            db.writeInBulk(); // this computer's working copy: only its closed, verified bytes go anywhere
            EntryStore sharedStore = new EntryStore(db, "shared");
            ContentStore sharedContents = new ContentStore(db);
            List<UUID> sharedOrder = sharedStore.idsInArrivalOrder();
            sharedIds = new HashSet<>(sharedOrder);
            List<UUID> in = sharedOrder.stream().filter(id -> !localIds.contains(id)).toList();
            sharedOrder = null;
            for (int from = 0; from < in.size(); from += Segment.MAX_ENTRIES) {
                List<Entry> got = sharedStore.entries(in.subList(from, Math.min(in.size(), from + Segment.MAX_ENTRIES)));
                pulled += accept(got, sharedContents.source());
            }
            contents.fill(sharedContents.source(), this::setAside);
            step(SyncStep.PULLED);

            Set<UUID> inShared = sharedIds;
            List<UUID> out = entries.idsInArrivalOrder().stream().filter(id -> !inShared.contains(id)).toList();
            if (out.isEmpty() && copied.isPresent() && !encryptedNow) {
                // the shared file already holds everything of ours: nothing to write, but its checkpoints come in
                new uk.resolve.store.CheckpointStore(local, entries.device())
                        .exchange(new uk.resolve.store.CheckpointStore(db, "shared"), "sync", clock.instant());
                record(shared, copied, markBefore, sharedIds, localIds);
                return new Result(pulled, 0, sharedIds.size(), false, false);
            }
            // a page at a time, so that a first sync of tens of thousands of entries fits in the heap
            pushed = 0;
            for (int from = 0; from < out.size(); from += Segment.MAX_ENTRIES) {
                // never send an entry of ours that fails its own checks: it would stop every other laptop
                List<Entry> page = entries.entries(out.subList(from, Math.min(out.size(), from + Segment.MAX_ENTRIES)));
                List<Entry> admitted = quarantine.admit(page, sharedStore, uk.resolve.domain.record.Quarantined.OUTGOING,
                        shared.db().getFileName().toString());
                page.forEach(e -> heldBack.add(e.id()));
                admitted.forEach(e -> heldBack.remove(e.id()));
                pushed += sharedStore.addMissing(admitted, contents.source(), this::setAside);
            }
            // bytes the shared file lacks for entries it already held (sent before they were here)
            sharedContents.fill(contents.source(), this::setAside);
            // every device's chain head travels with the shared file, so a loss or roll-back shows
            new uk.resolve.store.CheckpointStore(local, entries.device())
                    .exchange(new uk.resolve.store.CheckpointStore(db, "shared"), "sync", clock.instant());
            new SettingsStore(db).put(GENERATION, UUID.randomUUID() + " " + entries.device() + " " + clock.instant());
            // every laptop copies what is written: without the dead pages a bulk merge leaves, it is a third the size
            db.closeCompacted();
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
        State was = state(shared);
        save(shared, new State(identity, mark, clock.instant(), was.read(), was.seq(), was.resent()));
    }

    /**
     * Makes the next sync with every shared file send this computer's record again from position
     * {@code localSeq} on (an entry of its own held back until now passes its checks; the entries after it
     * that were sent already are skipped by those who have them).
     */
    public static void resendFrom(SettingsStore settings, long localSeq) {
        for (String name : settings.names(STATE)) {
            settings.get(name).map(State::parse).filter(s -> s.mark() >= localSeq).ifPresent(s -> settings.put(name,
                    new State(s.identity(), localSeq - 1, s.at(), s.read(), s.seq(), s.resent()).text()));
        }
        ServerSync.resendFrom(settings, localSeq);
    }

    private void save(SharedFile shared, State s) {
        settings.put(key(shared), s.text());
    }

    /**
     * What this computer has exchanged with one shared file: the version of the shared file it last
     * read whole, how far its own entries have been sent, the segments it has read (or wrote), the
     * number of its newest segment, and which of its segments set aside elsewhere it has sent again.
     */
    private record State(Optional<SharedFile.FileIdentity> identity, long mark, Instant at, Set<String> read,
                         long seq, Set<String> resent) {

        String text() {
            return "mark=" + mark + "\nat=" + (at == null ? "" : at) + "\nidentity="
                    + identity.map(SharedFile.FileIdentity::text).orElse("") + "\nseq=" + seq
                    + "\nread=" + String.join(",", read) + "\nresent=" + String.join(",", resent);
        }

        static State parse(String text) {
            java.util.Properties p = new java.util.Properties();
            try {
                p.load(new java.io.StringReader(text));
                String at = p.getProperty("at", "");
                return new State(SharedFile.FileIdentity.parse(p.getProperty("identity")),
                        Long.parseLong(p.getProperty("mark", "0")), at.isEmpty() ? null : Instant.parse(at),
                        names(p.getProperty("read")), Long.parseLong(p.getProperty("seq", "0")),
                        names(p.getProperty("resent")));
            } catch (IOException | RuntimeException e) {
                return empty();
            }
        }

        static State empty() {
            return new State(Optional.empty(), 0, null, Set.of(), 0, Set.of());
        }

        private static Set<String> names(String list) {
            return list == null || list.isEmpty() ? Set.of() : new HashSet<>(java.util.Arrays.asList(list.split(",")));
        }
    }

    private State state(SharedFile shared) {
        return settings.get(key(shared)).map(State::parse).orElse(State.empty());
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
