/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import uk.resolve.domain.calendar.DeadlineEvent;
import uk.resolve.domain.calendar.DueSoon;
import uk.resolve.domain.time.UkTime;
import uk.resolve.store.SettingsStore;

/**
 * The signed-in person's deadlines that are overdue, due today or due within the working days
 * ahead they chose, for the desktop notification and the Due soon list. Each reminder carries the
 * case number, procedure, stage and deadline only: a screen may be seen by others. Blocking: call it
 * off the JavaFX application thread.
 */
public final class ReminderService {

    /** One deadline to remind of. */
    public record Reminder(UUID caseId, DeadlineEvent event, DueSoon.Urgency urgency) {

        /** "Overdue: case 1a2b3c4d, Croydon, Stage 1 — …: Resolve or escalate (4 Jan 2027)" */
        public String line() {
            return urgency.label() + ": case " + event.caseNumber() + ", " + event.procedure() + ", " + event.stage()
                    + ": " + event.label() + " (" + UkTime.format(event.due()) + ")";
        }
    }

    /** The person's own choices: how many working days ahead, and hours without notifications. */
    public record Settings(int ahead, DueSoon.QuietHours quiet) {
        public Settings {
            if (ahead < 0 || ahead > 10) {
                throw new uk.resolve.domain.rules.RuleViolation("Remind of deadlines 0 to 10 working days ahead ("
                        + ahead + " is outside that).");
            }
        }
    }

    private final DeadlineCalendarService deadlines;
    private final CaseService cases;
    private final SettingsStore settings;
    /** What the last desktop notification of this session said, so that the same is not shown again. */
    private String lastNotified = "";

    public ReminderService(DeadlineCalendarService deadlines, CaseService cases, SettingsStore settings) {
        this.deadlines = deadlines;
        this.cases = cases;
        this.settings = settings;
    }

    /** The person's reminders now: the most pressing first, then by date. */
    public List<Reminder> dueSoon() {
        Settings mine = settings();
        LocalDateTime now = UkTime.local(cases.now());
        List<Reminder> out = new ArrayList<>();
        for (DeadlineCalendarService.Open o : deadlines.open(false)) {
            Optional<DueSoon.Urgency> u = DueSoon.urgency(o.event().due(), now, cases.calendar(), mine.ahead());
            u.ifPresent(x -> out.add(new Reminder(o.caseId(), o.event(), x)));
        }
        out.sort(Comparator.comparing(Reminder::urgency).thenComparing(r -> r.event().due()));
        return out;
    }

    /**
     * The text of a desktop notification of {@code found}: at most five lines, then how many more; empty
     * when there is nothing to tell, in the person's quiet hours, or when this session already showed
     * the same.
     */
    public synchronized Optional<String> notification(List<Reminder> found) {
        if (found.isEmpty() || quietNow()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        found.stream().limit(5).forEach(r -> b.append(r.line()).append('\n'));
        if (found.size() > 5) {
            b.append("and ").append(found.size() - 5).append(" more on My escalations.");
        }
        String text = b.toString().strip();
        if (text.equals(lastNotified)) {
            return Optional.empty();
        }
        lastNotified = text;
        return Optional.of(text);
    }

    /** True when the person asked for no notifications at this time of day. */
    public boolean quietNow() {
        return settings().quiet().contains(UkTime.local(cases.now()).toLocalTime());
    }

    public Settings settings() {
        int ahead = settings.get(key("ahead")).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return DueSoon.DEFAULT_AHEAD;
            }
        }).orElse(DueSoon.DEFAULT_AHEAD);
        return new Settings(Math.max(0, Math.min(10, ahead)),
                DueSoon.QuietHours.parse(settings.get(key("quiet")).orElse("")));
    }

    public void save(Settings s) {
        settings.put(key("ahead"), Integer.toString(s.ahead()));
        settings.put(key("quiet"), s.quiet().text());
    }

    private String key(String what) {
        return "reminders." + cases.actor().name().toLowerCase(java.util.Locale.ROOT) + "." + what;
    }
}
