/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.LoggerFactory;

import uk.resolve.app.Preferences;

/**
 * Half-filled forms, kept in the database's settings as JSON so that they survive closing the
 * window or a crash. Saving is debounced: a burst of keystrokes becomes one write, off the JavaFX
 * application thread. The timer only waits; the write itself runs where it is told (in the window,
 * the task runner's queue of writes, so that it keeps its place among the others and is waited for).
 */
public final class DraftStore implements AutoCloseable {

    private static final String DRAFT = "draft.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Preferences prefs;
    /** "draft." then the person's name: each person's half-typed forms are theirs alone. */
    private final String prefix;
    private final long delayMillis;
    private final ScheduledExecutorService timer;
    private final Executor writes;
    private final Map<String, Map<String, String>> waiting = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> scheduled = new HashMap<>();
    private final Object writing = new Object();

    public DraftStore(Preferences prefs, long delayMillis) {
        this(prefs, "", delayMillis);
    }

    /** Drafts of the person {@code owner} (their sign-in name), kept apart from everyone else's. */
    public DraftStore(Preferences prefs, String owner, long delayMillis) {
        this(prefs, owner, delayMillis, null);
    }

    /** As {@link #DraftStore(Preferences, String, long)}, the writes run on {@code writes}. */
    public DraftStore(Preferences prefs, String owner, long delayMillis, Executor writes) {
        this.prefs = prefs;
        this.prefix = owner == null || owner.isBlank() ? DRAFT : DRAFT + owner + ".";
        this.delayMillis = delayMillis;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "resolve-drafts");
            t.setDaemon(true);
            return t;
        });
        this.writes = writes != null ? writes : timer;
    }

    /** Saves {@code values} under {@code key} shortly, replacing any save still waiting. */
    public synchronized void saveLater(String key, Map<String, String> values) {
        waiting.put(key, new LinkedHashMap<>(values));
        ScheduledFuture<?> previous = scheduled.remove(key);
        if (previous != null) {
            previous.cancel(false);
        }
        scheduled.put(key, timer.schedule(() -> writes.execute(() -> write(key)), delayMillis, TimeUnit.MILLISECONDS));
    }

    /** The saved draft, if any. Blocking: call off the UI thread. */
    public Optional<Map<String, String>> load(String key) {
        synchronized (this) {
            Map<String, String> w = waiting.get(key);
            if (w != null) {
                return Optional.of(new LinkedHashMap<>(w));
            }
        }
        return prefs.get(prefix + key).flatMap(DraftStore::parse);
    }

    /** Forgets the draft (the form was submitted or thrown away). Blocking. */
    public void discard(String key) {
        synchronized (this) {
            waiting.remove(key);
            ScheduledFuture<?> f = scheduled.remove(key);
            if (f != null) {
                f.cancel(false);
            }
        }
        prefs.remove(prefix + key);
    }

    /** Discards without waiting, for the UI thread. */
    public void discardLater(String key) {
        synchronized (this) {
            waiting.remove(key);
            ScheduledFuture<?> f = scheduled.remove(key);
            if (f != null) {
                f.cancel(false);
            }
        }
        writes.execute(() -> prefs.remove(prefix + key));
    }

    /** Writes every waiting draft now (on closing the window). Blocking. */
    public void flush() {
        java.util.List<String> keys;
        synchronized (this) {
            keys = java.util.List.copyOf(waiting.keySet());
        }
        keys.forEach(this::write);
    }

    private void write(String key) {
        // one write at a time, taken and stored together: an older draft can never land after a newer one
        synchronized (writing) {
            Map<String, String> values;
            synchronized (this) {
                values = waiting.remove(key);
                scheduled.remove(key);
            }
            if (values == null) {
                return;
            }
            try {
                prefs.put(prefix + key, JSON.writeValueAsString(values));
            } catch (JsonProcessingException | RuntimeException e) {
                LoggerFactory.getLogger(DraftStore.class).warn("Could not save a draft: {}", e.getMessage());
            }
        }
    }

    private static Optional<Map<String, String>> parse(String json) {
        try {
            return Optional.of(JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { }));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            scheduled.values().forEach(f -> f.cancel(false)); // their drafts are written by the flush below
            scheduled.clear();
        }
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS); // a write under way finishes before the database closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
