/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.TreeMap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import uk.resolve.app.Services;
import uk.resolve.domain.time.CalendarOverride;
import uk.resolve.domain.time.UkCalendar;
import uk.resolve.domain.time.UkTime;

/** {@code resolve calendar …}: the bank holidays deadlines skip, and an administrator's additions. */
@Command(name = "calendar", mixinStandardHelpOptions = true, description = "Bank holidays used for working days.",
        subcommands = {CalendarCommand.ListCmd.class, CalendarCommand.Add.class})
final class CalendarCommand {

    private CalendarCommand() {
    }

    static UkCalendar.Region region(String code) {
        if (code == null) {
            return UkCalendar.Region.ENGLAND_AND_WALES;
        }
        return UkCalendar.Region.fromCode(code.strip()).orElseThrow(() -> new UserError("--calendar: '" + code
                + "' is not a calendar Resolve knows. Use one of: " + UkCalendar.Region.codes() + "."));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the bank holidays of a year.")
    static final class ListCmd extends Cli.DbCommand {
        @Option(names = "--year", paramLabel = "YYYY") Integer year;
        @Option(names = "--calendar", paramLabel = "CALENDAR",
                description = "england-and-wales (default), scotland or northern-ireland") String calendar;

        @Override
        int run(Services s) {
            int y = year != null ? year : Year.now(UkTime.ZONE).getValue();
            UkCalendar.Region region = region(calendar);
            Map<LocalDate, String> days = new TreeMap<>(new UkCalendar(region, java.util.List.of()).bankHolidays(y));
            for (CalendarOverride o : s.calendarOverrides()) {
                if (o.date().getYear() == y && o.region() == region) {
                    if (o.workingDay()) {
                        days.remove(o.date());
                    } else {
                        days.put(o.date(), o.name() + " (added by an administrator)");
                    }
                }
            }
            days.forEach((d, name) -> out().println(UkTime.formatDate(d) + "  " + d.getDayOfWeek().toString().charAt(0)
                    + d.getDayOfWeek().toString().substring(1, 3).toLowerCase() + "  " + name));
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a holiday (or, with --working-day, make a listed holiday a working day). Administrators.")
    static final class Add extends Cli.DbCommand {
        @Parameters(index = "0", paramLabel = "DATE") String date;
        @Parameters(index = "1", paramLabel = "NAME") String name;
        @Option(names = "--working-day") boolean workingDay;
        @Option(names = "--calendar", paramLabel = "CALENDAR",
                description = "The calendar it changes: england-and-wales (default), scotland or northern-ireland")
        String calendar;

        @Override
        int run(Services s) {
            LocalDate d = Times.due(date, "DATE").date();
            UkCalendar.Region region = region(calendar);
            s.addCalendarOverride(new CalendarOverride(d, name, workingDay, region));
            out().println((workingDay ? "Working day: " : "Holiday added: ") + UkTime.formatDate(d) + " — " + name
                    + " (" + region.label() + ")");
            return 0;
        }
    }
}
