/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import uk.resolve.domain.report.PartnershipReport.AgencyMatrix;
import uk.resolve.domain.report.PartnershipReport.CategoryCount;
import uk.resolve.domain.report.PartnershipReport.DeadlinesKept;
import uk.resolve.domain.report.PartnershipReport.CountRow;
import uk.resolve.domain.report.PartnershipReport.Summary;
import uk.resolve.domain.report.PartnershipReport.TotalTime;
import uk.resolve.domain.time.UkTime;

/** Lays a report out as tables of text, the same for the screen, CSV and PDF. */
public final class ReportTables {

    /** Shown where a figure cannot be given (an average of nothing). */
    public static final String NONE = "–";

    public static final String SUMMARY = "summary";
    public static final String CASES = "cases";
    public static final String AGENCIES = "agencies";
    public static final String CATEGORIES = "categories";
    public static final String CHILD_STATUS = "child-status";
    public static final String RESOLUTION_STAGE = "resolution-stage";
    public static final String STAGE_TIMES = "stage-times";
    public static final String TOTAL_TIMES = "total-times";
    public static final String OVERDUE = "overdue";
    public static final String LEARNING = "learning";
    public static final String FEEDBACK = "feedback";

    private ReportTables() {
    }

    /** Every table, in the order of the printed report. */
    public static List<ReportTable> of(PartnershipReport r) {
        return List.of(summary(r), categories(r), childStatus(r), agencies(r), resolutionStage(r), stageTimes(r),
                totalTimes(r), overdue(r), learning(r), feedback(r), cases(r));
    }

    public static ReportTable summary(PartnershipReport r) {
        Summary s = r.summary();
        List<List<String>> rows = List.of(
                List.of("Procedure", r.procedure()),
                List.of("Period", r.query().period().describe()),
                List.of("Figures as at", UkTime.format(r.asAt())),
                List.of("Escalations raised in the period", n(s.raised())),
                List.of("Resolved", n(s.resolved())),
                List.of("Withdrawn", n(s.withdrawn())),
                List.of("Still open", n(s.open())),
                List.of("Still open and past a deadline", n(s.openPastDeadline())),
                List.of("Escalated beyond the first stage", n(s.escalatedBeyondFirstStage())),
                List.of("Started above the first stage (immediate risk)", n(s.startedAboveFirstStage())),
                List.of("Resolved within the procedure's timescales", n(s.resolvedWithinTimescales())),
                List.of("Average working days to resolution", average(s.resolvedWorkingDays(), s.resolved())),
                List.of("Resolved in the period but raised before it", n(s.resolvedInPeriodRaisedEarlier())));
        return new ReportTable(SUMMARY, "Summary", "Cases raised in the period, as they stand on the date shown.",
                List.of("Figure", "Value"), rows);
    }

    /** Each procedure's categories, with the procedure named: two procedures' categories are never merged. */
    public static ReportTable categories(PartnershipReport r) {
        List<List<String>> out = new ArrayList<>();
        for (CategoryCount c : r.categories()) {
            out.add(List.of(c.procedure(), c.category(), n(c.raised()), n(c.resolved()), n(c.withdrawn()),
                    n(c.open())));
        }
        return new ReportTable(CATEGORIES, "By category of disagreement",
                "Each procedure's own categories, as the procedure names them.",
                List.of("Procedure", "Category", "Raised", "Resolved", "Withdrawn", "Open"), out);
    }

    public static ReportTable childStatus(PartnershipReport r) {
        return counts(CHILD_STATUS, "By status of the child", "Child status", r.childStatuses());
    }

    private static ReportTable counts(String id, String title, String heading, List<CountRow> rows) {
        List<List<String>> out = new ArrayList<>();
        for (CountRow c : rows) {
            out.add(List.of(c.label(), n(c.raised()), n(c.resolved()), n(c.withdrawn()), n(c.open())));
        }
        return new ReportTable(id, title, "", List.of(heading, "Raised", "Resolved", "Withdrawn", "Open"), out);
    }

    public static ReportTable agencies(PartnershipReport r) {
        AgencyMatrix m = r.agencies();
        List<String> columns = new ArrayList<>();
        columns.add("Raising agency \\ Receiving agency");
        columns.addAll(m.receiving());
        columns.add("Total");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < m.raising().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(m.raising().get(i));
            for (int j = 0; j < m.receiving().size(); j++) {
                row.add(n(m.count(i, j)));
            }
            row.add(n(m.rowTotal(i)));
            rows.add(row);
        }
        List<String> total = new ArrayList<>();
        total.add("Total");
        for (int j = 0; j < m.receiving().size(); j++) {
            total.add(n(m.columnTotal(j)));
        }
        total.add(n(m.total()));
        rows.add(total);
        return new ReportTable(AGENCIES, "By raising and receiving agency",
                "Rows: the agency that raised the concern. Columns: the agency it was raised with.", columns, rows);
    }

    public static ReportTable resolutionStage(PartnershipReport r) {
        int resolved = r.summary().resolved();
        List<List<String>> rows = r.resolutionStages().stream()
                .map(s -> List.of("Stage " + s.stage(), n(s.resolved()), percent(s.resolved(), resolved)))
                .toList();
        return new ReportTable(RESOLUTION_STAGE, "Stage at which resolution was achieved", "",
                List.of("Stage", "Resolved", "Share of resolved"), rows);
    }

    public static ReportTable stageTimes(PartnershipReport r) {
        List<List<String>> rows = r.stageTimes().stream().map(t -> List.of(t.procedure(),
                t.track() == null ? "" : t.track(), t.heading(), t.timescale(), n(t.completedVisits()),
                average(t.workingDays(), t.completedVisits()), t.completedVisits() == 0 ? NONE : n(t.longest()),
                n(t.met()), n(t.notMet()), n(t.noTimescale()), n(t.inProgress()), n(t.inProgressPast()),
                n(t.deadlines().metOnTime()), n(t.deadlines().metLate()), n(t.deadlines().openOverdue()))).toList();
        return new ReportTable(STAGE_TIMES, "Working days at each stage against the procedure's timescales",
                "Each visit to a stage, compared with the stage's timescales and any shared across stages.",
                List.of("Procedure", "Track", "Stage", "Timescale", "Visits completed", "Average working days",
                        "Longest", "Met", "Not met", "No timescale", "At stage now", "Now past timescale",
                        "Deadlines met on time", "Deadlines met late", "Deadlines open and overdue"), rows);
    }

    public static ReportTable totalTimes(PartnershipReport r) {
        List<List<String>> rows = new ArrayList<>();
        r.totalTimes().forEach(t -> rows.add(totalRow(t)));
        List<TotalTime> used = r.totalTimes().stream().filter(t -> t.resolved() > 0).toList();
        if (r.totalTimes().size() > 1) {
            rows.add(totalRow(new TotalTime(ReportCalculator.ALL_PROCEDURES,
                    r.totalTimes().stream().mapToInt(TotalTime::resolved).sum(),
                    r.totalTimes().stream().mapToLong(TotalTime::workingDays).sum(),
                    used.stream().mapToInt(TotalTime::shortest).min().orElse(0),
                    used.stream().mapToInt(TotalTime::longest).max().orElse(0),
                    r.totalTimes().stream().mapToInt(TotalTime::withinTimescales).sum(),
                    r.totalTimes().stream().mapToInt(TotalTime::overTimescales).sum(),
                    r.totalTimes().stream().mapToInt(TotalTime::noTimescale).sum(),
                    r.totalTimes().stream().map(TotalTime::deadlines).reduce(DeadlinesKept.NONE, DeadlinesKept::plus))));
        }
        return new ReportTable(TOTAL_TIMES, "Working days from raising to resolution",
                "Resolved cases raised in the period; a case is within timescales when every stage met its own.",
                List.of("Procedure", "Resolved", "Average working days", "Shortest", "Longest", "Within timescales",
                        "Over timescales", "No timescale", "Deadlines met on time", "Deadlines met late",
                        "Deadlines open and overdue"), rows);
    }

    private static List<String> totalRow(TotalTime t) {
        boolean any = t.resolved() > 0;
        return List.of(t.procedure(), n(t.resolved()), average(t.workingDays(), t.resolved()),
                any ? n(t.shortest()) : NONE, any ? n(t.longest()) : NONE, n(t.withinTimescales()),
                n(t.overTimescales()), n(t.noTimescale()), n(t.deadlines().metOnTime()), n(t.deadlines().metLate()),
                n(t.deadlines().openOverdue()));
    }

    public static ReportTable overdue(PartnershipReport r) {
        List<List<String>> rows = r.overdue().stream().map(o -> List.of(o.caseRef(), o.procedure(), n(o.stage()),
                UkTime.format(o.due()), n(o.workingDaysPast()), o.deadline(), o.raisingAgency(),
                o.receivingAgency())).toList();
        return new ReportTable(OVERDUE, "Open cases past their deadline",
                "The deadline that passed first; cases are named by the start of their case id only.",
                List.of("Case", "Procedure", "Stage", "Due", "Working days past due", "Deadline", "Raising agency",
                        "Receiving agency"), rows);
    }

    public static ReportTable learning(PartnershipReport r) {
        List<List<String>> rows = r.learning().stream().map(l -> List.of(l.procedure(), l.category(), n(l.stage()),
                UkTime.formatDate(l.resolvedOn()), l.learning())).toList();
        return new ReportTable(LEARNING, "Themes and learning recorded at resolution",
                "Child names and references are removed.",
                List.of("Procedure", "Category", "Resolved at stage", "Resolved on", "Learning"), rows);
    }

    public static ReportTable feedback(PartnershipReport r) {
        List<List<String>> rows = r.feedback().stream().map(f -> List.of(f.procedure(), f.form(), n(f.stage()),
                orNone(f.effectiveness()), orNone(f.suggestions()))).toList();
        return new ReportTable(FEEDBACK, "How effective the procedure was",
                "From completed monitoring forms, the latest for each case. Child names and references are removed.",
                List.of("Procedure", "Form", "Stage", "Effectiveness", "Suggestions"), rows);
    }

    public static ReportTable cases(PartnershipReport r) {
        List<List<String>> rows = r.cases().stream().map(c -> List.of(c.caseRef(), c.procedure(),
                UkTime.formatDate(c.raisedOn()), c.raisingAgency(), c.receivingAgency(), c.category(), c.childStatus(),
                c.status(), n(c.highestStage()), c.resolvedAtStage() == null ? "" : n(c.resolvedAtStage()),
                n(c.workingDays()), c.timescales())).toList();
        return new ReportTable(CASES, "Cases raised in the period (anonymised)",
                "Working days to closing, or to the date of the figures while open.",
                List.of("Case", "Procedure", "Raised on", "Raising agency", "Receiving agency", "Category",
                        "Child status", "Status", "Highest stage", "Resolved at stage", "Working days", "Timescales"),
                rows);
    }

    /** An average to one decimal place (half up), or {@link #NONE} of nothing. */
    public static String average(long total, int count) {
        return count == 0 ? NONE : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** A whole percentage (half up), or {@link #NONE} of nothing. */
    public static String percent(int part, int whole) {
        return whole == 0 ? NONE : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 0,
                RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
