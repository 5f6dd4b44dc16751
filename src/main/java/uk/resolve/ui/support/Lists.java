/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.util.List;
import java.util.function.Function;

import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;

/** How the lists of a screen behave: their height, their empty text, and their rows' actions by keyboard. */
public final class Lists {

    /** What can be done on a row: what the menu says and what it does. */
    public record RowAction(String label, Runnable run) {
    }

    private Lists() {
    }

    /**
     * Makes {@code list} as tall as its rows (the first ten), for a short list inside a scrolling page:
     * the page scrolls, not the list. Empty, it shows {@code empty} in a wrapping line.
     */
    public static <T> void fitToRows(ListView<T> list, Label empty) {
        list.setSkin(new FittedSkin<>(list));
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.setMaxHeight(Region.USE_PREF_SIZE);
        placeholder(list, empty);
    }

    /** Shows {@code empty} (wrapping, readable) in place of the list's "No content in table". */
    public static void placeholder(ListView<?> list, Label empty) {
        empty.setWrapText(true);
        empty.setMinHeight(Region.USE_PREF_SIZE);
        empty.maxWidthProperty().bind(list.widthProperty().subtract(24));
        list.setPlaceholder(empty);
    }

    /**
     * Gives each row's actions to the keyboard: Enter does the selected row's first action, the
     * context-menu key (or Shift+F10) offers them all. A row with none does nothing. A list tabbed into
     * selects its current row.
     */
    public static <T> void rowActions(ListView<T> list, Function<T, List<RowAction>> actions) {
        // Tabbed into, a list shows its current row at once: arrows and Enter act on a row that can be seen.
        list.focusedProperty().addListener((o, was, is) -> {
            if (is && list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                int focused = list.getFocusModel().getFocusedIndex();
                list.getSelectionModel().select(Math.max(0, focused));
            }
        });
        list.setOnKeyPressed(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (item == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER && !e.isAltDown() && !e.isControlDown()) {
                List<RowAction> a = actions.apply(item);
                if (!a.isEmpty()) {
                    e.consume();
                    a.get(0).run().run();
                }
            }
        });
        list.setOnContextMenuRequested(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            List<RowAction> a = item == null ? List.of() : actions.apply(item);
            if (a.isEmpty()) {
                return;
            }
            ContextMenu menu = new ContextMenu();
            for (RowAction r : a) {
                MenuItem m = new MenuItem(r.label());
                m.setOnAction(x -> r.run().run());
                menu.getItems().add(m);
            }
            int index = list.getSelectionModel().getSelectedIndex();
            javafx.scene.Node row = list.lookupAll(".list-cell").stream()
                    .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getIndex() == index && c.isVisible())
                    .findFirst().orElse(list);
            menu.show(row, Side.BOTTOM, 0, 0);
            e.consume();
        });
    }

    /** A list skin whose preferred height is its rows' (or its empty text's), not a fixed 400 pixels. */
    private static final class FittedSkin<T> extends ListViewSkin<T> {

        private double last = -1;

        FittedSkin(ListView<T> list) {
            super(list);
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            ListView<T> list = getSkinnable();
            double inner = width < 0 ? -1 : width - left - right;
            double h;
            if (list.getItems() == null || list.getItems().isEmpty()) {
                h = list.getPlaceholder() == null ? 0 : list.getPlaceholder().prefHeight(inner);
            } else {
                h = getVirtualFlow().prefHeight(inner);
            }
            last = Math.ceil(top + h + bottom + 2);
            return last;
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            super.layoutChildren(x, y, w, h);
            // The rows' heights follow the width they were just given: ask the page again if they changed.
            double before = last;
            if (before >= 0 && Math.abs(computePrefHeight(-1, snappedTopInset(), snappedRightInset(),
                    snappedBottomInset(), snappedLeftInset()) - before) > 1) {
                getSkinnable().requestLayout();
            }
        }
    }
}
