/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.Services;
import uk.resolve.app.Vault;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.shell.AppWindow;
import uk.resolve.ui.workspace.FormOpener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the real window on real services (H2 in a temporary folder) with a clock the test
 * controls, and offers small helpers that wait for the background worker.
 */
public abstract class UiTestSupport extends FxRobot {

    static {
        // The headless screen the journeys run on: the laptop size the screens are designed for.
        System.setProperty("headless.geometry", "1366x768-32");
        // Real key strokes, without TestFX's default pause of 25 ms after each character.
        System.setProperty("testfx.robot.write_sleep", "1");
    }

    /** A form the workspace asked to open. */
    public record OpenedForm(UUID caseId, String formId, int stage) {
    }

    @TempDir
    protected Path folder;
    protected final MutableClock clock = MutableClock.at("2026-12-14T09:00");
    protected final List<OpenedForm> formsOpened = new ArrayList<>();
    protected AppWindow window;
    protected Services services;

    /** Whether the welcome counts as seen before the window opens (most journeys skip it). */
    protected boolean welcomed() {
        return true;
    }

    @BeforeEach
    void openWindow() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        Stage stage = FxToolkit.registerStage(Stage::new);
        FxToolkit.setupFixture(() -> start(stage));
    }

    /**
     * What the workspace's Open buttons do; by default they only record what was asked for. Null
     * opens the form editor itself.
     */
    protected FormOpener formOpener() {
        return (owner, caseId, formId, st, closed) -> {
            formsOpened.add(new OpenedForm(caseId, formId, st));
            closed.run();
        };
    }

    /** Who the ready services act for (without the sign-in screen): a manager by default. */
    protected uk.resolve.security.Actor actor() {
        return Fixtures.actor("Test Worker");
    }

    /**
     * The encrypted database whose sign-in screen the window opens with, or null (the default) for
     * ready services on an unencrypted database without the sign-in screen.
     */
    protected Vault vault() {
        return null;
    }

    private void start(Stage stage) {
        Vault v = vault();
        if (v != null) {
            window = AppWindow.signIn(stage, v, formOpener(), 20);
        } else {
            window = AppWindow.show(stage, () -> {
                Services s = Services.openUnencrypted(folder.resolve("resolve.mv.db"), clock, actor());
                if (welcomed()) {
                    uk.resolve.app.Preferences.of(s).put(uk.resolve.ui.welcome.WelcomeViewModel.WELCOMED, "true");
                }
                services = s;
                return s;
            }, formOpener(), 20);
        }
        // The idle lock reads the test's clock, so that a test can let minutes pass at once.
        window.idleLock().setClock(clock::millis);
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    @AfterEach
    void closeWindow() {
        shut();
    }

    private void shut() {
        settle();
        onFx(() -> {
            window.stage().hide();
            window.close();
        });
    }

    /** Closes the window, as the user would, and starts Resolve again on the same database. */
    protected void restart() throws TimeoutException {
        shut();
        Stage stage = FxToolkit.registerStage(Stage::new);
        FxToolkit.setupFixture(() -> start(stage));
        settle();
    }

    /** Waits until the database is open, background work is done and its results are on screen. */
    protected void settle() {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (window.context() == null && !window.covered() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            for (int round = 0; round < 10; round++) {
                if (!window.background().awaitIdle(Duration.ofSeconds(30))) {
                    throw new AssertionError("background work did not finish");
                }
                WaitForAsyncUtils.waitForFxEvents(1);
                if (window.background().idle()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected <T extends Node> T node(String id) {
        settle();
        skinned();
        T n = lookup("#" + id).query();
        if (n == null) {
            throw new AssertionError("no node #" + id + " on screen");
        }
        return n;
    }

    protected boolean present(String id) {
        settle();
        skinned();
        Node n = lookup("#" + id).tryQuery().orElse(null);
        return n != null && n.isVisible() && n.getScene() != null;
    }

    /** Presses a button by its id (fires it as a click would, without moving the pointer). */
    protected void press(String id) {
        Node n = node(id);
        if (!n.isVisible() || n.isDisabled()) {
            throw new AssertionError("#" + id + " cannot be pressed now (hidden or disabled)");
        }
        onFx(((ButtonBase) n)::fire);
        settle();
    }

    /** Clicks a node with the pointer, as a user would. */
    protected void click(String id) {
        Node n = node(id);
        clickOn(n);
        settle();
    }

    /**
     * Clicks a button (or radio button, check box) found by id with the pointer, as a user would,
     * after scrolling it into view; it must be visible and enabled.
     */
    protected void clickButton(String id) {
        Node n = node(id);
        if (!n.isVisible() || n.isDisabled()) {
            throw new AssertionError("#" + id + " cannot be clicked now (hidden or disabled)");
        }
        pointerClick(n);
        settle();
    }

    /**
     * Moves the pointer onto {@code n} (scrolled into view) and clicks it: real mouse events through
     * the window, without TestFX's step-by-step pointer travel, which costs seconds per click headless.
     */
    protected void pointerClick(Node n) {
        scrollTo(n);
        org.testfx.robot.BaseRobot base = robotContext().getBaseRobot();
        base.moveMouse(point(n).query());
        base.pressMouse(javafx.scene.input.MouseButton.PRIMARY);
        base.releaseMouse(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types {@code text} key by key into whatever has the keyboard focus in {@code scene}. */
    protected void keys(javafx.scene.Scene scene, String text) {
        org.testfx.robot.BaseRobot base = robotContext().getBaseRobot();
        for (int i = 0; i < text.length(); i++) {
            base.typeKeyboard(scene, javafx.scene.input.KeyCode.UNDEFINED, String.valueOf(text.charAt(i)));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Clicks into a text field or area and types {@code text} key by key, replacing what was
     * there, then checks that the field holds it.
     */
    protected void type(String id, String text) {
        TextInputControl t = node(id);
        pointerClick(t);
        assertTrue(t.isFocused(), "#" + id + " has the keyboard focus once clicked");
        if (t.getText() != null && !t.getText().isEmpty()) {
            push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
            push(javafx.scene.input.KeyCode.BACK_SPACE);
        }
        keys(t.getScene(), text);
        settle();
        assertEquals(text, t.getText(), "#" + id + " holds what was typed");
    }

    /** Opens a drop-down by clicking it and clicks the entry shown as {@code shown}. */
    protected void pick(String id, String shown) {
        ComboBox<?> c = node(id);
        pointerClick(c);
        Node cell = lookup(n -> n instanceof javafx.scene.control.ListCell<?> lc && lc.isVisible()
                && lc.getListView() != null && lc.getListView().getScene() != c.getScene() && shown.equals(lc.getText()))
                .tryQuery().orElseThrow(() -> new AssertionError("#" + id + " offers no \"" + shown + "\""));
        pointerClick(cell);
        settle();
        @SuppressWarnings({"unchecked", "rawtypes"})
        javafx.util.StringConverter<Object> conv = (javafx.util.StringConverter) c.getConverter();
        assertEquals(shown, conv.toString(c.getValue()), "#" + id + " holds the entry clicked");
    }

    /** Scrolls every scroll pane around {@code n} so that it is on screen before the pointer goes to it. */
    protected void scrollTo(Node n) {
        onFx(() -> {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    p.applyCss();
                    sp.layout();
                    Node content = sp.getContent();
                    double ch = content.getLayoutBounds().getHeight();
                    double vh = sp.getViewportBounds().getHeight();
                    if (ch <= vh) {
                        continue;
                    }
                    javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getLayoutBounds()));
                    double range = sp.getVmax() - sp.getVmin();
                    double top = (sp.getVvalue() - sp.getVmin()) / range * (ch - vh);
                    if (b.getMinY() < top || b.getMaxY() > top + vh) {
                        double target = Math.max(0, Math.min(b.getMinY() - 24, ch - vh));
                        sp.setVvalue(sp.getVmin() + range * target / (ch - vh));
                        sp.layout();
                    }
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the button whose text is {@code text}. */
    protected void pressText(String text) {
        settle();
        ButtonBase b = lookup(text).queryButton();
        clickOn(b);
        settle();
    }

    /** Puts text in a field (faster than typing it key by key; typing is tested separately). */
    protected void fill(String id, String text) {
        TextInputControl t = node(id);
        WaitForAsyncUtils.asyncFx(() -> t.setText(text));
        settle();
    }

    /** Chooses {@code shown} in a drop-down: the entry that is, or that reads as, {@code shown}. */
    @SuppressWarnings("unchecked")
    protected <T> void choose(String id, Object shown) {
        ComboBox<T> c = node(id);
        T item = c.getItems().stream().filter(i -> i.equals(shown) || c.getConverter() != null
                && String.valueOf(shown).equals(c.getConverter().toString(i))).findFirst().orElse((T) shown);
        WaitForAsyncUtils.asyncFx(() -> c.setValue(item));
        settle();
    }

    /** What each entry of the drop-down {@code id} reads as. */
    protected List<String> shownChoices(String id) {
        ComboBox<Object> c = node(id);
        return c.getItems().stream().map(i -> c.getConverter() == null ? String.valueOf(i) : c.getConverter().toString(i))
                .toList();
    }

    /** What the drop-down {@code id} shows as chosen, or null. */
    protected String shownChoice(String id) {
        ComboBox<Object> c = node(id);
        return c.getValue() == null ? null : c.getConverter() == null ? String.valueOf(c.getValue())
                : c.getConverter().toString(c.getValue());
    }

    protected String text(String id) {
        Node n = node(id);
        if (n instanceof Labeled l) {
            return l.getText();
        }
        if (n instanceof TextInputControl t) {
            return t.getText();
        }
        throw new AssertionError("#" + id + " has no text");
    }

    /** Every text shown inside the node {@code id}, joined by new lines. */
    protected String allText(String id) {
        Node n = node(id);
        StringBuilder sb = new StringBuilder();
        collect(n, sb);
        return sb.toString();
    }

    /** Every text in the window. */
    protected String screenText() {
        settle();
        StringBuilder sb = new StringBuilder();
        collect(window.stage().getScene().getRoot(), sb);
        return sb.toString();
    }

    private static void collect(Node n, StringBuilder sb) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null) {
            sb.append(l.getText()).append('\n');
        } else if (n instanceof javafx.scene.text.Text t && t.getText() != null
                && t.getStyleClass().contains("cell-text")) {
            sb.append(t.getText()).append('\n');
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, sb);
            }
        }
    }

    /** Moves the clock on, as time passes between one action and the next. */
    protected void later(Duration d) {
        clock.advance(d);
    }

    /** Writes a PNG of the window to target/screenshots when RESOLVE_SCREENSHOTS is set. */
    protected void screenshot(String name) {
        if (System.getenv("RESOLVE_SCREENSHOTS") == null) {
            return;
        }
        settle();
        WritableImage[] img = new WritableImage[1];
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> img[0] = window.stage().getScene().snapshot(null)));
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            ImageIO.write(uk.resolve.testing.Png.awt(img[0]), "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Gives every control of the window its skin now, as the next frame would: a control's children (a scroll
     * pane's content, for one) are only there to be looked up once it has its skin.
     */
    private void skinned() {
        onFx(() -> {
            if (window.stage().getScene() != null) {
                window.stage().getScene().getRoot().applyCss();
            }
        });
    }

    protected static void onFx(Runnable r) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(r));
    }
}
