/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.FormStatus;
import uk.resolve.domain.escalation.NotificationStatus;
import uk.resolve.domain.escalation.StageVisit;
import uk.resolve.domain.record.Entry;

/** The JSON form of a case: the contract scripts and later tools build on. */
final class CaseJson {

    private CaseJson() {
    }

    /**
     * A case with what its procedure asks of it now: questions due, steps due at meetings, whom to contact
     * for immediate risk and whether to bring deadlines forward ({@code policy} null: left out).
     */
    static Map<String, Object> of(CaseState c, boolean withEntries, uk.resolve.domain.policy.Policy policy) {
        Map<String, Object> m = of(c, withEntries);
        m.put("meetingSteps", c.context().meetingSteps().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("item", s.itemId());
            x.put("text", s.text());
            x.put("meeting", s.meetingId().toString());
            x.put("meetingAt", s.meetingAt().toString());
            x.put("ticked", s.ticked());
            return x;
        }).toList());
        if (policy != null) {
            m.put("questionsDue", uk.resolve.domain.escalation.Questions.due(policy, c).stream().map(q -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("id", q.id());
                x.put("label", q.label());
                x.put("kind", q.date() ? "date" : "fact");
                x.put("choices", q.choices());
                x.put("stage", q.stage());
                return x;
            }).toList());
            m.put("urgentContacts", uk.resolve.domain.escalation.UrgentContacts.forPolicy(policy).stream().map(u -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("use", u.use());
                x.put("name", u.name());
                x.put("phone", u.phone());
                x.put("details", u.details());
                return x;
            }).toList());
            m.put("bringDeadlinesForward", uk.resolve.domain.escalation.RiskTimescales.askToBringDeadlinesForward(policy, c));
        }
        return m;
    }

    static Map<String, Object> of(CaseState c, boolean withEntries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("policy", c.policyId());
        m.put("policyVersion", c.policyVersion());
        m.put("track", c.trackId());
        m.put("stage", c.stage());
        m.put("stageTitle", c.stageHeading());
        m.put("lastStage", c.lastStage());
        m.put("status", c.status().code());
        m.put("childRef", c.details().childRef());
        m.put("childStatus", c.details().childStatus() == null ? null : c.details().childStatus().code());
        m.put("raisedBy", c.details().raisedBy());
        m.put("raisedAgency", c.details().raisedAgency());
        m.put("otherAgency", c.details().otherAgency());
        m.put("category", c.details().category());
        m.put("concern", c.details().concern());
        m.put("immediateRisk", c.details().immediateRisk());
        m.put("sample", c.details().sample());
        m.put("openedAt", c.openedAt().toString());
        m.put("stageEnteredAt", c.stageEnteredAt().toString());
        m.put("deadlines", c.deadlines().stream().map(CaseJson::deadline).toList());
        m.put("arose", c.context().arose().toString());
        m.put("route", c.context().route());
        m.put("facts", new java.util.TreeMap<>(c.context().facts()));
        Map<String, Object> dates = new java.util.TreeMap<>();
        c.context().dates().forEach((k, v) -> dates.put(k, v.toString()));
        m.put("dates", dates);
        m.put("actNow", c.actNow());
        m.put("overdue", c.overdue());
        m.put("notificationsDue", c.notificationsDue().stream().map(CaseJson::notification).toList());
        m.put("notifications", c.notifications().stream().map(CaseJson::notification).toList());
        m.put("formsDue", c.formsDue().stream().map(CaseJson::form).toList());
        m.put("forms", c.forms().stream().map(CaseJson::form).toList());
        m.put("stages", c.visits().stream().map(CaseJson::visit).toList());
        if (c.resolution() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("stage", c.resolution().stage());
            r.put("at", c.resolution().at().toString());
            r.put("outcome", c.resolution().outcome());
            r.put("outstanding", c.resolution().outstanding());
            r.put("learning", c.resolution().learning());
            m.put("resolution", r);
        }
        if (withEntries) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Entry e : c.entries()) {
                entries.add(entry(e));
            }
            m.put("entries", entries);
        }
        return m;
    }

    static Map<String, Object> entry(Entry e) {
        Map<String, Object> m = e.fields();
        if (e.type() == uk.resolve.domain.record.EntryType.ATTACHMENT_ADDED) {
            // the document itself is fetched with 'case attachment', not poured into JSON
            java.util.TreeMap<String, String> data = new java.util.TreeMap<>(e.data());
            data.remove(uk.resolve.domain.attachment.Attachment.BYTES);
            m.put("data", data);
        }
        return m;
    }

    private static Map<String, Object> deadline(DeadlineStatus d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", d.stage());
        m.put("id", d.id());
        m.put("label", d.label());
        m.put("due", d.due().iso());
        m.put("procedureDue", d.procedureDue().iso());
        m.put("shortenedReason", d.shortenedReason());
        m.put("overdue", d.overdue());
        m.put("shared", d.sharedBudget());
        m.put("metAt", d.metAt() == null ? null : d.metAt().toString());
        m.put("metOnTime", d.met() ? d.metOnTime() : null);
        m.put("sooner", d.sooner());
        m.put("soonerPrompt", d.soonerPrompt());
        return m;
    }

    private static Map<String, Object> notification(NotificationStatus n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("stage", n.stage());
        m.put("to", n.to());
        m.put("purpose", n.purpose());
        m.put("due", n.due().iso());
        m.put("sent", n.sent());
        m.put("sentAt", n.sentAt() == null ? null : n.sentAt().toString());
        return m;
    }

    private static Map<String, Object> form(FormStatus f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("form", f.form());
        m.put("title", f.title());
        m.put("stage", f.stage());
        m.put("action", f.action());
        m.put("completed", f.completed());
        m.put("entry", f.entryId());
        return m;
    }

    private static Map<String, Object> visit(StageVisit v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", v.stage());
        m.put("title", v.heading());
        m.put("enteredAt", v.enteredAt().toString());
        m.put("leftAt", v.leftAt() == null ? null : v.leftAt().toString());
        m.put("reason", v.reason());
        return m;
    }
}
