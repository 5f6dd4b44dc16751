/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.resolve.domain.time.TypedDates;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.workspace.CaseAction;
import uk.resolve.ui.support.Field;
import uk.resolve.ui.support.Field.Choice;
import uk.resolve.ui.support.Field.Input;

/**
 * One action on a case (record a discussion, escalate, resolve …) as a small form: its fields (the
 * {@link Field}s every form of Resolve uses, made into controls by {@code Controls}), their checks, what
 * its button says and where its draft is kept. Holds no nodes.
 */
public final class ActionForm {

    private final CaseAction action;
    private final String title;
    private final String intro;
    private final String submitLabel;
    private final String draftKey;
    /** The fields by key, in the order shown. */
    private final Map<String, Field<String>> fields = new LinkedHashMap<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public ActionForm(CaseAction action, String title, String intro, String submitLabel, String draftKey) {
        this.action = action;
        this.title = title;
        this.intro = intro;
        this.submitLabel = submitLabel;
        this.draftKey = draftKey;
    }

    public ActionForm line(String key, String label, boolean required, String hint) {
        return add(key, Field.text(label, required).hint(hint));
    }

    public ActionForm area(String key, String label, boolean required, String hint) {
        return add(key, Field.text(label, required).as(Input.AREA).hint(hint));
    }

    /** A choice of {@code options}, the value being the chosen option's code ({@code initial} at first). */
    public ActionForm choice(String key, String label, List<Choice> options, String initial) {
        Field<String> f = Field.text(label, true).as(Input.CHOICE).offering(options);
        f.reset(initial);
        return add(key, f);
    }

    public ActionForm check(String key, String label) {
        Field<String> f = Field.text(label, false).as(Input.CHECK);
        f.reset("false");
        return add(key, f);
    }

    /** A date and a time ("when did it happen"), checked together: valid, and not in the future. */
    public ActionForm when(String label, Instant now, boolean futureAllowed) {
        return when(label, now, futureAllowed, null, null);
    }

    /**
     * A date and a time, also refused before {@code earliest} (when not null), which {@code what}
     * names ("the disagreement arose").
     */
    public ActionForm when(String label, Instant now, boolean futureAllowed, Instant earliest, String what) {
        LocalDateTime local = UkTime.local(now);
        Field<String> date = new Field<>(label + ": date", true, v -> parseDate(v) == null
                ? notADate(v, "Give a date, for example " + UkTime.formatDate(local.toLocalDate()) + ".") : null);
        Field<String> time = new Field<>(label + ": time", true, v -> {
            LocalTime t = parseTime(v);
            if (t == null) {
                return "Give a time as hours and minutes, for example 14:30.";
            }
            LocalDate d = parseDate(date.get());
            if (!futureAllowed && d != null && LocalDateTime.of(d, t).isAfter(local.plusMinutes(5))) {
                return "That is in the future. Give the time it happened.";
            }
            if (earliest != null && d != null && UkTime.instant(LocalDateTime.of(d, t)).isBefore(earliest)) {
                return "That is before " + what + " (" + UkTime.format(earliest) + "). Check the date and time.";
            }
            return null;
        }, date.valueProperty());
        date.reset(local.toLocalDate().toString());
        time.reset(String.format("%02d:%02d", local.getHour(), local.getMinute()));
        add("date", date.as(Input.DATE));
        return add("time", time.as(Input.TIME));
    }

    /** A date only, for a new deadline (whole day). */
    public ActionForm date(String key, String label, java.util.function.Function<LocalDate, String> check) {
        Field<String> f = new Field<>(label, true, v -> {
            LocalDate d = parseDate(v);
            return d == null ? notADate(v, "Give a date.") : check.apply(d);
        });
        return add(key, f.as(Input.DATE));
    }

    /** A time of day that may be left empty. */
    public ActionForm time(String key, String label) {
        Field<String> f = new Field<>(label, false, v -> v == null || v.isBlank() || parseTime(v) != null ? null
                : "Give the time as hours and minutes, for example 14:30, or leave it empty.");
        return add(key, f.as(Input.TIME));
    }

    private ActionForm add(String key, Field<String> field) {
        fields.put(key, field);
        return this;
    }

    /** The field {@code key}. */
    public Field<String> field(String key) {
        Field<String> f = fields.get(key);
        if (f == null) {
            throw new IllegalArgumentException("no field " + key);
        }
        return f;
    }

    /** The trimmed value of {@code key} (a choice's code), or null when blank or absent. */
    public String value(String key) {
        Field<String> f = fields.get(key);
        return f == null ? null : f.text();
    }

    public void set(String key, String v) {
        field(key).set(v);
    }

    public boolean flag(String key) {
        return "true".equals(value(key));
    }

    /** When it happened, from the date and time fields (null when the form has none). */
    public Instant happenedAt() {
        if (!fields.containsKey("date")) {
            return null;
        }
        LocalDate d = parseDate(value("date"));
        LocalTime t = fields.containsKey("time") ? parseTime(value("time")) : LocalTime.MIDNIGHT;
        return d == null || t == null ? null : UkTime.instant(LocalDateTime.of(d, t));
    }

    /** Shows every problem; true when there are none. */
    public boolean validate() {
        fields.values().forEach(Field::reveal);
        boolean ok = fields.values().stream().allMatch(Field::valid);
        error.set(ok ? "" : "Some fields need attention; see the notes beside them.");
        return ok;
    }

    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        fields.forEach((k, f) -> {
            if (f.get() != null) {
                m.put(k, f.get());
            }
        });
        return m;
    }

    /** Fills the form from a saved draft. */
    public void restore(Map<String, String> draft) {
        fields.forEach((k, f) -> {
            // a choice takes back only a code it offers (a draft from before may hold other words)
            if (draft.containsKey(k) && (f.input() != Input.CHOICE || f.choice(draft.get(k)).isPresent())) {
                f.set(draft.get(k));
            }
        });
    }

    static LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What is wrong with typed text that is no date: the day it cannot be (31 Feb), else {@code otherwise}. */
    private static String notADate(String typed, String otherwise) {
        return TypedDates.impossible(typed).map(why -> why + ". Check the date and give it again.").orElse(otherwise);
    }

    static LocalTime parseTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            String t = s.strip().replace('.', ':');
            if (t.matches("\\d{1,2}")) {
                t = t + ":00";
            }
            if (t.matches("\\d:\\d{2}")) {
                t = "0" + t;
            }
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public CaseAction.Kind kind() {
        return action.kind();
    }

    /** The action, with the entry, deadline, notification, question or route it is about. */
    public CaseAction action() {
        return action;
    }

    public String title() {
        return title;
    }

    public String intro() {
        return intro;
    }

    public String submitLabel() {
        return submitLabel;
    }

    public String draftKey() {
        return draftKey;
    }

    /** The fields by key, in the order shown. */
    public Map<String, Field<String>> fields() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** "Draft restored …" when the form was filled from a draft. */
    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
