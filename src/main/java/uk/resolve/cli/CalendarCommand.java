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
import uk.resolve.domain.time.EnglandWalesCalendar;
import uk.resolve.domain.time.UkTime;

/** {@code resolve calendar …}: the bank holidays deadlines skip, and an administrator's additions. */
@Command(name = "calendar", mixinStandardHelpOptions = true, description = "Bank holidays used for working days.",
        subcommands = {CalendarCommand.ListCmd.class, CalendarCommand.Add.class})
final class CalendarCommand {

    private CalendarCommand() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the bank holidays of a year.")
    static final class ListCmd extends Cli.DbCommand {
        @Option(names = "--year", paramLabel = "YYYY") Integer year;

        @Override
        int run(Services s) {
            int y = year != null ? year : Year.now(UkTime.ZONE).getValue();
            Map<LocalDate, String> days = new TreeMap<>(new EnglandWalesCalendar().bankHolidays(y));
            for (CalendarOverride o : s.settings().calendarOverrides()) {
                if (o.date().getYear() == y) {
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

        @Override
        int run(Services s) {
            LocalDate d = Times.due(date, "DATE").date();
            s.addCalendarOverride(new CalendarOverride(d, name, workingDay));
            out().println((workingDay ? "Working day: " : "Holiday added: ") + UkTime.formatDate(d) + " — " + name);
            return 0;
        }
    }
}
