/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * A value a user enters, with its check. The message appears once the user has changed the value
 * or tried to go on, so a blank form does not open covered in complaints.
 *
 * @param <T> the value's type
 */
public final class Field<T> {

    /** How a value is entered: the control {@link Controls#control} makes for it. */
    public enum Input {
        /** One line of text. */
        LINE,
        /** Several lines of text. */
        AREA,
        /** One of the field's {@link Choice}s; the value is the chosen code. */
        CHOICE,
        /** A date, kept as ISO text ({@code 2026-12-21}). */
        DATE,
        /** A time of day as hours and minutes ({@code 14:30}). */
        TIME,
        /** A tick: "true" or "false". */
        CHECK
    }

    /** An answer a choice offers: the code the value keeps, and the words people see. */
    public record Choice(String code, String label) {
    }

    private final String label;
    private Input input = Input.LINE;
    private List<Choice> choices = List.of();
    private String hint;
    private Function<String, LocalDate> readDate;
    private Function<LocalDate, String> writeDate;
    private final StringProperty note = new SimpleStringProperty("");
    private final boolean required;
    private final ObjectProperty<T> value = new SimpleObjectProperty<>();
    private final BooleanProperty touched = new SimpleBooleanProperty(false);
    private final StringBinding error;
    private final StringBinding shownError;

    /**
     * @param check returns what is wrong in plain words, or null; {@code dependencies} are other
     *              values the check reads
     */
    public Field(String label, boolean required, Function<T, String> check, ObservableValue<?>... dependencies) {
        this.label = label;
        this.required = required;
        javafx.beans.Observable[] deps = new javafx.beans.Observable[dependencies.length + 1];
        deps[0] = value;
        System.arraycopy(dependencies, 0, deps, 1, dependencies.length);
        this.error = Bindings.createStringBinding(() -> {
            T v = value.get();
            if (required && isBlank(v)) {
                return requiredMessage(label);
            }
            String m = check == null ? null : check.apply(v);
            return m == null ? "" : m;
        }, deps);
        this.shownError = Bindings.createStringBinding(() -> touched.get() ? error.get() : "", error, touched);
        value.addListener((o, a, b) -> touched.set(true));
    }

    /**
     * What a required field left blank says: "Required: the concern." for a field, and "Required: is an IRO
     * involved?" for a question, never a question mark run into a full stop.
     */
    static String requiredMessage(String label) {
        String l = label == null ? "" : label.strip();
        boolean ended = l.endsWith("?") || l.endsWith(".") || l.endsWith("!");
        return "Required: " + lowerFirst(l) + (ended ? "" : ".");
    }

    public static Field<String> text(String label, boolean required) {
        return new Field<>(label, required, null);
    }

    public String label() {
        return label;
    }

    /** Says how the value is entered; {@link Input#LINE} unless told. */
    public Field<T> as(Input how) {
        this.input = how;
        return this;
    }

    /** Offers {@code offered} to choose from (with {@link Input#CHOICE}). */
    public Field<T> offering(List<Choice> offered) {
        this.choices = List.copyOf(offered);
        return this;
    }

    /** Help that stays beside the field while typing (never a placeholder, which vanishes). */
    public Field<T> hint(String help) {
        this.hint = help;
        return this;
    }

    /**
     * Says how a {@link Input#DATE} value is kept as text, when not as ISO ({@code 2026-12-21}): forms
     * keep "21 Dec 2026".
     *
     * @param read  the field's reading of its text (null when it is not a date)
     * @param write how a picked date is written
     */
    public Field<T> keepingDates(Function<String, LocalDate> read, Function<LocalDate, String> write) {
        this.readDate = read;
        this.writeDate = write;
        return this;
    }

    /** How a date's text is read, or null for ISO. */
    public Function<String, LocalDate> dateReader() {
        return readDate;
    }

    /** How a picked date is written, or null for ISO. */
    public Function<LocalDate, String> dateWriter() {
        return writeDate;
    }

    /**
     * A remark shown under the control that is not a complaint, such as where the answer came from
     * ("From the case record"); "" for none.
     */
    public StringProperty noteProperty() {
        return note;
    }

    public Input input() {
        return input;
    }

    public List<Choice> choices() {
        return choices;
    }

    /** The help shown beside the field, or null. */
    public String hint() {
        return hint;
    }

    /** The choice whose code is {@code code}. */
    public Optional<Choice> choice(String code) {
        return choices.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public boolean required() {
        return required;
    }

    public ObjectProperty<T> valueProperty() {
        return value;
    }

    public T get() {
        return value.get();
    }

    public void set(T v) {
        value.set(v);
    }

    /** The trimmed text, or null when blank (for text fields). */
    public String text() {
        T v = value.get();
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    public boolean valid() {
        return error.get().isEmpty();
    }

    public StringBinding errorBinding() {
        return error;
    }

    /** The message to show beside the field now. */
    public StringBinding shownErrorBinding() {
        return shownError;
    }

    /** Shows the message even if the user has not changed the value (after "Next" or "Save"). */
    public void reveal() {
        touched.set(true);
    }

    public void reset(T v) {
        value.set(v);
        touched.set(false);
    }

    private static boolean isBlank(Object v) {
        return v == null || v instanceof String s && s.isBlank();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
