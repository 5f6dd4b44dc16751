/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import uk.resolve.app.DeadlineCalendarService;
import uk.resolve.app.ReminderService;
import uk.resolve.app.Services;
import uk.resolve.domain.calendar.DueSoon;
import uk.resolve.domain.calendar.DeadlineEvent;
import uk.resolve.domain.time.Deadlines;
import uk.resolve.domain.time.UkTime;

/** {@code resolve deadlines [--ics FILE] [--all]}: the person's open deadlines, listed or as a calendar file. */
@Command(name = "deadlines", mixinStandardHelpOptions = true,
        description = {"List the open deadlines of your cases, or write them to a calendar file (iCalendar) that"
                + " Outlook, Google Calendar and Thunderbird import. Importing a newer file updates the events and"
                + " cancels those that are met or whose case is closed.",
                "The events show the case number, procedure, stage and deadline, never anything about the child."})
final class DeadlinesCommand extends Cli.DbCommand {

    @Option(names = "--ics", paramLabel = "FILE", description = "Write an iCalendar (.ics) file.") Path ics;
    @Option(names = "--all", description = "Every case you may see (for a manager, the team's), not only yours.")
    boolean all;

    @Option(names = "--remind-ahead", paramLabel = "N",
            description = "Your setting: remind of deadlines up to N working days ahead (0-10; default 1).")
    Integer remindAhead;
    @Option(names = "--quiet-hours", paramLabel = "HH:MM-HH:MM",
            description = "Your setting: no desktop notifications between these times, e.g. 18:00-08:00; 'none' for none.")
    String quietHours;

    @Override
    int run(Services s) {
        if (remindAhead != null || quietHours != null) {
            var current = s.reminders().settings();
            DueSoon.QuietHours quiet = current.quiet();
            if (quietHours != null) {
                quiet = quietHours.strip().equalsIgnoreCase("none") ? DueSoon.QuietHours.NONE
                        : DueSoon.QuietHours.parse(quietHours);
                if (quiet.equals(DueSoon.QuietHours.NONE) && !quietHours.strip().equalsIgnoreCase("none")) {
                    throw new UserError("--quiet-hours: '" + quietHours + "' is not two times such as 18:00-08:00"
                            + " (or 'none').");
                }
            }
            var chosen = new ReminderService.Settings(remindAhead != null ? remindAhead : current.ahead(), quiet);
            s.reminders().save(chosen);
            out().println("Reminders: up to " + chosen.ahead() + " working " + (chosen.ahead() == 1 ? "day" : "days")
                    + " ahead; quiet hours " + (chosen.quiet().text().isEmpty() ? "none" : chosen.quiet().text()) + ".");
            return 0;
        }
        DeadlineCalendarService calendar = s.deadlineCalendar();
        if (ics != null) {
            DeadlineCalendarService.Export e = calendar.export(ics, all);
            out().println("Wrote " + e.open() + (e.open() == 1 ? " deadline" : " deadlines")
                    + (e.cancelled() > 0 ? " and " + e.cancelled() + " cancelled" : "") + " to " + e.file()
                    + ". Open it with your calendar program to add them.");
            return 0;
        }
        List<DeadlineEvent> events = calendar.openEvents(all).stream()
                .sorted(Comparator.comparing(DeadlineEvent::due)).toList();
        if (events.isEmpty()) {
            out().println("No open deadlines" + (all ? "." : " on your cases (add --all for every case you may see)."));
            return 0;
        }
        var now = UkTime.local(s.clock().instant());
        for (DeadlineEvent e : events) {
            // an event names its procedure, whose calendar counts the working days left
            String code = s.policies().latest().stream().filter(p -> p.name().equals(e.procedure()))
                    .map(uk.resolve.domain.policy.Policy::calendar).findFirst().orElse(null);
            out().println(e.caseNumber() + "  " + UkTime.format(e.due()) + " (" + Deadlines.describe(e.due(), now,
                    s.calendar(), code) + ")  " + e.stage() + ": " + e.label());
        }
        return 0;
    }
}
