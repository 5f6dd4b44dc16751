/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.resolve.domain.policy.Anchor;
import uk.resolve.domain.policy.Budget;
import uk.resolve.domain.policy.ChecklistItem;
import uk.resolve.domain.policy.Situation;
import uk.resolve.domain.policy.TrackSwitch;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.FormRule;
import uk.resolve.domain.policy.NotificationRule;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.policy.Trigger;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.Deadlines;
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.TimeSpan;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;

import static uk.resolve.domain.escalation.EntryText.*;

/**
 * Derives a case's state from its entries, its procedure and the working calendar. Pure and
 * deterministic: entries are taken in the order of when they happened, then when they were written,
 * then by id, so every copy of the same entries gives the same state.
 */
public final class CaseProjector {

    /** The order in which entries are applied. */
    public static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.type() != EntryType.CASE_OPENED)
            .thenComparing(Entry::happenedAt)
            .thenComparing(Entry::writtenAt)
            .thenComparing(Entry::device)
            .thenComparingLong(Entry::deviceSeq)
            .thenComparing(e -> e.id().toString());

    private final WorkingCalendar calendar;
    private final java.util.function.UnaryOperator<String> names;

    public CaseProjector(WorkingCalendar calendar) {
        this(calendar, n -> n);
    }

    /**
     * @param names a person's display name from their sign-in name, for the entries' views; the
     *              sign-in name itself when unknown
     */
    public CaseProjector(WorkingCalendar calendar, java.util.function.UnaryOperator<String> names) {
        this.calendar = calendar;
        this.names = names;
    }

    public CaseState project(List<Entry> unordered, Policy policy, Instant now) {
        List<Entry> entries = new ArrayList<>(unordered);
        entries.sort(ORDER);
        if (entries.isEmpty() || entries.get(0).type() != EntryType.CASE_OPENED) {
            throw new IllegalArgumentException("a case record starts with the entry that opened it");
        }
        return new Fold(policy, entries).run(now);
    }

    private final class Fold {
        private final Policy policy;
        private final WorkingCalendar calendar;
        private final List<Entry> entries;
        private final Map<UUID, List<Entry>> corrections = new HashMap<>();
        private final Map<UUID, List<Entry>> approvals = new HashMap<>();
        private final List<StageVisit> visits = new ArrayList<>();
        private final List<Track> visitTracks = new ArrayList<>();
        private final Map<String, List<Entry>> shortenings = new HashMap<>();
        private final Map<String, Instant> notificationsSent = new HashMap<>();
        private final Map<String, Entry> formsCompleted = new LinkedHashMap<>();
        private final List<ChronologyItem> chronology = new ArrayList<>();
        private final EntryWording wording;
        private final Map<String, Instant> dates = new HashMap<>();
        private final Map<String, String> facts = new HashMap<>();
        private final Map<String, Instant> met = new HashMap<>();
        private final Map<String, Instant> metById = new HashMap<>();
        private final List<String> route = new ArrayList<>();
        private final Set<String> ticked = new HashSet<>();
        private final List<Instant> discussions = new ArrayList<>();
        private final List<Instant> meetings = new ArrayList<>();

        private Track track;
        private CaseDetails details;
        private Instant openedAt;
        private Instant arose;
        private int stage;
        private Instant stageEnteredAt;
        private String stageReason;
        private boolean visitOpen;
        private CaseStatus status = CaseStatus.OPEN;
        private Resolution resolution;
        private String outcomeId;
        private Instant riskActionAt;

        Fold(Policy policy, List<Entry> entries) {
            this.policy = policy;
            this.calendar = CaseProjector.this.calendar.forCalendar(policy.calendar());
            this.entries = entries;
            this.wording = new EntryWording(policy, names);
        }

        CaseState run(Instant now) {
            for (Entry e : entries) {
                if (e.type() == EntryType.CORRECTION) {
                    corrections.computeIfAbsent(UUID.fromString(e.get(ENTRY)), k -> new ArrayList<>()).add(e);
                } else if (e.type() == EntryType.RECORD_APPROVED || e.type() == EntryType.FORM_SIGNED) {
                    approvals.computeIfAbsent(UUID.fromString(e.get(ENTRY)), k -> new ArrayList<>()).add(e);
                }
            }
            for (Entry e : entries) {
                apply(e);
            }
            closeVisit(null);
            LocalDateTime localNow = UkTime.local(now);
            Entry opening = entries.get(0);
            List<MeetingStep> meetingSteps = status == CaseStatus.OPEN ? meetingSteps() : List.of();
            CaseContext context = new CaseContext(arose, dates, facts, route, ticked,
                    status == CaseStatus.OPEN ? gates(meetingSteps) : List.of(),
                    status == CaseStatus.OPEN ? switches() : List.of(), riskActionAt, meetingSteps);
            return new CaseState(opening.caseId(), policy.id(), opening.get(POLICY_VERSION, policy.version()),
                    track.id(), stage, heading(stage), track.lastStage(), status, details, openedAt,
                    stageEnteredAt, visits, status == CaseStatus.OPEN ? deadlines(localNow) : List.of(),
                    notifications(), forms(), resolution, opening.writtenAt(), chronology, entries, context);
        }

        private void apply(Entry e) {
            switch (e.type()) {
                case CASE_OPENED -> open(e);
                case DISCUSSION_RECORDED -> {
                    discussions.add(e.happenedAt());
                    if ("meeting".equals(e.get(METHOD))) {
                        meetings.add(e.happenedAt());
                    }
                }
                case ESCALATED -> {
                    if (status == CaseStatus.OPEN) {
                        enterStage(e.intValue(TO_STAGE, stage + 1), e.happenedAt(), corrected(e, REASON));
                    }
                }
                case DEADLINE_SHORTENED -> shortenings
                        .computeIfAbsent(shorteningKey(e.intValue(STAGE, 0), e.get(DEADLINE)), k -> new ArrayList<>())
                        .add(e);
                case DEADLINE_MET -> {
                    String key = metKey(e.get(TRACK, track.id()), e.intValue(STAGE, 0), e.get(DEADLINE));
                    met.putIfAbsent(key, e.happenedAt());
                    metById.merge(e.get(DEADLINE), e.happenedAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
                case DATE_RECORDED -> dates.put(e.get(ID), Instant.parse(e.get(VALUE)));
                case FACT_ANSWERED -> facts.put(e.get(ID), e.get(VALUE));
                case TRACK_SWITCHED -> {
                    if (status == CaseStatus.OPEN) {
                        Track to = policy.track(e.get(TRACK)).orElse(null);
                        if (to != null) {
                            closeVisit(e.happenedAt());
                            track = to;
                            route.add(to.id());
                            enterStage(e.intValue(TO_STAGE, 1), e.happenedAt(), corrected(e, REASON));
                        }
                    }
                }
                case CHECKLIST_TICKED -> ticked.add(tickKey(e.get(TRACK, track.id()), e.intValue(STAGE, 0), e.get(ITEM),
                        e.get(MEETING)));
                case RISK_ACTION -> {
                    if (riskActionAt == null) {
                        riskActionAt = e.happenedAt();
                    }
                }
                case NOTIFICATION_SENT -> notificationsSent.putIfAbsent(
                        e.get(NOTIFICATION) + "@" + e.intValue(STAGE, 0), e.happenedAt());
                case FORM_COMPLETED -> formsCompleted.put(e.get(FORM) + "@" + e.intValue(STAGE, 0), e);
                case RESOLVED -> {
                    close(CaseStatus.RESOLVED, e, corrected(e, OUTCOME));
                    outcomeId = e.get("outcomeId");
                }
                case WITHDRAWN -> close(CaseStatus.WITHDRAWN, e, corrected(e, REASON));
                case REOPENED -> {
                    if (status != CaseStatus.OPEN) {
                        status = CaseStatus.OPEN;
                        resolution = null;
                        outcomeId = null;
                        enterStage(stage, e.happenedAt(), corrected(e, REASON));
                    }
                }
                case RECORD_APPROVED, CORRECTION, FORM_SIGNED -> {
                    // attached to the entries they concern, below
                }
                case CASE_SHARED -> {
                    // who may see the case: read by the services, not part of its state
                }
                case ATTACHMENT_ADDED -> {
                    // a document on the record: listed in the chronology, changes no deadline
                }
            }
            if (e.type() != EntryType.CORRECTION && e.type() != EntryType.RECORD_APPROVED
                    && e.type() != EntryType.FORM_SIGNED) {
                List<Entry> corr = corrections.getOrDefault(e.id(), List.of());
                List<Entry> appr = approvals.getOrDefault(e.id(), List.of());
                chronology.add(new ChronologyItem(e, stage, corr, appr, wording.view(e, stage, corr, appr)));
            }
        }

        private void open(Entry e) {
            policyTrack(e.get(TRACK));
            route.add(track.id());
            details = new CaseDetails(e.get(CHILD_REF), e.get(CHILD_NAME),
                    ChildStatus.fromCode(e.get(CHILD_STATUS, "")).orElse(null), e.get(RAISED_BY),
                    e.get(RAISED_AGENCY), e.get(OTHER_AGENCY), e.get(OTHER_PROFESSIONAL), e.get(CATEGORY),
                    corrected(e, CONCERN), e.get(EVIDENCE), e.get(OUTCOME_WANTED), e.flag(IMMEDIATE_RISK),
                    e.get(REASON), e.flag(SAMPLE));
            openedAt = e.happenedAt();
            arose = e.get(AROSE) == null ? openedAt : Instant.parse(e.get(AROSE));
            e.data().forEach((k, v) -> {
                if (k.startsWith(DATE_PREFIX) && v != null) {
                    dates.put(k.substring(DATE_PREFIX.length()), Instant.parse(v));
                } else if (k.startsWith(FACT_PREFIX) && v != null) {
                    facts.put(k.substring(FACT_PREFIX.length()), v);
                }
            });
            stage = 0;
            enterStage(e.intValue(START_STAGE, 1), e.happenedAt(), e.get(REASON));
        }

        private void policyTrack(String trackId) {
            track = trackId == null ? policy.defaultTrack() : policy.track(trackId).orElse(policy.defaultTrack());
        }

        private void enterStage(int number, Instant at, String reason) {
            int bounded = Math.max(1, Math.min(number, track.lastStage()));
            closeVisit(at);
            stage = bounded;
            visitOpen = true;
            stageEnteredAt = at;
            stageReason = reason;
            discussions.clear();
            meetings.clear();
        }

        /** Ends the visit to the current stage at {@code leftAt} (null: still there, or closed). */
        private void closeVisit(Instant leftAt) {
            if (!visitOpen) {
                return;
            }
            Instant end = leftAt != null ? leftAt : (resolution == null ? null : resolution.at());
            visits.add(new StageVisit(stage, heading(stage), stageEnteredAt, end, stageReason, track.id()));
            visitTracks.add(track);
            visitOpen = false;
        }

        private void close(CaseStatus newStatus, Entry e, String text) {
            if (status != CaseStatus.OPEN) {
                return;
            }
            status = newStatus;
            resolution = new Resolution(stage, e.happenedAt(), text, e.get(OUTSTANDING), e.get(LEARNING));
            closeVisit(e.happenedAt());
            visitOpen = false;
        }

        private String corrected(Entry e, String field) {
            List<Entry> list = corrections.get(e.id());
            return list == null || list.isEmpty() ? e.get(field) : list.get(list.size() - 1).get(TEXT);
        }

        private String heading(int number) {
            return track.stage(number).map(Stage::heading).orElse("Stage " + number);
        }

        private Situation situation() {
            return new Situation(details.childStatus(), details.immediateRisk(), facts, track.id(), outcomeId);
        }

        private List<ChecklistItem> gates(List<MeetingStep> meetingSteps) {
            Stage current = track.stage(stage).orElseThrow();
            Situation now = situation();
            // a step asked for at every meeting holds escalation back while any meeting still waits for it
            return current.items().stream()
                    .filter(i -> i.beforeEscalating() && i.when().holds(now) && (i.onMeeting()
                            ? meetingSteps.stream().anyMatch(m -> m.itemId().equals(i.id()) && !m.ticked())
                            : !ticked.contains(tickKey(track.id(), stage, i.id(), null))))
                    .toList();
        }

        /** Each meeting recorded at the current stage, with each step the procedure asks for at every meeting. */
        private List<MeetingStep> meetingSteps() {
            Stage current = track.stage(stage).orElseThrow();
            Situation now = situation();
            List<ChecklistItem> items = current.items().stream()
                    .filter(i -> i.onMeeting() && i.id() != null && i.when().holds(now)).toList();
            if (items.isEmpty()) {
                return List.of();
            }
            boolean onlyVisit = visits.size() <= 1;
            List<MeetingStep> out = new ArrayList<>();
            for (Entry e : entries) {
                if (e.type() == EntryType.DISCUSSION_RECORDED && "meeting".equals(e.get(METHOD))
                        && e.intValue(STAGE, 0) == stage
                        && (onlyVisit || !e.happenedAt().isBefore(stageEnteredAt))) {
                    for (ChecklistItem i : items) {
                        out.add(new MeetingStep(i.id(), i.text(), e.id(), e.happenedAt(),
                                ticked.contains(tickKey(track.id(), stage, i.id(), e.id().toString()))));
                    }
                }
            }
            return out;
        }

        private List<TrackSwitch> switches() {
            Situation now = situation();
            return track.stage(stage).orElseThrow().switches().stream().filter(w -> w.when().holds(now)).toList();
        }

        /** The latest of {@code moments} at or before {@code until} (all of them when null). */
        private Instant latest(List<Instant> moments, Instant until) {
            Instant best = null;
            for (Instant m : moments) {
                if ((until == null || !m.isAfter(until)) && (best == null || m.isAfter(best))) {
                    best = m;
                }
            }
            return best;
        }

        private Instant anchor(Anchor from, String fromId, Instant metAt) {
            return switch (from) {
                case CASE_OPENED -> openedAt;
                case STAGE_ENTERED -> stageEnteredAt;
                case FIRST_DISCUSSION -> discussions.isEmpty() ? null : discussions.get(0);
                // a deadline met stays as it was when met: later discussions do not move it
                case LAST_DISCUSSION -> latest(discussions, metAt);
                case MEETING -> latest(meetings, metAt);
                case DATE -> dates.get(fromId);
                case DEADLINE -> metById.get(fromId);
            };
        }

        private List<DeadlineStatus> deadlines(LocalDateTime now) {
            List<DeadlineStatus> result = new ArrayList<>();
            Stage current = track.stage(stage).orElseThrow();
            Situation situation = situation();
            for (DeadlineRule rule : current.deadlines()) {
                if (!rule.when().holds(situation)) {
                    continue;
                }
                Instant metAt = met.get(metKey(track.id(), stage, rule.id()));
                Instant anchor = anchor(rule.from(), rule.fromId(), metAt);
                if (anchor != null) {
                    result.add(status(stage, rule.id(), rule.label(), anchor, rule.within(), false, now, metAt)
                            .withSooner(rule.sooner()));
                }
            }
            for (Budget budget : track.budgets()) {
                if (budget.stages().contains(stage)) {
                    Instant metAt = met.get(metKey(track.id(), 0, budget.id()));
                    Instant anchor = budget.from() == Anchor.CASE_OPENED ? openedAt : stageEnteredAt;
                    result.add(status(stage, budget.id(), budget.label(), anchor, budget.within(), true, now, metAt));
                }
            }
            return result;
        }

        private DeadlineStatus status(int stageNo, String id, String label, Instant anchor, TimeSpan within,
                                      boolean budget, LocalDateTime now, Instant metAt) {
            DueAt procedureDue = Deadlines.due(anchor, within, calendar);
            DueAt due = procedureDue;
            String reason = null;
            Instant since = budget ? openedAt : stageEnteredAt;
            for (Entry shortened : shortenings.getOrDefault(shorteningKey(budget ? 0 : stageNo, id), List.of())) {
                DueAt proposed = parseDue(shortened.get(DUE));
                // "whichever is less": a shorter deadline wins, a longer one never does
                if (!shortened.happenedAt().isBefore(since) && proposed.compareTo(due) < 0) {
                    due = proposed;
                    reason = corrected(shortened, REASON);
                }
            }
            boolean overdue = metAt == null && due.isPast(now);
            return new DeadlineStatus(stageNo, id, label, due, procedureDue, reason, overdue, budget, metAt);
        }

        private List<NotificationStatus> notifications() {
            List<NotificationStatus> result = new ArrayList<>();
            for (NotificationRule rule : policy.notifications()) {
                if (rule.on() == Trigger.CASE_OPENED) {
                    addNotification(result, rule, 0, openedAt);
                }
            }
            for (int i = 0; i < visits.size(); i++) {
                StageVisit visit = visits.get(i);
                Stage st = visitTracks.get(i).stage(visit.stage()).orElseThrow();
                for (NotificationRule rule : st.notifications()) {
                    if (rule.on() == Trigger.STAGE_ENTERED) {
                        addNotification(result, rule, visit.stage(), visit.enteredAt());
                    } else if (rule.on() == Trigger.MEETING_RECORDED) {
                        Instant end = visit.leftAt();
                        for (Entry e : entries) {
                            if (e.type() == EntryType.DISCUSSION_RECORDED && "meeting".equals(e.get(METHOD))
                                    && e.intValue(STAGE, 0) == visit.stage()
                                    && (i == 0 || !e.happenedAt().isBefore(visit.enteredAt()))
                                    && (end == null || !e.happenedAt().isAfter(end))) {
                                addNotification(result, rule, visit.stage(), e.happenedAt());
                            }
                        }
                    }
                }
            }
            if (status == CaseStatus.RESOLVED) {
                for (NotificationRule rule : track.stage(resolution.stage()).orElseThrow().notifications()) {
                    if (rule.on() == Trigger.RESOLVED) {
                        addNotification(result, rule, resolution.stage(), resolution.at());
                    }
                }
            }
            return result;
        }

        private void addNotification(List<NotificationStatus> result, NotificationRule rule, int stageNo, Instant at) {
            if (!rule.when().holds(situation())) {
                return;
            }
            boolean already = result.stream().anyMatch(n -> n.id().equals(rule.id()) && n.stage() == stageNo);
            if (!already) {
                result.add(new NotificationStatus(rule.id(), stageNo, rule.to(), rule.contact(), rule.purpose(),
                        Deadlines.due(at, rule.within(), calendar), notificationsSent.get(rule.id() + "@" + stageNo)));
            }
        }

        private List<FormStatus> forms() {
            List<FormStatus> result = new ArrayList<>();
            for (int i = 0; i < visits.size(); i++) {
                StageVisit visit = visits.get(i);
                for (FormRule rule : visitTracks.get(i).stage(visit.stage()).orElseThrow().forms()) {
                    if (rule.on() == Trigger.STAGE_ENTERED) {
                        addForm(result, rule, visit.stage());
                    }
                }
            }
            if (status == CaseStatus.RESOLVED) {
                for (FormRule rule : track.stage(resolution.stage()).orElseThrow().forms()) {
                    if (rule.on() == Trigger.RESOLVED) {
                        addForm(result, rule, resolution.stage());
                    }
                }
            }
            return result;
        }

        private void addForm(List<FormStatus> result, FormRule rule, int stageNo) {
            if (!rule.when().holds(situation())
                    || result.stream().anyMatch(f -> f.form().equals(rule.form()) && f.stage() == stageNo)) {
                return;
            }
            String title = policy.form(rule.form()).map(FormDefinition::title).orElse(rule.form());
            Entry done = formsCompleted.get(rule.form() + "@" + stageNo);
            result.add(new FormStatus(rule.form(), title, stageNo, rule.action(),
                    done == null ? null : done.happenedAt(), done == null ? null : done.id().toString()));
        }
    }

    /**
     * How a tick is kept in {@link CaseContext#ticked()}: {@code track/stage/item}, and for a step asked for at
     * every meeting {@code track/stage/item@meeting-entry-id}.
     */
    static String tickKey(String trackId, int stage, String itemId, String meetingId) {
        return trackId + "/" + stage + "/" + itemId + (meetingId == null ? "" : "@" + meetingId);
    }

    /** The key under which a met deadline is kept: budgets (stage 0) span the track's stages. */
    static String metKey(String trackId, int stage, String deadlineId) {
        return trackId + "/" + stage + "/" + deadlineId;
    }

    static String shorteningKey(int stage, String deadlineId) {
        return stage + "/" + deadlineId;
    }

    /** Reads a stored deadline: {@code 2026-12-21} (end of that day) or {@code 2026-12-21T10:30}. */
    public static DueAt parseDue(String iso) {
        return iso.length() <= 10 ? DueAt.endOf(LocalDate.parse(iso)) : DueAt.at(LocalDateTime.parse(iso));
    }
}
