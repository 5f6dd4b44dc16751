/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.time.DueAt;

/**
 * What the partnership report needs of one case, worked out once from its state
 * ({@link ReportCalculator#facts}) so that a report can be made without the state: the figures of each
 * stage visit that has ended, and for the visit in progress the moments at which its timescales pass.
 * Nothing here depends on when the report is made; {@link ReportCalculator.Accumulator} brings the
 * visit in progress up to its {@code now}. Holds no free text but what the case's readable fields say
 * (agencies and category, already cleared of the case's own child details) and, for an unsealed case,
 * its child's reference (to clear it from other cases' text); board text (learning, feedback) is not
 * part of it: a case with some ({@link #boardText}) is read from its state.
 *
 * @param boardText      the case has learning or procedure feedback the report shows
 * @param workingDays    working days from raising to closing; for an open case worked out at {@code now}
 * @param firstDue       the earliest deadline of an open case (null when none, or closed)
 * @param firstDueLabel  that deadline's label
 */
public record ReportFacts(UUID id, String policyId, String policyVersion, String trackId, CaseStatus status,
                          boolean sample, Instant openedAt, int stage, String childRef, ChildStatus childStatus,
                          String raisedAgency, String otherAgency, String category, Instant resolvedAt,
                          Integer resolvedStage, int workingDays, boolean boardText, DueAt firstDue,
                          String firstDueLabel, List<Visit> visits) {

    public ReportFacts {
        visits = List.copyOf(visits);
    }

    /** Marks a timescale already missed for good (a deadline marked met too late during the visit in progress). */
    public static final LocalDateTime ALREADY = LocalDateTime.of(1, 1, 1, 0, 0);

    /**
     * One visit to a stage.
     *
     * @param enteredAt   when the stage was entered
     * @param ended       the visit has ended (then {@code workingDays} and {@code outcome} are final)
     * @param workingDays working days at the stage (ended visits)
     * @param outcome     "MET", "NOT_MET" or "NO_TIMESCALE" for an ended visit, null while in progress
     * @param metOnTime   deadlines of the visit marked met by their time
     * @param metLate     marked met late
     * @param overdue     of an ended visit, always 0
     * @param pastAt      of a visit in progress: the last local moment at which none of its timescales had
     *                    passed ({@link #ALREADY} when one was missed for good; null when none can pass)
     * @param overdueAt   of a visit in progress: for each deadline not marked met, the last local moment it is met
     */
    public record Visit(int stage, String heading, Instant enteredAt, boolean ended, int workingDays, String outcome,
                        int metOnTime, int metLate, int overdue, LocalDateTime pastAt, List<LocalDateTime> overdueAt) {
        public Visit {
            overdueAt = List.copyOf(overdueAt);
        }
    }
}
