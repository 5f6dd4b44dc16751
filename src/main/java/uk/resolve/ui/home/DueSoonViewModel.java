/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.resolve.app.DeadlineCalendarService;
import uk.resolve.app.ReminderService;
import uk.resolve.ui.support.Background;

/**
 * The Due soon list on My escalations: the person's deadlines overdue, due today or due within the
 * working days ahead they chose; and their deadlines written to a calendar file. Everything is read
 * and written in the background.
 */
public final class DueSoonViewModel {

    /** What a load found, and the desktop notification to show (empty: none). */
    public record Found(List<ReminderService.Reminder> reminders, Optional<String> notification) {
    }

    private final ReminderService reminders;
    private final DeadlineCalendarService calendar;
    private final Background background;
    private final ObservableList<ReminderService.Reminder> items = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);

    public DueSoonViewModel(ReminderService reminders, DeadlineCalendarService calendar, Background background) {
        this.reminders = reminders;
        this.calendar = calendar;
        this.background = background;
    }

    /** Reads the reminders; then {@code found} with them (for the notification). */
    public void load(Consumer<Found> found) {
        background.run(() -> {
            List<ReminderService.Reminder> due = reminders.dueSoon();
            return new Found(due, reminders.notification(due));
        }, f -> {
            items.setAll(f.reminders());
            loaded.set(true);
            found.accept(f);
        }, message::set);
    }

    /** Writes the person's deadlines to {@code file}; the outcome (or why not) goes to {@code done}. */
    public void exportCalendar(Path file, Consumer<String> done) {
        background.run(() -> calendar.export(file, false), e -> done.accept("Wrote " + e.open()
                + (e.open() == 1 ? " deadline" : " deadlines") + (e.cancelled() > 0 ? " and " + e.cancelled()
                + " cancelled" : "") + " to " + e.file() + ". Open it to add them to your calendar."), done);
    }

    /** Reads the person's reminder settings; then {@code done} with them. */
    public void loadSettings(Consumer<ReminderService.Settings> done) {
        background.run(reminders::settings, done, message::set);
    }

    /**
     * Saves the person's settings: {@code ahead} working days, quiet hours as typed ("18:00-08:00", or
     * empty for none); then reads the list again. Returns a problem to show, or "" when accepted.
     */
    public String saveSettings(int ahead, String quietHours, Consumer<String> done) {
        String typed = quietHours == null ? "" : quietHours.strip();
        uk.resolve.domain.calendar.DueSoon.QuietHours quiet = uk.resolve.domain.calendar.DueSoon.QuietHours.parse(typed);
        if (!typed.isEmpty() && quiet.text().isEmpty()) {
            return "Quiet hours: give two times such as 18:00-08:00, or leave it empty for none.";
        }
        if (ahead < 0 || ahead > 10) {
            return "Remind me: 0 to 10 working days ahead.";
        }
        background.run(() -> {
            reminders.save(new ReminderService.Settings(ahead, quiet));
            return "Reminder settings saved.";
        }, m -> {
            done.accept(m);
            load(f -> { });
        }, done);
        return "";
    }

    public ObservableList<ReminderService.Reminder> items() {
        return items;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

}
