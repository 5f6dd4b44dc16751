/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.resolve.domain.policy.Budget;
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

    public CaseProjector(WorkingCalendar calendar) {
        this.calendar = calendar;
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
        private final List<Entry> entries;
        private final Map<UUID, List<Entry>> corrections = new HashMap<>();
        private final Map<UUID, List<Entry>> approvals = new HashMap<>();
        private final List<StageVisit> visits = new ArrayList<>();
        private final Map<String, List<Entry>> shortenings = new HashMap<>();
        private final Map<String, Instant> notificationsSent = new HashMap<>();
        private final Map<String, Entry> formsCompleted = new LinkedHashMap<>();
        private final List<ChronologyItem> chronology = new ArrayList<>();

        private Track track;
        private CaseDetails details;
        private Instant openedAt;
        private int stage;
        private Instant stageEnteredAt;
        private String stageReason;
        private boolean visitOpen;
        private Instant lastDiscussion;
        private Instant lastMeeting;
        private CaseStatus status = CaseStatus.OPEN;
        private Resolution resolution;

        Fold(Policy policy, List<Entry> entries) {
            this.policy = policy;
            this.entries = entries;
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
            return new CaseState(opening.caseId(), policy.id(), opening.get(POLICY_VERSION, policy.version()),
                    track.id(), stage, heading(stage), track.lastStage(), status, details, openedAt,
                    stageEnteredAt, visits, status == CaseStatus.OPEN ? deadlines(localNow) : List.of(),
                    notifications(), forms(), resolution, opening.writtenAt(), chronology, entries);
        }

        private void apply(Entry e) {
            switch (e.type()) {
                case CASE_OPENED -> open(e);
                case DISCUSSION_RECORDED -> {
                    lastDiscussion = e.happenedAt();
                    if ("meeting".equals(e.get(METHOD))) {
                        lastMeeting = e.happenedAt();
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
                case NOTIFICATION_SENT -> notificationsSent.putIfAbsent(
                        e.get(NOTIFICATION) + "@" + e.intValue(STAGE, 0), e.happenedAt());
                case FORM_COMPLETED -> formsCompleted.put(e.get(FORM) + "@" + e.intValue(STAGE, 0), e);
                case RESOLVED -> close(CaseStatus.RESOLVED, e, corrected(e, OUTCOME));
                case WITHDRAWN -> close(CaseStatus.WITHDRAWN, e, corrected(e, REASON));
                case REOPENED -> {
                    if (status != CaseStatus.OPEN) {
                        status = CaseStatus.OPEN;
                        resolution = null;
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
                chronology.add(new ChronologyItem(e, stage, corrections.getOrDefault(e.id(), List.of()),
                        approvals.getOrDefault(e.id(), List.of())));
            }
        }

        private void open(Entry e) {
            policyTrack(e.get(TRACK));
            details = new CaseDetails(e.get(CHILD_REF), e.get(CHILD_NAME),
                    ChildStatus.fromCode(e.get(CHILD_STATUS, "")).orElse(null), e.get(RAISED_BY),
                    e.get(RAISED_AGENCY), e.get(OTHER_AGENCY), e.get(OTHER_PROFESSIONAL), e.get(CATEGORY),
                    corrected(e, CONCERN), e.get(EVIDENCE), e.get(OUTCOME_WANTED), e.flag(IMMEDIATE_RISK),
                    e.get(REASON), e.flag(SAMPLE));
            openedAt = e.happenedAt();
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
            lastDiscussion = null;
            lastMeeting = null;
        }

        /** Ends the visit to the current stage at {@code leftAt} (null: still there, or closed). */
        private void closeVisit(Instant leftAt) {
            if (!visitOpen) {
                return;
            }
            Instant end = leftAt != null ? leftAt : (resolution == null ? null : resolution.at());
            visits.add(new StageVisit(stage, heading(stage), stageEnteredAt, end, stageReason));
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

        private List<DeadlineStatus> deadlines(LocalDateTime now) {
            List<DeadlineStatus> result = new ArrayList<>();
            Stage current = track.stage(stage).orElseThrow();
            for (DeadlineRule rule : current.deadlines()) {
                Instant anchor = switch (rule.from()) {
                    case CASE_OPENED -> openedAt;
                    case STAGE_ENTERED -> stageEnteredAt;
                    case LAST_DISCUSSION -> lastDiscussion;
                    case MEETING -> lastMeeting;
                };
                if (anchor != null) {
                    result.add(status(stage, rule.id(), rule.label(), anchor, rule.within(), false, now));
                }
            }
            for (Budget budget : track.budgets()) {
                if (budget.stages().contains(stage)) {
                    Instant anchor = budget.from() == uk.resolve.domain.policy.Anchor.CASE_OPENED ? openedAt : stageEnteredAt;
                    result.add(status(stage, budget.id(), budget.label(), anchor, budget.within(), true, now));
                }
            }
            return result;
        }

        private DeadlineStatus status(int stageNo, String id, String label, Instant anchor, TimeSpan within,
                                      boolean budget, LocalDateTime now) {
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
            return new DeadlineStatus(stageNo, id, label, due, procedureDue, reason, due.isPast(now), budget);
        }

        private List<NotificationStatus> notifications() {
            List<NotificationStatus> result = new ArrayList<>();
            for (NotificationRule rule : policy.notifications()) {
                if (rule.on() == Trigger.CASE_OPENED) {
                    addNotification(result, rule, 0, openedAt);
                }
            }
            for (StageVisit visit : visits) {
                for (NotificationRule rule : track.stage(visit.stage()).orElseThrow().notifications()) {
                    if (rule.on() == Trigger.STAGE_ENTERED) {
                        addNotification(result, rule, visit.stage(), visit.enteredAt());
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
            if (!rule.when().holds(details.childStatus(), details.immediateRisk())) {
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
            for (StageVisit visit : visits) {
                for (FormRule rule : track.stage(visit.stage()).orElseThrow().forms()) {
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
            if (result.stream().anyMatch(f -> f.form().equals(rule.form()) && f.stage() == stageNo)) {
                return;
            }
            String title = policy.form(rule.form()).map(FormDefinition::title).orElse(rule.form());
            Entry done = formsCompleted.get(rule.form() + "@" + stageNo);
            result.add(new FormStatus(rule.form(), title, stageNo, rule.action(),
                    done == null ? null : done.happenedAt(), done == null ? null : done.id().toString()));
        }
    }

    static String shorteningKey(int stage, String deadlineId) {
        return stage + "/" + deadlineId;
    }

    /** Reads a stored deadline: {@code 2026-12-21} (end of that day) or {@code 2026-12-21T10:30}. */
    public static DueAt parseDue(String iso) {
        return iso.length() <= 10 ? DueAt.endOf(LocalDate.parse(iso)) : DueAt.at(LocalDateTime.parse(iso));
    }
}
