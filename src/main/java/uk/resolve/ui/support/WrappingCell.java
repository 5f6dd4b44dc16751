/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;

/** A table cell whose text wraps over more lines, at any text size, instead of ending in "…". */
public final class WrappingCell<S> extends TableCell<S, String> {

    // a label as the graphic, as wide as the column: a row grows to the lines it needs at any text size
    private final javafx.scene.control.Label line = new javafx.scene.control.Label() {
        @Override
        protected double computePrefHeight(double width) {
            // Asked without a width (as a table row measures its cells), wrap at the column's width, not
            // on one line: a row one line high cut the wrapped text short with "…".
            return super.computePrefHeight(width < 0 && getPrefWidth() > 0 ? getPrefWidth() : width);
        }
    };

    public WrappingCell() {
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        tableColumnProperty().addListener((o, was, column) -> {
            line.prefWidthProperty().unbind();
            if (column != null) {
                // the cell's own padding is in em: at large text a fixed allowance measured the row a line short
                line.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> column.getWidth() - getInsets().getLeft() - getInsets().getRight() - 2,
                        column.widthProperty(), insetsProperty()));
            }
        });
    }

    /**
     * Gives {@code column} a heading that wraps onto more lines at large text sizes instead of ending
     * in "…" (the column keeps its text for screen readers and the column menu).
     */
    public static void wrapHeading(javafx.scene.control.TableColumn<?, ?> column) {
        javafx.scene.control.Label heading = new javafx.scene.control.Label(column.getText()) {
            @Override
            protected double computePrefHeight(double width) {
                // The header row asks without a width: measure at the column's width, so that it grows to
                // the heading's lines rather than cutting a two-line heading in half.
                return super.computePrefHeight(width < 0 && getMaxWidth() > 0 && getMaxWidth() < Double.MAX_VALUE
                        ? getMaxWidth() : width);
            }
        };
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        // narrower than the header's own padding (in em) leaves, so that it is measured at the width it gets
        heading.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> column.getWidth() - 12 - heading.getFont().getSize(), column.widthProperty(), heading.fontProperty()));
        column.setGraphic(heading);
        column.setText("");
        column.getStyleClass().add("wrapped-heading");
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        line.setText(empty ? null : item);
        setGraphic(empty || item == null ? null : line);
        setAccessibleText(empty ? null : item);
    }
}
