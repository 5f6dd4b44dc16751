/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;

import uk.resolve.app.Preferences;
import uk.resolve.app.Services;
import uk.resolve.ui.sync.SyncStatusBar;
import uk.resolve.ui.UiContext;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.support.DraftStore;
import uk.resolve.ui.support.StatusLine;
import uk.resolve.ui.welcome.WelcomeViewModel;
import uk.resolve.ui.workspace.FormOpener;

/**
 * Builds the main window: shows it at once, then opens the database off the application thread
 * and, when it is open, composes the screens around it.
 */
public final class AppWindow {

    private static final String APP_CSS = "/uk/resolve/ui/app.css";
    private static final String HIGH_CONTRAST_CSS = "/uk/resolve/ui/high-contrast.css";

    private final Stage stage;
    private final FormOpener formOpener;
    private final Background background = Background.onFxThread();
    private final StatusLine status = new StatusLine();
    private final ShellViewModel vm = new ShellViewModel();
    private final ShellController shell = new ShellController(vm, status);
    private volatile UiContext context;
    private Services services;

    /** The services, once the database is open; null before. */
    public Services services() {
        return context == null ? null : services;
    }

    private AppWindow(Stage stage, FormOpener formOpener) {
        this.stage = stage;
        this.formOpener = formOpener;
    }

    /**
     * Shows the window on {@code stage} and opens the services with {@code opener} in the background.
     *
     * @param draftDelayMillis how long typing must pause before a draft is saved
     */
    public static AppWindow show(Stage stage, Callable<Services> opener, FormOpener formOpener, long draftDelayMillis) {
        AppWindow w = new AppWindow(stage, formOpener);
        w.build();
        w.open(opener, draftDelayMillis);
        return w;
    }

    private void build() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        FXMLLoader loader = new FXMLLoader(AppWindow.class.getResource("/uk/resolve/ui/shell/ShellView.fxml"));
        loader.setControllerFactory(t -> shell);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1366, screen.getWidth()), Math.min(768, screen.getHeight()));
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
        accelerators(scene);
        stage.setTitle("Resolve");
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setScene(scene);
        stage.show();
    }

    private void accelerators(Scene scene) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> ifReady(shell::showNewCase));
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> ifReady(shell::showHome));
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> ifReady(shell::focusSearch));
        acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), vm::larger);
        acc.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), vm::larger);
        acc.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), vm::larger);
        acc.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), vm::smaller);
        acc.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), vm::smaller);
        acc.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), vm::normalSize);
    }

    private void ifReady(Runnable r) {
        if (context != null) {
            r.run();
        }
    }

    private void open(Callable<Services> opener, long draftDelayMillis) {
        // After the first frame, so the window is on screen while the database opens.
        StartupProbe.mark("window");
        Platform.runLater(() -> background.run(() -> {
            Services s = opener.call();
            StartupProbe.mark("database");
            s.policies().all();
            StartupProbe.mark("procedures");
            Preferences prefs = Preferences.of(s);
            boolean firstRun = prefs.get(WelcomeViewModel.WELCOMED).isEmpty() && s.cases().isEmpty();
            return new Object[] {s, firstRun};
        }, v -> {
            services = (Services) v[0];
            Preferences prefs = Preferences.of(services);
            context = new UiContext(services, background, new DraftStore(prefs, draftDelayMillis), formOpener, status, shell);
            vm.attach(prefs, background);
            shell.attach(context, (Boolean) v[1]);
            status.show("Ready. Your records are kept on this computer.");
            status.items().add(SyncStatusBar.create(services));
            services.sync().start();
            if (StartupProbe.enabled()) {
                StartupProbe.reportAfterNextFrame(stage.getScene(), (Boolean) v[1] ? "welcome" : "home");
            }
        }, shell::failed));
    }

    /** The composition, once the database is open (null before). */
    public UiContext context() {
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

    /** Saves any waiting drafts and closes the database. */
    public void close() {
        // Runs on the application thread as it stops, so do not wait for results delivered there.
        if (context != null) {
            context.close();
        } else {
            background.close();
        }
    }
}
