/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.WorkingCalendar;

/**
 * Which deadlines to remind a person of: those overdue, due today, and due within the next
 * {@code ahead} working days (one, by default: "due on the next working day").
 */
public final class DueSoon {

    /** How pressing a deadline is. */
    public enum Urgency {
        OVERDUE("Overdue"), TODAY("Due today"), SOON("Due soon");

        private final String label;

        Urgency(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The working days ahead looked at when the person has not chosen. */
    public static final int DEFAULT_AHEAD = 1;

    private DueSoon() {
    }

    /** How pressing {@code due} is at {@code now}, or empty when it is further off than {@code ahead} working days. */
    public static Optional<Urgency> urgency(DueAt due, LocalDateTime now, WorkingCalendar calendar, int ahead) {
        if (due.isPast(now)) {
            return Optional.of(Urgency.OVERDUE);
        }
        LocalDate today = now.toLocalDate();
        if (due.date().equals(today)) {
            return Optional.of(Urgency.TODAY);
        }
        LocalDate horizon = calendar.addWorkingDays(today, Math.max(0, ahead));
        return due.date().isAfter(horizon) ? Optional.empty() : Optional.of(Urgency.SOON);
    }

    /**
     * Hours in which no desktop notification is shown (the list on screen stays). {@code from} equal to
     * {@code to} means none; {@code from} after {@code to} runs over midnight (22:00 to 07:00).
     */
    public record QuietHours(LocalTime from, LocalTime to) {

        public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

        public boolean contains(LocalTime t) {
            if (from.equals(to)) {
                return false;
            }
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }

        /** "22:00-07:00", or "" for none. */
        public String text() {
            return from.equals(to) ? "" : from + "-" + to;
        }

        /** Reads {@link #text()}; empty or malformed text is no quiet hours. */
        public static QuietHours parse(String text) {
            if (text == null || !text.strip().matches("\\d{1,2}:\\d{2}-\\d{1,2}:\\d{2}")) {
                return NONE;
            }
            String[] parts = text.strip().split("-");
            try {
                return new QuietHours(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])));
            } catch (java.time.format.DateTimeParseException e) {
                return NONE;
            }
        }

        private static String pad(String hhmm) {
            return hhmm.length() == 4 ? "0" + hhmm : hhmm;
        }
    }
}
