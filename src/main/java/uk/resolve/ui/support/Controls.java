/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.time.LocalDate;
import java.util.function.Function;

import javafx.beans.property.StringProperty;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

import uk.resolve.domain.time.UkTime;

/**
 * The controls an answer is given with, made one way for action forms and forms alike: a date is
 * a {@link DatePicker} wherever it is asked for.
 */
public final class Controls {

    private Controls() {
    }

    /**
     * A date picker over a field kept as text: a picked date is written as {@code store} writes it;
     * typed text that is not a date is kept as typed, so that the field's check can say what is wrong.
     *
     * @param read  the field's own reading of its text (null when it is not a date)
     * @param store how the field keeps a date as text (ISO for actions, "21 Dec 2026" for forms)
     */
    public static DatePicker date(StringProperty value, Function<String, LocalDate> read,
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
        p.setValue(value.get() == null || value.get().isBlank() ? null : read.apply(value.get()));
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
                value.set(d != null ? store.apply(d) : notADate(typed[0], read));
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
                    value.set(notADate(typed[0], read));
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
