/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.time.DueAt;
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
        return new Maker(now).row(c, procedure, calendar);
    }

    /**
     * Makes the rows of one loading of the list, as of one moment: the texts many cases have alike
     * (procedure, agencies, stage, deadline, what is due, status, and their lower-case forms for the
     * search) are worked out once and shared, so that 50,000 rows cost little more than their own
     * texts in time and memory.
     */
    public static final class Maker {
        private final Instant now;
        private final LocalDateTime localNow;
        private final Map<Object, String> texts = new HashMap<>();
        private final Map<String, String> lower = new HashMap<>();

        public Maker(Instant now) {
            this.now = now;
            this.localNow = UkTime.local(now);
        }

        private record Agencies(String raised, String other) {
        }

        private record Stage(int stage, int last, String heading) {
        }

        private record Deadline(DueAt due, WorkingCalendar calendar, boolean text) {
        }

        private record Ended(CaseStatus status, LocalDate on) {
        }

        public CaseRow row(CaseListing c, String procedure, WorkingCalendar calendar) {
            String agencies = texts.computeIfAbsent(new Agencies(c.raisedAgency(), c.otherAgency()),
                    k -> c.raisedAgency() + " → " + c.otherAgency());
            String stage = texts.computeIfAbsent(new Stage(c.stage(), c.lastStage(), c.stageHeading()),
                    k -> "Stage " + c.stage() + " of " + c.lastStage() + ": " + stageTitle(c.stageHeading()));
            String date = "";
            String text = "";
            boolean overdue = c.firstUnmetDue() != null && c.firstUnmetDue().isPast(localNow);
            if (c.open()) {
                DueAt next = c.nextDue();
                if (next != null) {
                    date = texts.computeIfAbsent(new Deadline(next, null, false), k -> UkTime.format(next));
                    text = texts.computeIfAbsent(new Deadline(next, calendar, true),
                            k -> Deadlines.describe(next, localNow, calendar));
                } else {
                    text = "no timescale at this stage";
                }
            }
            String due = c.due().isEmpty() ? "" : texts.computeIfAbsent(c.due(), k -> String.join("; ", c.due()));
            String status = switch (c.status()) {
                case OPEN -> overdue ? "Overdue" : "Open";
                case RESOLVED, WITHDRAWN -> texts.computeIfAbsent(new Ended(c.status(), UkTime.date(c.endedAt())),
                        k -> (c.status() == CaseStatus.RESOLVED ? "Resolved " : "Withdrawn ")
                                + UkTime.formatDate(((Ended) k).on()));
            };
            String search = String.join("\n", String.valueOf(c.childRef()).toLowerCase(Locale.UK),
                    nz(c.childName()).toLowerCase(Locale.UK), low(procedure), low(agencies),
                    low(nz(c.otherProfessional())), low(nz(c.category())), low(stage), low(due), low(status),
                    low(c.raisedBy()), c.sample() ? "sample" : "", c.immediateRisk() ? "immediate risk" : "");
            return new CaseRow(c.id(), c.childRef(), procedure, agencies, stage, date, text, due, status, c.open(),
                    overdue, c.immediateRisk(), c.sample(), search);
        }

        /** Lower case as the search compares; the texts many rows share are lowered once. */
        private String low(String s) {
            if (s == null) {
                return "null";
            }
            String l = lower.get(s);
            if (l == null) {
                l = s.toLowerCase(Locale.UK);
                if (lower.size() < 100_000) {
                    lower.put(s, l);
                }
            }
            return l;
        }

        /** The moment the rows are made as of. */
        public Instant now() {
            return now;
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
