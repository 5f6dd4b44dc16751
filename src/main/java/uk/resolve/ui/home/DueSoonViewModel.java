/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import java.nio.file.Path;
import java.util.List;
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

    /** What a load found, for the desktop notification: the lines, and whether the person asked for quiet. */
    public record Found(List<ReminderService.Reminder> reminders, boolean quiet) {
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
        background.run(() -> new Found(reminders.dueSoon(), reminders.quietNow()), f -> {
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

    public ObservableList<ReminderService.Reminder> items() {
        return items;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    /** The notification's text: at most five lines, then how many more. */
    public static String notificationText(List<ReminderService.Reminder> found) {
        StringBuilder b = new StringBuilder();
        found.stream().limit(5).forEach(r -> b.append(r.line()).append('\n'));
        if (found.size() > 5) {
            b.append("and ").append(found.size() - 5).append(" more on My escalations.");
        }
        return b.toString().strip();
    }
}
