/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.Property;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import uk.resolve.domain.time.TypedDates;
import uk.resolve.domain.time.UkTime;

/**
 * The controls an answer is given with, made one way for action forms and forms alike: a date is
 * a {@link DatePicker} wherever it is asked for.
 */
public final class Controls {

    private Controls() {
    }

    /**
     * {@code field} as a screen shows it: its label (with " *" when required), its hint, the control
     * it is entered with ({@code field-<key>}) and its message ({@code field-<key>Error}). A tick box
     * is its own label.
     */
    public static VBox field(String key, Field<String> field) {
        Node control = control(field);
        String id = id(key);
        control.setId(id);
        VBox cell = new VBox(2);
        if (field.input() != Field.Input.CHECK) {
            Label label = wrapping(field.label() + (field.required() ? " *" : ""), "field-label");
            label.setLabelFor(control);
            cell.getChildren().add(label);
            String hint = hint(field);
            if (hint != null) {
                Label h = wrapping(hint, "text-muted", "field-hint");
                h.setId(id + "Hint");
                ((Control) control).setAccessibleHelp(hint);
                cell.getChildren().add(h);
            }
        }
        cell.getChildren().add(control);
        Label note = wrapping("", "field-note");
        note.setId(id + "Note");
        Bind.message(note, field.noteProperty());
        Label error = wrapping("", "field-error");
        error.setId(id + "Error");
        Bind.error(error, field);
        // the control itself is marked too, as every field needing attention is
        field.shownErrorBinding().addListener((o, was, now) -> control.pseudoClassStateChanged(DANGER,
                now != null && !now.isEmpty()));
        control.pseudoClassStateChanged(DANGER, !field.shownErrorBinding().get().isEmpty());
        cell.getChildren().addAll(note, error);
        return cell;
    }

    /** AtlantaFX's mark of a field whose answer needs attention (a red edge). */
    private static final javafx.css.PseudoClass DANGER = javafx.css.PseudoClass.getPseudoClass("danger");

    /**
     * The id of the control {@link #field} makes for {@code key}: {@code field-<key>}, a dot (as in a
     * signature's "sender.name") written as a hyphen so that the id can be looked up.
     */
    public static String id(String key) {
        return "field-" + key.replace('.', '-');
    }

    /** The control a field is entered with; Tab (Control+Tab from a text area) moves on from each. */
    public static Node control(Field<String> field) {
        String name = field.label() + (field.required() ? ", required" : "");
        Node n = switch (field.input()) {
            case AREA -> area(field.valueProperty(), 3, name);
            case CHOICE -> choice(field.valueProperty(), field.choices(), name);
            case CHECK -> check(field);
            case DATE -> date(field.valueProperty(),
                    field.dateReader() != null ? field.dateReader() : Controls::isoDate,
                    field.dateWriter() != null ? field.dateWriter() : LocalDate::toString, name);
            case TIME -> {
                TextField t = text(field.valueProperty(), name);
                t.setPrefColumnCount(6);
                t.setMaxWidth(Region.USE_PREF_SIZE);
                yield t;
            }
            case LINE -> text(field.valueProperty(), name);
        };
        if (!(n instanceof TextArea)) {
            Bind.controlTabTraverses(n);
        }
        if (n instanceof Region r && field.input() != Field.Input.TIME) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        return n;
    }

    /** One line of text over {@code value}. */
    public static TextField text(Property<String> value, String accessibleText) {
        TextField t = new TextField();
        bindText(t, value);
        t.setAccessibleText(accessibleText);
        return t;
    }

    /** Several lines of wrapping text over {@code value}; Tab moves on, as from every field. */
    public static TextArea area(Property<String> value, int rows, String accessibleText) {
        TextArea a = new TextArea();
        a.setPrefRowCount(rows);
        a.setWrapText(true);
        bindText(a, value);
        a.setAccessibleText(accessibleText);
        Bind.tabTraverses(a);
        return a;
    }

    /**
     * A drop-down of {@code choices} showing their labels over {@code value}, which keeps the chosen
     * code ("" or null: none chosen): nothing shown is mapped back from its words.
     */
    public static ComboBox<Field.Choice> choice(Property<String> value, List<Field.Choice> choices,
                                                String accessibleText) {
        ComboBox<Field.Choice> c = new ComboBox<>();
        c.getItems().setAll(choices);
        c.setConverter(Bind.converter(Field.Choice::label));
        c.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Field.Choice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        boolean[] updating = {false};
        Runnable fromValue = () -> c.setValue(choices.stream().filter(x -> x.code().equals(value.getValue()))
                .findFirst().orElse(null));
        fromValue.run();
        value.addListener((o, a, b) -> {
            if (!updating[0]) {
                updating[0] = true;
                fromValue.run();
                updating[0] = false;
            }
        });
        c.valueProperty().addListener((o, a, b) -> {
            if (!updating[0]) {
                updating[0] = true;
                value.setValue(b == null ? null : b.code());
                updating[0] = false;
            }
        });
        c.setAccessibleText(accessibleText);
        return c;
    }

    private static CheckBox check(Field<String> field) {
        CheckBox cb = new CheckBox(field.label());
        cb.setWrapText(true);
        cb.setSelected("true".equals(field.get()));
        cb.selectedProperty().addListener((o, a, b) -> field.set(Boolean.toString(b)));
        field.valueProperty().addListener((o, a, b) -> cb.setSelected("true".equals(b)));
        return cb;
    }

    private static void bindText(TextInputControl t, Property<String> value) {
        t.setText(value.getValue());
        t.textProperty().bindBidirectional(value);
    }

    private static String hint(Field<String> field) {
        String how = switch (field.input()) {
            case DATE -> "For example 21/12/2026, or choose it with the calendar button";
            case TIME -> "Hours and minutes, for example 14:30";
            default -> null;
        };
        String own = field.hint();
        if (own == null || own.isBlank()) {
            return how;
        }
        return how == null ? own : own + (own.strip().endsWith(".") ? " " : ". ") + how;
    }

    private static Label wrapping(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** A date written as a person types it (21/12/2026, 21 Dec 2026) or as ISO; null when it is none. */
    private static LocalDate isoDate(String s) {
        return TypedDates.read(s).orElse(null);
    }

    /**
     * A date picker over a field kept as text: a picked date is written as {@code store} writes it;
     * typed text that is not a date is kept as typed, so that the field's check can say what is wrong.
     *
     * @param read  the field's own reading of its text (null when it is not a date)
     * @param store how the field keeps a date as text (ISO for actions, "21 Dec 2026" for forms)
     */
    public static DatePicker date(Property<String> value, Function<String, LocalDate> read,
                                  Function<LocalDate, String> store, String accessibleText) {
        DatePicker p = new DatePicker();
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : UkTime.formatDate(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return s == null || s.isBlank() ? null : read.apply(s);
            }
        });
        p.setAccessibleText(accessibleText);
        p.setValue(value.getValue() == null || value.getValue().isBlank() ? null : read.apply(value.getValue()));
        boolean[] updating = {false};
        // What the person last typed. The picker clears its editor once it finds no date there (and
        // focus has gone): that clearing is not the person's, so only a clearing while in the box counts.
        String[] typed = {""};
        p.getEditor().textProperty().addListener((o, a, t) -> {
            if (t != null && !t.isBlank() || p.getEditor().isFocused() || p.isFocused()) {
                typed[0] = t == null ? "" : t;
            }
        });
        p.valueProperty().addListener((o, a, d) -> {
            if (!updating[0]) {
                updating[0] = true;
                value.setValue(d != null ? store.apply(d) : notADate(typed[0], read));
                updating[0] = false;
            }
        });
        value.addListener((o, a, text) -> {
            if (updating[0]) {
                return;
            }
            typed[0] = "";
            LocalDate d = text == null || text.isBlank() ? null : read.apply(text);
            if (d != null ? !d.equals(p.getValue()) : p.getValue() != null) {
                updating[0] = true;
                p.setValue(d);
                updating[0] = false;
            }
        });
        // A typed date counts as soon as focus leaves the box; text that is no date is kept for the check.
        p.getEditor().focusedProperty().addListener((o, was, is) -> {
            if (was && !is) {
                LocalDate d = typed[0].isBlank() ? null : read.apply(typed[0]);
                if (d == null) {
                    updating[0] = true;
                    value.setValue(notADate(typed[0], read));
                    updating[0] = false;
                } else {
                    p.setValue(d);
                }
            }
        });
        return p;
    }

    /** The typed text when it is not a date (for the check to name), else "" (nothing typed). */
    private static String notADate(String typed, Function<String, LocalDate> read) {
        return typed == null || typed.isBlank() || read.apply(typed) != null ? "" : typed.strip();
    }
}
