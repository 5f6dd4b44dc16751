/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.BoardContent;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.DueAt;

/**
 * What the partnership report needs of one case, worked out once from its state
 * ({@link ReportCalculator#facts}) so that a report can be made without the state: the figures of each
 * stage visit that has ended, and for the visit in progress the moments at which its timescales pass.
 * Nothing here depends on when the report is made; {@link ReportCalculator.Accumulator} brings the
 * visit in progress up to its {@code now}. Holds no free text but what the case's readable fields say
 * (agencies and category, already cleared of the case's own child details), for an unsealed case its
 * child's reference (to clear it from other cases' text), and its board text (learning, feedback) as the
 * record holds it ({@link Board}): sealed, to be opened by whoever makes the report with the keys they hold.
 *
 * @param boardText      the case has learning or procedure feedback the report shows
 * @param workingDays    working days from raising to closing; for an open case worked out at {@code now}
 * @param firstDue       the earliest deadline of an open case (null when none, or closed)
 * @param firstDueLabel  that deadline's label
 * @param board          the entries whose board text the report may show, in the case's order
 */
public record ReportFacts(UUID id, String policyId, String policyVersion, String trackId, CaseStatus status,
                          boolean sample, Instant openedAt, int stage, String childRef, ChildStatus childStatus,
                          String raisedAgency, String otherAgency, String category, Instant resolvedAt,
                          Integer resolvedStage, int workingDays, boolean boardText, DueAt firstDue,
                          String firstDueLabel, List<Visit> visits, List<Board> board) {

    public ReportFacts {
        visits = List.copyOf(visits);
        board = List.copyOf(board);
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

    /**
     * One entry's board text as the record holds it: the resolution the case ends with (its learning) or a
     * completed form (its feedback on the procedure). Text the record holds in clear (written before board
     * text was sealed) is here cleared of the case's own child details; sealed text (decision 0017) is here
     * as the entry holds it, opened only where the report is made, with the person's keys.
     *
     * @param type          {@link EntryType#RESOLVED} or {@link EntryType#FORM_COMPLETED}
     * @param stage         the form's stage (forms), or the stage resolved at
     * @param formId        the form completed (forms)
     * @param learning      clear learning at resolution, or null
     * @param effectiveness clear answer on the procedure's effectiveness, or null
     * @param suggestions   clear suggestions for the procedure, or null
     * @param generation    the case key generation {@code caseWrapped} is sealed under
     * @param sealed        the board's copy, sealed under the entry's board key ({@link BoardContent#SEALED}), or null
     * @param caseWrapped   the board key sealed under the case key, or null
     * @param reportWrapped the board key wrapped for the report key {@code reportKeyId}, or null
     */
    public record Board(UUID entryId, EntryType type, int stage, String formId, String learning,
                        String effectiveness, String suggestions, int generation, String sealed, String caseWrapped,
                        String reportWrapped, String reportKeyId) {

        /** Whether anything here must be opened with a key. */
        public boolean isSealed() {
            return sealed != null;
        }
    }
}
