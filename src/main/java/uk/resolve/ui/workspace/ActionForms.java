/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import uk.resolve.app.CaseService;
import uk.resolve.app.FormService;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.EntryWording;
import uk.resolve.domain.escalation.NotificationStatus;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.policy.DateQuestion;
import uk.resolve.domain.policy.FactQuestion;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.workspace.CaseAction;
import uk.resolve.ui.support.Field.Choice;

import static uk.resolve.domain.escalation.EntryText.*;

/**
 * The small form of each action on a case, and what submitting it adds to the record. Kept apart from
 * the view model, which only opens, restores and submits them.
 */
final class ActionForms {

    /** How a discussion was held: the codes the record keeps, and the words shown. */
    static final List<Choice> METHODS = List.of(new Choice("phone", "Phone"), new Choice("meeting", "Meeting"),
            new Choice("e-mail", "E-mail"), new Choice("video", "Video call"), new Choice("other", "Other"));

    private final CaseService cases;
    private final FormService formService;
    private final Policy policy;
    private final String author;
    private final UnaryOperator<String> names;

    ActionForms(CaseService cases, FormService formService, Policy policy) {
        this.cases = cases;
        this.formService = formService;
        this.policy = policy;
        this.author = cases.author();
        this.names = cases::displayName;
    }

    /**
     * The form for {@code a} on the case as it stands, its "when" defaulting to {@code at}.
     *
     * @throws RuleViolation saying why, when the action does not apply to the case now
     */
    ActionForm form(CaseAction a, CaseState c, Instant at, String key) {
        switch (a.kind()) {
            case DISCUSS -> {
                return new ActionForm(a, "Record a discussion", "Record it now, while it is fresh: the procedure"
                        + " asks for a contemporaneous record of every discussion.", "Save discussion", key)
                        .when("When", at, false, earliest(c), earliestWhat(c))
                        .line("with", "Who took part", true, "Name, role and agency")
                        .choice("method", "How", METHODS, "phone")
                        .area("summary", "What was said", true, "The views of each side, in plain words")
                        .area("actions", "Agreed actions", false, "Who will do what, by when")
                        .check("resolved", "This discussion resolved the disagreement (the case will be closed as resolved)");
            }
            case ESCALATE -> {
                if (c.stage() >= c.lastStage()) {
                    throw new RuleViolation("This case is at the last stage of the procedure; it cannot be escalated further."
                            + " Record the decision and resolve the case.");
                }
                Track track = policy.track(c.trackId()).orElse(policy.defaultTrack());
                Stage next = track.stage(c.stage() + 1).orElseThrow();
                return new ActionForm(a, "Escalate to " + next.heading(), "Say why the disagreement was not"
                        + " resolved at this stage and what shows it. Who takes part next: "
                        + String.join("; ", next.participants()) + ".", "Escalate to " + next.label().toLowerCase(java.util.Locale.UK), key)
                        .area("reason", "Reason for escalating", true, "Why it was not resolved at this stage")
                        .area("evidence", "Evidence", true, "What you have seen or been told, and where it is recorded")
                        .when("When", at, false, earliest(c), earliestWhat(c));
            }
            case RESOLVE -> {
                return new ActionForm(a, "Resolve the case", "Record what was agreed. "
                        + "Share the outcome with everyone involved, including the worker who raised the concern.",
                        "Resolve case", key)
                        .area("outcome", "Agreed outcome", true, "What was agreed, and by whom")
                        .area("outstanding", "How outstanding issues will be pursued", false, "Any issues left open, and who will follow them up")
                        .area("learning", "Learning for the partnership", false, "What others could learn from this")
                        .when("When", at, false, earliest(c), earliestWhat(c));
            }
            case SIGN_FORM -> {
                Entry e = c.entry(a.entryId()).orElseThrow();
                return new ActionForm(a, "Sign this form", policy.form(e.get(FORM, "")).map(d -> d.title()).orElse("The form") + " (version "
                        + e.get(VERSION, "1") + ") completed on " + UkTime.format(e.happenedAt()) + " by " + names.apply(e.author())
                        + ".\nYou sign it as " + names.apply(author) + "; the signature is kept in the case record.",
                        "Sign form", key)
                        .area("note", "Note", false, "For example: reviewed with the receiving manager");
            }
            case SHARE -> {
                return new ActionForm(a, "Share with a colleague", "Lets a colleague see this case and work on it"
                        + " with you, for example a manager from another team. The sharing is recorded in the case.",
                        "Share case", key)
                        .line("with", "Colleague's sign-in name", true, "The name they sign in to Resolve with")
                        .area("note", "Note", false, "Why you are sharing it (optional)");
            }
            case WITHDRAW -> {
                return new ActionForm(a, "Withdraw the case", "Withdraw when the concern no longer needs the"
                        + " procedure, for example because circumstances changed. The record is kept.",
                        "Withdraw case", key)
                        .area("reason", "Reason for withdrawing", true, null)
                        .when("When", at, false);
            }
            case REOPEN -> {
                return new ActionForm(a, "Reopen the case", "The case returns to the stage at which it closed.",
                        "Reopen case", key)
                        .area("reason", "Reason for reopening", true, null)
                        .when("When", at, false);
            }
            case SHORTEN -> {
                // A met deadline is done with: there is nothing to bring forward.
                List<DeadlineStatus> open = c.deadlines().stream().filter(d -> !d.met()).toList();
                if (open.isEmpty()) {
                    throw new RuleViolation("There is no open deadline at this stage to bring forward.");
                }
                List<Choice> deadlines = open.stream().map(d -> new Choice(d.id(), d.label())).toList();
                String target = a.target() instanceof CaseAction.OnDeadline d ? d.deadlineId() : null;
                String initial = open.stream().map(DeadlineStatus::id).filter(i -> i.equals(target)).findFirst()
                        .orElse(open.get(0).id());
                ActionForm f = new ActionForm(a, "Bring a deadline forward", "To protect the child you may set a"
                        + " shorter deadline than the procedure's (whichever is less), never a longer one.",
                        "Bring deadline forward", key)
                        .choice("deadline", "Deadline", deadlines, initial);
                f.date("due", "New date", d -> {
                    DeadlineStatus ds = open.stream().filter(x -> x.id().equals(f.value("deadline")))
                            .findFirst().orElse(null);
                    if (ds != null && !d.isBefore(ds.due().date())) {
                        return "Choose a date before " + UkTime.format(ds.due()) + "; a deadline can only be brought forward.";
                    }
                    if (d.isBefore(UkTime.date(at))) {
                        return "That date has passed; choose today or a later date.";
                    }
                    return null;
                });
                f.area("reason", "Why the shorter deadline protects the child", true, null);
                return f;
            }
            case APPROVE -> {
                Entry e = c.entry(a.entryId()).orElseThrow();
                return new ActionForm(a, "Approve this record", e.type().label() + " on "
                        + UkTime.format(e.happenedAt()) + " by " + names.apply(e.author()) + ": " + c.chronology().stream()
                        .filter(i -> i.entry().id().equals(e.id())).map(i -> i.view().what()).findFirst().orElse("")
                        + "\nYou approve it as " + names.apply(author) + ".", "Approve record", key)
                        .area("note", "Note", false, "For example: read and agreed with the manager");
            }
            case CORRECT -> {
                Entry e = c.entry(a.entryId()).orElseThrow();
                ActionForm f = new ActionForm(a, "Correct this record", "The original stays in the record and"
                        + " the correction is shown beside it.", "Save correction", key)
                        .area("text", "Corrected text", true, null)
                        .area("reason", "Reason for the correction", true, "For example: wrong date given for the meeting");
                c.chronology().stream().filter(i -> i.entry().id().equals(e.id())).findFirst()
                        .ifPresent(i -> f.field("text").reset(i.currentText()));
                return f;
            }
            case MET -> {
                String target = ((CaseAction.OnDeadline) a.target()).deadlineId();
                DeadlineStatus d = c.deadlines().stream().filter(x -> x.id().equals(target) && !x.met()).findFirst()
                        .orElse(null);
                if (d == null) {
                    throw new RuleViolation("That deadline is not open at this stage.");
                }
                return new ActionForm(a, "Done: " + d.label(), "Mark this deadline as met, with when it was"
                        + " done. It then stays met, whatever is recorded later.", "Mark as met", key)
                        .when("When it was done", at, false)
                        .line("note", "Note", false, "For example: reply received by e-mail");
            }
            case ANSWER -> {
                FactQuestion q = policy.fact(((CaseAction.OnQuestion) a.target()).questionId()).orElse(null);
                if (q == null || !c.open()) {
                    throw new RuleViolation("That question cannot be answered on this case now.");
                }
                String current = c.context().facts().get(q.id());
                return new ActionForm(a, q.label(), current == null
                        ? "Your answer goes in the case record; the procedure's steps that depend on it follow it."
                        : "The answer now is " + EntryWording.answerLabel(current) + ". A change is a new entry in the case record;"
                        + " the earlier answer stays in the chronology.",
                        current == null ? "Save answer" : "Change answer", key)
                        .choice("answer", "Answer", q.choices().stream().map(v -> new Choice(v, EntryWording.answerLabel(v)))
                                .toList(), current);
            }
            case DATE -> {
                DateQuestion q = policy.date(((CaseAction.OnQuestion) a.target()).questionId()).orElse(null);
                if (q == null || !c.open()) {
                    throw new RuleViolation("That date cannot be given on this case now.");
                }
                Instant current = c.context().dates().get(q.id());
                ActionForm f = new ActionForm(a, q.label(), current == null
                        ? "The date goes in the case record; deadlines the procedure counts from it follow it."
                        : "The date given is " + EntryWording.dateLabel(current) + ". A new date is a new entry in the case record;"
                        + " the earlier one stays in the chronology.", "Save date", key)
                        .date("value", "Date", d -> null)
                        .time("valueTime", "Time, if known");
                if (current != null) {
                    var local = UkTime.local(current);
                    f.field("value").reset(local.toLocalDate().toString());
                    if (!local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                        f.field("valueTime").reset(local.toLocalTime().toString());
                    }
                }
                return f;
            }
            case SWITCH -> {
                String target = ((CaseAction.OnRoute) a.target()).trackId();
                var sw = c.context().switches().stream().filter(x -> x.to().equals(target)).findFirst().orElse(null);
                Track to = sw == null ? null : policy.track(sw.to()).orElse(null);
                if (to == null) {
                    throw new RuleViolation("The procedure offers no such change of route at this stage.");
                }
                return new ActionForm(a, sw.label(), "The case moves to the route “" + to.name() + "”, at "
                        + to.stage(sw.toStage()).map(Stage::heading).orElse("stage " + sw.toStage())
                        + ". That route's deadlines then apply; the route taken stays in view and in the chronology.",
                        "Change route", key)
                        .area("reason", "Reason for changing route", sw.reasonRequired(),
                                "What you have seen or been told that makes this route right")
                        .when("When", at, false, c.stageEnteredAt(), "this stage began");
            }
            case RISK_ACTION -> {
                return new ActionForm(a, "Record what was done", "Say what you did to keep the child safe:"
                        + " whom you called or told, when, and what they will do.", "Record what was done", key)
                        .area("done", "What was done", true, "For example: called the police on 999; told the"
                                + " designated safeguarding lead")
                        .when("When", at, false);
            }
            case MARK_SENT -> {
                var t = (CaseAction.OnNotification) a.target();
                NotificationStatus n = c.notifications().stream()
                        .filter(x -> x.id().equals(t.notificationId()) && x.stage() == t.stage()).findFirst()
                        .orElseThrow(() -> new RuleViolation("That notification is no longer waiting to be sent."));
                return new ActionForm(a, "Mark as sent: " + n.to(), n.purpose(), "Mark sent", key)
                        .line("note", "How it was sent", false, "For example: e-mailed to the IRO service")
                        .when("When", at, false);
            }
            default -> throw new IllegalArgumentException("no form for " + a.kind());
        }
    }

    /** Events at the starting stage may date from when the disagreement arose; later ones from the stage's start. */
    private static Instant earliest(CaseState c) {
        Instant arose = c.context().arose();
        return c.visits().size() <= 1 && arose != null && arose.isBefore(c.stageEnteredAt()) ? arose
                : c.stageEnteredAt();
    }

    private static String earliestWhat(CaseState c) {
        return earliest(c).equals(c.context().arose()) ? "the disagreement arose" : "this stage began";
    }

    /** Adds what the filled form {@code f} says to case {@code id}'s record, and returns the case after it. */
    CaseState perform(UUID id, ActionForm f, CaseState current) {
        Instant at = f.happenedAt();
        return switch (f.kind()) {
            case DISCUSS -> cases.discuss(id, new DiscussionRequest(f.value("with"), f.value("method"),
                    f.value("summary"), f.value("actions"), f.flag("resolved"), at));
            case ESCALATE -> cases.escalate(id, f.value("reason"), f.value("evidence"), at);
            case RESOLVE -> cases.resolve(id, new ResolveRequest(f.value("outcome"), f.value("outstanding"),
                    f.value("learning"), at));
            case WITHDRAW -> cases.withdraw(id, f.value("reason"), at);
            case REOPEN -> cases.reopen(id, f.value("reason"), at);
            case SHORTEN -> cases.shortenDeadline(id, f.value("deadline"),
                    DueAt.endOf(ActionForm.parseDate(f.value("due"))), f.value("reason"));
            case APPROVE -> cases.approve(id, f.action().entryId(), f.value("note"));
            case CORRECT -> cases.correct(id, f.action().entryId(), f.value("reason"), f.value("text"));
            case SHARE -> cases.share(id, f.value("with"), f.value("note"));
            case SIGN_FORM -> {
                Entry version = cases.get(id).entry(f.action().entryId()).orElseThrow();
                yield formService.sign(id, version.get(FORM), version.intValue(STAGE, 0), f.value("note"));
            }
            case RISK_ACTION -> cases.recordRiskAction(id, f.value("done"), at);
            case MET -> cases.meetDeadline(id, ((CaseAction.OnDeadline) f.action().target()).deadlineId(), f.value("note"), at);
            case ANSWER -> {
                String q = ((CaseAction.OnQuestion) f.action().target()).questionId();
                String v = f.value("answer");
                if (v.equals(current.context().facts().get(q))) {
                    throw new uk.resolve.domain.rules.RuleViolation("That is already the answer. Choose another"
                            + " answer to change it, or Cancel.");
                }
                yield cases.answer(id, q, v);
            }
            case DATE -> {
                java.time.LocalTime t = ActionForm.parseTime(f.value("valueTime"));
                yield cases.recordDate(id, ((CaseAction.OnQuestion) f.action().target()).questionId(), UkTime.instant(ActionForm.parseDate(f.value("value"))
                        .atTime(t == null ? java.time.LocalTime.MIDNIGHT : t)));
            }
            case SWITCH -> cases.switchTrack(id, ((CaseAction.OnRoute) f.action().target()).trackId(), f.value("reason"), at);
            case MARK_SENT -> {
                var t = (CaseAction.OnNotification) f.action().target();
                yield cases.markNotificationSent(id, t.notificationId(), t.stage(), f.value("note"), at);
            }
        };
    }

    /** What the status line says once the action is in the record. */
    static String done(ActionForm f) {
        return switch (f.kind()) {
            case DISCUSS -> f.flag("resolved") ? "Discussion recorded, and the case resolved." : "Discussion recorded.";
            case ESCALATE -> "Escalated. The new stage's guidance and deadlines are below.";
            case RESOLVE -> "Case resolved. It stays in your list under Resolved or withdrawn.";
            case WITHDRAW -> "Case withdrawn.";
            case REOPEN -> "Case reopened.";
            case SHORTEN -> "Deadline brought forward.";
            case APPROVE -> "Record approved.";
            case CORRECT -> "Correction recorded beside the original.";
            case MARK_SENT -> "Notification marked as sent.";
            case RISK_ACTION -> "What was done is recorded; it stays in the chronology.";
            case MET -> "Deadline marked as met.";
            case ANSWER -> "Answer recorded in the case record.";
            case DATE -> "Date recorded in the case record.";
            case SWITCH -> "Route changed. The new stage's guidance and deadlines are below.";
            case SIGN_FORM -> "Form signed. The signature is in the case record.";
            case SHARE -> "Shared with " + f.value("with") + ". They can open the case when they sign in on this"
                    + " computer (or after the next sync).";
        };
    }

}
