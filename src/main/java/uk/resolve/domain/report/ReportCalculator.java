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
import java.util.UUID;
import java.util.function.BiFunction;
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
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.TimeSpan;
import uk.resolve.domain.time.TimeUnit;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;

import static uk.resolve.domain.escalation.EntryText.FORM;
import static uk.resolve.domain.escalation.EntryText.LEARNING;
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
        Map<String, CaseState> firstOf = new HashMap<>();
        cases.forEach(c -> firstOf.putIfAbsent(c.policyId() + "@" + c.policyVersion(), c));
        Accumulator acc = accumulator(query, (id, version) -> policyOf.apply(firstOf.get(id + "@" + version)),
                selected, now);
        cases.forEach(acc::add);
        return acc.report();
    }

    /**
     * A report fed one case at a time, in any order, keeping of each case only its figures: the same
     * report {@link #compute} gives for the same cases.
     *
     * @param policyOf the procedure at a version (id, version); asked once per pair, for counted cases only
     */
    public Accumulator accumulator(ReportQuery query, BiFunction<String, String, Policy> policyOf, Policy selected,
                                   Instant now) {
        return new Accumulator(query, policyOf, selected, now);
    }

    /** Takes cases one by one ({@link #add(CaseState)} or {@link #add(ReportFacts)}); {@link #report()} at the end. */
    public final class Accumulator {
        private final ReportQuery query;
        private final ReportPeriod period;
        private final BiFunction<String, String, Policy> policyOf;
        private final Policy selected;
        private final Instant now;
        private final LocalDateTime localNow;
        private final Map<String, Policy> policyByKey = new HashMap<>();
        private final List<Evaluated> evaluated = new ArrayList<>();
        private final java.util.Set<String> references = new java.util.HashSet<>();
        private int resolvedEarlier;

        private Accumulator(ReportQuery query, BiFunction<String, String, Policy> policyOf, Policy selected,
                            Instant now) {
            this.query = query;
            this.period = query.period();
            this.policyOf = policyOf;
            this.selected = selected;
            this.now = now;
            this.localNow = UkTime.local(now);
        }

        private boolean counts(boolean sample, String policyId) {
            return !sample && (query.policyId() == null || query.policyId().equals(policyId));
        }

        private Policy policy(String id, String version) {
            return policyByKey.computeIfAbsent(id + "@" + version, k -> policyOf.apply(id, version));
        }

        private boolean raised(boolean sample, String policyId, String childRef, CaseStatus status, Instant resolvedAt,
                               Instant openedAt) {
            if (!counts(sample, policyId)) {
                return false;
            }
            if (childRef != null && !childRef.isBlank()) {
                references.add(childRef.strip().toLowerCase(Locale.ROOT));
            }
            if (status == CaseStatus.RESOLVED && period.contains(resolvedAt) && openedAt.isBefore(period.start())) {
                resolvedEarlier++;
            }
            return period.contains(openedAt);
        }

        /** A case from its state (with the entries the report reads: discussions, deadlines met, completed forms). */
        public void add(CaseState c) {
            if (!raised(c.details().sample(), c.policyId(), c.details().childRef(), c.status(),
                    c.resolution() == null ? null : c.resolution().at(), c.openedAt())) {
                return;
            }
            Policy p = policy(c.policyId(), c.policyVersion());
            var d = c.details();
            String learning = c.status() == CaseStatus.RESOLVED && c.resolution().learning() != null
                    && !c.resolution().learning().isBlank() ? Redactor.own(c.resolution().learning(), d) : null;
            Entry latest = null;
            for (Entry entry : c.entries()) {
                if (entry.type() == EntryType.FORM_COMPLETED
                        && (field(entry, EFFECTIVENESS_FIELDS) != null || field(entry, SUGGESTION_FIELDS) != null)) {
                    latest = entry;
                }
            }
            Feedback feedback = null;
            if (latest != null) {
                String formId = latest.get(FORM, "");
                feedback = new Feedback(p.form(formId).map(FormDefinition::title).orElse(formId),
                        latest.intValue(STAGE, 0), Redactor.own(field(latest, EFFECTIVENESS_FIELDS), d),
                        Redactor.own(field(latest, SUGGESTION_FIELDS), d));
            }
            evaluated.add(evaluate(facts(c, p), p, learning, feedback));
        }

        /** A case from its stored facts, with only the board text the record holds in clear. */
        public void add(ReportFacts f) {
            add(f, Map.of());
        }

        /**
         * A case from its stored facts, with its board text: what the record holds in clear, and its sealed
         * board copies as {@code opened} gives them (by entry id; the fields as sealed). Sealed text not
         * among {@code opened} is left out.
         */
        public void add(ReportFacts f, Map<UUID, ? extends Map<String, String>> opened) {
            if (!raised(f.sample(), f.policyId(), f.childRef(), f.status(), f.resolvedAt(), f.openedAt())) {
                return;
            }
            Policy p = policy(f.policyId(), f.policyVersion());
            String learning = null;
            Feedback feedback = null;
            for (ReportFacts.Board b : f.board()) {
                Map<String, String> text = b.isSealed() ? opened.get(b.entryId()) : null;
                if (b.type() == EntryType.RESOLVED) {
                    String sealed = text == null ? null : text.get(LEARNING);
                    learning = b.learning() != null ? b.learning()
                            : sealed != null && !sealed.isBlank() ? sealed : null;
                } else {
                    String effectiveness = b.effectiveness() != null ? b.effectiveness()
                            : text == null ? null : field(text, EFFECTIVENESS_FIELDS);
                    String suggestions = b.suggestions() != null ? b.suggestions()
                            : text == null ? null : field(text, SUGGESTION_FIELDS);
                    if (effectiveness != null || suggestions != null) {
                        feedback = new Feedback(p.form(b.formId()).map(FormDefinition::title).orElse(b.formId()),
                                b.stage(), effectiveness, suggestions);
                    }
                }
            }
            evaluated.add(evaluate(f, p, learning, feedback));
        }

        private Evaluated evaluate(ReportFacts f, Policy p, String learning, Feedback feedback) {
            Track track = p.track(f.trackId()).orElse(p.defaultTrack());
            WorkingCalendar cal = calendar.forCalendar(p.calendar());
            boolean open = f.status() == CaseStatus.OPEN;
            List<VisitResult> visits = new ArrayList<>(f.visits().size());
            for (ReportFacts.Visit v : f.visits()) {
                if (v.ended()) {
                    visits.add(new VisitResult(v.stage(), v.heading(), v.workingDays(), Outcome.valueOf(v.outcome()),
                            new DeadlinesKept(v.metOnTime(), v.metLate(), 0)));
                } else {
                    boolean past = v.pastAt() != null && localNow.isAfter(v.pastAt());
                    int overdue = open ? (int) v.overdueAt().stream().filter(localNow::isAfter).count() : 0;
                    visits.add(new VisitResult(v.stage(), v.heading(),
                            cal.workingDaysBetween(UkTime.date(v.enteredAt()), localNow.toLocalDate()),
                            past ? Outcome.IN_PROGRESS_PAST : Outcome.IN_PROGRESS,
                            new DeadlinesKept(v.metOnTime(), v.metLate(), overdue)));
                }
            }
            Outcome overall;
            if (open) {
                overall = visits.stream().anyMatch(v -> v.outcome() == Outcome.NOT_MET
                        || v.outcome() == Outcome.IN_PROGRESS_PAST) ? Outcome.IN_PROGRESS_PAST : Outcome.IN_PROGRESS;
            } else if (visits.stream().anyMatch(v -> v.outcome() == Outcome.NOT_MET)) {
                overall = Outcome.NOT_MET;
            } else if (visits.stream().anyMatch(v -> v.outcome() == Outcome.MET)) {
                overall = Outcome.MET;
            } else {
                overall = Outcome.NO_TIMESCALE;
            }
            boolean passed = open && f.firstDue() != null && f.firstDue().isPast(localNow);
            int days = f.resolvedAt() != null ? f.workingDays()
                    : cal.workingDaysBetween(UkTime.date(f.openedAt()), localNow.toLocalDate());
            return new Evaluated(f.id(), p, track, cal, f.raisedAgency(), f.otherAgency(), f.category(), f.status(),
                    f.childStatus(), f.openedAt(), f.stage(), f.resolvedStage(), f.resolvedAt(), visits, days, overall,
                    passed ? f.firstDueLabel() : null, passed ? f.firstDue() : null,
                    passed ? cal.workingDaysBetween(f.firstDue().date(), localNow.toLocalDate()) : 0, learning,
                    feedback);
        }

        /** The report over every case added. */
        public PartnershipReport report() {
            Redactor redactor = new Redactor(references);
            evaluated.sort(Comparator.comparing(Evaluated::openedAt).thenComparing(e -> e.id().toString()));
            Map<String, Policy> scope = new LinkedHashMap<>();
            if (selected != null) {
                scope.put(selected.id(), selected);
            }
            evaluated.forEach(e -> scope.putIfAbsent(e.policy().id(), e.policy()));
            List<Policy> scopeList = new ArrayList<>(scope.values());
            scopeList.sort(Comparator.comparing(Policy::shortName, String.CASE_INSENSITIVE_ORDER));

            String procedure = selected != null ? selected.shortName()
                    : query.policyId() != null ? query.policyId() : ALL_PROCEDURES;
            // free text of agencies and categories cleared of every counted case's reference (few distinct values)
            Map<String, String> cleared = new HashMap<>();
            Function<String, String> clear = t -> t == null ? tidy(null)
                    : cleared.computeIfAbsent(t, x -> tidy(redactor.others(x)));
            Names raising = new Names();
            Names receiving = new Names();
            evaluated.forEach(e -> {
                raising.add(clear.apply(e.raising()));
                receiving.add(clear.apply(e.receiving()));
            });
            // every table names an agency the same way, however it was typed in each case
            List<Evaluated> named = new ArrayList<>(evaluated.size());
            for (Evaluated e : evaluated) {
                named.add(e.named(raising.label(clear.apply(e.raising())), receiving.label(clear.apply(e.receiving())),
                        clear.apply(e.category())));
            }
            return new PartnershipReport(query, procedure, now, summary(named, resolvedEarlier),
                    agencies(named, raising.labels(), receiving.labels()), categories(named, scopeList),
                    childStatuses(named), resolutionStages(named, scopeList), stageTimes(named, scopeList),
                    totalTimes(named, scopeList), overdue(named), learning(named, redactor),
                    feedback(named, redactor), named.stream().map(ReportCalculator.this::caseRow).toList());
        }
    }

    // ---- per case -------------------------------------------------------------------------

    /**
     * The facts of {@code c} that do not depend on when a report is made (see {@link ReportFacts}).
     * {@code c} must hold the entries the report reads (discussions, deadlines met, completed forms).
     */
    public ReportFacts facts(CaseState c, Policy p) {
        Track track = p.track(c.trackId()).orElse(p.defaultTrack());
        WorkingCalendar cal = calendar.forCalendar(p.calendar());
        List<ReportFacts.Visit> visits = new ArrayList<>(c.visits().size());
        for (StageVisit v : c.visits()) {
            visits.add(visit(c, track, v, cal));
        }
        var d = c.details();
        boolean learning = c.status() == CaseStatus.RESOLVED && c.resolution().learning() != null
                && !c.resolution().learning().isBlank();
        // board text sealed (decision 0017) is kept as sealed, opened only where the report is made, by its maker
        List<ReportFacts.Board> board = new ArrayList<>();
        Entry resolved = null;
        for (Entry e : c.entries()) {
            if (e.type() == EntryType.RESOLVED) {
                resolved = e;
            } else if (e.type() == EntryType.FORM_COMPLETED) {
                String effectiveness = field(e, EFFECTIVENESS_FIELDS);
                String suggestions = field(e, SUGGESTION_FIELDS);
                if (effectiveness != null || suggestions != null || uk.resolve.domain.record.BoardContent.has(e)) {
                    board.add(board(e, e.intValue(STAGE, 0), e.get(FORM, ""), null, Redactor.own(effectiveness, d),
                            Redactor.own(suggestions, d)));
                }
            }
        }
        // the learning of the resolution the case ends with (the last one written, as the board text is opened)
        if (c.status() == CaseStatus.RESOLVED && resolved != null
                && (learning || uk.resolve.domain.record.BoardContent.has(resolved))) {
            board.add(board(resolved, c.resolution().stage(), null,
                    learning ? Redactor.own(c.resolution().learning(), d) : null, null, null));
        }
        DeadlineStatus first = c.open() ? c.deadlines().stream().min(Comparator.comparing(DeadlineStatus::due))
                .orElse(null) : null;
        Instant resolvedAt = c.resolution() == null ? null : c.resolution().at();
        return new ReportFacts(c.id(), c.policyId(), c.policyVersion(), c.trackId(), c.status(), d.sample(),
                c.openedAt(), c.stage(), d.childRef(), d.childStatus(), Redactor.own(d.raisedAgency(), d),
                Redactor.own(d.otherAgency(), d), Redactor.own(d.category(), d), resolvedAt,
                c.resolution() == null ? null : c.resolution().stage(),
                resolvedAt == null ? 0 : CaseMetrics.workingDaysTaken(c, cal, resolvedAt), !board.isEmpty(),
                first == null ? null : first.due(), first == null ? null : first.label(), visits, board);
    }

    /** The board text of {@code e} as the record holds it: the clear text given, and its sealed copy if any. */
    private static ReportFacts.Board board(Entry e, int stage, String formId, String learning, String effectiveness,
                                           String suggestions) {
        boolean sealed = uk.resolve.domain.record.BoardContent.has(e);
        return new ReportFacts.Board(e.id(), e.type(), stage, formId, learning, effectiveness, suggestions,
                e.intValue(uk.resolve.domain.record.CaseContent.GENERATION, 0),
                sealed ? e.get(uk.resolve.domain.record.BoardContent.SEALED) : null,
                sealed ? e.get(uk.resolve.domain.record.BoardContent.CASE_WRAPPED) : null,
                sealed ? e.get(uk.resolve.domain.record.BoardContent.REPORT_WRAPPED) : null,
                sealed ? e.get(uk.resolve.domain.record.BoardContent.REPORT_KEY) : null);
    }

    private ReportFacts.Visit visit(CaseState c, Track track, StageVisit v, WorkingCalendar cal) {
        if (v.leftAt() != null) {
            Judged j = outcome(c, track, v, v.leftAt(), cal);
            return new ReportFacts.Visit(v.stage(), v.heading(), v.enteredAt(), true,
                    CaseMetrics.workingDaysAt(v, cal, v.leftAt()), j.outcome().name(), j.kept().metOnTime(),
                    j.kept().metLate(), 0, null, List.of());
        }
        // in progress: the moments its timescales pass, so that any "now" can be judged without the state
        Stage stage = track.stage(v.stage()).orElse(null);
        LocalDateTime pastAt = null;
        List<LocalDateTime> overdueAt = new ArrayList<>();
        int onTime = 0;
        int late = 0;
        if (stage != null) {
            for (DeadlineRule rule : stage.deadlines()) {
                Instant metAt = metAt(c, v, rule.id());
                if (metAt != null) {
                    Instant anchor = anchor(c, v, rule.from(), rule.fromId(), metAt);
                    if (anchor != null) {
                        if (met(anchor, rule.within(), metAt, cal)) {
                            onTime++;
                        } else {
                            late++;
                            pastAt = ReportFacts.ALREADY;
                        }
                    }
                } else {
                    Instant anchor = anchor(c, v, rule.from(), rule.fromId(), Instant.MAX);
                    if (anchor != null) {
                        LocalDateTime last = lastMet(anchor, rule.within(), cal);
                        pastAt = earlier(pastAt, last);
                        if (last != null) {
                            overdueAt.add(last);
                        }
                    }
                }
            }
        }
        for (Budget budget : track.budgets()) {
            if (budget.stages().contains(v.stage())) {
                Instant anchor = budget.from() == Anchor.CASE_OPENED ? c.openedAt() : v.enteredAt();
                pastAt = earlier(pastAt, lastMet(anchor, budget.within(), cal));
            }
        }
        return new ReportFacts.Visit(v.stage(), v.heading(), v.enteredAt(), false, 0, null, onTime, late, 0, pastAt,
                overdueAt);
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** The last local moment at which a timescale from {@code anchor} is still met ({@link #met}); null if never passed. */
    private static LocalDateTime lastMet(Instant anchor, TimeSpan within, WorkingCalendar cal) {
        if (within.unit() == TimeUnit.WORKING_DAYS) {
            java.time.LocalDate d = UkTime.date(anchor);
            int count = 0;
            for (int i = 0; i < 3660; i++) {
                d = d.plusDays(1);
                if (cal.isWorkingDay(d) && ++count > within.amount()) {
                    return d.minusDays(1).atTime(java.time.LocalTime.MAX);
                }
            }
            return null;
        }
        return Deadlines.due(anchor, within, cal).lastMoment();
    }

    private record VisitResult(int stage, String heading, int workingDays, Outcome outcome, DeadlinesKept kept) {
    }

    private record Judged(Outcome outcome, DeadlinesKept kept) {
    }

    /** Learning about the procedure from a completed form, cleared of its own case's child details. */
    private record Feedback(String title, int stage, String effectiveness, String suggestions) {
    }

    private record Evaluated(UUID id, Policy policy, Track track, WorkingCalendar calendar, String raising,
                             String receiving, String category, CaseStatus status, ChildStatus childStatus,
                             Instant openedAt, int stage, Integer resolvedStage, Instant resolvedAt,
                             List<VisitResult> visits, int workingDays, Outcome overall, String passedLabel,
                             DueAt passedDue, int overdueDays, String learning, Feedback feedback) {
        boolean is(CaseStatus s) {
            return status == s;
        }

        boolean open() {
            return status == CaseStatus.OPEN;
        }

        Evaluated named(String raisingLabel, String receivingLabel, String categoryLabel) {
            return new Evaluated(id, policy, track, calendar, raisingLabel, receivingLabel, categoryLabel, status,
                    childStatus, openedAt, stage, resolvedStage, resolvedAt, visits, workingDays, overall, passedLabel,
                    passedDue, overdueDays, learning, feedback);
        }

        DeadlinesKept kept() {
            return visits.stream().map(VisitResult::kept).reduce(DeadlinesKept.NONE, DeadlinesKept::plus);
        }

        int highest(int otherwise) {
            return visits.stream().mapToInt(VisitResult::stage).max().orElse(otherwise);
        }
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

    private static Summary summary(List<Evaluated> cases, int resolvedEarlier) {
        int resolved = 0;
        int withdrawn = 0;
        int open = 0;
        int pastDeadline = 0;
        int beyondFirst = 0;
        int startedAbove = 0;
        int within = 0;
        long days = 0;
        for (Evaluated e : cases) {
            switch (e.status()) {
                case RESOLVED -> {
                    resolved++;
                    days += e.workingDays();
                    within += e.overall() == Outcome.MET ? 1 : 0;
                }
                case WITHDRAWN -> withdrawn++;
                case OPEN -> {
                    open++;
                    pastDeadline += e.passedDue() != null ? 1 : 0;
                }
            }
            int highest = e.highest(1);
            beyondFirst += highest > 1 ? 1 : 0;
            startedAbove += e.visits().isEmpty() || e.visits().get(0).stage() <= 1 ? 0 : 1;
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
            rows.add(count(s.label(), cases.stream().filter(e -> e.childStatus() == s).toList()));
        }
        rows.add(count(NOT_STATED, cases.stream().filter(e -> e.childStatus() == null).toList()));
        return rows;
    }

    private static CountRow count(String label, List<Evaluated> cases) {
        return new CountRow(label, cases.size(), (int) cases.stream().filter(e -> e.is(CaseStatus.RESOLVED)).count(),
                (int) cases.stream().filter(e -> e.is(CaseStatus.WITHDRAWN)).count(),
                (int) cases.stream().filter(e -> e.is(CaseStatus.OPEN)).count());
    }

    private static List<StageCount> resolutionStages(List<Evaluated> cases, List<Policy> scope) {
        int max = scope.stream().flatMap(p -> p.tracks().stream()).mapToInt(Track::lastStage).max().orElse(0);
        int[] counts = new int[Math.max(max, cases.stream().mapToInt(Evaluated::stage).max().orElse(0)) + 1];
        for (Evaluated e : cases) {
            if (e.is(CaseStatus.RESOLVED)) {
                counts[e.resolvedStage()]++;
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
        // keyed without making a string per visit: the report walks every visit of every case here
        record Key(String policy, String track, int stage) {
        }
        Map<Key, StageAcc> rows = new LinkedHashMap<>();
        for (Policy p : scope) {
            for (Track t : p.tracks()) {
                for (Stage s : t.stages()) {
                    rows.put(new Key(p.id(), t.id(), s.number()), new StageAcc(p, t, s.number(), s.heading()));
                }
            }
        }
        for (Evaluated e : cases) {
            for (VisitResult v : e.visits()) {
                StageAcc acc = rows.computeIfAbsent(new Key(e.policy().id(), e.track().id(), v.stage()),
                        k -> new StageAcc(e.policy(), e.track(), v.stage(), v.heading()));
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

    private static List<OverdueCase> overdue(List<Evaluated> cases) {
        List<OverdueCase> rows = new ArrayList<>();
        for (Evaluated e : cases) {
            if (e.open() && e.passedDue() != null) {
                rows.add(new OverdueCase(shortId(e.id()), e.policy().shortName(), e.stage(), e.raising(),
                        e.receiving(), e.passedLabel(), e.passedDue(), e.overdueDays()));
            }
        }
        rows.sort(Comparator.comparing(OverdueCase::due).thenComparing(OverdueCase::caseRef));
        return rows;
    }

    private static List<LearningItem> learning(List<Evaluated> cases, Redactor redactor) {
        return cases.stream()
                .filter(e -> e.is(CaseStatus.RESOLVED) && e.learning() != null)
                .sorted(Comparator.comparing(Evaluated::resolvedAt))
                .map(e -> new LearningItem(e.policy().shortName(), e.category(), e.resolvedStage(),
                        UkTime.date(e.resolvedAt()), tidy(redactor.others(e.learning()))))
                .toList();
    }

    private static List<FeedbackItem> feedback(List<Evaluated> cases, Redactor redactor) {
        List<FeedbackItem> rows = new ArrayList<>();
        for (Evaluated e : cases) {
            Feedback f = e.feedback();
            if (f != null) {
                rows.add(new FeedbackItem(e.policy().shortName(), f.title(), f.stage(),
                        tidy(redactor.others(f.effectiveness())), tidy(redactor.others(f.suggestions()))));
            }
        }
        return rows;
    }

    /** The first non-blank value among {@code field.<id>} for the given ids, matched ignoring case. */
    private static String field(Entry e, List<String> ids) {
        return field(e.data(), ids);
    }

    private static String field(Map<String, String> data, List<String> ids) {
        for (String id : ids) {
            for (Map.Entry<String, String> f : data.entrySet()) {
                if (f.getKey().equalsIgnoreCase("field." + id) && f.getValue() != null && !f.getValue().isBlank()) {
                    return f.getValue();
                }
            }
        }
        return null;
    }

    private CaseRow caseRow(Evaluated e) {
        String timescales = switch (e.overall()) {
            case MET -> "met";
            case NOT_MET -> "not met";
            case NO_TIMESCALE -> "no timescale";
            case IN_PROGRESS -> "in progress";
            case IN_PROGRESS_PAST -> "past a timescale";
        };
        return new CaseRow(shortId(e.id()), e.policy().shortName(), UkTime.date(e.openedAt()), e.raising(),
                e.receiving(), e.category(), e.childStatus() == null ? NOT_STATED : e.childStatus().label(),
                e.status().code(), e.highest(e.stage()), e.status() == CaseStatus.RESOLVED ? e.resolvedStage() : null,
                e.workingDays(), timescales);
    }

    static String shortId(UUID id) {
        return id.toString().substring(0, 8);
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
