/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.EnglandWalesCalendar;

class IcsWriterTest {

    private static final Instant NOW = Instant.parse("2026-12-21T10:15:30Z");
    private final IcsWriter writer = new IcsWriter(new EnglandWalesCalendar());

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static String prop(net.fortuna.ical4j.model.PropertyContainer c, String name) {
        return c.getProperty(name).map(p -> ((Property) p).getValue()).orElse(null);
    }

    private static DeadlineEvent allDay(String date) {
        return new DeadlineEvent("case-s1-stage@resolve.uk", "1a2b3c4d", "Croydon; Sutton, and more",
                "Stage 1 — Practitioners", "Resolve or escalate to line managers", DueAt.endOf(LocalDate.parse(date)),
                0, false);
    }

    @ParameterizedTest(name = "due {0}: reminder {1}")
    @CsvSource({
            // Tuesday: the Monday before at 09:00
            "2026-12-22, -PT15H",
            // Monday: the Friday before
            "2026-12-21, -P2DT15H",
            // Tuesday 29 Dec: Christmas, the weekend and the Boxing Day substitute are skipped back to 24 Dec
            "2026-12-29, -P4DT15H",
    })
    void anAllDayDeadlineRemindsAtNineOnTheWorkingDayBefore(String date, String trigger) throws Exception {
        Calendar cal = parse(writer.write(List.of(allDay(date)), NOW));
        VEvent e = (VEvent) cal.getComponents(Component.VEVENT).get(0);
        assertThat(prop(e, Property.DTSTART)).isEqualTo(date.replace("-", ""));
        assertThat(prop(e, Property.DTEND)).isEqualTo(LocalDate.parse(date).plusDays(1).toString().replace("-", ""));
        List<VAlarm> alarms = e.getAlarms();
        assertThat(alarms).hasSize(1);
        assertThat(prop(alarms.get(0), Property.TRIGGER)).isEqualTo(trigger);
        assertThat(prop(alarms.get(0), Property.ACTION)).isEqualTo("DISPLAY");
    }

    @Test
    void anHourDeadlineIsAnExactTimeInUtcRemindedAtTheSameTimeTheWorkingDayBefore() throws Exception {
        // 10:30 on Monday 29 Jun 2026 (BST) is 09:30 UTC; the working day before is Friday 26 Jun at 10:30 BST
        DeadlineEvent timed = new DeadlineEvent("u@resolve.uk", "1a2b3c4d", "North Somerset", "Stage 1 — Workers",
                "Line managers make contact", DueAt.at(LocalDateTime.parse("2026-06-29T10:30")), 0, false);
        String ics = writer.write(List.of(timed), NOW);
        assertThat(ics).contains("TRIGGER:-PT72H\r\n");
        VEvent e = (VEvent) parse(ics).getComponents(Component.VEVENT).get(0);
        assertThat(prop(e, Property.DTSTART)).isEqualTo("20260629T093000Z");
        assertThat(prop(e, Property.DTEND)).isEqualTo("20260629T100000Z");
        assertThat(((net.fortuna.ical4j.model.property.Trigger) e.getAlarms().get(0).getProperty(Property.TRIGGER)
                .orElseThrow()).getDuration()).isEqualTo(java.time.Duration.ofHours(-72));
    }

    @Test
    void everyFieldIsWrittenAndTextIsEscapedAndFolded() throws Exception {
        String ics = writer.write(List.of(allDay("2026-12-30")), NOW);
        assertThat(ics).contains("\r\n").doesNotContain("\n\n");
        assertThat(ics.lines()).allMatch(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        Calendar cal = parse(ics);
        assertThat(prop(cal, Property.VERSION)).isEqualTo("2.0");
        assertThat(prop(cal, Property.PRODID)).isEqualTo(IcsWriter.PRODID);
        assertThat(prop(cal, Property.METHOD)).isEqualTo("PUBLISH");
        VEvent e = (VEvent) cal.getComponents(Component.VEVENT).get(0);
        assertThat(prop(e, Property.UID)).isEqualTo("case-s1-stage@resolve.uk");
        assertThat(prop(e, Property.SEQUENCE)).isEqualTo("0");
        assertThat(prop(e, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(prop(e, Property.DTSTAMP)).isEqualTo("20261221T101530Z");
        assertThat(prop(e, Property.SUMMARY)).isEqualTo("Resolve case 1a2b3c4d: Resolve or escalate to line managers");
        assertThat(prop(e, Property.DESCRIPTION)).contains("Procedure: Croydon; Sutton, and more\n")
                .contains("Stage: Stage 1 — Practitioners\n").contains("Due: 30 Dec 2026 (by the end of the day)");
    }

    @Test
    void aCancelledEventHasNoReminder() throws Exception {
        VEvent e = (VEvent) parse(writer.write(List.of(allDay("2026-12-30").cancel()), NOW))
                .getComponents(Component.VEVENT).get(0);
        assertThat(prop(e, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(prop(e, Property.SEQUENCE)).isEqualTo("1");
        assertThat(e.getAlarms()).isEmpty();
    }
}
