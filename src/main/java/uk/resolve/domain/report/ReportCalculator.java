/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import uk.resolve.domain.escalation.CaseMetrics;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.StageVisit;
import uk.resolve.domain.policy.Anchor;
import uk.resolve.domain.policy.Budget;
import uk.resolve.domain.policy.Category;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.report.PartnershipReport.AgencyMatrix;
import uk.resolve.domain.report.PartnershipReport.CaseRow;
import uk.resolve.domain.report.PartnershipReport.CategoryCount;
import uk.resolve.domain.report.PartnershipReport.DeadlinesKept;
import uk.resolve.domain.report.PartnershipReport.CountRow;
import uk.resolve.domain.report.PartnershipReport.FeedbackItem;
import uk.resolve.domain.report.PartnershipReport.LearningItem;
import uk.resolve.domain.report.PartnershipReport.OverdueCase;
import uk.resolve.domain.report.PartnershipReport.StageCount;
import uk.resolve.domain.report.PartnershipReport.StageTime;
import uk.resolve.domain.report.PartnershipReport.Summary;
import uk.resolve.domain.report.PartnershipReport.TotalTime;
import uk.resolve.domain.time.Deadlines;
import uk.resolve.domain.time.TimeSpan;
import uk.resolve.domain.time.TimeUnit;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;

import static uk.resolve.domain.escalation.EntryText.FORM;
import static uk.resolve.domain.escalation.EntryText.METHOD;
import static uk.resolve.domain.escalation.EntryText.STAGE;

/**
 * Computes the partnership's monitoring report from cases' states. Pure: no database, no clock of
 * its own, so the same cases, calendar and {@code now} always give the same report.
 *
 * <h2>Timescales</h2>
 * Each visit to a stage is compared with the timescales that applied to it: the stage's own
 * deadlines and every budget shared across stages that includes the stage. A deadline measured
 * from the start of the stage or from the raising of the concern always applies; one measured from
 * the last discussion (or meeting) applies only when a discussion (meeting) was recorded during the
 * visit, and is measured from the last of them. The procedure's timescale is used, not a shorter
 * one a worker set for a child. A working-day timescale is met when the working days from the
 * anchor's day to the day the visit ended ({@link WorkingCalendar#workingDaysBetween}, the count
 * {@link CaseMetrics} uses) are no more than it allows; hours, calendar days and "immediately" are
 * met when the visit ended no later than the due moment. A visit meets its timescales when it met
 * every one that applied; a visit to a stage with no timescale (or none that applied) is counted
 * as "no timescale", neither met nor missed. A visit still in progress is compared with
 * {@code now}: it is "past a timescale" once any has gone by.
 *
 * <h2>Deadlines kept</h2>
 * Each deadline that applied to a visit is also counted on its own: met on time (marked met by its
 * due time), met late, or open past due (not marked met, at the stage a case is at now, and gone by).
 *
 * <h2>Calendars and categories</h2>
 * Working days are counted on the calendar each case's procedure names (England and Wales, Scotland or
 * Northern Ireland), with the administrator's additions for that calendar. Categories of disagreement
 * are each procedure's own: two procedures' categories are never merged, however alike their labels.
 */
public final class ReportCalculator {

    /** The name used when a report covers every procedure. */
    public static final String ALL_PROCEDURES = "All procedures";
    /** The heading for cases whose child status was not given. */
    public static final String NOT_STATED = "Not stated";

    /** Field ids (after {@code field.}) read from completed forms for feedback on the procedure. */
    public static final List<String> EFFECTIVENESS_FIELDS = List.of("effectiveness", "policyEffectiveness", "effective");
    /** Field ids read for suggestions to improve the procedure. */
    public static final List<String> SUGGESTION_FIELDS = List.of("suggestions", "improvements", "policySuggestions");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private enum Outcome { MET, NOT_MET, NO_TIMESCALE, IN_PROGRESS, IN_PROGRESS_PAST }

    private final WorkingCalendar calendar;

    /** @param calendar working days; each procedure's own calendar is taken from it ({@link WorkingCalendar#forCalendar}) */
    public ReportCalculator(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param cases    every case in the database (or any set); samples and other procedures are left out here
     * @param query    the period and procedure
     * @param policyOf the procedure (at its version) each case follows
     * @param selected the procedure named in the query, if it is installed (to list its categories and
     *                 stages even when no case used them); null for every procedure
     * @param now      the moment the figures are taken at
     */
    public PartnershipReport compute(List<CaseState> cases, ReportQuery query, Function<CaseState, Policy> policyOf,
                                     Policy selected, Instant now) {
        ReportPeriod period = query.period();
        List<CaseState> counted = cases.stream()
                .filter(c -> !c.details().sample())
                .filter(c -> query.policyId() == null || query.policyId().equals(c.policyId()))
                .toList();
        Redactor redactor = new Redactor(counted);
        List<CaseState> raised = new ArrayList<>(counted.stream().filter(c -> period.contains(c.openedAt())).toList());
        raised.sort(Comparator.comparing(CaseState::openedAt).thenComparing(c -> c.id().toString()));
        int resolvedEarlier = (int) counted.stream()
                .filter(c -> c.status() == CaseStatus.RESOLVED && period.contains(c.resolution().at())
                        && c.openedAt().isBefore(period.start()))
                .count();

        Map<String, Policy> scope = new LinkedHashMap<>();
        if (selected != null) {
            scope.put(selected.id(), selected);
        }
        List<Evaluated> evaluated = new ArrayList<>(raised.size());
        Map<String, Policy> policyByKey = new HashMap<>();
        for (CaseState c : raised) {
            Policy p = policyByKey.computeIfAbsent(c.policyId() + "@" + c.policyVersion(), k -> policyOf.apply(c));
            scope.putIfAbsent(p.id(), p);
            evaluated.add(evaluate(c, p, redactor, now));
        }
        List<Policy> scopeList = new ArrayList<>(scope.values());
        scopeList.sort(Comparator.comparing(Policy::shortName, String.CASE_INSENSITIVE_ORDER));

        String procedure = selected != null ? selected.shortName()
                : query.policyId() != null ? query.policyId() : ALL_PROCEDURES;
        Names raising = new Names();
        Names receiving = new Names();
        evaluated.forEach(e -> {
            raising.add(e.raising());
            receiving.add(e.receiving());
        });
        // every table names an agency the same way, however it was typed in each case
        List<Evaluated> named = evaluated.stream().map(e -> e.named(raising.label(e.raising()),
                receiving.label(e.receiving()))).toList();
        return new PartnershipReport(query, procedure, now, summary(named, resolvedEarlier, now),
                agencies(named, raising.labels(), receiving.labels()), categories(named, scopeList),
                childStatuses(named), resolutionStages(named, scopeList), stageTimes(named, scopeList),
                totalTimes(named, scopeList), overdue(named, now), learning(named), feedback(named),
                named.stream().map(this::caseRow).toList());
    }

    // ---- per case -------------------------------------------------------------------------

    private record VisitResult(StageVisit visit, int workingDays, Outcome outcome, DeadlinesKept kept) {
    }

    private record Judged(Outcome outcome, DeadlinesKept kept) {
    }

    private record Evaluated(CaseState c, Policy policy, Track track, WorkingCalendar calendar, String raising,
                             String receiving, String category, List<VisitResult> visits, int workingDays,
                             Outcome overall, Redactor redactor) {
        boolean is(CaseStatus s) {
            return c.status() == s;
        }

        Evaluated named(String raisingLabel, String receivingLabel) {
            return new Evaluated(c, policy, track, calendar, raisingLabel, receivingLabel, category, visits,
                    workingDays, overall, redactor);
        }

        DeadlinesKept kept() {
            return visits.stream().map(VisitResult::kept).reduce(DeadlinesKept.NONE, DeadlinesKept::plus);
        }
    }

    private Evaluated evaluate(CaseState c, Policy p, Redactor redactor, Instant now) {
        Track track = p.track(c.trackId()).orElse(p.defaultTrack());
        WorkingCalendar cal = calendar.forCalendar(p.calendar());
        List<VisitResult> visits = new ArrayList<>();
        for (StageVisit v : c.visits()) {
            Judged j = outcome(c, track, v, now, cal);
            visits.add(new VisitResult(v, CaseMetrics.workingDaysAt(v, cal, now), j.outcome(), j.kept()));
        }
        Outcome overall;
        if (c.open()) {
            overall = visits.stream().anyMatch(v -> v.outcome() == Outcome.NOT_MET || v.outcome() == Outcome.IN_PROGRESS_PAST)
                    ? Outcome.IN_PROGRESS_PAST : Outcome.IN_PROGRESS;
        } else if (visits.stream().anyMatch(v -> v.outcome() == Outcome.NOT_MET)) {
            overall = Outcome.NOT_MET;
        } else if (visits.stream().anyMatch(v -> v.outcome() == Outcome.MET)) {
            overall = Outcome.MET;
        } else {
            overall = Outcome.NO_TIMESCALE;
        }
        var d = c.details();
        return new Evaluated(c, p, track, cal, tidy(redactor.redact(d.raisedAgency(), d)),
                tidy(redactor.redact(d.otherAgency(), d)), tidy(redactor.redact(d.category(), d)), visits,
                CaseMetrics.workingDaysTaken(c, cal, now), overall, redactor);
    }

    private Judged outcome(CaseState c, Track track, StageVisit v, Instant now, WorkingCalendar cal) {
        boolean inProgress = v.leftAt() == null;
        boolean current = inProgress && c.open();
        Instant end = inProgress ? now : v.leftAt();
        Stage stage = track.stage(v.stage()).orElse(null);
        int applied = 0;
        boolean missed = false;
        int onTime = 0;
        int late = 0;
        int overdue = 0;
        if (stage != null) {
            for (DeadlineRule rule : stage.deadlines()) {
                // a deadline the worker marked met is judged at the moment it was met
                Instant metAt = metAt(c, v, rule.id());
                Instant until = metAt != null && metAt.isBefore(end) ? metAt : end;
                Instant anchor = anchor(c, v, rule.from(), rule.fromId(), until);
                if (anchor != null) {
                    applied++;
                    boolean kept = met(anchor, rule.within(), until, cal);
                    missed |= !kept;
                    if (metAt != null && !metAt.isAfter(end)) {
                        onTime += kept ? 1 : 0;
                        late += kept ? 0 : 1;
                    } else if (current && !kept) {
                        overdue++;
                    }
                }
            }
        }
        for (Budget budget : track.budgets()) {
            if (budget.stages().contains(v.stage())) {
                Instant anchor = budget.from() == Anchor.CASE_OPENED ? c.openedAt() : v.enteredAt();
                applied++;
                missed |= !met(anchor, budget.within(), end, cal);
            }
        }
        DeadlinesKept kept = new DeadlinesKept(onTime, late, overdue);
        if (inProgress) {
            return new Judged(missed ? Outcome.IN_PROGRESS_PAST : Outcome.IN_PROGRESS, kept);
        }
        return new Judged(applied == 0 ? Outcome.NO_TIMESCALE : missed ? Outcome.NOT_MET : Outcome.MET, kept);
    }

    private static Instant metAt(CaseState c, StageVisit v, String deadlineId) {
        for (Entry e : c.entries()) {
            if (e.type() == EntryType.DEADLINE_MET && deadlineId.equals(e.get("deadline"))
                    && Integer.toString(v.stage()).equals(e.get("stage"))
                    && (v.trackId() == null || v.trackId().equals(e.get("track", v.trackId())))
                    && !e.happenedAt().isBefore(v.enteredAt())) {
                return e.happenedAt();
            }
        }
        return null;
    }

    private static Instant anchor(CaseState c, StageVisit v, Anchor from, String fromId, Instant end) {
        return switch (from) {
            case CASE_OPENED -> c.openedAt();
            case STAGE_ENTERED -> v.enteredAt();
            case DATE -> c.context() == null ? null : c.context().dates().get(fromId);
            case DEADLINE -> {
                Instant at = null;
                for (Entry e : c.entries()) {
                    if (e.type() == EntryType.DEADLINE_MET && fromId.equals(e.get("deadline"))) {
                        at = e.happenedAt();
                    }
                }
                yield at;
            }
            case FIRST_DISCUSSION -> c.entries().stream()
                    .filter(e -> e.type() == EntryType.DISCUSSION_RECORDED && !e.happenedAt().isBefore(v.enteredAt())
                            && !e.happenedAt().isAfter(end))
                    .map(Entry::happenedAt).min(Instant::compareTo).orElse(null);
            case LAST_DISCUSSION, MEETING -> {
                Instant last = null;
                for (Entry e : c.entries()) {
                    boolean during = !e.happenedAt().isBefore(v.enteredAt()) && !e.happenedAt().isAfter(end);
                    if (e.type() == EntryType.DISCUSSION_RECORDED && during
                            && (from == Anchor.LAST_DISCUSSION || "meeting".equals(e.get(METHOD)))) {
                        last = e.happenedAt();
                    }
                }
                yield last;
            }
        };
    }

    private static boolean met(Instant anchor, TimeSpan within, Instant end, WorkingCalendar cal) {
        if (within.unit() == TimeUnit.WORKING_DAYS) {
            return cal.workingDaysBetween(UkTime.date(anchor), UkTime.date(end)) <= within.amount();
        }
        return !Deadlines.due(anchor, within, cal).isPast(UkTime.local(end));
    }

    // ---- tables ---------------------------------------------------------------------------

    private Summary summary(List<Evaluated> cases, int resolvedEarlier, Instant now) {
        int resolved = 0;
        int withdrawn = 0;
        int open = 0;
        int pastDeadline = 0;
        int beyondFirst = 0;
        int startedAbove = 0;
        int within = 0;
        long days = 0;
        for (Evaluated e : cases) {
            switch (e.c().status()) {
                case RESOLVED -> {
                    resolved++;
                    days += e.workingDays();
                    within += e.overall() == Outcome.MET ? 1 : 0;
                }
                case WITHDRAWN -> withdrawn++;
                case OPEN -> {
                    open++;
                    pastDeadline += firstPassed(e.c(), now) != null ? 1 : 0;
                }
            }
            int highest = e.c().visits().stream().mapToInt(StageVisit::stage).max().orElse(1);
            beyondFirst += highest > 1 ? 1 : 0;
            startedAbove += e.c().visits().isEmpty() || e.c().visits().get(0).stage() <= 1 ? 0 : 1;
        }
        return new Summary(cases.size(), resolved, withdrawn, open, pastDeadline, beyondFirst, startedAbove, within,
                days, resolvedEarlier);
    }

    private static AgencyMatrix agencies(List<Evaluated> cases, List<String> rows, List<String> cols) {
        Map<String, Integer> rowIndex = new HashMap<>();
        Map<String, Integer> colIndex = new HashMap<>();
        rows.forEach(r -> rowIndex.put(r, rowIndex.size()));
        cols.forEach(c -> colIndex.put(c, colIndex.size()));
        int[][] counts = new int[rows.size()][cols.size()];
        for (Evaluated e : cases) {
            counts[rowIndex.get(e.raising())][colIndex.get(e.receiving())]++;
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int[] r : counts) {
            out.add(java.util.Arrays.stream(r).boxed().toList());
        }
        return new AgencyMatrix(rows, cols, out);
    }

    /** A category of one procedure: the procedure's id and the category's id, never its label alone. */
    private record CategoryKey(String procedureId, String categoryId) {
    }

    private static CategoryKey categoryKey(Evaluated e) {
        String id = e.policy().category(e.category()).map(Category::id).orElse(key(e.category()));
        return new CategoryKey(e.policy().id(), id);
    }

    private static List<CategoryCount> categories(List<Evaluated> cases, List<Policy> scope) {
        boolean several = scope.size() > 1;
        Map<CategoryKey, String[]> named = new LinkedHashMap<>();
        for (Policy p : scope) {
            for (Category cat : p.categories()) {
                named.putIfAbsent(new CategoryKey(p.id(), cat.id()), new String[] {p.shortName(), cat.label()});
            }
        }
        // a category typed in a case but not (or no longer) in its procedure's list comes after the listed ones
        TreeMap<String, Map.Entry<CategoryKey, String[]>> extra = new TreeMap<>();
        for (Evaluated e : cases) {
            CategoryKey k = categoryKey(e);
            if (!named.containsKey(k)) {
                extra.putIfAbsent(e.policy().shortName() + "\u0000" + k.categoryId(),
                        Map.entry(k, new String[] {e.policy().shortName(), e.category()}));
            }
        }
        extra.values().forEach(x -> named.putIfAbsent(x.getKey(), x.getValue()));
        Map<CategoryKey, List<Evaluated>> byKey = new HashMap<>();
        cases.forEach(e -> byKey.computeIfAbsent(categoryKey(e), k -> new ArrayList<>()).add(e));
        List<CategoryCount> rows = new ArrayList<>();
        named.forEach((k, names) -> {
            CountRow n = count(names[1], byKey.getOrDefault(k, List.of()));
            rows.add(new CategoryCount(k.procedureId(), names[0], k.categoryId(), names[1],
                    several ? names[1] + " (" + names[0] + ")" : names[1], n.raised(), n.resolved(), n.withdrawn(),
                    n.open()));
        });
        return rows;
    }

    private static List<CountRow> childStatuses(List<Evaluated> cases) {
        List<CountRow> rows = new ArrayList<>();
        for (ChildStatus s : ChildStatus.values()) {
            rows.add(count(s.label(), cases.stream().filter(e -> e.c().details().childStatus() == s).toList()));
        }
        rows.add(count(NOT_STATED, cases.stream().filter(e -> e.c().details().childStatus() == null).toList()));
        return rows;
    }

    private static CountRow count(String label, List<Evaluated> cases) {
        return new CountRow(label, cases.size(), (int) cases.stream().filter(e -> e.is(CaseStatus.RESOLVED)).count(),
                (int) cases.stream().filter(e -> e.is(CaseStatus.WITHDRAWN)).count(),
                (int) cases.stream().filter(e -> e.is(CaseStatus.OPEN)).count());
    }

    private static List<StageCount> resolutionStages(List<Evaluated> cases, List<Policy> scope) {
        int max = scope.stream().flatMap(p -> p.tracks().stream()).mapToInt(Track::lastStage).max().orElse(0);
        int[] counts = new int[Math.max(max, cases.stream().mapToInt(e -> e.c().stage()).max().orElse(0)) + 1];
        for (Evaluated e : cases) {
            if (e.is(CaseStatus.RESOLVED)) {
                counts[e.c().resolution().stage()]++;
            }
        }
        List<StageCount> rows = new ArrayList<>();
        for (int s = 1; s < counts.length; s++) {
            rows.add(new StageCount(s, counts[s]));
        }
        return rows;
    }

    private static final class StageAcc {
        final Policy policy;
        final Track track;
        final int stage;
        final String heading;
        int completed;
        long days;
        int longest;
        int met;
        int notMet;
        int none;
        int inProgress;
        int inProgressPast;
        DeadlinesKept kept = DeadlinesKept.NONE;

        StageAcc(Policy policy, Track track, int stage, String heading) {
            this.policy = policy;
            this.track = track;
            this.stage = stage;
            this.heading = heading;
        }
    }

    private static List<StageTime> stageTimes(List<Evaluated> cases, List<Policy> scope) {
        Map<String, StageAcc> rows = new LinkedHashMap<>();
        for (Policy p : scope) {
            for (Track t : p.tracks()) {
                for (Stage s : t.stages()) {
                    rows.put(p.id() + "|" + t.id() + "|" + s.number(), new StageAcc(p, t, s.number(), s.heading()));
                }
            }
        }
        for (Evaluated e : cases) {
            for (VisitResult v : e.visits()) {
                StageAcc acc = rows.computeIfAbsent(e.c().policyId() + "|" + e.track().id() + "|" + v.visit().stage(),
                        k -> new StageAcc(e.policy(), e.track(), v.visit().stage(), v.visit().heading()));
                acc.kept = acc.kept.plus(v.kept());
                switch (v.outcome()) {
                    case IN_PROGRESS -> acc.inProgress++;
                    case IN_PROGRESS_PAST -> {
                        acc.inProgress++;
                        acc.inProgressPast++;
                    }
                    default -> {
                        acc.completed++;
                        acc.days += v.workingDays();
                        acc.longest = Math.max(acc.longest, v.workingDays());
                        acc.met += v.outcome() == Outcome.MET ? 1 : 0;
                        acc.notMet += v.outcome() == Outcome.NOT_MET ? 1 : 0;
                        acc.none += v.outcome() == Outcome.NO_TIMESCALE ? 1 : 0;
                    }
                }
            }
        }
        List<String> order = scope.stream().map(Policy::id).toList();
        return rows.values().stream()
                .sorted(Comparator.comparing((StageAcc a) -> order.indexOf(a.policy.id()))
                        .thenComparing(a -> a.policy.tracks().indexOf(a.track))
                        .thenComparing(a -> a.stage))
                .map(a -> new StageTime(a.policy.shortName(), a.policy.tracks().size() > 1 ? a.track.name() : null,
                        a.stage, a.heading, timescale(a.track, a.stage), a.completed, a.days, a.longest, a.met,
                        a.notMet, a.none, a.inProgress, a.inProgressPast, a.kept))
                .toList();
    }

    /** The timescales of a stage in words: "2 working days; 5 working days from when the concern was raised (shared)". */
    static String timescale(Track track, int stageNumber) {
        List<String> parts = new ArrayList<>();
        track.stage(stageNumber).ifPresent(s -> s.deadlines().forEach(r -> parts.add(r.within().describe()
                + (r.from() == Anchor.STAGE_ENTERED ? "" : " " + r.from().describe()))));
        for (Budget b : track.budgets()) {
            if (b.stages().contains(stageNumber)) {
                parts.add(b.within().describe() + " " + b.from().describe() + " (shared across stages "
                        + String.join(", ", b.stages().stream().sorted().map(String::valueOf).toList()) + ")");
            }
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    private static List<TotalTime> totalTimes(List<Evaluated> cases, List<Policy> scope) {
        List<TotalTime> rows = new ArrayList<>();
        for (Policy p : scope) {
            List<Evaluated> mine = cases.stream().filter(e -> e.policy().id().equals(p.id())).toList();
            List<Evaluated> resolved = mine.stream().filter(e -> e.is(CaseStatus.RESOLVED)).toList();
            rows.add(new TotalTime(p.shortName(), resolved.size(),
                    resolved.stream().mapToLong(Evaluated::workingDays).sum(),
                    resolved.stream().mapToInt(Evaluated::workingDays).min().orElse(0),
                    resolved.stream().mapToInt(Evaluated::workingDays).max().orElse(0),
                    (int) resolved.stream().filter(e -> e.overall() == Outcome.MET).count(),
                    (int) resolved.stream().filter(e -> e.overall() == Outcome.NOT_MET).count(),
                    (int) resolved.stream().filter(e -> e.overall() == Outcome.NO_TIMESCALE).count(),
                    mine.stream().map(Evaluated::kept).reduce(DeadlinesKept.NONE, DeadlinesKept::plus)));
        }
        return rows;
    }

    private List<OverdueCase> overdue(List<Evaluated> cases, Instant now) {
        LocalDateTime localNow = UkTime.local(now);
        List<OverdueCase> rows = new ArrayList<>();
        for (Evaluated e : cases) {
            if (!e.c().open()) {
                continue;
            }
            DeadlineStatus d = firstPassed(e.c(), now);
            if (d != null) {
                rows.add(new OverdueCase(shortId(e.c()), e.policy().shortName(), e.c().stage(), e.raising(),
                        e.receiving(), d.label(), d.due(),
                        e.calendar().workingDaysBetween(d.due().date(), localNow.toLocalDate())));
            }
        }
        rows.sort(Comparator.comparing(OverdueCase::due).thenComparing(OverdueCase::caseRef));
        return rows;
    }

    /** The deadline in force (after any shortening) that passed first, or null when none has passed by {@code now}. */
    private static DeadlineStatus firstPassed(CaseState c, Instant now) {
        if (!c.open()) {
            return null;
        }
        LocalDateTime localNow = UkTime.local(now);
        return c.deadlines().stream().filter(d -> d.due().isPast(localNow))
                .min(Comparator.comparing(DeadlineStatus::due)).orElse(null);
    }

    private static List<LearningItem> learning(List<Evaluated> cases) {
        return cases.stream()
                .filter(e -> e.is(CaseStatus.RESOLVED) && e.c().resolution().learning() != null
                        && !e.c().resolution().learning().isBlank())
                .sorted(Comparator.comparing((Evaluated e) -> e.c().resolution().at()))
                .map(e -> new LearningItem(e.policy().shortName(), e.category(), e.c().resolution().stage(),
                        UkTime.date(e.c().resolution().at()),
                        tidy(e.redactor().redact(e.c().resolution().learning(), e.c().details()))))
                .toList();
    }

    private static List<FeedbackItem> feedback(List<Evaluated> cases) {
        List<FeedbackItem> rows = new ArrayList<>();
        for (Evaluated e : cases) {
            Entry latest = null;
            for (Entry entry : e.c().entries()) {
                if (entry.type() == EntryType.FORM_COMPLETED
                        && (field(entry, EFFECTIVENESS_FIELDS) != null || field(entry, SUGGESTION_FIELDS) != null)) {
                    latest = entry;
                }
            }
            if (latest != null) {
                String formId = latest.get(FORM, "");
                String title = e.policy().form(formId).map(FormDefinition::title).orElse(formId);
                var d = e.c().details();
                rows.add(new FeedbackItem(e.policy().shortName(), title, latest.intValue(STAGE, 0),
                        tidy(e.redactor().redact(field(latest, EFFECTIVENESS_FIELDS), d)),
                        tidy(e.redactor().redact(field(latest, SUGGESTION_FIELDS), d))));
            }
        }
        return rows;
    }

    /** The first non-blank value among {@code field.<id>} for the given ids, matched ignoring case. */
    private static String field(Entry e, List<String> ids) {
        for (String id : ids) {
            for (Map.Entry<String, String> f : e.data().entrySet()) {
                if (f.getKey().equalsIgnoreCase("field." + id) && f.getValue() != null && !f.getValue().isBlank()) {
                    return f.getValue();
                }
            }
        }
        return null;
    }

    private CaseRow caseRow(Evaluated e) {
        CaseState c = e.c();
        String timescales = switch (e.overall()) {
            case MET -> "met";
            case NOT_MET -> "not met";
            case NO_TIMESCALE -> "no timescale";
            case IN_PROGRESS -> "in progress";
            case IN_PROGRESS_PAST -> "past a timescale";
        };
        return new CaseRow(shortId(c), e.policy().shortName(), UkTime.date(c.openedAt()), e.raising(), e.receiving(),
                e.category(), c.details().childStatus() == null ? NOT_STATED : c.details().childStatus().label(),
                c.status().code(), c.visits().stream().mapToInt(StageVisit::stage).max().orElse(c.stage()),
                c.status() == CaseStatus.RESOLVED ? c.resolution().stage() : null, e.workingDays(), timescales);
    }

    static String shortId(CaseState c) {
        return c.id().toString().substring(0, 8);
    }

    private static String key(String label) {
        return tidy(label).toLowerCase(Locale.UK);
    }

    private static String tidy(String s) {
        return s == null ? "" : SPACES.matcher(s.strip()).replaceAll(" ");
    }

    /** Free-typed names grouped without regard to case or spacing; each shown as its alphabetically first spelling. */
    private static final class Names {
        private final Map<String, String> byKey = new HashMap<>();

        void add(String name) {
            byKey.merge(key(name), name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }

        String label(String name) {
            return byKey.get(key(name));
        }

        List<String> labels() {
            List<String> out = new ArrayList<>(byKey.values());
            out.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
            return out;
        }
    }

}
