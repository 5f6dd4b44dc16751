/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;

/**
 * Writes deadline events as an iCalendar file (RFC 5545) that Outlook, Google Calendar and
 * Thunderbird import. A whole-day deadline is an all-day event on its date; an hour-based one is a
 * half-hour event at its moment, in UTC so that no time-zone table is needed. Each open event has a
 * reminder at the same time of day (09:00 for all-day events) on the working day before.
 */
public final class IcsWriter {

    /** The product identifier written into every file. */
    public static final String PRODID = "-//Resolve//Escalation deadlines//EN";
    /** When the reminder of an all-day deadline goes off, on the working day before. */
    public static final LocalTime ALL_DAY_REMINDER = LocalTime.of(9, 0);
    /** How long an hour-based deadline's event lasts in the calendar. */
    public static final Duration TIMED_LENGTH = Duration.ofMinutes(30);

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final String CRLF = "\r\n";

    private final WorkingCalendar calendar;

    public IcsWriter(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The whole file for {@code events}, stamped {@code now}. */
    public String write(List<DeadlineEvent> events, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODID);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:Resolve deadlines");
        for (DeadlineEvent e : events) {
            event(out, e, now);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private void event(StringBuilder out, DeadlineEvent e, Instant now) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + e.uid());
        line(out, "DTSTAMP:" + utc(now));
        line(out, "SEQUENCE:" + e.sequence());
        line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(out, "SUMMARY:" + text((e.cancelled() ? "Cancelled: " : "") + e.summary()));
        line(out, "DESCRIPTION:" + text(description(e)));
        line(out, "CATEGORIES:Resolve");
        line(out, "CLASS:PRIVATE");
        line(out, "TRANSP:TRANSPARENT");
        Instant start = null;
        if (e.due().wholeDay()) {
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(e.due().date()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(e.due().date().plusDays(1)));
        } else {
            start = UkTime.instant(e.due().moment());
            line(out, "DTSTART:" + utc(start));
            line(out, "DTEND:" + utc(start.plus(TIMED_LENGTH)));
        }
        if (!e.cancelled()) {
            line(out, "BEGIN:VALARM");
            line(out, "ACTION:DISPLAY");
            line(out, "DESCRIPTION:" + text(e.summary()));
            line(out, "TRIGGER:" + trigger(e, start));
            line(out, "END:VALARM");
        }
        line(out, "END:VEVENT");
    }

    /** When the reminder goes off: the same time (09:00 for all-day) on the working day before. */
    public LocalDateTime reminder(DeadlineEvent e) {
        LocalDate before = previousWorkingDay(e.due().date());
        return e.due().wholeDay() ? before.atTime(ALL_DAY_REMINDER) : before.atTime(e.due().moment().toLocalTime());
    }

    private String trigger(DeadlineEvent e, Instant start) {
        LocalDateTime alarm = reminder(e);
        if (e.due().wholeDay()) {
            // an all-day event starts at local midnight wherever it is shown: count in nominal days and hours
            long minutes = ChronoUnit.MINUTES.between(alarm, e.due().date().atStartOfDay());
            long days = minutes / (24 * 60);
            long rest = minutes % (24 * 60);
            return "-P" + (days > 0 ? days + "D" : "") + (rest > 0 || days == 0 ? "T" + hm(rest) : "");
        }
        long minutes = Duration.between(UkTime.instant(alarm), start).toMinutes();
        return "-PT" + hm(minutes);
    }

    private static String hm(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        return (h > 0 || m == 0 ? h + "H" : "") + (m > 0 ? m + "M" : "");
    }

    private LocalDate previousWorkingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!calendar.isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static String description(DeadlineEvent e) {
        return (e.cancelled() ? "This deadline is no longer open (met, moved or the case closed).\n" : "")
                + "Resolve case " + e.caseNumber() + "\n"
                + "Procedure: " + e.procedure() + "\n"
                + "Stage: " + e.stage() + "\n"
                + "Deadline: " + e.label() + "\n"
                + "Due: " + UkTime.format(e.due()) + (e.due().wholeDay() ? " (by the end of the day)" : " (UK time)")
                + "\n"
                + "Open Resolve to see the case.";
    }

    private static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends one content line folded at 75 octets, never inside a UTF-8 character. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > 75) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }
}
