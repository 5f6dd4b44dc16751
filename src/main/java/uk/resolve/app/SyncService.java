/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.security.Actor;
import uk.resolve.security.Permission;
import uk.resolve.domain.audit.AuditAction;
import uk.resolve.store.Database;
import uk.resolve.store.EntryStore;
import uk.resolve.store.SettingsStore;
import uk.resolve.security.WrappedKey;
import uk.resolve.sync.CaseCsv;
import uk.resolve.sync.ExportFile;
import uk.resolve.sync.SyncEngine;
import uk.resolve.sync.SyncException;
import uk.resolve.sync.SyncReport;
import uk.resolve.sync.TeamKey;
import uk.resolve.sync.TeamKeyFile;
import uk.resolve.sync.Transfer;

/**
 * Sync with the team's shared file, export and import, and the settings that say when to sync.
 * Automatic sync (on start, when something was recorded, every few minutes) runs on its own
 * background thread once {@link #start()} is called. Every method may block on the network drive:
 * call them off the JavaFX application thread.
 */
public final class SyncService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    static final String SHARED = "sync.shared";
    static final String ON_START = "sync.auto.start";
    static final String ON_CHANGE = "sync.auto.change";
    static final String EVERY = "sync.auto.minutes";
    static final String SERVER_USE = "sync.server.use";
    static final String SERVER_URL = "sync.server.url";
    static final String SERVER_USER = "sync.server.user";
    /** The team keys this computer holds, by key id: {@code sync.teamkey.<id>} = the key in hex. */
    static final String TEAM_KEY = "sync.teamkey.";

    /** The shortest passphrase accepted for a team key or an export file. */
    public static final int MIN_PASSPHRASE = 12;

    /** How often a change recorded here is looked for, when syncing on change. */
    static final long CHANGE_POLL_SECONDS = 20;

    /**
     * When and with what to sync.
     *
     * @param sharedFile   the shared database file, or null when not set up
     * @param onStart      sync when Resolve opens
     * @param onChange     sync shortly after something is recorded here
     * @param everyMinutes sync every so many minutes, 0 for never
     */
    public record Settings(Path sharedFile, boolean onStart, boolean onChange, int everyMinutes) {

        public Settings {
            if (everyMinutes < 0 || everyMinutes > 24 * 60) {
                throw new IllegalArgumentException("every " + everyMinutes + " minutes");
            }
        }
    }

    /** Where sync stands, for the status line. */
    public enum State {
        /** No shared file chosen. */
        NOT_SET_UP,
        /** A shared file is chosen but no sync with it has finished yet. */
        NEVER_SYNCED,
        /** A sync is running now. */
        SYNCING,
        /** The last sync finished. */
        SYNCED,
        /** The shared drive could not be reached: working offline. */
        OFFLINE,
        /**
         * The shared file has no team key yet, or this computer does not hold it: a manager sets it up,
         * or the person joins with the passphrase; {@link Status#message()} says which.
         */
        NEEDS_KEY,
        /** The last sync was refused or gave up; {@link Status#message()} says why. */
        PROBLEM
    }

    /**
     * @param state      where it stands
     * @param sharedFile the shared file, or null
     * @param lastSynced when the last sync with it finished, or null
     * @param pending    entries recorded or received here since then
     * @param message    the last problem's message, or null
     * @param server     the server synced with instead of the shared file (as shown, without a password), or
     *                   null when syncing goes through the shared file
     */
    public record Status(State state, Path sharedFile, Instant lastSynced, long pending, String message,
                         String server) {

        public Status(State state, Path sharedFile, Instant lastSynced, long pending, String message) {
            this(state, sharedFile, lastSynced, pending, message, null);
        }
    }

    private final EntryStore entries;
    private final SettingsStore settings;
    private final CaseService cases;
    private final Clock clock;
    private final String author;
    private final SyncEngine engine;
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private volatile State state;
    private volatile String message;
    private ScheduledExecutorService auto;
    private long seenSeq = -1;
    private long minutesCounter;

    private final Actor actor;
    private final AuditLog audit;

    public SyncService(Database database, EntryStore entries, SettingsStore settings, CaseService cases, Clock clock,
                       Actor actor, AuditLog audit) {
        this(entries, settings, cases, clock, actor, audit,
                new SyncEngine(database, entries, settings, clock, SyncEngine.Options.defaults()));
    }

    SyncService(EntryStore entries, SettingsStore settings, CaseService cases, Clock clock, Actor actor,
                AuditLog audit, SyncEngine engine) {
        this.entries = entries;
        this.settings = settings;
        this.cases = cases;
        this.clock = clock;
        this.actor = actor;
        this.author = actor.name();
        this.audit = audit;
        this.engine = engine;
    }

    public Settings settings() {
        return new Settings(settings.get(SHARED).filter(s -> !s.isBlank()).map(Path::of).orElse(null),
                Boolean.parseBoolean(settings.get(ON_START).orElse("true")),
                Boolean.parseBoolean(settings.get(ON_CHANGE).orElse("true")),
                Integer.parseInt(settings.get(EVERY).orElse("5")));
    }

    public void saveSettings(Settings s) {
        if (s.sharedFile() == null) {
            settings.remove(SHARED);
        } else {
            settings.put(SHARED, s.sharedFile().toString());
        }
        settings.put(ON_START, Boolean.toString(s.onStart()));
        settings.put(ON_CHANGE, Boolean.toString(s.onChange()));
        settings.put(EVERY, Integer.toString(s.everyMinutes()));
        state = null;
        message = null;
        publish();
    }

    /** Syncs with the shared file in the settings. */
    public SyncReport syncNow() {
        Path shared = settings().sharedFile();
        if (shared == null) {
            throw new SyncException(SyncException.Kind.REFUSED, "No shared file has been chosen yet. Choose one in the"
                    + " sync settings (or give it with 'resolve sync --shared PATH').");
        }
        return syncWith(shared);
    }

    /**
     * Syncs with a PostgreSQL server instead of a shared file (decision 0007), with the team key
     * this computer holds for the team's shared file: entries leave this computer sealed under it.
     *
     * @param password wiped when done
     */
    public SyncReport syncWithServer(String url, String user, char[] password) {
        actor.require(Permission.SYNC_AND_EXPORT);
        state = State.SYNCING;
        message = null;
        publish();
        try {
            Path shared = settings().sharedFile();
            if (shared == null) {
                throw new SyncException(SyncException.Kind.NEEDS_KEY, "This computer does not hold a team key yet,"
                        + " and entries are sealed under it before they go to the server. Nothing was synced; your"
                        + " work is safe here. Join the team first with the passphrase your manager gives you"
                        + " (Sync settings > Join team, or 'resolve sync join --shared PATH').");
            }
            TeamKey key = teamKey(shared);
            long before = entries.lastLocalSeq();
            SyncReport r = serverSync().sync(url, user, password, key);
            grantAfterMerge(before, r.pulled() > 0);
            audit.record(AuditAction.SYNC, uk.resolve.sync.ServerSync.shown(url), "received " + r.pulled()
                    + ", sent " + r.pushed());
            state = State.SYNCED;
            message = QuarantineService.report(engine.quarantine(), audit);
            return r;
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            java.util.Arrays.fill(password, '\0');
            publish();
        }
    }

    private uk.resolve.sync.ServerSync serverSync() {
        return new uk.resolve.sync.ServerSync(entries, settings, clock, step -> { }, engine.quarantine());
    }

    /**
     * The partnership server the person chose in the sync settings; its password is never kept.
     *
     * @param use  sync with the server rather than the shared file when syncing from the screen
     * @param url  {@code jdbc:postgresql://HOST/DB}, or "" when none was given
     * @param user the server's user name, or ""
     */
    public record Server(boolean use, String url, String user) {

        public Server {
            url = url == null ? "" : url.strip();
            user = user == null ? "" : user.strip();
        }
    }

    public Server server() {
        return new Server(Boolean.parseBoolean(settings.get(SERVER_USE).orElse("false")),
                settings.get(SERVER_URL).orElse(""), settings.get(SERVER_USER).orElse(""));
    }

    /** Remembers the server's address and user name (never a password). */
    public void saveServer(Server s) {
        settings.put(SERVER_USE, Boolean.toString(s.use()));
        settings.put(SERVER_URL, s.url());
        settings.put(SERVER_USER, s.user());
    }

    /**
     * Connects to the server to see that the address, user name, password and TLS are right,
     * changing nothing here or there.
     *
     * @param password wiped when done
     * @return what was found, to show
     * @throws SyncException saying what is wrong and what to do
     */
    public String checkServer(String url, String user, char[] password) {
        try {
            actor.require(Permission.SYNC_AND_EXPORT);
            return uk.resolve.sync.ServerSync.check(url, user, password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** Syncs with {@code shared}, whatever the settings say, with the team key this computer holds for it. */
    public SyncReport syncWith(Path shared) {
        actor.require(Permission.SYNC_AND_EXPORT);
        state = State.SYNCING;
        message = null;
        publish();
        try {
            TeamKey key = teamKey(shared);
            long before = entries.lastLocalSeq();
            SyncReport r = engine.sync(shared, key);
            grantAfterMerge(before, r.pulled() > 0);
            try {
                engine.foldIfDue(shared, key);
            } catch (SyncException e) {
                // folding is housekeeping: the sync itself is done, and the next one tries again
                LOG.info("Folding the shared file's segments was put off: {}", e.kind());
            }
            state = State.SYNCED;
            audit.record(AuditAction.SYNC, shared.getFileName().toString(), "received " + r.pulled() + ", sent " + r.pushed());
            message = QuarantineService.report(engine.quarantine(), audit);
            return r;
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            publish();
        }
    }

    /** Where a sync that failed with {@code e} leaves the status: offline, needing the key, or stopped. */
    private RuntimeException failed(RuntimeException e) {
        state = !(e instanceof SyncException se) ? State.PROBLEM : switch (se.kind()) {
            case UNREACHABLE -> State.OFFLINE;
            case NEEDS_KEY -> State.NEEDS_KEY;
            default -> State.PROBLEM;
        };
        message = e.getMessage();
        return e;
    }

    public Status status() {
        Path shared = settings().sharedFile();
        if (shared == null) {
            return new Status(State.NOT_SET_UP, null, null, entries.count(), null);
        }
        Server server = server();
        boolean viaServer = server.use() && !server.url().isEmpty();
        Instant last = viaServer ? serverSync().lastSynced(server.url(), server.user()).orElse(null)
                : engine.lastSynced(shared).orElse(null);
        State s = state;
        if (s == null) {
            s = last != null ? State.SYNCED : State.NEVER_SYNCED;
        }
        long pending = viaServer ? serverSync().pending(server.url(), server.user()) : engine.pending(shared);
        return new Status(s, shared, last, pending, message,
                viaServer ? uk.resolve.sync.ServerSync.shown(server.url()) : null);
    }

    /** Tells {@code listener} (on a background thread) whenever the status changes. */
    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Status> listener) {
        listeners.remove(listener);
    }

    /** Tells the listeners that something was recorded here (the count of changes waiting moved). */
    public void changed() {
        publish();
    }

    /**
     * Sets up the team key for the shared file {@code shared}, once, as a manager: a new random key,
     * kept in this database and written beside the shared file wrapped under {@code passphrase} (the
     * key file {@code NAME.key.json}), so that members only need the passphrase to join. The shared
     * file becomes the one in the settings. The next sync creates the shared file encrypted, or
     * encrypts one made by an earlier version of Resolve.
     *
     * @return the key's id, to tell the team
     * @throws SyncException when the shared file already has a key, or its folder cannot be reached;
     *                       nothing is then changed
     */
    public String setUpTeamKey(Path shared, char[] passphrase) {
        actor.require(Permission.MANAGE_TEAM_KEY);
        requirePassphrase(passphrase);
        SyncEngine.requireReachable(shared);
        Path keyFile = TeamKeyFile.fileFor(shared);
        Optional<TeamKeyFile> existing = TeamKeyFile.read(shared);
        if (existing.isPresent()) {
            throw alreadySetUp(shared, keyFile, existing.get().keyId());
        }
        TeamKey key = TeamKey.generate();
        try {
            TeamKeyFile.wrap(key, passphrase, clock.instant()).writeBeside(shared);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw alreadySetUp(shared, keyFile, TeamKeyFile.read(shared).map(TeamKeyFile::keyId).orElse("?"));
        } catch (java.io.IOException e) {
            throw new SyncException(SyncException.Kind.REFUSED, "The team's key file " + keyFile + " could not be"
                    + " written (" + e.getMessage() + "). Nothing was changed. Check that you can write to that"
                    + " folder, then try again.", e);
        }
        keep(shared, key);
        audit.record(AuditAction.TEAM_KEY_SET_UP, shared.getFileName().toString(), "key " + key.id());
        return key.id();
    }

    /**
     * Joins the team that shares {@code shared}: unwraps the team key from the key file beside it
     * with {@code passphrase} and keeps it in this database. The shared file becomes the one in the
     * settings.
     *
     * @return the key's id
     * @throws SyncException when the passphrase is wrong or there is no key file; nothing is then changed
     */
    public String joinTeam(Path shared, char[] passphrase) {
        actor.require(Permission.SYNC_AND_EXPORT);
        SyncEngine.requireReachable(shared);
        TeamKeyFile file = TeamKeyFile.read(shared).orElseThrow(() -> noKeyFile(shared));
        TeamKey key;
        try {
            key = file.unwrap(passphrase);
        } catch (WrappedKey.WrongSecret e) {
            audit.record(AuditAction.TEAM_JOIN_FAILED, shared.getFileName().toString(), "wrong passphrase");
            throw new SyncException(SyncException.Kind.REFUSED, "That passphrase does not open the team key of the"
                    + " shared file " + shared + ". Nothing was changed. Check the passphrase with your manager"
                    + " (capital letters and spaces count) and try again.");
        }
        keep(shared, key);
        audit.record(AuditAction.TEAM_JOINED, shared.getFileName().toString(), "key " + key.id());
        return key.id();
    }

    /** True when the person signed in may set up a team key (managers and administrators). */
    public boolean maySetUpTeamKey() {
        return actor.may(Permission.MANAGE_TEAM_KEY);
    }

    /** The id of the team key this computer holds for {@code shared}, if it holds it (reads the key file there). */
    public Optional<String> teamKeyId(Path shared) {
        return TeamKeyFile.read(shared).map(TeamKeyFile::keyId)
                .filter(id -> settings.get(TEAM_KEY + id).isPresent());
    }

    private void keep(Path shared, TeamKey key) {
        settings.put(TEAM_KEY + key.id(), key.hex());
        Settings now = settings();
        if (!shared.equals(now.sharedFile())) {
            saveSettings(new Settings(shared, now.onStart(), now.onChange(), now.everyMinutes()));
        } else {
            state = null;
            message = null;
            publish();
        }
    }

    /** The team key for {@code shared}, or a message saying what to do to get it. */
    private TeamKey teamKey(Path shared) {
        SyncEngine.requireReachable(shared);
        TeamKeyFile file = TeamKeyFile.read(shared).orElseThrow(() -> noKeyFile(shared));
        return settings.get(TEAM_KEY + file.keyId()).map(TeamKey::fromHex).orElseThrow(() -> new SyncException(
                SyncException.Kind.NEEDS_KEY, "This computer does not hold the team key of the shared file " + shared
                + " (key " + file.keyId() + "). Nothing was synced; your work is safe here. Join the team with the"
                + " passphrase your manager gives you (Sync settings > Join team, or 'resolve sync join --shared "
                + shared + "')."));
    }

    private static SyncException noKeyFile(Path shared) {
        Path keyFile = TeamKeyFile.fileFor(shared);
        String setUp = " A manager sets up the team key once (Sync settings > Set up team key, or 'resolve sync"
                + " setup-key --shared " + shared + "'); then everyone joins with the passphrase (Sync settings > Join"
                + " team, or 'resolve sync join --shared " + shared + "').";
        if (java.nio.file.Files.exists(SyncEngine.sharedDb(shared))) {
            return new SyncException(SyncException.Kind.NEEDS_KEY, "There is no team key file (" + keyFile + ")"
                    + " beside the shared file " + shared + ", so this computer will not sync with it. Nothing was"
                    + " synced; your work is safe here. If your team has set up a key, the key file was moved or"
                    + " deleted: ask your manager to put it back from the drive's backup. If the shared file was made"
                    + " by an earlier version of Resolve, it is encrypted by the first sync after the key is set up."
                    + setUp);
        }
        return new SyncException(SyncException.Kind.NEEDS_KEY, "No team key has been set up for the shared file "
                + shared + " yet, so nothing was synced; your work is safe here." + setUp);
    }

    private static SyncException alreadySetUp(Path shared, Path keyFile, String id) {
        return new SyncException(SyncException.Kind.REFUSED, "The shared file " + shared + " already has a team key"
                + " (key " + id + ", in " + keyFile + "). Nothing was changed. Join with its passphrase instead."
                + " Only if nobody knows the passphrase any more: after everyone has synced, move the shared file and"
                + " its key file aside, set up a new key, and have everyone join again and sync.");
    }

    private static void requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new SyncException(SyncException.Kind.REFUSED, "A passphrase needs at least " + MIN_PASSPHRASE
                    + " characters (a few unrelated words are easiest to remember and to pass on by telephone)."
                    + " Nothing was changed. Choose a longer one.");
        }
    }

    /**
     * Exports every entry, or the chosen cases', to an export file encrypted under {@code passphrase}
     * (chosen now; the receiver needs it to import the file: pass it on by another route).
     */
    public Transfer.Exported export(Path file, List<UUID> caseIds, char[] passphrase, LongConsumer progress) {
        actor.require(Permission.SYNC_AND_EXPORT);
        requirePassphrase(passphrase);
        // only the cases this person may see, whether named or "all"
        List<UUID> ids = caseIds.isEmpty() ? cases.list().stream().map(CaseState::id).toList()
                : caseIds.stream().map(id -> cases.get(id).id()).toList();
        if (ids.isEmpty()) {
            throw new SyncException(SyncException.Kind.REFUSED, "There are no cases of yours to export.");
        }
        Transfer.Exported r = Transfer.export(entries, file, ids, author, clock.instant(), passphrase, progress,
                engine.checkpoints());
        audit.record(AuditAction.EXPORT, file.getFileName().toString(), ids.size() + " cases, encrypted");
        return r;
    }

    /** True when the export file {@code file} needs a passphrase (it was not made by an earlier version). */
    public boolean importNeedsPassphrase(Path file) {
        return ExportFile.isEncrypted(file);
    }

    /** Imports an export file with the passphrase it was exported with (null for an unencrypted one); all or none. */
    public Transfer.Imported importFile(Path file, char[] passphrase, LongConsumer progress) {
        actor.require(Permission.SYNC_AND_EXPORT);
        var gate = engine.quarantine();
        gate.begin();
        long before = entries.lastLocalSeq();
        Transfer.Imported r = Transfer.importFile(entries, file, passphrase, progress, gate,
                engine.checkpoints());
        grantAfterMerge(before, r.added() > 0);
        audit.record(AuditAction.IMPORT, file.getFileName().toString(), r.summary());
        QuarantineService.report(gate, audit);
        publish();
        return r;
    }

    /** Writes one row per case (all, or the chosen) for spreadsheets; returns how many rows. */
    public int exportCsv(Path file, List<UUID> caseIds) {
        actor.require(Permission.SYNC_AND_EXPORT);
        List<CaseState> list = caseIds.isEmpty() ? cases.list() : caseIds.stream().map(cases::get).toList();
        CaseCsv.write(file, list, cases.calendar(), clock.instant());
        audit.record(AuditAction.EXPORT, file.getFileName().toString(), "CSV, " + list.size() + " cases");
        return list.size();
    }

    /**
     * After a merge that brought something in: the case-key grants this person's Resolve can write for
     * colleagues now entitled (decision 0017). They go out with the next sync; a failure here is
     * not the sync's, and the next merge or opening of the case tries again.
     */
    private void grantAfterMerge(long before, boolean received) {
        if (!received) {
            return;
        }
        try {
            int n = cases.grantKeysAfterMerge(before);
            if (n > 0) {
                LOG.info("Wrote {} key grants for colleagues newly entitled", n);
            }
        } catch (RuntimeException e) {
            LOG.info("Key grants after the sync were put off: {}", e.getClass().getSimpleName());
        }
    }

    /** Starts automatic sync as the settings say; harmless to call twice. */
    public synchronized void start() {
        if (auto != null || !actor.may(Permission.SYNC_AND_EXPORT)) {
            return;
        }
        auto = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "auto-sync");
            t.setDaemon(true);
            return t;
        });
        if (settings().onStart()) {
            auto.execute(() -> autoSync("on start"));
        }
        auto.scheduleWithFixedDelay(this::tick, CHANGE_POLL_SECONDS, CHANGE_POLL_SECONDS, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            Settings s = settings();
            long seq = entries.lastLocalSeq();
            boolean changed = seenSeq >= 0 && seq != seenSeq;
            seenSeq = seq;
            if (changed) {
                publish();
            }
            minutesCounter += CHANGE_POLL_SECONDS;
            boolean due = s.everyMinutes() > 0 && minutesCounter >= s.everyMinutes() * 60L;
            if (due || changed && s.onChange()) {
                minutesCounter = 0;
                autoSync(due ? "timer" : "change");
            }
        } catch (RuntimeException e) {
            LOG.warn("Automatic sync check failed: {}", e.getMessage());
        }
    }

    private void autoSync(String why) {
        if (settings().sharedFile() == null) {
            return;
        }
        try {
            SyncReport r = syncNow();
            LOG.info("Automatic sync ({}): {}", why, r.summary());
        } catch (RuntimeException e) {
            LOG.info("Automatic sync ({}) did not complete: {}", why, e.getMessage());
        }
    }

    private void publish() {
        if (listeners.isEmpty()) {
            return;
        }
        Status s;
        try {
            s = status();
        } catch (RuntimeException e) {
            return;
        }
        listeners.forEach(l -> l.accept(s));
    }

    /** Which shared file, if any, the settings name. */
    public Optional<Path> sharedFile() {
        return Optional.ofNullable(settings().sharedFile());
    }

    @Override
    public synchronized void close() {
        if (auto != null) {
            auto.shutdownNow();
            auto = null;
        }
    }
}
