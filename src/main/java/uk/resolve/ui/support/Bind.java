/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.util.function.Function;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextInputControl;
import javafx.util.StringConverter;

/** Small bindings shared by the screens' controllers. */
public final class Bind {

    private Bind() {
    }

    public static void text(TextInputControl control, Field<String> field, Label error) {
        control.textProperty().bindBidirectional(field.valueProperty());
        control.setAccessibleText(field.label() + (field.required() ? ", required" : ""));
        error(error, field);
        if (control instanceof javafx.scene.control.TextArea a) {
            tabTraverses(a);
        }
        // Leaving a required field empty is worth saying at once.
        control.focusedProperty().addListener((o, was, is) -> {
            if (was && !is) {
                field.reveal();
            }
        });
    }

    /** Tab moves on rather than typing a tab, so keyboard users can leave the box. */
    public static void tabTraverses(javafx.scene.control.TextArea a) {
        a.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                a.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                        javafx.scene.input.KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
    }

    /**
     * Control+Tab moves on from {@code control} as it does from a text area (JavaFX leaves Control+Tab
     * to text areas and tab panes), so a keyboard user who leaves text areas with it is never held.
     */
    public static void controlTabTraverses(javafx.scene.Node control) {
        control.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && e.isControlDown() && !e.isAltDown()
                    && !e.isMetaDown()) {
                e.consume();
                control.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                        javafx.scene.input.KeyCode.TAB, e.isShiftDown(), false, false, false));
            }
        });
    }

    public static <T> void choice(ComboBox<T> control, Field<T> field, Label error, Function<T, String> text) {
        control.valueProperty().bindBidirectional(field.valueProperty());
        control.setConverter(converter(text));
        control.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        control.setAccessibleText(field.label() + (field.required() ? ", required" : ""));
        error(error, field);
    }

    public static void error(Label error, Field<?> field) {
        if (error == null) {
            return;
        }
        error.textProperty().bind(field.shownErrorBinding());
        error.visibleProperty().bind(field.shownErrorBinding().isNotEmpty());
        // Once a message has been shown its line keeps its room, so that fixing the answer does not
        // make the fields below jump under the pointer.
        error.setManaged(error.isVisible());
        error.visibleProperty().addListener((o, was, shown) -> {
            if (shown) {
                error.setManaged(true);
            }
        });
    }

    /** A label that shows {@code text} and hides itself when it is empty. */
    public static void message(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    public static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
