/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** How Resolve's tables share their width. */
public final class Tables {

    /** Room a vertical scroll bar may take, so that the choice does not flicker as one comes and goes. */
    private static final double SCROLL_BAR = 20;

    private Tables() {
    }

    /**
     * The columns fill the table's width while their minimum widths fit in it; when they do not (larger
     * text, a narrow window) the table scrolls sideways instead. A constrained resize policy never shows a
     * horizontal scroll bar, so without this the last columns are cut off and cannot be reached.
     */
    public static void fillOrScroll(TableView<?> table) {
        InvalidationListener choose = o -> {
            double needed = 0;
            for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
                needed += c.getMinWidth();
            }
            double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset()
                    - SCROLL_BAR;
            boolean fits = table.getWidth() <= 0 || needed <= room;
            var policy = fits ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN
                    : TableView.UNCONSTRAINED_RESIZE_POLICY;
            if (table.getColumnResizePolicy() != policy) {
                table.setColumnResizePolicy(policy);
            }
        };
        table.widthProperty().addListener(choose);
        table.getVisibleLeafColumns().addListener((ListChangeListener<TableColumn<?, ?>>) c -> choose.invalidated(null));
        for (TableColumn<?, ?> c : table.getColumns()) {
            c.minWidthProperty().addListener(choose);
        }
        choose.invalidated(null);
    }
}
