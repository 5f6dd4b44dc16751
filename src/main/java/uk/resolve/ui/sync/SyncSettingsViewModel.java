/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.sync;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import uk.resolve.app.SyncService;
import uk.resolve.store.Database;

/**
 * State and validation of the sync settings screen: the shared file, when to sync automatically,
 * and the long-running actions (sync now, export, import, CSV), each run as a {@link Task} on the
 * given executor, never on the JavaFX application thread.
 */
public final class SyncSettingsViewModel {

    private final SyncService service;
    private final Executor executor;

    private final StringProperty sharedPath = new SimpleStringProperty("");
    private final BooleanProperty onStart = new SimpleBooleanProperty(true);
    private final BooleanProperty onChange = new SimpleBooleanProperty(true);
    private final IntegerProperty everyMinutes = new SimpleIntegerProperty(5);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanBinding valid;

    public SyncSettingsViewModel(SyncService service, Executor executor) {
        this.service = service;
        this.executor = executor;
        valid = Bindings.createBooleanBinding(() -> validate().isEmpty(), sharedPath, everyMinutes);
        sharedPath.addListener((o, a, b) -> problem.set(validate()));
        everyMinutes.addListener((o, a, b) -> problem.set(validate()));
    }

    /** What is wrong with the fields, or "" when they can be saved. */
    String validate() {
        String p = sharedPath.get() == null ? "" : sharedPath.get().strip();
        if (!p.isEmpty()) {
            try {
                Path path = Path.of(p);
                if (path.getFileName() == null || !path.isAbsolute()) {
                    return "Give the full path of the shared file, for example S:\\Safeguarding\\team.mv.db.";
                }
                if (Files.isDirectory(path)) {
                    return "That is a folder. Give a file name in it, for example " + path.resolve("team.mv.db") + ".";
                }
            } catch (InvalidPathException e) {
                return "That is not a path this computer understands (" + e.getReason() + ").";
            }
        }
        if (everyMinutes.get() < 0 || everyMinutes.get() > 1440) {
            return "Sync every 0 (never) to 1440 minutes.";
        }
        return "";
    }

    /** The shared file the fields name, with H2's ending added when missing; null when blank. */
    Path sharedFile() {
        String p = sharedPath.get() == null ? "" : sharedPath.get().strip();
        if (p.isEmpty()) {
            return null;
        }
        return p.endsWith(Database.SUFFIX) ? Path.of(p) : Path.of(p + Database.SUFFIX);
    }

    /** Loads the saved settings into the fields. */
    public Task<SyncService.Settings> load() {
        return run(() -> service.settings(), s -> {
            sharedPath.set(s.sharedFile() == null ? "" : s.sharedFile().toString());
            onStart.set(s.onStart());
            onChange.set(s.onChange());
            everyMinutes.set(s.everyMinutes());
            return null;
        });
    }

    /** Saves the fields; refused (returns null) while they are not valid. */
    public Task<SyncService.Settings> save() {
        String wrong = validate();
        if (!wrong.isEmpty()) {
            problem.set(wrong);
            return null;
        }
        SyncService.Settings s = new SyncService.Settings(sharedFile(), onStart.get(), onChange.get(),
                everyMinutes.get());
        return run(() -> {
            service.saveSettings(s);
            return s;
        }, x -> "Settings saved.");
    }

    /** Saves the fields, then syncs with the shared file. */
    public Task<String> syncNow() {
        String wrong = validate();
        if (!wrong.isEmpty() || sharedFile() == null) {
            problem.set(wrong.isEmpty() ? "Choose the shared file first." : wrong);
            return null;
        }
        SyncService.Settings s = new SyncService.Settings(sharedFile(), onStart.get(), onChange.get(),
                everyMinutes.get());
        return run(() -> {
            service.saveSettings(s);
            return service.syncNow().summary();
        }, x -> x);
    }

    public Task<String> export(Path file, List<UUID> cases) {
        return runWithProgress(p -> {
            var e = service.export(file, cases, p);
            return "Exported " + e.entries() + (e.entries() == 1 ? " entry" : " entries") + " of " + e.cases()
                    + (e.cases() == 1 ? " case" : " cases") + " to " + file + ".";
        });
    }

    public Task<String> importFile(Path file) {
        return runWithProgress(p -> service.importFile(file, p).summary());
    }

    public Task<String> exportCsv(Path file) {
        return run(() -> {
            int rows = service.exportCsv(file, List.of());
            return "Wrote " + rows + (rows == 1 ? " case" : " cases") + " to " + file + ".";
        }, x -> x);
    }

    private <T> Task<T> run(Callable<T> work, Function<T, String> done) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        return start(task, done);
    }

    private Task<String> runWithProgress(Function<LongConsumer, String> work) {
        Task<String> task = new Task<>() {
            @Override
            protected String call() {
                updateProgress(-1, 1);
                return work.apply(n -> updateMessage(n + " entries"));
            }
        };
        return start(task, x -> x);
    }

    private <T> Task<T> start(Task<T> task, Function<T, String> done) {
        busy.set(true);
        problem.set("");
        result.set("");
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            finish();
            String text = done.apply(task.getValue());
            if (text != null) {
                result.set(text);
            }
        });
        task.setOnFailed(e -> {
            finish();
            Throwable t = task.getException();
            problem.set(t.getMessage() == null ? t.toString() : t.getMessage());
        });
        task.setOnCancelled(e -> finish());
        executor.execute(task);
        return task;
    }

    private void finish() {
        progress.unbind();
        progress.set(0);
        busy.set(false);
    }

    public StringProperty sharedPathProperty() {
        return sharedPath;
    }

    public BooleanProperty onStartProperty() {
        return onStart;
    }

    public BooleanProperty onChangeProperty() {
        return onChange;
    }

    public IntegerProperty everyMinutesProperty() {
        return everyMinutes;
    }

    /** What is wrong, or why the last action failed; "" when all is well. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** What the last action did. */
    public StringProperty resultProperty() {
        return result;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
