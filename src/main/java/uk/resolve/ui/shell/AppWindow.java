/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.PrimerLight;

import uk.resolve.app.Preferences;
import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.app.SignInLook;
import uk.resolve.app.Vault;
import uk.resolve.security.Permission;
import uk.resolve.ui.signin.ChangePasswordDialog;
import uk.resolve.ui.signin.LockScreen;
import uk.resolve.ui.signin.SignInController;
import uk.resolve.ui.signin.SignInViewModel;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.support.DraftStore;
import uk.resolve.ui.support.Fxml;
import uk.resolve.ui.support.StatusLine;
import uk.resolve.ui.welcome.WelcomeViewModel;
import uk.resolve.ui.workspace.FormOpener;

/**
 * Builds the main window: shows it at once with the sign-in screen and nothing else, and once someone
 * has signed in (off the application thread) builds the shell and composes the screens around their
 * session. While the session is locked, a lock screen covers the window and the other windows show
 * nothing.
 */
public final class AppWindow {

    private static final String APP_CSS = "/uk/resolve/ui/app.css";
    private static final String HIGH_CONTRAST_CSS = "/uk/resolve/ui/high-contrast.css";
    /** The theme's subtle background ({@code -color-bg-subtle} of Primer Light), which the sign-in screen shows around its card. */
    private static final Color PLACEHOLDER = Color.web("#f6f8fa");

    /** What the screens are composed around: the services, and the session when someone signed in. */
    private record SignedIn(Services services, Session session) {
    }

    private final Stage stage;
    private final FormOpener formOpener;
    private final long draftDelayMillis;
    private final Background background = Background.onFxThread();
    private final StatusLine status = new StatusLine();
    private final ShellViewModel vm = new ShellViewModel();
    private final ShellController shell = new ShellController(vm, status);
    private final StackPane root = new StackPane();
    private final StackPane gate = new StackPane();
    private final IdleLock idle = new IdleLock(() -> lock(false));
    private final List<Window> hidden = new ArrayList<>();
    /** The navigation, screens and status line: built when first needed (after sign-in), not before the first frame. */
    private Parent shellRoot;
    private Vault vault;
    private volatile ViewFactory context;
    private Services services;
    private Session session;
    private Node focusBeforeLock;
    /** The warm-up begun once the sign-in screen is on screen (see {@link #warmUp}). */
    private final CompletableFuture<Void> warm = new CompletableFuture<>();

    private AppWindow(Stage stage, FormOpener formOpener, long draftDelayMillis) {
        this.stage = stage;
        this.formOpener = formOpener;
        this.draftDelayMillis = draftDelayMillis;
    }

    /** The services, once someone has signed in; null before. */
    public Services services() {
        return context == null ? null : services;
    }

    /** The session, once someone has signed in (null before, and when a test gave services only). */
    public Session session() {
        return context == null ? null : session;
    }

    /**
     * Shows the window on {@code stage} with the sign-in screen for the database of {@code vault};
     * once someone signs in, their screens.
     *
     * @param formOpener       what the workspace's Open buttons do, or null for the form editor
     * @param draftDelayMillis how long typing must pause before a draft is saved
     */
    public static AppWindow signIn(Stage stage, Vault vault, FormOpener formOpener, long draftDelayMillis) {
        return signIn(stage, vault, null, formOpener, draftDelayMillis);
    }

    /**
     * As {@link #signIn(Stage, Vault, FormOpener, long)}, with the look at the data folder begun
     * before the toolkit started ({@link SignInLook#ahead}). The window paints at once in the
     * sign-in screen's colour, with no stylesheet and no control to prepare; the theme and the
     * sign-in screen follow straight after that first frame, in the form the look chose when it has
     * finished (it usually has), otherwise saying "Opening Resolve…" until it has.
     */
    public static AppWindow signIn(Stage stage, Vault vault, CompletableFuture<SignInLook> look,
                                   FormOpener formOpener, long draftDelayMillis) {
        AppWindow w = new AppWindow(stage, formOpener, draftDelayMillis);
        w.vault = vault;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(1366, screen.getWidth());
        double height = Math.min(768, screen.getHeight());
        Region placeholder = new Region();
        placeholder.setBackground(new javafx.scene.layout.Background(new BackgroundFill(PLACEHOLDER, null, null)));
        Scene first = new Scene(placeholder, width, height);
        w.frame(first);
        // A control takes the theme when its class is first initialised: set it before the screen is built.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.show();
        StartupProbe.mark("window");
        afterNextFrame(first, () -> {
            StartupProbe.firstFrame();
            StartupProbe.mark("first-frame");
        });
        w.background.parallel().execute(() -> w.prepareSignIn(look, width, height));
        return w;
    }

    /**
     * On a reader of the task runner while the first frame is drawn: the window's real scene with the sign-in
     * screen, styled and laid out, which the application thread then puts in the window. Nodes may be
     * built, styled and laid out on any thread until they are in a window that is showing.
     */
    private void prepareSignIn(CompletableFuture<SignInLook> look, double width, double height) {
        try {
            CompletableFuture<SignInLook> known = look;
            if (known == null) {
                known = new CompletableFuture<>();
                try {
                    known.complete(SignInLook.at(vault));
                } catch (RuntimeException e) {
                    known.completeExceptionally(e);
                }
            }
            try {
                known.get(); // begun before the toolkit started: usually done
            } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
                // the screen says so once it is in the window
            }
            CompletableFuture<SignInLook> seen = known;
            build(width, height);
            styleScene();
            SignInScreen screen = signInScreen();
            boolean ready = seen.isDone() && !seen.isCompletedExceptionally();
            if (ready) {
                screen.model().start(seen, () -> { });
            }
            Parent r = root;
            r.applyCss();
            r.resize(width, height);
            r.layout();
            StartupProbe.mark("prepared");
            Scene scene = r.getScene();
            Platform.runLater(() -> {
                stage.setScene(scene);
                StartupProbe.mark("scene");
                if (ready) {
                    signInShown(true);
                    screen.view().controller().focusFirstEmpty();
                } else {
                    screen.model().start(seen, () -> signInShown(true));
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // Never leave the person before an empty window: build the screen here, as before, instead.
            Platform.runLater(() -> {
                Scene scene = root.getScene() != null ? root.getScene() : build(width, height);
                if (scene.getStylesheets().isEmpty()) {
                    styleScene();
                }
                stage.setScene(scene);
                showSignIn(look, true);
            });
        }
    }

    /** Runs {@code r} on the application thread once the next frame of {@code scene} has been laid out and handed to be drawn. */
    static void afterNextFrame(Scene scene, Runnable r) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(r);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /**
     * Shows the window on {@code stage} and opens ready services with {@code opener} in the background,
     * without the sign-in screen (for tests on a database of their own).
     */
    public static AppWindow show(Stage stage, Callable<Services> opener, FormOpener formOpener, long draftDelayMillis) {
        AppWindow w = new AppWindow(stage, formOpener, draftDelayMillis);
        w.build();
        w.style();
        w.shellRoot();
        stage.show();
        StartupProbe.mark("window");
        w.open(() -> new SignedIn(opener.call(), null));
        return w;
    }

    /** As {@link #show}, with a session signed in already (for tests of locking and administration). */
    public static AppWindow showSession(Stage stage, Callable<Session> opener, FormOpener formOpener,
                                        long draftDelayMillis) {
        AppWindow w = new AppWindow(stage, formOpener, draftDelayMillis);
        w.build();
        w.style();
        w.shellRoot();
        stage.show();
        w.open(() -> {
            Session s = opener.call();
            return new SignedIn(s.services(), s);
        });
        return w;
    }

    /** The window, unstyled and empty but for the gate; not yet shown. */
    private void build() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        frame(build(Math.min(1366, screen.getWidth()), Math.min(768, screen.getHeight())));
    }

    /** The window's scene, unstyled and empty but for the gate (on any thread: it is not yet in the window). */
    private Scene build(double width, double height) {
        background.reportFailuresTo(status::show);
        gate.getStyleClass().add("gate");
        gate.setVisible(false);
        root.getChildren().setAll(gate);
        Scene scene = new Scene(root, width, height);
        accelerators(scene);
        return scene;
    }

    /** Puts {@code scene} in the window, which is given its title and least size. */
    private void frame(Scene scene) {
        stage.setTitle("Resolve");
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setScene(scene);
    }

    /** The theme, the application's stylesheets and the text size. */
    private void style() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        styleScene();
    }

    /** The application's stylesheets and the text size, on the window's scene (the theme already set). */
    private void styleScene() {
        Scene scene = root.getScene();
        scene.getStylesheets().add(AppWindow.class.getResource(APP_CSS).toExternalForm());
        String contrast = AppWindow.class.getResource(HIGH_CONTRAST_CSS).toExternalForm();
        vm.highContrastProperty().addListener((o, a, on) -> {
            if (on) {
                scene.getStylesheets().add(contrast);
            } else {
                scene.getStylesheets().remove(contrast);
            }
        });
        // Everything in app.css is in em, so one root size scales the whole window.
        double base = Font.getDefault().getSize();
        root.styleProperty().bind(vm.textScaleProperty().multiply(base).asString(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;"));
    }

    /** The shell, built on first use and kept; hidden while the gate covers the window. */
    private Parent shellRoot() {
        if (shellRoot == null) {
            shellRoot = Fxml.load("shell", "Shell", shell).root();
            shell.account(this::lockNow, this::signOut, this::changePassword);
            shellRoot.setVisible(!gate.isVisible());
            root.getChildren().add(0, shellRoot);
        }
        return shellRoot;
    }

    private void accelerators(Scene scene) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> ifMay(Permission.WORK_ON_CASES,
                shell::showNewCase));
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> ifMay(Permission.WORK_ON_CASES,
                shell::showHome));
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> ifMay(Permission.WORK_ON_CASES,
                shell::focusSearch));
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::lockNow);
        // "+" is Shift and "=" on most keyboards, so Shift may be up or down.
        acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
                vm::larger);
        acc.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
                vm::larger);
        acc.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), vm::larger);
        acc.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), vm::smaller);
        acc.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), vm::smaller);
        acc.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), vm::normalSize);
    }

    /** Runs {@code r} when the screens are open, not covered, and the person's role allows {@code p}. */
    private void ifMay(Permission p, Runnable r) {
        if (context != null && !gate.isVisible() && services.actor().may(p)) {
            r.run();
        }
    }

    // ---------------------------------------------------------------- signing in and out

    /** The sign-in screen and its view model. */
    private record SignInScreen(SignInViewModel model, Fxml.View<SignInController> view) {
    }

    /** Builds the sign-in screen and puts it over the window (on any thread until the window shows it). */
    private SignInScreen signInScreen() {
        SignInViewModel model = new SignInViewModel(vault, Services.defaultAuthor(), background, s -> {
            gate.getChildren().clear();
            gate.setVisible(false);
            shellRoot().setVisible(true);
            open(() -> new SignedIn(s.services(), s));
        });
        // Once the person has asked to sign in, the shell is built while their key is derived.
        model.busyProperty().addListener((o, was, busy) -> {
            if (busy && shellRoot == null) {
                Platform.runLater(this::shellRoot);
            }
        });
        Fxml.View<SignInController> view = Fxml.load("signin", "SignIn", new SignInController(model));
        StartupProbe.mark("fxml");
        cover(view.root());
        return new SignInScreen(model, view);
    }

    private void showSignIn(CompletableFuture<SignInLook> look, boolean probe) {
        SignInScreen screen = signInScreen();
        // The look at the data folder was begun before the toolkit started (or starts now, off this
        // thread); the screen shows the form it chose, or "Opening Resolve…" until it has.
        screen.model().start(look, () -> signInShown(probe));
    }

    /** The sign-in screen shows its form: at start-up, the probe reports its frame and the shell's classes are loaded. */
    private void signInShown(boolean probe) {
        StartupProbe.mark("sign-in");
        if (probe) {
            afterNextFrame(stage.getScene(), this::warmUp);
            if (StartupProbe.enabled()) {
                StartupProbe.reportAfterNextFrame(stage.getScene(), "sign-in", warm);
            }
        }
    }

    /**
     * After the sign-in screen's frame, while the person types, on a reader of the task runner: the
     * classes the shell's FXML names (and its loader) are loaded, not initialised, and the bundled
     * procedures parsed, so that signing in and building the shell do not wait for them and a class
     * data sharing training start records them. No JavaFX class is initialised there, so this cannot
     * race the application thread.
     */
    private void warmUp() {
        background.parallel().execute(() -> {
            try {
                ClassLoader loader = AppWindow.class.getClassLoader();
                Class.forName("javafx.fxml.FXMLLoader", false, loader);
                for (String name : Fxml.classesNamedBy("shell", "Shell")) {
                    Class.forName(name, false, loader);
                    if (name.startsWith("javafx.scene.control.")) { // and its skin, where it has one
                        try {
                            Class.forName(name.replace("control.", "control.skin.") + "Skin", false, loader);
                        } catch (ClassNotFoundException none) {
                            // a control without a skin of its own name
                        }
                    }
                }
                // the procedures every sign-in reads: parsed now, not while the person waits
                uk.resolve.app.PolicyRegistry.prepareBundled();
                warm.complete(null);
            } catch (Throwable e) {
                warm.completeExceptionally(e); // only a warm-up: the shell is built as before
            }
        });
    }

    /** Shows {@code view} over the whole window; the screens underneath neither show nor take the keyboard. */
    private void cover(Parent view) {
        gate.getChildren().setAll(view);
        gate.setVisible(true);
        if (shellRoot != null) {
            shellRoot.setVisible(false);
        }
    }

    private void open(Callable<SignedIn> opener) {
        shellRoot();
        Platform.runLater(() -> background.run(() -> {
            SignedIn s = opener.call();
            StartupProbe.mark("database");
            s.services().policies().all();
            StartupProbe.mark("procedures");
            Preferences prefs = Preferences.of(s.services());
            boolean firstRun = s.services().actor().may(Permission.WORK_ON_CASES)
                    && prefs.get(WelcomeViewModel.WELCOMED).isEmpty() && s.services().cases().isEmpty();
            int minutes = s.session() == null ? 0 : s.session().idleLockMinutes();
            return new Object[] {s, firstRun, minutes};
        }, v -> {
            SignedIn s = (SignedIn) v[0];
            services = s.services();
            session = s.session();
            Preferences prefs = Preferences.of(services);
            context = new ViewFactory(services, session, background,
                    new DraftStore(prefs, services.actor().name(), draftDelayMillis, background.ordered()), formOpener,
                    status, shell);
            Services ready = services;
            background.fireAndForget(() -> ready.forms().prepare()); // the first form then opens at once
            context.onIdleMinutesChanged(idle::setMinutes);
            vm.attach(prefs, background);
            shell.attach(context, (Boolean) v[1]);
            status.show("Ready. Signed in as " + services.actor().name() + ". Your records are kept on this computer.");
            if (services.actor().may(Permission.SYNC_AND_EXPORT)) {
                status.items().add(context.syncStatusBar());
            }
            services.sync().start();
            if (session != null) {
                idle.start((Integer) v[2]);
            }
            if (StartupProbe.enabled()) {
                StartupProbe.reportAfterNextFrame(stage.getScene(), (Boolean) v[1] ? "welcome" : "home",
                        CompletableFuture.completedFuture(null));
            }
        }, shell::failed));
    }

    /** Signs out: drafts saved, the database closed, the key forgotten; back to the sign-in screen. */
    public void signOut() {
        ViewFactory ctx = context;
        Session s = session;
        if (ctx == null || s == null) {
            return;
        }
        idle.stop();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage && w instanceof Stage other) {
                other.close();
            }
        }
        hidden.clear();
        context = null;
        session = null;
        services = null;
        status.items().clear();
        status.show("Signed out.");
        shell.detach();
        background.run(() -> {
            ctx.closeData();
            return null;
        }, v -> afterSignOut(), msg -> afterSignOut());
    }

    private void afterSignOut() {
        if (vault != null) {
            showSignIn(null, false);
        } else {
            gate.getChildren().clear();
            gate.setVisible(false);
            shellRoot().setVisible(true);
        }
    }

    // ---------------------------------------------------------------- locking

    /** The idle timer (tests give it their clock and call its check). */
    public IdleLock idleLock() {
        return idle;
    }

    /** True while the sign-in or lock screen covers the window (and the window shows it: at start-up it is built first). */
    public boolean covered() {
        return gate.isVisible() && root.getScene() != null && root.getScene() == stage.getScene();
    }

    /** True while the lock screen covers the window. */
    public boolean locked() {
        return gate.isVisible() && !gate.getChildren().isEmpty() && gate.getChildren().get(0) instanceof LockScreen;
    }

    /** Locks now (idle, Control+Shift+L or the Lock button): the window is covered until the password is typed. */
    public void lockNow() {
        lock(true);
    }

    private void lock(boolean byHand) {
        Session s = session;
        if (context == null || s == null || gate.isVisible()) {
            return;
        }
        idle.pause();
        focusBeforeLock = stage.getScene().getFocusOwner();
        for (Window w : Window.getWindows()) {
            if (w != stage && w.getScene() != null && w.getScene().getRoot().isVisible()) {
                w.getScene().getRoot().setVisible(false);
                hidden.add(w);
            }
        }
        LockScreen lock = new LockScreen(s.actor(), background, s::unlock, this::unlocked, l -> signOut());
        if (byHand) {
            lock.lockedByHand();
        }
        cover(lock);
        background.fireAndForget(s::lock);
    }

    private void unlocked() {
        gate.getChildren().clear();
        gate.setVisible(false);
        shellRoot().setVisible(true);
        for (Window w : hidden) {
            if (w.getScene() != null) {
                w.getScene().getRoot().setVisible(true);
            }
        }
        hidden.clear();
        if (focusBeforeLock != null && focusBeforeLock.getScene() == stage.getScene()) {
            focusBeforeLock.requestFocus();
        }
        focusBeforeLock = null;
        idle.resume();
    }

    private void changePassword() {
        if (session != null) {
            ChangePasswordDialog.show(stage, session, background, status);
        }
    }

    // ---------------------------------------------------------------- for tests

    /** The composition, once someone has signed in (null before). */
    public ViewFactory context() {
        return context;
    }

    public ShellController shell() {
        return shell;
    }

    public ShellViewModel viewModel() {
        return vm;
    }

    public Background background() {
        return background;
    }

    public Stage stage() {
        return stage;
    }

    /** Saves any waiting drafts and closes the database (signing out). */
    public void close() {
        // Runs on the application thread as it stops, so do not wait for results delivered there.
        idle.stop();
        ViewFactory ctx = context;
        context = null;
        if (ctx != null) {
            ctx.close();
        } else {
            background.close();
        }
    }
}
