/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;

import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the accessibility tests look at a screen: in a look (normal, high contrast, 200% text), with
 * {@link A11yAudit}'s reads of the node tree, a focus ring compared pixel by pixel for one control
 * of each kind, and the Tab order against reading order.
 */
abstract class AccessibilityWalk extends EscalationJourney {

    protected final A11yAudit audit = new A11yAudit();

    /** Puts the window in {@code look}; doing it again changes nothing. */
    protected void look(String look) {
        switch (look) {
            case "high-contrast" -> {
                onFx(() -> window.viewModel().highContrastProperty().set(true));
                settle();
            }
            case "text-200" -> {
                for (int i = 0; i < 12 && window.viewModel().textScaleProperty().get() < 2.0; i++) {
                    onFx(window.viewModel()::larger);
                }
                settle();
                assertThat(window.viewModel().textScaleProperty().get()).isEqualTo(2.0);
            }
            default -> { }
        }
    }

    protected void check(String look, String screen) {
        checkScene(look, screen, window.stage().getScene());
    }

    protected void checkScene(String look, String screen, Scene scene) {
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
        Node[] topOfPage = new Node[1];
        onFx(() -> {
            List<Node> all = new ArrayList<>();
            collectAll(start, all);
            if (!all.isEmpty()) {
                all.get(0).requestFocus();
                first.add(all.get(0));
            }
            topOfPage[0] = firstStop(start);
        });
        if (first.isEmpty()) {
            return;
        }
        List<Node> visited = new ArrayList<>(first);
        for (int i = 0; i < 40; i++) {
            push(KeyCode.TAB);
            Node now = scene.getFocusOwner();
            // Tab from the last control wraps to the first of the page (scrolled out of sight when the walk began there)
            if (now == null || !inside(now, start) || visited.contains(now) || now == topOfPage[0]) {
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

    /** The first tab stop of the page in scene order, on screen or scrolled out of sight. */
    private static Node firstStop(Node n) {
        if (!n.isVisible()) {
            return null;
        }
        if (A11yAudit.tabStop(n)) {
            return n;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node f = firstStop(c);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
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

}
