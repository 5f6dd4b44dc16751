/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import uk.resolve.domain.time.DueAt;

/**
 * The partnership's monitoring report over a period, anonymised: it holds agencies, categories,
 * stages, dates and counts, and free text only after child names and references have been
 * removed. Built by {@link ReportCalculator}; turned into tables by {@link ReportTables}.
 *
 * <p>Which cases count: every figure is about the cases <em>raised</em> in the period (the
 * concern was raised on a day within it), except {@link Summary#resolvedInPeriodRaisedEarlier()}.
 * Their outcome is as it stands at {@link #asAt()}: a case raised in the period and resolved
 * after it ends counts as resolved; one still open counts as open, with the time it has taken so
 * far. Sample cases are never counted.
 *
 * @param query          the period and procedure asked for
 * @param procedure      the procedure's name, or "All procedures"
 * @param asAt           when the figures were taken
 * @param summary        headline figures
 * @param agencies       raising agency × receiving agency
 * @param categories     by category of disagreement, each procedure's own (two procedures' categories are
 *                       never merged, however alike their names)
 * @param childStatuses  by the status of the child
 * @param resolutionStages the stage at which resolution was achieved
 * @param stageTimes     working days at each stage, against the procedure's timescales
 * @param totalTimes     working days from raising to resolution, by procedure
 * @param overdue        open cases past a deadline
 * @param learning       learning recorded at resolution
 * @param feedback       what monitoring forms say about the procedure's effectiveness
 * @param cases          one anonymised line per case
 */
public record PartnershipReport(ReportQuery query, String procedure, Instant asAt, Summary summary,
                                AgencyMatrix agencies, List<CategoryCount> categories, List<CountRow> childStatuses,
                                List<StageCount> resolutionStages, List<StageTime> stageTimes,
                                List<TotalTime> totalTimes, List<OverdueCase> overdue, List<LearningItem> learning,
                                List<FeedbackItem> feedback, List<CaseRow> cases) {

    public PartnershipReport {
        categories = List.copyOf(categories);
        childStatuses = List.copyOf(childStatuses);
        resolutionStages = List.copyOf(resolutionStages);
        stageTimes = List.copyOf(stageTimes);
        totalTimes = List.copyOf(totalTimes);
        overdue = List.copyOf(overdue);
        learning = List.copyOf(learning);
        feedback = List.copyOf(feedback);
        cases = List.copyOf(cases);
    }

    /**
     * Headline figures.
     *
     * @param raised                        cases raised in the period
     * @param resolved                      of those, resolved
     * @param withdrawn                     of those, withdrawn
     * @param open                          of those, still open
     * @param openPastDeadline              of the open ones, past a deadline in force
     * @param escalatedBeyondFirstStage     of those raised, how many reached a stage after the first
     * @param startedAboveFirstStage        of those raised, how many started above stage 1 (immediate risk)
     * @param resolvedWithinTimescales      of the resolved, how many met every timescale that applied
     * @param resolvedWorkingDays           working days to resolution, summed over the resolved
     * @param resolvedInPeriodRaisedEarlier cases raised before the period and resolved within it
     */
    public record Summary(int raised, int resolved, int withdrawn, int open, int openPastDeadline,
                          int escalatedBeyondFirstStage, int startedAboveFirstStage, int resolvedWithinTimescales,
                          long resolvedWorkingDays, int resolvedInPeriodRaisedEarlier) {
    }

    /**
     * Cases by the agency that raised the concern (rows) and the agency it was raised with
     * (columns). Agencies are named as first typed, matched without regard to case or spacing.
     */
    public record AgencyMatrix(List<String> raising, List<String> receiving, List<List<Integer>> counts) {

        public AgencyMatrix {
            raising = List.copyOf(raising);
            receiving = List.copyOf(receiving);
            counts = counts.stream().map(List::copyOf).toList();
        }

        public int count(int row, int column) {
            return counts.get(row).get(column);
        }

        public int rowTotal(int row) {
            return counts.get(row).stream().mapToInt(Integer::intValue).sum();
        }

        public int columnTotal(int column) {
            return counts.stream().mapToInt(r -> r.get(column)).sum();
        }

        public int total() {
            return counts.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
        }
    }

    /** Cases raised under one heading (a category, a child status), and how they stand. */
    public record CountRow(String label, int raised, int resolved, int withdrawn, int open) {
    }

    /**
     * Cases raised under one procedure's category of disagreement, and how they stand.
     *
     * @param procedureId the procedure's id
     * @param procedure   its short name
     * @param categoryId  the category's id in the procedure (its label, tidied, when the procedure lists none)
     * @param category    the category as the procedure names it
     * @param label       what a chart or table shows: the category, followed by the procedure's name when the
     *                    report covers more than one procedure
     */
    public record CategoryCount(String procedureId, String procedure, String categoryId, String category,
                                String label, int raised, int resolved, int withdrawn, int open) {

        /** The same counts under its label, for charts and tables of counts. */
        public CountRow counts() {
            return new CountRow(label, raised, resolved, withdrawn, open);
        }
    }

    /**
     * How the deadlines of a stage (or a procedure) were kept: each deadline that applied to a visit counts
     * once, judged against the procedure's timescale on the procedure's calendar.
     *
     * @param metOnTime   marked met by its due time
     * @param metLate     marked met after it was due
     * @param openOverdue not met, past due, at a stage a case is at now
     */
    public record DeadlinesKept(int metOnTime, int metLate, int openOverdue) {

        public static final DeadlinesKept NONE = new DeadlinesKept(0, 0, 0);

        public DeadlinesKept plus(DeadlinesKept o) {
            return new DeadlinesKept(metOnTime + o.metOnTime, metLate + o.metLate, openOverdue + o.openOverdue);
        }
    }

    /** How many of the resolved cases were resolved at {@code stage}. */
    public record StageCount(int stage, int resolved) {
    }

    /**
     * Working days spent at one stage of one procedure's track, and how the visits compare with
     * the stage's timescales (its own deadlines and any timescale shared across stages).
     *
     * @param procedure          the procedure's short name
     * @param track              the track's name when the procedure has several, else null
     * @param stage              the stage number
     * @param heading            "Stage 2 — …"
     * @param timescale          the timescales that apply, in words, or "none"
     * @param completedVisits    visits that ended (escalated, resolved or withdrawn)
     * @param workingDays        working days, summed over the completed visits
     * @param longest            the longest completed visit, in working days
     * @param met                completed visits that met every timescale that applied
     * @param notMet             completed visits that missed at least one
     * @param noTimescale        completed visits to which no timescale applied
     * @param inProgress         cases at this stage now
     * @param inProgressPast     of those, already past a timescale
     * @param deadlines          the stage's deadlines met on time, met late, and open past due
     */
    public record StageTime(String procedure, String track, int stage, String heading, String timescale,
                            int completedVisits, long workingDays, int longest, int met, int notMet,
                            int noTimescale, int inProgress, int inProgressPast, DeadlinesKept deadlines) {
    }

    /**
     * Working days from raising to resolution for one procedure's resolved cases.
     *
     * @param withinTimescales resolved cases whose every stage met the timescales that applied
     * @param overTimescales   resolved cases with at least one stage over a timescale
     * @param noTimescale      resolved cases to which no timescale applied at any stage
     * @param deadlines        every deadline of the procedure's cases raised in the period (resolved or not):
     *                         met on time, met late, open past due
     */
    public record TotalTime(String procedure, int resolved, long workingDays, int shortest, int longest,
                            int withinTimescales, int overTimescales, int noTimescale, DeadlinesKept deadlines) {
    }

    /**
     * An open case past a deadline: the deadline that passed first.
     *
     * @param caseRef         the first 8 characters of the case id (not the child's reference)
     * @param workingDaysPast working days since the deadline
     */
    public record OverdueCase(String caseRef, String procedure, int stage, String raisingAgency,
                              String receivingAgency, String deadline, DueAt due, int workingDaysPast) {
    }

    /** Learning for the partnership recorded when a case was resolved (child details removed). */
    public record LearningItem(String procedure, String category, int stage, LocalDate resolvedOn, String learning) {
    }

    /** What a completed monitoring form says about the procedure (child details removed). */
    public record FeedbackItem(String procedure, String form, int stage, String effectiveness, String suggestions) {
    }

    /**
     * One case, anonymised.
     *
     * @param caseRef         the first 8 characters of the case id
     * @param resolvedAtStage the stage it was resolved at, or null
     * @param workingDays     working days from raising to closing (to now while open)
     * @param timescales      "met", "not met", "no timescale" or, while open, "in progress" or "past a timescale"
     */
    public record CaseRow(String caseRef, String procedure, LocalDate raisedOn, String raisingAgency,
                          String receivingAgency, String category, String childStatus, String status,
                          int highestStage, Integer resolvedAtStage, int workingDays, String timescales) {
    }
}
