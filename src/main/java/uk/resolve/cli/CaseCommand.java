/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import uk.resolve.app.Services;
import uk.resolve.domain.escalation.MeetingStep;
import uk.resolve.domain.escalation.Question;
import uk.resolve.domain.escalation.Questions;
import uk.resolve.domain.escalation.RiskTimescales;
import uk.resolve.domain.escalation.UrgentContacts;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.attachment.Attachment;
import uk.resolve.domain.attachment.AttachmentCheck;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.ChronologyItem;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.FormStatus;
import uk.resolve.domain.escalation.NotificationStatus;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.time.Deadlines;
import uk.resolve.domain.time.UkTime;

/** {@code resolve case …}: open a case, act on it, read it. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Open, act on and read cases.",
        subcommands = {CaseCommand.New.class, CaseCommand.Discuss.class, CaseCommand.Escalate.class,
                CaseCommand.Resolve.class, CaseCommand.Withdraw.class, CaseCommand.Reopen.class,
                CaseCommand.Approve.class, CaseCommand.Shorten.class, CaseCommand.Notified.class, CaseCommand.NotifyDraft.class,
                CaseCommand.Correct.class, CaseCommand.Share.class, CaseCommand.Show.class, CaseCommand.ListCmd.class,
                CaseCommand.DateCmd.class, CaseCommand.Met.class, CaseCommand.Answer.class, CaseCommand.Switch.class,
                CaseCommand.Tick.class, CaseCommand.RiskAction.class, CaseCommand.Attach.class,
                CaseCommand.AttachmentCmd.class})
final class CaseCommand {

    private CaseCommand() {
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Open a case; prints its id.")
    static final class New extends Cli.DbCommand {
        @Option(names = "--policy", required = true, paramLabel = "ID") String policy;
        @Option(names = "--track", paramLabel = "ID") String track;
        @Option(names = "--child-ref", required = true, paramLabel = "REF") String childRef;
        @Option(names = "--child-name", paramLabel = "NAME", description = "Only where a form needs it.") String childName;
        @Option(names = "--child-status", paramLabel = "STATUS",
                description = "early-help, child-in-need, cp-plan, looked-after or adult-at-risk") String childStatus;
        @Option(names = "--raised-by", required = true, paramLabel = "NAME") String raisedBy;
        @Option(names = "--raised-agency", required = true, paramLabel = "AGENCY") String raisedAgency;
        @Option(names = "--other-agency", required = true, paramLabel = "AGENCY") String otherAgency;
        @Option(names = "--other-professional", paramLabel = "NAME") String otherProfessional;
        @Option(names = "--category", required = true, paramLabel = "TEXT") String category;
        @Option(names = "--concern", required = true, paramLabel = "TEXT") String concern;
        @Option(names = "--evidence", paramLabel = "TEXT") String evidence;
        @Option(names = "--outcome-wanted", paramLabel = "TEXT") String outcomeWanted;
        @Option(names = "--immediate-risk") boolean immediateRisk;
        @Option(names = "--start-stage", paramLabel = "N") int startStage = 1;
        @Option(names = "--reason", paramLabel = "TEXT") String reason;
        @Option(names = "--at", paramLabel = "ISO-DATETIME") String at;
        @Option(names = "--arose", paramLabel = "WHEN",
                description = "When the disagreement arose: the date (and time if known) of the decision or action.")
        String arose;
        @Option(names = "--date", paramLabel = "ID=WHEN", description = "A date the procedure asks for; repeat.")
        java.util.Map<String, String> dates = new java.util.LinkedHashMap<>();
        @Option(names = "--fact", paramLabel = "ID=ANSWER", description = "An answer to the procedure's question; repeat.")
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();

        @Override
        int run(Services s) {
            java.util.Map<String, java.time.Instant> given = new java.util.LinkedHashMap<>();
            dates.forEach((k, v) -> given.put(k, Times.instant(v, "--date " + k)));
            java.time.Instant aroseAt = Times.instant(arose, "--arose");
            ChildStatus status = null;
            if (childStatus != null) {
                status = ChildStatus.fromCode(childStatus).orElseThrow(() -> new UserError("--child-status: '"
                        + childStatus + "' is not a status Resolve knows. Use one of: " + ChildStatus.codes() + "."));
            }
            CaseState c = s.cases().open(new OpenCaseRequest(policy, track, childRef, childName, status, raisedBy,
                    raisedAgency, otherAgency, otherProfessional, category, concern, evidence, outcomeWanted,
                    immediateRisk, startStage, reason, false, Times.instant(at, "--at")).with(aroseAt, given, facts));
            out().println(c.id());
            return 0;
        }
    }

    /** Base for actions on one case. */
    abstract static class OnCase extends Cli.DbCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The case id (or its first characters).")
        String id;

        UUID caseId(Services s) {
            return s.cases().findId(id);
        }

        int done(CaseState c) {
            out().println(c.stageHeading() + " — " + c.status().code());
            return 0;
        }
    }

    @Command(name = "date", mixinStandardHelpOptions = true, description = "Record a date the procedure asks for.")
    static final class DateCmd extends OnCase {
        @Parameters(index = "1", paramLabel = "ID=WHEN", description = "For example conference=2027-03-25T14:00.")
        String assignment;

        @Override
        int run(Services s) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new UserError("Give the date as ID=WHEN, for example conference=2027-03-25T14:00.");
            }
            String dateId = assignment.substring(0, eq).strip();
            return done(s.cases().recordDate(caseId(s), dateId,
                    Times.instant(assignment.substring(eq + 1), dateId)));
        }
    }

    @Command(name = "met", mixinStandardHelpOptions = true, description = "Mark a deadline in force as met.")
    static final class Met extends OnCase {
        @Parameters(index = "1", paramLabel = "DEADLINE-ID") String deadline;
        @Option(names = "--note", paramLabel = "TEXT") String note;
        @Option(names = "--at", paramLabel = "WHEN", description = "When it was met (default now).") String at;

        @Override
        int run(Services s) {
            return done(s.cases().meetDeadline(caseId(s), deadline, note, Times.instant(at, "--at")));
        }
    }

    @Command(name = "answer", mixinStandardHelpOptions = true, description = "Answer (or change the answer to) a question the procedure asks.")
    static final class Answer extends OnCase {
        @Parameters(index = "1", paramLabel = "ID=ANSWER", description = "For example iro=yes.") String assignment;

        @Override
        int run(Services s) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new UserError("Give the answer as ID=ANSWER, for example iro=yes.");
            }
            return done(s.cases().answer(caseId(s), assignment.substring(0, eq).strip(), assignment.substring(eq + 1)));
        }
    }

    @Command(name = "switch", mixinStandardHelpOptions = true, description = "Take a change of track the current stage offers.")
    static final class Switch extends OnCase {
        @Parameters(index = "1", paramLabel = "TRACK") String track;
        @Option(names = "--reason", paramLabel = "TEXT") String reason;
        @Option(names = "--at", paramLabel = "WHEN") String at;

        @Override
        int run(Services s) {
            return done(s.cases().switchTrack(caseId(s), track, reason, Times.instant(at, "--at")));
        }
    }

    @Command(name = "tick", mixinStandardHelpOptions = true, description = "Tick a checklist item of the current stage.")
    static final class Tick extends OnCase {
        @Parameters(index = "1", paramLabel = "ITEM") String item;
        @Option(names = "--note", paramLabel = "TEXT") String note;
        @Option(names = "--at", paramLabel = "WHEN") String at;
        @Option(names = "--meeting", paramLabel = "ENTRY",
                description = "For a step asked at every meeting: the meeting's entry id (default: the earliest not yet ticked).")
        String meeting;

        @Override
        int run(Services s) {
            return done(s.cases().tick(caseId(s), item, note, Times.instant(at, "--at"),
                    meeting == null ? null : entryId(meeting)));
        }
    }

    @Command(name = "risk-action", mixinStandardHelpOptions = true,
            description = "Record what was done for a child at immediate risk.")
    static final class RiskAction extends OnCase {
        @Option(names = "--done", required = true, paramLabel = "TEXT") String done;
        @Option(names = "--at", paramLabel = "WHEN") String at;

        @Override
        int run(Services s) {
            return done(s.cases().recordRiskAction(caseId(s), done, Times.instant(at, "--at")));
        }
    }

    @Command(name = "discuss", mixinStandardHelpOptions = true, description = "Record a discussion.")
    static final class Discuss extends OnCase {
        @Option(names = "--with", required = true, paramLabel = "NAMES") String with;
        @Option(names = "--method", paramLabel = "HOW", description = "phone, meeting, email, video or other") String method;
        @Option(names = "--summary", required = true, paramLabel = "TEXT") String summary;
        @Option(names = "--actions", paramLabel = "TEXT") String actions;
        @Option(names = "--resolved", description = "The discussion resolved the disagreement (resolves the case).") boolean resolved;
        @Option(names = "--at", paramLabel = "ISO-DATETIME") String at;

        @Override
        int run(Services s) {
            return done(s.cases().discuss(caseId(s), new DiscussionRequest(with, method, summary, actions, resolved,
                    Times.instant(at, "--at"))));
        }
    }

    @Command(name = "escalate", mixinStandardHelpOptions = true, description = "Escalate to the next stage.")
    static final class Escalate extends OnCase {
        @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason;
        @Option(names = "--evidence", paramLabel = "TEXT") String evidence;
        @Option(names = "--at", paramLabel = "ISO-DATETIME") String at;

        @Override
        int run(Services s) {
            return done(s.cases().escalate(caseId(s), reason, evidence, Times.instant(at, "--at")));
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "Record the agreed outcome and close the case.")
    static final class Resolve extends OnCase {
        @Option(names = "--outcome", required = true, paramLabel = "TEXT") String outcome;
        @Option(names = "--outstanding", paramLabel = "TEXT", description = "How outstanding issues will be pursued.") String outstanding;
        @Option(names = "--learning", paramLabel = "TEXT", description = "Learning for the partnership.") String learning;
        @Option(names = "--at", paramLabel = "ISO-DATETIME") String at;
        @Option(names = "--outcome-id", paramLabel = "ID", description = "One of the procedure's named outcomes.")
        String outcomeId;

        @Override
        int run(Services s) {
            return done(s.cases().resolve(caseId(s), new ResolveRequest(outcome, outstanding, learning,
                    Times.instant(at, "--at"), outcomeId)));
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Withdraw the concern.")
    static final class Withdraw extends OnCase {
        @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason;
        @Option(names = "--at", paramLabel = "ISO-DATETIME") String at;

        @Override
        int run(Services s) {
            return done(s.cases().withdraw(caseId(s), reason, Times.instant(at, "--at")));
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true, description = "Reopen a resolved or withdrawn case.")
    static final class Reopen extends OnCase {
        @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason;
        @Option(names = "--at", paramLabel = "ISO-DATETIME") String at;

        @Override
        int run(Services s) {
            return done(s.cases().reopen(caseId(s), reason, Times.instant(at, "--at")));
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a record (managers).")
    static final class Approve extends OnCase {
        @Option(names = "--entry", required = true, paramLabel = "ENTRY-ID") String entry;
        @Option(names = "--note", paramLabel = "TEXT") String note;

        @Override
        int run(Services s) {
            return done(s.cases().approve(caseId(s), entryId(entry), note));
        }
    }

    @Command(name = "shorten", mixinStandardHelpOptions = true,
            description = "Bring a deadline forward to protect the child (never later than the procedure's).")
    static final class Shorten extends OnCase {
        @Option(names = "--deadline", required = true, paramLabel = "ID") String deadline;
        @Option(names = "--to", required = true, paramLabel = "DATE") String to;
        @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason;

        @Override
        int run(Services s) {
            return done(s.cases().shortenDeadline(caseId(s), deadline, Times.due(to, "--to"), reason));
        }
    }

    @Command(name = "notified", mixinStandardHelpOptions = true, description = "Mark a required notification as sent.")
    static final class Notified extends OnCase {
        @Option(names = "--notification", required = true, paramLabel = "ID") String notification;
        @Option(names = "--stage", paramLabel = "N") int stage;
        @Option(names = "--note", paramLabel = "TEXT") String note;
        @Option(names = "--at", paramLabel = "ISO-DATETIME") String at;

        @Override
        int run(Services s) {
            return done(s.cases().markNotificationSent(caseId(s), notification, stage, note, Times.instant(at, "--at")));
        }
    }

    @Command(name = "notify-draft", mixinStandardHelpOptions = true,
            description = {"Write an e-mail draft of a notification the procedure requires, to its contact, with the"
                    + " completed form that goes with it attached. Outlook opens it as unsent; nothing is recorded.",
                    "Mark it sent with 'case notified' once you have sent it."})
    static final class NotifyDraft extends OnCase {
        @Parameters(index = "1", paramLabel = "NOTIFICATION-ID", description = "As listed by 'case show'.")
        String notification;
        @Option(names = "--eml", required = true, paramLabel = "FILE.eml") java.nio.file.Path eml;
        @Option(names = "--stage", paramLabel = "N", description = "The stage (default: the latest due).") int stage;

        @Override
        int run(Services s) {
            UUID caseId = caseId(s);
            var mail = s.mailDrafts().notificationDraft(caseId, notification, stage);
            out().println(s.mailDrafts().write(caseId, mail, eml).message());
            return 0;
        }
    }

    @Command(name = "correct", mixinStandardHelpOptions = true,
            description = "Correct an entry; the original stays in the record beside the correction.")
    static final class Correct extends OnCase {
        @Option(names = "--entry", required = true, paramLabel = "ENTRY-ID") String entry;
        @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason;
        @Option(names = "--text", required = true, paramLabel = "TEXT") String text;

        @Override
        int run(Services s) {
            return done(s.cases().correct(caseId(s), entryId(entry), reason, text));
        }
    }

    @Command(name = "share", mixinStandardHelpOptions = true,
            description = "Let another person (their sign-in name) see and work on the case.")
    static final class Share extends OnCase {
        @Parameters(index = "1", paramLabel = "NAME", description = "Their sign-in name.") String person;
        @Option(names = "--note", paramLabel = "TEXT", description = "Why (kept in the case record).") String note;

        @Override
        int run(Services s) {
            s.cases().share(caseId(s), person, note);
            out().println("Shared the case with " + person.strip() + ".");
            return 0;
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true,
            description = {"Put a document on the case's record: a letter, minutes, an e-mail, a PDF, a Word file or"
                    + " an image (" + AttachmentCheck.KINDS_TEXT + "), at most 25 MB a file and 100 MB a case.",
                    "It is encrypted, synced and exported with the case, and never run."})
    static final class Attach extends OnCase {
        @Parameters(index = "1", paramLabel = "FILE") java.nio.file.Path file;
        @Option(names = "--note", paramLabel = "TEXT", description = "What it is (kept in the case record); - reads it"
                + " from standard input.") String note;
        @Option(names = "--note-file", paramLabel = "FILE", description = "Read the note from a UTF-8 text file.")
        java.nio.file.Path noteFile;

        @Override
        int run(Services s) {
            String text = noteText(note, noteFile);
            var a = s.attachments().attach(caseId(s), file, text);
            out().println("Attached " + a.describe() + " as attachment " + a.number() + ", SHA-256 " + a.sha256()
                    + ".");
            return 0;
        }
    }

    @Command(name = "attachment", mixinStandardHelpOptions = true,
            description = "Save a copy of a document on the case's record (N as listed by 'case show').")
    static final class AttachmentCmd extends OnCase {
        @Parameters(index = "1", paramLabel = "N") int number;
        @Option(names = "--out", required = true, paramLabel = "FILE") java.nio.file.Path outFile;

        @Override
        int run(Services s) {
            java.nio.file.Path written = s.attachments().save(caseId(s), number, outFile);
            out().println("Saved attachment " + number + " to " + written + ".");
            return 0;
        }
    }

    /** A note given as text, as "-" (standard input) or as a file. */
    static String noteText(String note, java.nio.file.Path noteFile) {
        if (note != null && noteFile != null) {
            throw new UserError("Give the note either as --note or as --note-file, not both.");
        }
        try {
            if (noteFile != null) {
                return java.nio.file.Files.readString(noteFile, java.nio.charset.StandardCharsets.UTF_8);
            }
            if ("-".equals(note)) {
                return new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new UserError("--note-file: '" + noteFile + "' could not be read as UTF-8 text. Check the file and"
                    + " try again; nothing was recorded.");
        }
        return note;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a case (written to the audit log).")
    static final class Show extends OnCase {
        @Option(names = "--json") boolean json;

        @Override
        int run(Services s) {
            CaseState c = s.cases().view(caseId(s));
            if (json) {
                out().println(Json.write(CaseJson.of(c, true, policyOrNull(s, c))));
            } else {
                print(out(), c, s);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List cases, most urgent first.")
    static final class ListCmd extends Cli.DbCommand {
        @Option(names = "--overdue", description = "Only cases past a deadline.") boolean overdue;
        @Option(names = "--json") boolean json;

        @Override
        int run(Services s) {
            List<CaseState> cases = s.cases().list().stream().filter(c -> !overdue || c.overdue()).toList();
            if (json) {
                out().println(Json.write(cases.stream().map(c -> CaseJson.of(c, false)).toList()));
                return 0;
            }
            if (cases.isEmpty()) {
                out().println(overdue ? "No case is overdue." : "No cases yet. Open one with 'resolve case new'.");
                return 0;
            }
            var now = UkTime.local(s.clock().instant());
            for (CaseState c : cases) {
                String next = c.nextDeadline().map(d -> UkTime.format(d.due()) + " ("
                        + Deadlines.describe(d.due(), now, calendarOf(s, c)) + ")").orElse(c.open() ? "no timescale" : "-");
                out().printf("%s  %-12s %-9s stage %d/%d  %-30s next: %s%s%n", c.id().toString().substring(0, 8),
                        c.details().childRef(), c.status().code(), c.stage(), c.lastStage(),
                        c.details().raisedAgency() + " / " + c.details().otherAgency(), next,
                        c.details().immediateRisk() ? "  IMMEDIATE RISK" : "");
            }
            return 0;
        }
    }

    static UUID entryId(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new UserError("--entry: '" + text + "' is not an entry id. Copy the full id from 'resolve case show ID'.");
        }
    }

    /** The case's procedure, or null when it is not installed here. */
    static Policy policyOrNull(Services s, CaseState c) {
        try {
            return s.cases().policyOf(c);
        } catch (RuntimeException notInstalled) {
            return null;
        }
    }

    /** The working calendar of the case's procedure; the default one when the procedure is not installed. */
    static uk.resolve.domain.time.WorkingCalendar calendarOf(Services s, CaseState c) {
        try {
            return s.calendar().forCalendar(s.cases().policyOf(c).calendar());
        } catch (RuntimeException notInstalled) {
            return s.calendar();
        }
    }

    static void print(PrintWriter out, CaseState c, Services s) {
        var now = UkTime.local(s.clock().instant());
        java.util.function.UnaryOperator<String> person = s.cases()::displayName; // as the screens name people
        var d = c.details();
        out.println("Case " + c.id() + (d.sample() ? "  [SAMPLE]" : ""));
        out.println("Procedure: " + c.policyId() + " (version " + c.policyVersion() + "), track " + c.trackId());
        out.println("Child: " + d.childRef() + (d.childStatus() == null ? "" : " — " + d.childStatus().label()));
        out.println("Raised by " + d.raisedBy() + " (" + d.raisedAgency() + ") about " + d.otherAgency()
                + (d.otherProfessional() == null ? "" : " (" + d.otherProfessional() + ")") + " — " + d.category());
        if (d.immediateRisk()) {
            out.println("IMMEDIATE RISK" + (d.immediateRiskReason() == null ? "" : ": " + d.immediateRiskReason()));
        }
        Policy policy = policyOrNull(s, c);
        if (c.actNow()) {
            out.println("ACT NOW: in an emergency, call the police on 999. Then record what was done:"
                    + " resolve case risk-action ID --done TEXT");
            if (policy != null) {
                if (policy.immediateRisk() != null && policy.immediateRisk().instruction() != null) {
                    out.println("  " + policy.immediateRisk().instruction().strip());
                }
                out.println("Contact now:");
                UrgentContacts.forPolicy(policy).forEach(u -> out.println("  " + u.line()));
            }
        }
        if (c.context().route().size() > 1) {
            out.println("Route: " + String.join(" -> ", c.context().route()));
        }
        out.println("Disagreement arose: " + UkTime.format(c.context().arose()));
        c.context().dates().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.println("Date " + e.getKey() + ": " + UkTime.format(e.getValue())));
        c.context().facts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.println("Answer " + e.getKey() + ": " + e.getValue()));
        out.println("Concern: " + d.concern());
        List<Question> questions = policy == null ? List.of() : Questions.due(policy, c);
        if (!questions.isEmpty()) {
            out.println("Questions to answer (resolve case answer ID FACT=ANSWER, resolve case date ID DATE=WHEN):");
            for (Question q : questions) {
                out.println("  [" + q.id() + "] " + q.label() + (q.date() ? " (a date)"
                        : " (" + String.join(" / ", q.choices()) + ")") + (q.stage() > 0 ? " — asked at stage " + q.stage() : ""));
            }
        }
        if (!c.context().meetingStepsDue().isEmpty()) {
            out.println("At each meeting (resolve case tick ID ITEM [--meeting ENTRY]):");
            for (MeetingStep m : c.context().meetingStepsDue()) {
                out.println("  [" + m.itemId() + "] " + m.text() + " — meeting of " + UkTime.format(m.meetingAt())
                        + " (entry " + m.meetingId() + ")");
            }
        }
        out.println("Now at " + c.stageHeading() + " (stage " + c.stage() + " of " + c.lastStage() + ") since "
                + UkTime.format(c.stageEnteredAt()) + "; " + c.status().code());
        if (c.resolution() != null) {
            out.println("Outcome (stage " + c.resolution().stage() + ", " + UkTime.format(c.resolution().at()) + "): "
                    + c.resolution().outcome());
        }
        if (!c.deadlines().isEmpty()) {
            out.println("Deadlines:");
            for (DeadlineStatus dl : c.deadlines()) {
                String standing = dl.met() ? "met " + UkTime.format(dl.metAt()) + (dl.metOnTime() ? ", on time" : ", late")
                        : Deadlines.describe(dl.due(), now, calendarOf(s, c));
                out.println("  [" + dl.id() + "] " + dl.label() + ": " + UkTime.format(dl.due()) + " (" + standing + ")"
                        + (dl.shortenedReason() == null ? "" : " — shortened: " + dl.shortenedReason()));
                if (dl.soonerPrompt() != null) {
                    out.println("      " + dl.soonerPrompt() + " (resolve case shorten)");
                }
            }
            if (policy != null && RiskTimescales.askToBringDeadlinesForward(policy, c)) {
                out.println("  The procedure sets no shorter timescales for a child at immediate risk: bring these"
                        + " deadlines forward to protect the child (resolve case shorten).");
            }
        }
        if (!c.notificationsDue().isEmpty()) {
            out.println("Notifications due:");
            for (NotificationStatus n : c.notificationsDue()) {
                out.println("  [" + n.id() + "] " + n.to() + ": " + n.purpose() + " (by " + UkTime.format(n.due()) + ")");
            }
        }
        if (!c.formsDue().isEmpty()) {
            out.println("Forms due:");
            for (FormStatus f : c.formsDue()) {
                out.println("  [" + f.form() + "] " + FormStatus.describe(f.title(), f.stage(), f.action(), false));
            }
        }
        List<Attachment> attachments = Attachment.of(c.entries());
        if (!attachments.isEmpty()) {
            out.println("Attachments (save one with 'resolve case attachment ID N --out FILE'):");
            for (Attachment a : attachments) {
                out.println("  " + a.number() + ". " + a.describe() + " — " + person.apply(a.author()) + ", "
                        + UkTime.format(a.writtenAt()) + (a.note().isBlank() ? "" : ": " + a.note()));
            }
        }
        out.println("Chronology:");
        // worded as the workspace and the chronology PDF word it
        for (ChronologyItem item : c.chronology()) {
            uk.resolve.domain.escalation.EntryView v = item.view();
            out.println("  " + UkTime.format(v.happenedAt()) + "  stage " + v.stage() + "  " + v.title() + " — "
                    + v.author() + (v.recordedLater() ? "  [recorded later, " + UkTime.format(v.writtenAt()) + "]" : ""));
            if (!v.what().isEmpty()) {
                out.println("      " + v.what());
            }
            for (uk.resolve.domain.escalation.EntryView.Line line : v.details()) {
                out.println("      " + line.text());
            }
            for (uk.resolve.domain.escalation.EntryView.Note note : v.corrections()) {
                out.println("      " + note.heading() + (note.text().isEmpty() ? "" : ": " + note.text()));
            }
            for (uk.resolve.domain.escalation.EntryView.Note note : v.approvals()) {
                out.println("      " + note.heading() + (note.text().isEmpty() ? "" : ": " + note.text()));
            }
            out.println("      entry " + v.entryId());
        }
    }
}
