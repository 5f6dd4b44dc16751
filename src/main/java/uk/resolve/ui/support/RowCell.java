/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A row of a list drawn from a typed item. Its nodes are made once per cell and only given new
 * text as the list scrolls or its items are replaced; its text wraps to the list's width at any
 * text size, and the row reads out as one sentence ({@code accessibleText}).
 *
 * @param <T> the item shown
 */
public abstract class RowCell<T> extends ListCell<T> {

    /** The row's content; a subclass adds its nodes once, in its constructor. */
    protected final VBox box = new VBox(3) {
        @Override
        protected double computePrefHeight(double width) {
            // Asked without a width, wrap at the width the row is given rather than at one long line.
            return super.computePrefHeight(width < 0 && getPrefWidth() > 0 ? getPrefWidth() : width);
        }
    };

    protected RowCell() {
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // The list's width decides the row's, never the length of its text: no sideways scrolling.
        setPrefWidth(0);
        box.setMinWidth(0);
        listViewProperty().addListener((o, was, list) -> {
            box.prefWidthProperty().unbind();
            if (list != null) {
                // room for the list's border, the row's padding and a vertical scroll bar, at any text size
                box.prefWidthProperty().bind(Bindings.createDoubleBinding(
                        () -> Math.max(0, list.getWidth() - 2.4 * getFont().getSize() - 14),
                        list.widthProperty(), fontProperty()));
            }
        });
    }

    @Override
    protected final void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setId(null);
            setAccessibleText(null);
            return;
        }
        setAccessibleText(show(item));
        setGraphic(box);
    }

    /** Puts {@code item} into the row's nodes; returns how the row reads out. */
    protected abstract String show(T item);

    /** A label that wraps and never shrinks below its lines. */
    protected static Label line(String... styleClasses) {
        Label l = new Label();
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    /** Shows {@code l} with {@code text}, or takes it out of the layout when the text is empty. */
    protected static void text(Label l, String text) {
        boolean shown = text != null && !text.isEmpty();
        l.setText(shown ? text : null);
        l.setVisible(shown);
        l.setManaged(shown);
    }

    /** A button of the row, hidden until {@link #offer} shows it. */
    protected static Button button(String text, Runnable onAction) {
        Button b = new Button(text);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> onAction.run());
        offer(b, false, null, null);
        return b;
    }

    /** Shows or hides {@code b} with its id and what it says to a screen reader. */
    protected static void offer(Button b, boolean shown, String id, String accessibleText) {
        b.setVisible(shown);
        b.setManaged(shown);
        b.setId(shown ? id : null);
        b.setAccessibleText(shown ? accessibleText : null);
    }
}
