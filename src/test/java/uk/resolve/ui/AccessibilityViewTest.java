/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.ui.welcome.WelcomeViewModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every screen and dialog in the normal theme, in high contrast and at 200% text, and fails on
 * what keeps people out: a control without an accessible name, text under 4.5:1 (large text 3:1)
 * against the colour drawn behind it, a focused control that looks the same as an unfocused one,
 * text cut off or broken mid-word, and a Tab order that does not follow reading order.
 */
class AccessibilityViewTest extends EscalationJourney {

    private final A11yAudit audit = new A11yAudit();

    private void look(String look) {
        switch (look) {
            case "high-contrast" -> press("contrastToggle");
            case "text-200" -> {
                for (int i = 0; i < 12; i++) {
                    onFx(window.viewModel()::larger);
                }
                settle();
                assertThat(window.viewModel().textScaleProperty().get()).isEqualTo(2.0);
            }
            default -> { }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text-200", "normal", "high-contrast"})
    void everyScreenAndDialogCanBeReadAndUsedByKeyboard(String look) throws Exception {
        onFx(() -> { });
        settle();
        look(look);
        WelcomeViewModel.addSampleCases(services.cases());
        press("proceduresNav");
        press("homeNav");
        TableView<?> table = lookup(".cases-table").queryAs(TableView.class);
        onFx(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        check(look, "My escalations");

        press("newNav");
        press("riskYes");
        check(look, "New escalation, immediate risk");
        press("riskNo");
        press("nextButton");
        press("nextButton");
        check(look, "New escalation, answers needing attention");

        UUID id = services.cases().list().stream().filter(c -> c.details().childRef().equals("SAMPLE-A1"))
                .findFirst().orElseThrow().id();
        onFx(() -> window.shell().showCase(id));
        settle();
        check(look, "Case workspace");
        press("discussButton");
        check(look, "Record a discussion");
        press("cancelAction");

        press("proceduresNav");
        check(look, "Procedures");
        press("reportsNav");
        check(look, "Reports");

        press("syncNav");
        Window sync = Window.getWindows().stream().filter(w -> w != window.stage() && w.isShowing()
                && !(w instanceof PopupWindow)).findFirst().orElseThrow();
        checkScene(look, "Sync, export and import", sync.getScene());
        onFx(() -> sync.getScene().getRoot().requestFocus());
        push(KeyCode.ESCAPE);
        settle();
        assertThat(sync.isShowing()).as("Esc closes the sync window").isFalse();

        assertThat(audit.problems()).as(String.join("\n", audit.problems())).isEmpty();
    }

    private void check(String look, String screen) {
        checkScene(look, screen, window.stage().getScene());
    }

    private void checkScene(String look, String screen, Scene scene) {
        settle();
        String where = look + ", " + screen;
        screenshot("a11y-" + look + "-" + screen.replaceAll("[^A-Za-z]+", "-").toLowerCase(java.util.Locale.ROOT));
        onFx(() -> audit.read(where, scene));
        focusRings(where, scene);
        tabOrder(where, scene);
    }

    /** One control of each kind on the screen: focus it and compare the pixels around it. */
    private void focusRings(String where, Scene scene) {
        List<Node> stops = new ArrayList<>();
        onFx(() -> {
            Map<String, Node> kinds = new LinkedHashMap<>();
            collectStops(scene.getRoot(), kinds);
            stops.addAll(kinds.values());
        });
        for (Node n : stops) {
            WritableImage[] shots = new WritableImage[2];
            onFx(() -> {
                scene.getRoot().requestFocus();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                shots[0] = scene.snapshot(null);
                n.requestFocus();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                shots[1] = scene.snapshot(null);
            });
            WaitForAsyncUtils.waitForFxEvents();
            onFx(() -> {
                if (n.isFocused()) {
                    audit.focusShown(where, n, shots[0], shots[1]);
                }
            });
        }
    }

    private static void collectStops(Node n, Map<String, Node> kinds) {
        if (!n.isVisible()) {
            return;
        }
        if (A11yAudit.tabStop(n) && A11yAudit.onScreen(n)) {
            kinds.putIfAbsent(n.getClass().getSimpleName() + String.join(".", n.getStyleClass()), n);
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectStops(c, kinds);
            }
        }
    }

    /** Tab from the first control of the page through the page; the order must follow reading order. */
    private void tabOrder(String where, Scene scene) {
        Node content = scene.lookup("#content");
        Node start = content != null ? content : scene.getRoot();
        List<Node> first = new ArrayList<>();
        onFx(() -> {
            List<Node> all = new ArrayList<>();
            collectAll(start, all);
            if (!all.isEmpty()) {
                all.get(0).requestFocus();
                first.add(all.get(0));
            }
        });
        if (first.isEmpty()) {
            return;
        }
        List<Node> visited = new ArrayList<>(first);
        for (int i = 0; i < 40; i++) {
            push(KeyCode.TAB);
            Node now = scene.getFocusOwner();
            if (now == null || !inside(now, start) || visited.contains(now)) {
                break;
            }
            visited.add(now);
        }
        onFx(() -> audit.readingOrder(where, A11yAudit.distinct(visited)));
    }

    private static boolean inside(Node n, Node root) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }

    private static void collectAll(Node n, List<Node> out) {
        if (!n.isVisible()) {
            return;
        }
        if (A11yAudit.tabStop(n) && A11yAudit.onScreen(n)) {
            out.add(n);
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectAll(c, out);
            }
        }
    }

    @Test
    void textBelowTheContrastFloorIsCaught() {
        // The check itself: white on the pale grey selection of before is about 1.2:1 and is refused.
        double before = A11yAudit.ratio(javafx.scene.paint.Color.WHITE, javafx.scene.paint.Color.web("#eaeef2"));
        double now = A11yAudit.ratio(javafx.scene.paint.Color.WHITE, javafx.scene.paint.Color.web("#0969da"));
        assertThat(before).isLessThan(A11yAudit.TEXT_CONTRAST);
        assertThat(now).isGreaterThanOrEqualTo(A11yAudit.TEXT_CONTRAST);
    }
}
