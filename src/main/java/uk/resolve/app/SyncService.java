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
import uk.resolve.sync.CaseCsv;
import uk.resolve.sync.SyncEngine;
import uk.resolve.sync.SyncException;
import uk.resolve.sync.SyncReport;
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
        /** The last sync was refused or gave up; {@link Status#message()} says why. */
        PROBLEM
    }

    /**
     * @param state      where it stands
     * @param sharedFile the shared file, or null
     * @param lastSynced when the last sync with it finished, or null
     * @param pending    entries recorded or received here since then
     * @param message    the last problem's message, or null
     */
    public record Status(State state, Path sharedFile, Instant lastSynced, long pending, String message) {
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

    /** Syncs with {@code shared}, whatever the settings say. */
    public SyncReport syncWith(Path shared) {
        actor.require(Permission.SYNC_AND_EXPORT);
        state = State.SYNCING;
        message = null;
        publish();
        try {
            SyncReport r = engine.sync(shared);
            state = State.SYNCED;
            audit.record(AuditAction.SYNC, shared.getFileName().toString(), "received " + r.pulled() + ", sent " + r.pushed());
            return r;
        } catch (SyncException e) {
            state = e.kind() == SyncException.Kind.UNREACHABLE ? State.OFFLINE : State.PROBLEM;
            message = e.getMessage();
            throw e;
        } catch (RuntimeException e) {
            state = State.PROBLEM;
            message = e.getMessage();
            throw e;
        } finally {
            publish();
        }
    }

    public Status status() {
        Path shared = settings().sharedFile();
        if (shared == null) {
            return new Status(State.NOT_SET_UP, null, null, entries.count(), null);
        }
        Instant last = engine.lastSynced(shared).orElse(null);
        State s = state;
        if (s == null) {
            s = last != null ? State.SYNCED : State.NEVER_SYNCED;
        }
        return new Status(s, shared, last, engine.pending(shared), message);
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

    /** Exports every entry, or the chosen cases', to an export file. */
    public Transfer.Exported export(Path file, List<UUID> caseIds, LongConsumer progress) {
        actor.require(Permission.SYNC_AND_EXPORT);
        // only the cases this person may see, whether named or "all"
        List<UUID> ids = caseIds.isEmpty() ? cases.list().stream().map(CaseState::id).toList()
                : caseIds.stream().map(id -> cases.get(id).id()).toList();
        if (ids.isEmpty()) {
            throw new SyncException(SyncException.Kind.REFUSED, "There are no cases of yours to export.");
        }
        Transfer.Exported r = Transfer.export(entries, file, ids, author, clock.instant(), progress);
        audit.record(AuditAction.EXPORT, file.getFileName().toString(), ids.size() + " cases");
        return r;
    }

    /** Imports an export file; all of it or none. */
    public Transfer.Imported importFile(Path file, LongConsumer progress) {
        actor.require(Permission.SYNC_AND_EXPORT);
        Transfer.Imported r = Transfer.importFile(entries, file, progress);
        audit.record(AuditAction.IMPORT, file.getFileName().toString(), r.summary());
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
