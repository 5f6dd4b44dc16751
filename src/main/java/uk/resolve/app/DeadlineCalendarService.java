/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.calendar.CalendarPlan;
import uk.resolve.domain.calendar.DeadlineEvent;
import uk.resolve.domain.calendar.IcsWriter;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.time.UkTime;
import uk.resolve.security.Actor;
import uk.resolve.store.CalendarEventStore;

/**
 * The signed-in person's deadlines as an iCalendar file for Outlook and other calendars. By default
 * the cases that are theirs: opened by them or shared with them; with {@code all}, every case they
 * may see (for a manager, the team's too). What was written before is remembered per person so that
 * the next file updates changed events and cancels closed ones.
 */
public final class DeadlineCalendarService {

    /** What an export wrote. */
    public record Export(Path file, int open, int cancelled) {
    }

    private final CaseService cases;
    private final CalendarEventStore issued;
    private final AuditLog audit;

    public DeadlineCalendarService(CaseService cases, CalendarEventStore issued, AuditLog audit) {
        this.cases = cases;
        this.issued = issued;
        this.audit = audit;
    }

    /** The case number people see in lists: the first 8 characters of its id. */
    public static String caseNumber(CaseState c) {
        return c.id().toString().substring(0, 8);
    }

    /** An open deadline as an event, with the case it belongs to. */
    public record Open(UUID caseId, DeadlineEvent event) {
    }

    /** The open deadlines of the person's cases ({@code all}: of every case they may see), as events. */
    public List<DeadlineEvent> openEvents(boolean all) {
        return open(all).stream().map(Open::event).toList();
    }

    /** As {@link #openEvents}, each with its case's id, most urgent case first. */
    public List<Open> open(boolean all) {
        Actor me = cases.actor();
        List<List<Open>> perCase = cases.list((CaseState c, CaseAccess access) -> {
            if (!c.open() || c.deadlines().isEmpty()) {
                return null;
            }
            if (!all) {
                boolean mine = access.owner().equalsIgnoreCase(me.name())
                        || access.sharedWith().stream().anyMatch(s -> s.equalsIgnoreCase(me.name()));
                if (!mine) {
                    return null;
                }
            }
            Policy p = cases.policyOf(c);
            List<Open> events = new ArrayList<>();
            for (DeadlineStatus d : c.deadlines()) {
                if (d.met()) {
                    continue; // done: no longer an event, so a calendar that had it is told it is cancelled
                }
                events.add(new Open(c.id(), new DeadlineEvent(uid(c, d), caseNumber(c), p.name(),
                        stageHeading(p, c, d), d.label(), d.due(), 0, false)));
            }
            return events;
        });
        return perCase.stream().flatMap(List::stream).toList();
    }

    /**
     * Writes the calendar file and remembers what it holds; a file that cannot be written is refused
     * with where and why, and then nothing is remembered.
     */
    public Export export(Path file, boolean all) {
        String person = cases.actor().name();
        List<DeadlineEvent> events = CalendarPlan.plan(openEvents(all), issued.issued(person),
                UkTime.date(cases.now()));
        String ics = new IcsWriter(cases.calendar()).write(events, cases.now());
        Path written = OutputFiles.write(file, ics.getBytes(StandardCharsets.UTF_8), "the calendar file");
        issued.remember(person, events);
        int cancelled = (int) events.stream().filter(DeadlineEvent::cancelled).count();
        audit.record(AuditAction.EXPORT, "calendar", (events.size() - cancelled) + " deadlines, " + cancelled
                + " cancelled" + (all ? ", every case" : ""));
        return new Export(written, events.size() - cancelled, cancelled);
    }

    private static String uid(CaseState c, DeadlineStatus d) {
        // a budget shared across stages keeps its event when the case moves on; a stage's own deadline does not
        return c.id() + "-" + (d.sharedBudget() ? "budget" : "s" + d.stage()) + "-" + d.id() + "@resolve.uk";
    }

    private static String stageHeading(Policy p, CaseState c, DeadlineStatus d) {
        return p.track(c.trackId()).flatMap(t -> t.stage(d.stage())).map(Stage::heading).orElse(c.stageHeading());
    }
}
