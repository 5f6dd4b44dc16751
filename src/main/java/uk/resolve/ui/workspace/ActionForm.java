/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.workspace.CaseAction;
import uk.resolve.ui.support.Field;

/**
 * One action on a case (record a discussion, escalate, resolve …) as a small form: its fields,
 * their checks, what its button says and where its draft is kept. Holds no nodes.
 */
public final class ActionForm {

    /** How a field is entered. */
    public enum Input {
        LINE, AREA, CHOICE, DATE, TIME, CHECK
    }

    /** A field of the form; dates are ISO {@code 2026-12-21}, times {@code 14:30}, checks "true"/"false". */
    public record Item(String key, Field<String> field, Input input, List<String> options, String prompt) {
    }

    private final CaseAction action;
    private final String title;
    private final String intro;
    private final String submitLabel;
    private final String draftKey;
    private final List<Item> items = new ArrayList<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public ActionForm(CaseAction action, String title, String intro, String submitLabel, String draftKey) {
        this.action = action;
        this.title = title;
        this.intro = intro;
        this.submitLabel = submitLabel;
        this.draftKey = draftKey;
    }

    public ActionForm line(String key, String label, boolean required, String prompt) {
        return add(key, Field.text(label, required), Input.LINE, List.of(), prompt);
    }

    public ActionForm area(String key, String label, boolean required, String prompt) {
        return add(key, Field.text(label, required), Input.AREA, List.of(), prompt);
    }

    public ActionForm choice(String key, String label, List<String> options, String initial) {
        ActionForm f = add(key, Field.text(label, true), Input.CHOICE, List.copyOf(options), null);
        item(key).field().reset(initial);
        return f;
    }

    public ActionForm check(String key, String label) {
        ActionForm f = add(key, Field.text(label, false), Input.CHECK, List.of(), null);
        item(key).field().reset("false");
        return f;
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
                ? "Give a date, for example " + UkTime.formatDate(local.toLocalDate()) + "." : null);
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
        items.add(new Item("date", date, Input.DATE, List.of(), null));
        items.add(new Item("time", time, Input.TIME, List.of(), "HH:MM"));
        return this;
    }

    /** A date only, for a new deadline (whole day). */
    public ActionForm date(String key, String label, java.util.function.Function<LocalDate, String> check) {
        Field<String> f = new Field<>(label, true, v -> {
            LocalDate d = parseDate(v);
            return d == null ? "Give a date." : check.apply(d);
        });
        items.add(new Item(key, f, Input.DATE, List.of(), null));
        return this;
    }

    /** A time of day that may be left empty. */
    public ActionForm time(String key, String label) {
        Field<String> f = new Field<>(label, false, v -> v == null || v.isBlank() || parseTime(v) != null ? null
                : "Give the time as hours and minutes, for example 14:30, or leave it empty.");
        items.add(new Item(key, f, Input.TIME, List.of(), "HH:MM"));
        return this;
    }

    private ActionForm add(String key, Field<String> field, Input input, List<String> options, String prompt) {
        items.add(new Item(key, field, input, options, prompt));
        return this;
    }

    public Item item(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + key));
    }

    public String value(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst().map(i -> i.field().text()).orElse(null);
    }

    public void set(String key, String v) {
        item(key).field().set(v);
    }

    public boolean flag(String key) {
        return "true".equals(value(key));
    }

    /** When it happened, from the date and time fields (null when the form has none). */
    public Instant happenedAt() {
        if (items.stream().noneMatch(i -> i.key().equals("date"))) {
            return null;
        }
        LocalDate d = parseDate(value("date"));
        LocalTime t = items.stream().anyMatch(i -> i.key().equals("time")) ? parseTime(value("time")) : LocalTime.MIDNIGHT;
        return d == null || t == null ? null : UkTime.instant(LocalDateTime.of(d, t));
    }

    /** Shows every problem; true when there are none. */
    public boolean validate() {
        items.forEach(i -> i.field().reveal());
        boolean ok = items.stream().allMatch(i -> i.field().valid());
        error.set(ok ? "" : "Some fields need attention; see the notes beside them.");
        return ok;
    }

    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Item i : items) {
            if (i.field().get() != null) {
                m.put(i.key(), i.field().get());
            }
        }
        return m;
    }

    /** Fills the form from a saved draft. */
    public void restore(Map<String, String> draft) {
        for (Item i : items) {
            if (draft.containsKey(i.key())) {
                i.field().set(draft.get(i.key()));
            }
        }
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

    public List<Item> items() {
        return items;
    }

    /** "Draft restored …" when the form was filled from a draft. */
    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
