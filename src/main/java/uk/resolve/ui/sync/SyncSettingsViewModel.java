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
 * State and validation of the sync settings screen: the shared file or the partnership server (its
 * address and user name kept, its password never), when to sync automatically,
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
    private final StringProperty teamPassphrase = new SimpleStringProperty("");
    private final StringProperty teamPassphraseAgain = new SimpleStringProperty("");
    private final StringProperty filePassphrase = new SimpleStringProperty("");
    private final StringProperty filePassphraseAgain = new SimpleStringProperty("");
    private final BooleanProperty maySetUpKey = new SimpleBooleanProperty(false);
    private final BooleanProperty useServer = new SimpleBooleanProperty(false);
    private final StringProperty serverAddress = new SimpleStringProperty("");
    private final StringProperty serverUser = new SimpleStringProperty("");
    private final StringProperty serverPassword = new SimpleStringProperty("");

    public SyncSettingsViewModel(SyncService service, Executor executor) {
        this.service = service;
        this.executor = executor;
        valid = Bindings.createBooleanBinding(() -> validate().isEmpty(), sharedPath, everyMinutes, useServer,
                serverAddress, serverUser);
        sharedPath.addListener((o, a, b) -> problem.set(validate()));
        everyMinutes.addListener((o, a, b) -> problem.set(validate()));
        serverAddress.addListener((o, a, b) -> problem.set(validate()));
        serverUser.addListener((o, a, b) -> problem.set(validate()));
        useServer.addListener((o, a, b) -> problem.set(validate()));
    }

    /** What is wrong with the fields, or "" when they can be saved. */
    String validate() {
        String shared = validateShared();
        return shared.isEmpty() && useServer.get() ? validateServer() : shared;
    }

    /**
     * The server address as the driver takes it, from what the person typed: a
     * {@code jdbc:postgresql://} URL, or {@code HOST/DATABASE} (with {@code :PORT} and a
     * {@code ?sslmode=...} query if wanted); null when it is neither.
     */
    static String serverUrl(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.startsWith("jdbc:postgresql://")) {
            t = t.substring("jdbc:postgresql://".length());
        } else if (t.startsWith("postgresql://")) {
            t = t.substring("postgresql://".length());
        } else if (t.startsWith("postgres://")) {
            t = t.substring("postgres://".length());
        }
        if (!t.matches("[A-Za-z0-9._\\-]+(:[0-9]{1,5})?/[A-Za-z0-9._\\-]+(\\?[^\\s]*)?")) {
            return null;
        }
        return "jdbc:postgresql://" + t;
    }

    /** What is wrong with the server fields, or "". */
    String validateServer() {
        String typed = serverAddress.get() == null ? "" : serverAddress.get().strip();
        if (typed.isEmpty()) {
            return "Give the partnership server's address, for example db.partnership.example/resolve (the server's"
                    + " administrator gives it).";
        }
        if (typed.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]password=.*")) {
            return "Take the password out of the address and type it in the Password field: the address is remembered"
                    + " on this computer, the password never is.";
        }
        String url = serverUrl(typed);
        if (url == null) {
            return "That is not a server address. Give it as HOST/DATABASE or jdbc:postgresql://HOST/DATABASE, for"
                    + " example db.partnership.example/resolve?sslmode=verify-full.";
        }
        if (serverUser.get() == null || serverUser.get().isBlank()) {
            return "Give your user name on the server.";
        }
        return "";
    }

    private String validateShared() {
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
        maySetUpKey.set(service.maySetUpTeamKey());
        SyncService.Server[] server = new SyncService.Server[1];
        return run(() -> {
            server[0] = service.server();
            return service.settings();
        }, s -> {
            sharedPath.set(s.sharedFile() == null ? "" : s.sharedFile().toString());
            onStart.set(s.onStart());
            onChange.set(s.onChange());
            everyMinutes.set(s.everyMinutes());
            serverAddress.set(server[0].url());
            serverUser.set(server[0].user());
            useServer.set(server[0].use());
            problem.set("");
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
        SyncService.Server server = server();
        return run(() -> {
            service.saveSettings(s);
            service.saveServer(server);
            return s;
        }, x -> "Settings saved.");
    }

    /** The server fields as they are saved: the address as the driver takes it, never the password. */
    private SyncService.Server server() {
        String url = serverUrl(serverAddress.get());
        return new SyncService.Server(useServer.get(), url == null ? serverAddress.get() : url, serverUser.get());
    }

    /**
     * The typed server password once the fields are right, or null with the problem shown: {@code wrong}
     * (what the fields' check found, empty when nothing), else that no password was typed.
     */
    private char[] serverPassword(String wrong) {
        if (!wrong.isEmpty()) {
            problem.set(wrong);
            return null;
        }
        String typed = serverPassword.get() == null ? "" : serverPassword.get();
        if (typed.isEmpty()) {
            problem.set("Type your password for the server in 'Server password'. It is used for this connection and"
                    + " never kept on this computer.");
            return null;
        }
        return typed.toCharArray();
    }

    /**
     * Connects to the server in the fields with the typed password to see that they are right; changes
     * nothing here or on the server.
     */
    public Task<String> testConnection() {
        char[] pass = serverPassword(validateServer());
        if (pass == null) {
            return null;
        }
        String url = serverUrl(serverAddress.get());
        String user = serverUser.get().strip();
        return run(() -> service.checkServer(url, user, pass), x -> x);
    }

    /** Saves the fields, then syncs with the shared file, or with the server when that is chosen. */
    public Task<String> syncNow() {
        if (useServer.get()) {
            return syncWithServer();
        }
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

    private Task<String> syncWithServer() {
        char[] pass = serverPassword(validate());
        if (pass == null) {
            return null;
        }
        SyncService.Settings s = new SyncService.Settings(sharedFile(), onStart.get(), onChange.get(),
                everyMinutes.get());
        SyncService.Server server = server();
        return run(() -> {
            service.saveSettings(s);
            service.saveServer(server);
            return service.syncWithServer(server.url(), server.user(), pass).summary();
        }, x -> x);
    }

    /**
     * Sets up the team key for the shared file in the fields (a manager, once), with the team
     * passphrase typed twice, then syncs (which encrypts a shared file from an earlier version).
     */
    public Task<String> setUpTeamKey() {
        Path shared = checkedShared();
        char[] pass = typedTwice(teamPassphrase, teamPassphraseAgain, "team passphrase");
        if (shared == null || pass == null) {
            return null;
        }
        clear(teamPassphrase, teamPassphraseAgain);
        return run(() -> {
            String id;
            try {
                id = service.setUpTeamKey(shared, pass);
            } finally {
                java.util.Arrays.fill(pass, '\0');
            }
            return "Team key " + id + " set up. Give the passphrase to your team by another route than e-mail;"
                    + " each person chooses this shared file and joins with it. " + service.syncWith(shared).summary();
        }, x -> x);
    }

    /** Joins the team of the shared file in the fields with the team passphrase, then syncs. */
    public Task<String> joinTeam() {
        Path shared = checkedShared();
        String typed = teamPassphrase.get() == null ? "" : teamPassphrase.get();
        if (shared == null) {
            return null;
        }
        if (typed.isEmpty()) {
            problem.set("Type the team passphrase your manager gave you.");
            return null;
        }
        char[] pass = typed.toCharArray();
        clear(teamPassphrase, teamPassphraseAgain);
        return run(() -> {
            String id;
            try {
                id = service.joinTeam(shared, pass);
            } finally {
                java.util.Arrays.fill(pass, '\0');
            }
            return "Joined: this computer holds team key " + id + ". " + service.syncWith(shared).summary();
        }, x -> x);
    }

    private Path checkedShared() {
        String wrong = validateShared();
        if (!wrong.isEmpty() || sharedFile() == null) {
            problem.set(wrong.isEmpty() ? "Choose the shared file first." : wrong);
            return null;
        }
        return sharedFile();
    }

    /** The passphrase when both fields hold the same; else null, with the problem shown. */
    private char[] typedTwice(StringProperty first, StringProperty again, String what) {
        String a = first.get() == null ? "" : first.get();
        if (a.length() < SyncService.MIN_PASSPHRASE) {
            problem.set("Choose a " + what + " of at least " + SyncService.MIN_PASSPHRASE + " characters (a few"
                    + " unrelated words are easiest to remember).");
            return null;
        }
        if (!a.equals(again.get())) {
            problem.set("The two " + what + "s are not the same. Type it again in both fields.");
            return null;
        }
        return a.toCharArray();
    }

    private static void clear(StringProperty... fields) {
        for (StringProperty f : fields) {
            f.set("");
        }
    }

    /** Exports to {@code file}, encrypted under the file passphrase typed twice. */
    public Task<String> export(Path file, List<UUID> cases) {
        char[] pass = typedTwice(filePassphrase, filePassphraseAgain, "file passphrase");
        if (pass == null) {
            return null;
        }
        clear(filePassphrase, filePassphraseAgain);
        return runWithProgress(p -> {
            try {
                var e = service.export(file, cases, pass, p);
                return "Exported " + e.entries() + (e.entries() == 1 ? " entry" : " entries") + " of " + e.cases()
                        + (e.cases() == 1 ? " case" : " cases") + " to " + file + ", encrypted. Give the passphrase"
                        + " to the receiver by another route than the file (by telephone, not in the same e-mail).";
            } finally {
                java.util.Arrays.fill(pass, '\0');
            }
        });
    }

    /** Imports {@code file} with the file passphrase (typed once; not needed for a file from an earlier version). */
    public Task<String> importFile(Path file) {
        String typed = filePassphrase.get() == null ? "" : filePassphrase.get();
        char[] pass = typed.isEmpty() ? null : typed.toCharArray();
        clear(filePassphrase, filePassphraseAgain);
        return runWithProgress(p -> {
            try {
                if (pass == null && service.importNeedsPassphrase(file)) {
                    throw new IllegalArgumentException("The file " + file + " is encrypted. Type the passphrase it was"
                            + " exported with in 'File passphrase', then import it again. Nothing was imported.");
                }
                return service.importFile(file, pass, p).summary();
            } finally {
                if (pass != null) {
                    java.util.Arrays.fill(pass, '\0');
                }
            }
        });
    }

    /** Checks the file passphrase fields before the file dialog opens; false (the problem shown) when not right. */
    public boolean checkExportPassphrase() {
        char[] pass = typedTwice(filePassphrase, filePassphraseAgain, "file passphrase");
        if (pass == null) {
            return false;
        }
        java.util.Arrays.fill(pass, '\0');
        return true;
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
            problem.set(uk.resolve.app.UserMessages.describe(task.getException()));
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

    public StringProperty teamPassphraseProperty() {
        return teamPassphrase;
    }

    public StringProperty teamPassphraseAgainProperty() {
        return teamPassphraseAgain;
    }

    public StringProperty filePassphraseProperty() {
        return filePassphrase;
    }

    public StringProperty filePassphraseAgainProperty() {
        return filePassphraseAgain;
    }

    /** True to sync with the partnership server, false for the shared file on a drive. */
    public BooleanProperty useServerProperty() {
        return useServer;
    }

    /** The server's address as typed: {@code HOST/DATABASE} or a {@code jdbc:postgresql://} URL. */
    public StringProperty serverAddressProperty() {
        return serverAddress;
    }

    public StringProperty serverUserProperty() {
        return serverUser;
    }

    /** The server password as typed; used for a connection, never saved. */
    public StringProperty serverPasswordProperty() {
        return serverPassword;
    }

    /** True when the person may set up the team key (managers). */
    public BooleanProperty maySetUpKeyProperty() {
        return maySetUpKey;
    }
}
