/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import uk.resolve.domain.attachment.Attachment;
import uk.resolve.domain.escalation.CaseCommands;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.ChronologyItem;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.EntryView;
import uk.resolve.domain.escalation.EntryWording;
import uk.resolve.domain.escalation.Question;
import uk.resolve.domain.escalation.Questions;
import uk.resolve.domain.escalation.RiskTimescales;
import uk.resolve.domain.escalation.StageVisit;
import uk.resolve.domain.escalation.UrgentContacts;
import uk.resolve.domain.policy.DateQuestion;
import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.FactQuestion;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.Deadlines;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;
import uk.resolve.domain.workspace.CaseAction.Kind;
import uk.resolve.domain.workspace.CaseScreen.Contact;
import uk.resolve.domain.workspace.CaseScreen.Deadline;
import uk.resolve.domain.workspace.CaseScreen.EntryRow;
import uk.resolve.domain.workspace.CaseScreen.Form;
import uk.resolve.domain.workspace.CaseScreen.Notification;
import uk.resolve.domain.workspace.CaseScreen.StageItem;
import uk.resolve.domain.workspace.CaseScreen.StageState;
import uk.resolve.domain.workspace.CaseScreen.Step;

/**
 * Turns a case, as its entries make it, into what the workspace shows to one person on one day. Pure:
 * the same case, person and moment always give the same screen, so it is tested without a window.
 */
public final class WorkspacePresenter {

    /**
     * Who is looking: their sign-in name (nobody approves or signs their own entry), whether they may approve
     * records and whether they may sign forms here.
     */
    public record Viewer(String login, boolean mayApprove, boolean maySign) {
    }

    private final WorkingCalendar calendar;

    public WorkspacePresenter(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param localTicks the keys of the steps this person ticked on this computer (steps the procedure
     *                   does not name, whose ticks are not part of the record)
     */
    public CaseScreen present(CaseState c, Policy p, Viewer viewer, Instant now, Set<String> localTicks) {
        Track track = p.track(c.trackId()).orElse(p.defaultTrack());
        Stage current = track.stage(c.stage()).orElseThrow();
        return new CaseScreen(header(c, p), now(c, p, current), timeline(c, track), checklist(c, current, localTicks),
                current.contacts().stream().flatMap(id -> p.contact(id).stream()).map(WorkspacePresenter::contact)
                        .toList(),
                questions(c, p), c.open() ? c.context().switches().stream().map(w -> new CaseScreen.RouteChange(w.to(),
                        w.label(), p.track(w.to()).map(Track::name).orElse(w.label()), w.reasonRequired(),
                        CaseAction.on(Kind.SWITCH, new CaseAction.OnRoute(w.to())))).toList() : List.of(),
                deadlines(c, p, now), notifications(c), c.forms().stream().map(f -> new Form(f.form(), f.title(),
                        f.stage(), f.action(), f.completed())).toList(), chronology(c, p, viewer));
    }

    private static CaseScreen.Header header(CaseState c, Policy p) {
        var d = c.details();
        String status = switch (c.status()) {
            case OPEN -> "Open · stage " + c.stage() + " of " + c.lastStage() + " · raised " + UkTime.format(c.openedAt());
            case RESOLVED -> "Resolved on " + UkTime.format(c.resolution().at()) + " at stage " + c.resolution().stage();
            case WITHDRAWN -> "Withdrawn on " + UkTime.format(c.resolution().at()) + " at stage " + c.resolution().stage();
        };
        return new CaseScreen.Header(
                "Child " + d.childRef() + (d.childName() == null ? "" : " (" + d.childName() + ")"),
                p.shortName() + " procedure, version " + c.policyVersion() + " · " + d.raisedAgency() + " → "
                        + d.otherAgency() + (d.otherProfessional() == null ? "" : " (" + d.otherProfessional() + ")")
                        + (d.category() == null ? "" : " · " + d.category())
                        + (d.childStatus() == null ? "" : " · " + d.childStatus().label()),
                route(c, p), status,
                d.concern() + (d.outcomeWanted() == null ? "" : "\nOutcome wanted: " + d.outcomeWanted()),
                c.open(), c.open() && c.stage() < c.lastStage(), "_Escalate to stage " + (c.stage() + 1), d.sample(),
                d.immediateRisk(), c.overdue());
    }

    private static CaseScreen.Now now(CaseState c, Policy p, Stage current) {
        return new CaseScreen.Now(
                (c.open() ? "Now: " : "Closed at: ") + current.heading(),
                current.participants().isEmpty() ? "" : "Who takes part: " + String.join("; ", current.participants()),
                current.guidance(),
                current.finalArbiter() ? "This is the final stage. " + p.finalArbiter().title() + ": "
                        + p.finalArbiter().description() + (p.finalArbiter().binding() ? " The decision is binding."
                        : " The procedure does not make the decision binding.") : "",
                c.actNow(),
                p.immediateRisk() == null || p.immediateRisk().instruction() == null ? "" : p.immediateRisk().instruction(),
                actNowContacts(p),
                RiskTimescales.askToBringDeadlinesForward(p, c)
                        && c.deadlines().stream().noneMatch(d -> d.shortenedReason() != null));
    }

    /**
     * The route the case follows, when its procedure has more than one: the tracks taken in order
     * ("Adults at risk → Fast track"), so that a change of route stays in view.
     */
    static String route(CaseState c, Policy p) {
        if (p.tracks().size() <= 1) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (String id : c.context().route().isEmpty() ? List.of(c.trackId()) : c.context().route()) {
            names.add(p.track(id).map(Track::name).orElse(id));
        }
        return names.size() == 1 ? "Route: " + names.get(0) : "Route taken: " + String.join(" → ", names);
    }

    static List<StageItem> timeline(CaseState c, Track track) {
        List<StageItem> out = new ArrayList<>();
        // Only the visits on this route: stages of a route left behind are named in the route line.
        List<StageVisit> onRoute = c.visits().stream()
                .filter(v -> v.trackId() == null || v.trackId().equals(track.id())).toList();
        int start = onRoute.isEmpty() ? 1 : onRoute.get(0).stage();
        for (Stage s : track.stages()) {
            List<StageVisit> visits = onRoute.stream().filter(v -> v.stage() == s.number()).toList();
            StageState st;
            String detail;
            if (c.open() && s.number() == c.stage()) {
                st = StageState.CURRENT;
                String next = c.nextDeadline().map(d -> " · due " + UkTime.format(d.due())).orElse("");
                detail = "Since " + UkTime.formatDate(UkTime.date(c.stageEnteredAt())) + next;
            } else if (!visits.isEmpty()) {
                st = StageState.DONE;
                StageVisit v = visits.get(visits.size() - 1);
                detail = UkTime.formatDate(UkTime.date(visits.get(0).enteredAt()))
                        + (v.leftAt() == null ? "" : " to " + UkTime.formatDate(UkTime.date(v.leftAt())))
                        + (!c.open() && s.number() == c.stage() ? " · " + c.status().code() : "");
            } else if (s.number() < start) {
                st = StageState.SKIPPED;
                detail = "Skipped: immediate risk";
            } else {
                st = StageState.TO_COME;
                detail = !c.open() ? "Not needed" : s.deadlines().isEmpty() ? "No timescale set"
                        : s.deadlines().stream().map(DeadlineRule::within).map(t -> t.describe())
                        .collect(Collectors.joining(", "));
            }
            out.add(new StageItem(s.number(), s.label(), s.title(), st, detail));
        }
        return out;
    }

    private static List<Step> checklist(CaseState c, Stage current, Set<String> localTicks) {
        List<Step> items = new ArrayList<>();
        for (int i = 0; i < current.items().size(); i++) {
            var step = current.items().get(i);
            if (step.id() != null) {
                // A named step is ticked in the record (it syncs, and a gate on escalating reads it).
                boolean done = c.context().ticked().contains(c.trackId() + "/" + c.stage() + "/" + step.id());
                items.add(new Step(step.id(), step.text() + (step.beforeEscalating() ? " (to tick before escalating)"
                        : ""), done, true));
            } else {
                String key = c.stage() + ":" + i;
                items.add(new Step(key, step.text(), localTicks.contains(key), false));
            }
        }
        return items;
    }

    /**
     * Whom to contact now for a child at immediate risk, from the procedure ({@link UrgentContacts}); the
     * police on 999 lead the list and have their own line in the panel, so they are left out here.
     */
    private static List<Contact> actNowContacts(Policy p) {
        return UrgentContacts.forPolicy(p).stream().filter(u -> !UrgentContacts.EMERGENCY.equals(u.use()))
                .map(u -> new Contact(u.name(), Stream.of(u.phone(), u.details())
                        .filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(" · "))))
                .toList();
    }

    private static Contact contact(uk.resolve.domain.policy.Contact c) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {c.role(), c.organisation(), c.email(), c.phone(), c.notes()}) {
            if (s != null && !s.isBlank() && !s.equals(c.name())) {
                parts.add(s);
            }
        }
        return new Contact(c.name(), String.join(" · ", parts));
    }

    /**
     * The procedure's questions and dates this case can answer now: those asked at opening or at any
     * time, those of stages reached, and any already answered. Those asked at the current stage and
     * not yet answered are due.
     */
    static List<CaseScreen.Question> questions(CaseState c, Policy p) {
        List<CaseScreen.Question> out = new ArrayList<>();
        Set<String> due = Questions.due(p, c).stream().filter(q -> q.stage() > 0).map(Question::id)
                .collect(Collectors.toSet());
        for (FactQuestion f : p.facts()) {
            String a = c.context().facts().get(f.id());
            if (a != null || f.atOpening() || f.stage() <= c.stage()) {
                out.add(new CaseScreen.Question(f.id(), f.label(), false, a == null ? "" : EntryWording.answerLabel(a),
                        due.contains(f.id()), CaseAction.on(Kind.ANSWER, new CaseAction.OnQuestion(f.id()))));
            }
        }
        for (DateQuestion d : p.dates()) {
            Instant v = c.context().dates().get(d.id());
            out.add(new CaseScreen.Question(d.id(), d.label(), true, v == null ? "" : EntryWording.dateLabel(v),
                    due.contains(d.id()), CaseAction.on(Kind.DATE, new CaseAction.OnQuestion(d.id()))));
        }
        return out;
    }

    private List<Deadline> deadlines(CaseState c, Policy p, Instant now) {
        var local = UkTime.local(now);
        return c.deadlines().stream().sorted(Comparator.comparing(DeadlineStatus::due))
                .map(x -> new Deadline(x.id(), x.label(), UkTime.format(x.due()),
                        Deadlines.describe(x.due(), local, calendar, p.calendar()), x.overdue(), x.shortenedReason(),
                        x.met() ? "met on " + UkTime.format(x.metAt()) + (x.metOnTime() ? " (on time)" : " (late)") : "",
                        x.met() || !c.open() ? null : CaseAction.on(Kind.MET, new CaseAction.OnDeadline(x.id()))))
                .toList();
    }

    private static List<Notification> notifications(CaseState c) {
        return c.notifications().stream().map(n -> new Notification(n.id(), n.stage(), n.to(), n.purpose(),
                UkTime.format(n.due()), n.sent(), n.sent() ? "Sent " + UkTime.format(n.sentAt()) : "",
                n.sent() ? null : CaseAction.on(Kind.MARK_SENT, new CaseAction.OnNotification(n.id(), n.stage()))))
                .toList();
    }

    private static List<EntryRow> chronology(CaseState c, Policy p, Viewer viewer) {
        List<Attachment> attachments = Attachment.of(c.entries());
        List<EntryRow> rows = new ArrayList<>();
        for (ChronologyItem item : c.chronology()) {
            EntryView v = item.view();
            EntryType t = v.type();
            CaseAction.OnEntry on = new CaseAction.OnEntry(v.entryId());
            boolean approvable = viewer.mayApprove() && t != EntryType.NOTIFICATION_SENT
                    && t != EntryType.FORM_COMPLETED && t != EntryType.FORM_SIGNED
                    && !CaseCommands.recordedBy(item.entry(), viewer.login());
            boolean signable = t == EntryType.FORM_COMPLETED && viewer.maySign()
                    && p.form(item.entry().get("form", "")).map(d -> !d.signatures().isEmpty()).orElse(false)
                    && item.approvals().stream().noneMatch(a -> a.type() == EntryType.FORM_SIGNED
                    && a.author().equalsIgnoreCase(viewer.login()));
            String when = UkTime.format(v.happenedAt()) + (v.recordedLater() ? " (recorded later, on "
                    + UkTime.format(v.writtenAt()) + ")" : "");
            int attachment = attachments.stream().filter(a -> a.entryId().equals(v.entryId()))
                    .mapToInt(Attachment::number).findFirst().orElse(0);
            rows.add(new EntryRow(v, when, approvable ? CaseAction.on(Kind.APPROVE, on) : null,
                    signable ? CaseAction.on(Kind.SIGN_FORM, on) : null,
                    t == EntryType.FORM_COMPLETED ? null : CaseAction.on(Kind.CORRECT, on), attachment));
        }
        return rows;
    }
}
