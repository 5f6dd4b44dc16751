/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.time.Deadlines;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;

/**
 * One case as the list shows it, computed once when the list is loaded so that filtering is a
 * plain scan over precomputed lower-case text.
 */
public record CaseRow(UUID id, String childRef, String procedure, String agencies, String stage, String deadlineDate,
                      String deadlineText, String due, String status, boolean open, boolean overdue,
                      boolean immediateRisk, boolean sample, String search) {

    public static CaseRow of(CaseListing c, String procedure, Instant now, WorkingCalendar calendar) {
        String agencies = c.raisedAgency() + " → " + c.otherAgency();
        String stage = "Stage " + c.stage() + " of " + c.lastStage() + ": " + stageTitle(c.stageHeading());
        String date = "";
        String text = "";
        boolean overdue = c.overdue(now);
        if (c.open()) {
            if (c.nextDue() != null) {
                date = UkTime.format(c.nextDue());
                text = Deadlines.describe(c.nextDue(), UkTime.local(now), calendar);
            } else {
                text = "no timescale at this stage";
            }
        }
        String due = String.join("; ", c.due());
        String status = switch (c.status()) {
            case OPEN -> overdue ? "Overdue" : "Open";
            case RESOLVED -> "Resolved " + UkTime.formatDate(UkTime.date(c.endedAt()));
            case WITHDRAWN -> "Withdrawn " + UkTime.formatDate(UkTime.date(c.endedAt()));
        };
        String search = String.join("\n", c.childRef(), nz(c.childName()), procedure, agencies,
                nz(c.otherProfessional()), nz(c.category()), stage, due, status, c.raisedBy(), c.sample() ? "sample" : "",
                c.immediateRisk() ? "immediate risk" : "").toLowerCase(Locale.UK);
        return new CaseRow(c.id(), c.childRef(), procedure, agencies, stage, date, text, due, status, c.open(),
                overdue, c.immediateRisk(), c.sample(), search);
    }

    /**
     * Makes rows share one copy of the texts many cases have alike (procedure, agencies, stage,
     * dates, status), so that a list of 50,000 rows holds each only once. Use one per loading.
     */
    public static final class Shared {
        private final java.util.Map<String, String> texts = new java.util.HashMap<>();

        public CaseRow row(CaseRow r) {
            return new CaseRow(r.id, r.childRef, one(r.procedure), one(r.agencies), one(r.stage), one(r.deadlineDate),
                    one(r.deadlineText), one(r.due), one(r.status), r.open, r.overdue, r.immediateRisk, r.sample,
                    r.search);
        }

        private String one(String s) {
            return texts.computeIfAbsent(s, k -> k);
        }
    }

    /** True when every word of {@code terms} (already lower case) appears in this row. */
    public boolean matches(String[] terms) {
        for (String t : terms) {
            if (!search.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /** "21 Dec 2026 · 2 working days left", or just the text when there is no date. */
    public String deadline() {
        return deadlineDate.isEmpty() ? deadlineText : deadlineDate + " · " + deadlineText;
    }

    private static String stageTitle(String heading) {
        int dash = heading.indexOf(" — ");
        return dash >= 0 ? heading.substring(dash + 3) : heading;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
