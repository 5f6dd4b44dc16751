/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import uk.resolve.domain.escalation.CaseDetails;
import uk.resolve.domain.escalation.CaseMetrics;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.escalation.ChronologyItem;
import uk.resolve.domain.escalation.StageVisit;
import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.FormSource;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;

import static uk.resolve.domain.escalation.EntryText.ACTIONS;
import static uk.resolve.domain.escalation.EntryText.METHOD;
import static uk.resolve.domain.escalation.EntryText.STAGE;
import static uk.resolve.domain.escalation.EntryText.WITH;

/** The values of the {@link FormSource} names for one case, at one stage, at one moment. */
public final class CaseFacts {

    /**
     * Sources that describe the case as it is now: on an update at a later stage they replace what
     * the earlier version said. Other answers carry over from the earlier version.
     */
    static final Set<String> LIVE = Set.of("case.stage", "case.stageTitle", "case.status", "case.outcomeStatus",
            "case.resolutionStage", "case.workingDaysTaken", "case.calendarDaysTaken", "today");

    private final CaseState c;
    private final Policy policy;
    private final WorkingCalendar calendar;
    private final Instant now;
    private final String user;
    private final int stage;

    /**
     * @param stage the stage the form is completed for
     * @param user  who is completing it
     */
    public CaseFacts(CaseState c, Policy policy, WorkingCalendar calendar, Instant now, String user, int stage) {
        this.c = c;
        this.policy = policy;
        this.calendar = calendar;
        this.now = now;
        this.user = user;
        this.stage = stage;
    }

    /** The value of {@code source}, or "" when the case has none. */
    public String value(String source) {
        String v = raw(source);
        return v == null ? "" : v.strip();
    }

    private String raw(String source) {
        CaseDetails d = c.details();
        boolean resolved = c.status() == CaseStatus.RESOLVED;
        switch (source) {
            case "case.childName": return d.childName();
            case "case.childRef": return d.childRef();
            case "case.childStatus": return d.childStatus() == null ? null : d.childStatus().label();
            case "case.raisedBy": return d.raisedBy();
            case "case.raisedAgency": return d.raisedAgency();
            case "case.otherAgency": return d.otherAgency();
            case "case.otherProfessional": return d.otherProfessional();
            case "case.category": return d.category();
            case "case.concern": return d.concern();
            case "case.evidence": return d.evidence();
            case "case.concernAndEvidence":
                return d.evidence() == null ? d.concern() : d.concern() + "\n\nEvidence: " + d.evidence();
            case "case.outcomeWanted": return d.outcomeWanted();
            case "case.stage": return Integer.toString(stage);
            case "case.stageTitle": return stageTitle(stage);
            case "case.openedDate": return UkTime.formatDate(UkTime.date(c.openedAt()));
            case "case.status": return c.status().code();
            case "case.outcomeStatus":
                return resolved ? "Resolved" : c.status() == CaseStatus.WITHDRAWN ? "Withdrawn" : "Unresolved";
            case "case.escalations": return escalations();
            case "case.discussions": return discussions();
            case "case.outcome": return c.resolution() == null ? null : c.resolution().outcome();
            case "case.outstanding": return c.resolution() == null ? null : c.resolution().outstanding();
            case "case.learning": return c.resolution() == null ? null : c.resolution().learning();
            case "case.resolutionStage": return resolved ? Integer.toString(c.resolution().stage()) : null;
            // time taken is a fact of a case that has ended: "0" on an open case reads as finished at once
            case "case.workingDaysTaken":
                return c.resolution() == null ? null : Integer.toString(CaseMetrics.workingDaysTaken(c, calendar, now));
            case "case.calendarDaysTaken":
                return c.resolution() == null ? null : Long.toString(CaseMetrics.calendarDaysTaken(c, now));
            case "policy.name": return policy.name();
            case "policy.partnership": return policy.partnership();
            case "policy.version": return policy.version();
            case "user.name": return user;
            case "today": return UkTime.formatDate(UkTime.date(now));
            default: return contact(source);
        }
    }

    private String contact(String source) {
        String id = FormSource.contactId(source);
        if (id == null) {
            return null;
        }
        Contact ct = policy.contact(id).orElse(null);
        if (ct == null) {
            return null;
        }
        return switch (source.substring(source.lastIndexOf('.') + 1)) {
            case "name" -> ct.name();
            case "role" -> ct.role();
            case "organisation" -> ct.organisation();
            case "email" -> ct.email();
            case "phone" -> ct.phone();
            default -> null;
        };
    }

    private String stageTitle(int number) {
        return policy.track(c.trackId()).flatMap(t -> t.stage(number)).map(Stage::heading).orElse("Stage " + number);
    }

    /** Each stage the case has been at, when, and why it moved on: "what has been done". */
    private String escalations() {
        List<String> lines = new ArrayList<>();
        List<StageVisit> visits = c.visits();
        for (int i = 0; i < visits.size(); i++) {
            StageVisit v = visits.get(i);
            long talks = c.entries().stream().filter(e -> e.type() == EntryType.DISCUSSION_RECORDED
                    && e.intValue(STAGE, 0) == v.stage()).count();
            StringBuilder line = new StringBuilder(v.heading()).append(": from ")
                    .append(UkTime.formatDate(UkTime.date(v.enteredAt())));
            if (v.leftAt() != null) {
                line.append(" to ").append(UkTime.formatDate(UkTime.date(v.leftAt())));
            }
            line.append("; ").append(talks == 0 ? "no discussion" : talks == 1 ? "1 discussion" : talks + " discussions")
                    .append(" recorded.");
            if (i + 1 < visits.size() && visits.get(i + 1).reason() != null) {
                line.append(" Escalated because: ").append(visits.get(i + 1).reason());
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    private String discussions() {
        List<String> lines = new ArrayList<>();
        for (ChronologyItem item : c.chronology()) {
            Entry e = item.entry();
            if (e.type() != EntryType.DISCUSSION_RECORDED) {
                continue;
            }
            StringBuilder line = new StringBuilder(UkTime.formatDate(UkTime.date(e.happenedAt())))
                    .append(" (stage ").append(e.get(STAGE, "?")).append(", ").append(e.get(METHOD, "other"))
                    .append(", with ").append(e.get(WITH, "")).append("): ").append(item.currentText());
            if (e.get(ACTIONS) != null) {
                line.append(" Actions: ").append(e.get(ACTIONS));
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }
}
