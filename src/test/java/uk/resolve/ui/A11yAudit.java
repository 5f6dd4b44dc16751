/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javafx.geometry.Bounds;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * What the accessibility test checks on whatever a scene shows, as pure reads of the node tree
 * (call on the JavaFX application thread). Each check adds one readable line per problem.
 */
final class A11yAudit {

    /** WCAG 2.1 AA: 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px bold). */
    static final double TEXT_CONTRAST = 4.5;
    static final double LARGE_TEXT_CONTRAST = 3.0;

    private final List<String> problems = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    List<String> problems() {
        return problems;
    }

    private void add(String where, String what) {
        String line = where + ": " + what;
        if (seen.add(line)) {
            problems.add(line);
        }
    }

    /** Every check that reads the tree: names, contrast, clipped text, mid-word breaks. */
    void read(String where, Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        walk(where, scene.getRoot());
    }

    private void walk(String where, Node n) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof Control c && c.isFocusTraversable() && !c.isDisabled() && !(c instanceof ScrollBar)) {
            String name = accessibleName(c);
            if (name == null || name.isBlank()) {
                add(where, "no accessible name on " + describe(c));
            }
        }
        if (n instanceof Text t && t.getText() != null && !t.getText().isBlank() && onScreen(t)) {
            contrast(where, t);
            midWord(where, t);
        }
        if (n instanceof Labeled l) {
            clipped(where, l);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(where, c);
            }
        }
    }

    /** The name a screen reader announces: the accessible text, the label's text, or a button's own text. */
    static String accessibleName(Control c) {
        if (c.getAccessibleText() != null && !c.getAccessibleText().isBlank()) {
            return c.getAccessibleText();
        }
        // The editor inside a spinner, combo box or date picker is announced as that control.
        for (Node p = c.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Spinner<?> || p instanceof ComboBoxBase<?>) {
                return accessibleName((Control) p);
            }
        }
        Object labelledBy = c.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY);
        if (labelledBy instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return l.getText();
        }
        if (c instanceof TextInputControl || c instanceof ComboBoxBase<?> || c instanceof Spinner<?>
                || c instanceof ListView<?> || c instanceof TableView<?>) {
            return null;
        }
        Object text = c.queryAccessibleAttribute(AccessibleAttribute.TEXT);
        return text == null ? null : text.toString();
    }

    private void contrast(String where, Text t) {
        Paint p = t.getFill();
        if (!(p instanceof Color fg)) {
            return;
        }
        double alpha = fg.getOpacity();
        Color bg = null;
        for (Node a = t; a != null; a = a.getParent()) {
            if (a != t) {
                Color drawn = backgroundBehind(a, t);
                if (drawn != null) {
                    bg = drawn;
                    break;
                }
            }
            alpha *= a.getOpacity();
        }
        if (bg == null) {
            bg = Color.WHITE;
        }
        Color shown = blend(fg, bg, alpha);
        double ratio = ratio(shown, bg);
        double need = large(t.getFont()) ? LARGE_TEXT_CONTRAST : TEXT_CONTRAST;
        if (ratio + 0.005 < need) {
            add(where, String.format(Locale.ROOT, "contrast %.2f:1 (needs %.1f) for \"%s\" (%s on %s) in %s",
                    ratio, need, shorten(t.getText()), hex(shown), hex(bg), describe(owner(t))));
        }
    }

    /** The topmost opaque fill of {@code a}'s background that lies under the text, if any. */
    private static Color backgroundBehind(Node a, Text t) {
        if (!(a instanceof Region r) || r.getBackground() == null) {
            return null;
        }
        Background b = r.getBackground();
        Bounds tb = r.sceneToLocal(t.localToScene(t.getBoundsInLocal()));
        List<BackgroundFill> fills = b.getFills();
        for (int i = fills.size() - 1; i >= 0; i--) {
            BackgroundFill f = fills.get(i);
            Color c = f.getFill() instanceof Color col ? col
                    // A stripe painted as a gradient: the text sits on the colour the gradient ends with.
                    : f.getFill() instanceof javafx.scene.paint.LinearGradient g
                            ? g.getStops().get(g.getStops().size() - 1).getColor() : null;
            if (c == null || c.getOpacity() < 0.5) {
                continue;
            }
            double left = f.getInsets().getLeft();
            double top = f.getInsets().getTop();
            double right = r.getWidth() - f.getInsets().getRight();
            double bottom = r.getHeight() - f.getInsets().getBottom();
            double cx = tb.getCenterX();
            double cy = tb.getCenterY();
            if (cx >= left && cx <= right && cy >= top && cy <= bottom) {
                return c.getOpacity() < 1 ? blend(c, Color.WHITE, c.getOpacity()) : c;
            }
        }
        return null;
    }

    private static boolean large(Font f) {
        boolean bold = f.getStyle().toLowerCase(Locale.ROOT).contains("bold")
                || FontWeight.findByName(f.getStyle()) == FontWeight.BOLD;
        return f.getSize() >= 24 || (bold && f.getSize() >= 18.66);
    }

    /** Wrapped text whose single word is wider than the line: the word is split across lines. */
    private void midWord(String where, Text t) {
        double w = t.getWrappingWidth();
        if (w <= 0) {
            return;
        }
        Text probe = new Text();
        probe.setFont(t.getFont());
        for (String word : t.getText().split("\\s+")) {
            probe.setText(word);
            if (probe.getLayoutBounds().getWidth() > w + 1) {
                add(where, "\"" + word + "\" is broken mid-word (" + Math.round(probe.getLayoutBounds().getWidth())
                        + " px in a " + Math.round(w) + " px line) in " + describe(owner(t)));
            }
        }
    }

    /** A label or button whose text is shortened with an ellipsis because it has no room. */
    private void clipped(String where, Labeled l) {
        if (l.getText() == null || l.getText().isBlank() || !onScreen(l)) {
            return;
        }
        String full = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && t.getText() != null && !t.getText().equals(full)
                    && (t.getText().endsWith("…") || t.getText().endsWith("...")) && !full.startsWith(t.getText())) {
                add(where, "text cut off: \"" + shorten(t.getText()) + "\" for \"" + shorten(full) + "\" in "
                        + describe(l));
            }
        }
    }

    /** Whether the node is inside the visible part of every scroll pane around it. */
    static boolean onScreen(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            return false;
        }
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
            if (p instanceof ScrollPane || p.getStyleClass().contains("clipped-container")
                    || p.getStyleClass().contains("virtual-flow")) {
                Bounds v = p.localToScene(p.getBoundsInLocal());
                if (!v.intersects(b)) {
                    return false;
                }
            }
        }
        Scene s = n.getScene();
        return s != null && b.getMaxX() > 0 && b.getMaxY() > 0 && b.getMinX() < s.getWidth()
                && b.getMinY() < s.getHeight();
    }

    /**
     * A focused control must change the pixels around it visibly: at least a line as long as its
     * edge, in a colour at 3:1 or more against what was there before.
     */
    void focusShown(String where, Node n, Image before, Image after) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        int x0 = (int) Math.max(0, Math.floor(b.getMinX() - 4));
        int y0 = (int) Math.max(0, Math.floor(b.getMinY() - 4));
        int x1 = (int) Math.min(before.getWidth() - 1, Math.ceil(b.getMaxX() + 4));
        int y1 = (int) Math.min(before.getHeight() - 1, Math.ceil(b.getMaxY() + 4));
        PixelReader pb = before.getPixelReader();
        PixelReader pa = after.getPixelReader();
        int changed = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                Color c0 = pb.getColor(x, y);
                Color c1 = pa.getColor(x, y);
                if (ratio(c0, c1) >= 3.0) {
                    changed++;
                }
            }
        }
        double edge = Math.max(b.getWidth(), b.getHeight());
        if (changed < edge) {
            add(where, "no visible focus on " + describe(n) + " (" + changed + " pixels change at 3:1, needs "
                    + Math.round(edge) + ")");
        }
    }

    /**
     * Tab order follows reading order: down a column, then to the next column on the right.
     * Moving up is only right when the next control is in a column to the right of the last one.
     */
    void readingOrder(String where, List<Node> order) {
        for (int i = 1; i < order.size(); i++) {
            Node from = order.get(i - 1);
            Node to = order.get(i);
            ScrollPane sa = scroller(from);
            ScrollPane sb = scroller(to);
            // Within one scrolling area compare places on its page; between areas, compare the areas.
            Bounds a = sa == sb ? pageBounds(from) : sa != null ? sa.localToScene(sa.getBoundsInLocal()) : pageBounds(from);
            Bounds b = sa == sb ? pageBounds(to) : sb != null ? sb.localToScene(sb.getBoundsInLocal()) : pageBounds(to);
            boolean sameRow = b.getMinY() < a.getMaxY() - 2 && b.getMaxY() > a.getMinY() + 2;
            boolean up = b.getMaxY() <= a.getMinY() + 2;
            boolean backLeft = sameRow && b.getMaxX() <= a.getMinX() + 2;
            boolean nextColumn = b.getMinX() >= a.getMaxX() - 2;
            if ((up && !nextColumn) || backLeft) {
                add(where, "Tab goes from " + describe(order.get(i - 1)) + " back to " + describe(order.get(i))
                        + " (" + Math.round(a.getMinX()) + "," + Math.round(a.getMinY()) + " to " + Math.round(b.getMinX())
                        + "," + Math.round(b.getMinY()) + ")");
            }
        }
    }

    /**
     * Where a node is on the page as if no scroll pane were scrolled: Tab scrolls the page as it
     * goes, and reading order is about the page, not about where the viewport happens to be.
     */
    static Bounds pageBounds(Node n) {
        Bounds inScene = n.localToScene(n.getBoundsInLocal());
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp && sp.getContent() != null) {
                Bounds inContent = sp.getContent().sceneToLocal(inScene);
                javafx.geometry.Point2D origin = sp.localToScene(0, 0);
                return new javafx.geometry.BoundingBox(origin.getX() + inContent.getMinX(),
                        origin.getY() + inContent.getMinY(), inContent.getWidth(), inContent.getHeight());
            }
        }
        return inScene;
    }

    private static ScrollPane scroller(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                return sp;
            }
        }
        return null;
    }

    /** The controls in the order Tab visits them, without repeats. */
    static List<Node> distinct(List<Node> visited) {
        return new ArrayList<>(new LinkedHashSet<>(visited));
    }

    static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** The WCAG contrast ratio of two opaque colours. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static Color blend(Color fg, Color bg, double alpha) {
        double a = Math.max(0, Math.min(1, alpha));
        return Color.color(fg.getRed() * a + bg.getRed() * (1 - a), fg.getGreen() * a + bg.getGreen() * (1 - a),
                fg.getBlue() * a + bg.getBlue() * (1 - a));
    }

    private static Node owner(Text t) {
        for (Node n = t.getParent(); n != null; n = n.getParent()) {
            if (n instanceof Control) {
                return n;
            }
        }
        return t;
    }

    static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : "";
        String text = n instanceof Labeled l && l.getText() != null ? " \"" + shorten(l.getText()) + "\"" : "";
        String cls = n.getStyleClass().isEmpty() ? "" : " ." + String.join(".", n.getStyleClass());
        if (id.isEmpty() && text.isEmpty() && n.getParent() != null && !(n instanceof Label)) {
            return n.getClass().getSimpleName() + cls + " in " + describe(n.getParent());
        }
        return n.getClass().getSimpleName() + id + cls + text;
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 50 ? one.substring(0, 47) + "..." : one;
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** Whether {@code n} is a control a person reaches with Tab. */
    static boolean tabStop(Node n) {
        return n instanceof Control && n.isFocusTraversable() && !n.isDisabled() && n.isVisible()
                && !(n instanceof ScrollBar) && (n instanceof ButtonBase || n instanceof Control);
    }
}
