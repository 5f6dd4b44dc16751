/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import uk.resolve.domain.policy.Category;
import uk.resolve.domain.policy.ChecklistItem;
import uk.resolve.domain.policy.DateQuestion;
import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.FactQuestion;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.policy.TrackSwitch;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.UkTime;

import static uk.resolve.domain.escalation.EntryText.*;

/**
 * The actions a worker can take on a case, checked against the procedure and the case's state.
 * Each returns the entries to append, or throws {@link RuleViolation} with a message that says
 * what is wrong and what to do. Nothing is written here.
 */
public final class CaseCommands {

    /** How far ahead of this device's clock an event may be dated, for clocks a little apart. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final String author;
    private final Instant now;

    /**
     * @param author who is acting
     * @param now    the time on this device
     */
    public CaseCommands(String author, Instant now) {
        if (author == null || author.isBlank()) {
            throw new RuleViolation("Say who is recording this: an author's name is required.");
        }
        this.author = author.strip();
        this.now = now;
    }

    public NewEntry open(Policy policy, OpenCaseRequest r) {
        Track track = r.trackId() == null || r.trackId().isBlank() ? policy.defaultTrack()
                : policy.track(r.trackId()).orElseThrow(() -> new RuleViolation("The procedure '" + policy.id()
                        + "' has no track '" + r.trackId() + "'. Its tracks are: "
                        + String.join(", ", policy.tracks().stream().map(Track::id).toList()) + "."));
        required(r.childRef(), "the child's reference (your agency's own reference for the child)");
        required(r.raisedBy(), "who is raising the concern");
        required(r.raisedAgency(), "the agency raising the concern");
        required(r.otherAgency(), "the other agency, whose decision you disagree with");
        required(r.concern(), "the concern");
        required(r.category(), "the category of disagreement");
        if (!policy.scope().covers(r.childStatus())) {
            throw new RuleViolation("The " + policy.shortName() + " procedure does not cover "
                    + r.childStatus().label().toLowerCase(java.util.Locale.UK)
                    + " cases. Choose a procedure that does, or check the status.");
        }
        String category = category(policy, r.category());
        int start = r.startStage() <= 0 ? 1 : r.startStage();
        if (start > track.lastStage()) {
            throw new RuleViolation("The " + policy.shortName() + " procedure has " + track.lastStage()
                    + " stages; a case cannot start at stage " + start + ".");
        }
        if (start > 1) {
            if (!r.immediateRisk()) {
                throw new RuleViolation("A case starts at stage 1 unless the child is at immediate risk of harm."
                        + " Say so (immediate risk) and give the reason to start at stage " + start + ".");
            }
            if (!policy.immediateRisk().startStages().contains(start)) {
                throw new RuleViolation(policy.shortName() + "'s procedure does not allow a case to start at stage "
                        + start + allowedStarts(policy) + " " + policy.immediateRisk().instruction());
            }
            required(r.startReason(), "the reason for starting at stage " + start);
        }
        Instant at = when(r.happenedAt());
        Instant arose = r.arose() == null ? at : when(r.arose());
        if (arose.isAfter(at)) {
            throw new RuleViolation("The disagreement cannot have arisen (" + UkTime.format(arose)
                    + ") after the case was opened (" + UkTime.format(at) + "). Check the date and time.");
        }
        for (var d : r.dates().entrySet()) {
            DateQuestion q = policy.date(d.getKey()).orElseThrow(() -> unknownDate(policy, d.getKey()));
            when(d.getValue());
            if (!q.atOpening()) {
                // dates asked at any time may also be given at opening
                continue;
            }
        }
        for (DateQuestion q : policy.dates()) {
            if (q.required() && !r.dates().containsKey(q.id())) {
                throw new RuleViolation("Give the date '" + q.id() + "' (" + q.label() + "): the "
                        + policy.shortName() + " procedure requires it when a case is opened.");
            }
        }
        for (var f : r.facts().entrySet()) {
            checkAnswer(policy, f.getKey(), f.getValue());
        }
        for (FactQuestion q : policy.facts()) {
            if (q.required() && !r.facts().containsKey(q.id())) {
                throw new RuleViolation("Answer '" + q.id() + "' (" + q.label() + "): the " + policy.shortName()
                        + " procedure asks it when a case is opened. Answers: " + String.join(", ", q.choices()) + ".");
            }
        }
        UUID caseId = UUID.randomUUID();
        Map<String, String> data = new LinkedHashMap<>();
        data.put(POLICY, policy.id());
        data.put(POLICY_VERSION, policy.version());
        data.put(TRACK, track.id());
        data.put(START_STAGE, Integer.toString(start));
        data.put(CHILD_REF, r.childRef().strip());
        data.put(CHILD_NAME, blankToNull(r.childName()));
        data.put(CHILD_STATUS, r.childStatus() == null ? null : r.childStatus().code());
        data.put(RAISED_BY, r.raisedBy().strip());
        data.put(RAISED_AGENCY, r.raisedAgency().strip());
        data.put(OTHER_AGENCY, r.otherAgency().strip());
        data.put(OTHER_PROFESSIONAL, blankToNull(r.otherProfessional()));
        data.put(CATEGORY, category);
        data.put(CONCERN, r.concern().strip());
        data.put(EVIDENCE, blankToNull(r.evidence()));
        data.put(OUTCOME_WANTED, blankToNull(r.outcomeWanted()));
        data.put(IMMEDIATE_RISK, Boolean.toString(r.immediateRisk()));
        data.put(REASON, blankToNull(r.startReason()));
        if (r.sample()) {
            data.put(SAMPLE, "true");
        }
        if (r.arose() != null) {
            data.put(AROSE, arose.toString());
        }
        r.dates().forEach((k, v) -> data.put(DATE_PREFIX + k, v.toString()));
        r.facts().forEach((k, v) -> data.put(FACT_PREFIX + k, normalise(v)));
        return entry(caseId, EntryType.CASE_OPENED, at, data);
    }

    /** Records a discussion; one that resolved the disagreement also resolves the case with its summary. */
    public List<NewEntry> discuss(CaseState c, DiscussionRequest r) {
        mustBeOpen(c, "record a discussion on");
        required(r.with(), "who took part in the discussion");
        required(r.summary(), "what was said");
        Instant at = notBefore(when(r.happenedAt()), c.context().arose(), "the disagreement arose");
        String method = r.method() == null || r.method().isBlank() ? "other" : r.method().strip().toLowerCase(java.util.Locale.UK);
        Map<String, String> data = new LinkedHashMap<>();
        data.put(STAGE, Integer.toString(c.stage()));
        data.put(WITH, r.with().strip());
        data.put(METHOD, method);
        data.put(SUMMARY, r.summary().strip());
        data.put(ACTIONS, blankToNull(r.actions()));
        data.put(RESOLVED, Boolean.toString(r.resolved()));
        List<NewEntry> out = new ArrayList<>();
        out.add(entry(c.id(), EntryType.DISCUSSION_RECORDED, at, data));
        if (r.resolved()) {
            out.add(resolveEntry(c, new ResolveRequest(r.summary(), r.actions(), null, at), at));
        }
        return out;
    }

    public NewEntry escalate(CaseState c, Policy policy, String reason, String evidence, Instant happenedAt) {
        mustBeOpen(c, "escalate");
        Track track = policy.track(c.trackId()).orElse(policy.defaultTrack());
        if (c.stage() >= track.lastStage()) {
            Stage last = track.stage(track.lastStage()).orElseThrow();
            throw new RuleViolation("This case is already at the last stage of the " + policy.shortName()
                    + " procedure (" + last.heading() + "); it cannot be escalated further. Record the decision of "
                    + policy.finalArbiter().title() + " and resolve the case.");
        }
        required(reason, "the reason for escalating");
        if (!c.context().gates().isEmpty()) {
            ChecklistItem gate = c.context().gates().get(0);
            throw new RuleViolation("Before escalating, the procedure requires this step at " + c.stageHeading()
                    + ": \"" + gate.text() + "\". Tick it (" + gate.id() + ") once it is done.");
        }
        Instant at = notBefore(when(happenedAt), earliest(c), "the case reached its current stage");
        Map<String, String> data = new LinkedHashMap<>();
        data.put(STAGE, Integer.toString(c.stage()));
        data.put(TO_STAGE, Integer.toString(c.stage() + 1));
        data.put(REASON, reason.strip());
        data.put(EVIDENCE, blankToNull(evidence));
        return entry(c.id(), EntryType.ESCALATED, at, data);
    }

    /** Resolves the case with one of the procedure's named outcomes, when it names any. */
    public NewEntry resolve(CaseState c, Policy policy, ResolveRequest r) {
        if (r.outcomeId() != null && policy.outcomes().stream().noneMatch(o -> o.id().equals(r.outcomeId()))) {
            throw new RuleViolation("'" + r.outcomeId() + "' is not one of the " + policy.shortName()
                    + " procedure's outcomes" + (policy.outcomes().isEmpty() ? "; it names none."
                    : ": " + String.join(", ", policy.outcomes().stream().map(Category::id).toList()) + "."));
        }
        return resolve(c, r);
    }

    public NewEntry resolve(CaseState c, ResolveRequest r) {
        mustBeOpen(c, "resolve");
        required(r.outcome(), "the agreed outcome");
        Instant at = notBefore(when(r.happenedAt()), earliest(c), "the case reached its current stage");
        return resolveEntry(c, r, at);
    }

    private NewEntry resolveEntry(CaseState c, ResolveRequest r, Instant at) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(STAGE, Integer.toString(c.stage()));
        data.put(OUTCOME, r.outcome().strip());
        data.put(OUTSTANDING, blankToNull(r.outstanding()));
        data.put(LEARNING, blankToNull(r.learning()));
        if (r.outcomeId() != null) {
            data.put("outcomeId", r.outcomeId());
        }
        return entry(c.id(), EntryType.RESOLVED, at, data);
    }

    public NewEntry withdraw(CaseState c, String reason, Instant happenedAt) {
        mustBeOpen(c, "withdraw");
        required(reason, "the reason for withdrawing");
        Instant at = notBefore(when(happenedAt), earliest(c), "the case reached its current stage");
        return entry(c.id(), EntryType.WITHDRAWN, at, Map.of(STAGE, Integer.toString(c.stage()), REASON, reason.strip()));
    }

    public NewEntry reopen(CaseState c, String reason, Instant happenedAt) {
        if (c.open()) {
            throw new RuleViolation("This case is already open.");
        }
        required(reason, "the reason for reopening");
        Instant at = notBefore(when(happenedAt), c.resolution().at(), "the case was closed");
        return entry(c.id(), EntryType.REOPENED, at, Map.of(STAGE, Integer.toString(c.stage()), REASON, reason.strip()));
    }

    /** A manager approves a record (a discussion, an escalation, a resolution). */
    public NewEntry approve(CaseState c, UUID entryId, String note) {
        Entry target = c.entry(entryId).orElseThrow(() -> new RuleViolation(
                "This case has no entry " + entryId + ". Copy the entry id from the case's chronology."));
        if (target.type() == EntryType.RECORD_APPROVED || target.type() == EntryType.CORRECTION) {
            throw new RuleViolation("Approve the record itself, not an approval or a correction.");
        }
        if (recordedBy(target, author)) {
            throw new RuleViolation("You recorded this entry, so you cannot approve it yourself:"
                    + " another manager must approve it.");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put(ENTRY, entryId.toString());
        data.put(NOTE, blankToNull(note));
        return entry(c.id(), EntryType.RECORD_APPROVED, when(null), data);
    }

    /** Whether {@code person} (a sign-in name) wrote the entry: nobody approves their own entry. */
    public static boolean recordedBy(Entry entry, String person) {
        return person != null && entry.author() != null && entry.author().strip().equalsIgnoreCase(person.strip());
    }

    /**
     * A manager signs a completed form (a monitoring form's manager signature): attached to the
     * version they signed, like an approval.
     */
    public NewEntry signForm(CaseState c, UUID formEntryId, String note) {
        return signForm(c, formEntryId, null, null, null, null, note);
    }

    /**
     * A manager signs a completed form in one of its signature blocks, recording the block and the
     * signer's role and agency so that the form's PDF shows the signature in its block.
     */
    public NewEntry signForm(CaseState c, UUID formEntryId, String blockId, String blockTitle, String role,
                             String agency, String note) {
        Entry target = c.entry(formEntryId).orElseThrow(() -> new RuleViolation(
                "This case has no entry " + formEntryId + "."));
        if (target.type() != EntryType.FORM_COMPLETED) {
            throw new RuleViolation("Only a completed form can be signed.");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put(ENTRY, formEntryId.toString());
        data.put(FORM, target.get(FORM));
        data.put(BLOCK, blankToNull(blockId));
        data.put(BLOCK_TITLE, blankToNull(blockTitle));
        data.put(SIGNER_ROLE, blankToNull(role));
        data.put(SIGNER_AGENCY, blankToNull(agency));
        data.put(NOTE, blankToNull(note));
        return entry(c.id(), EntryType.FORM_SIGNED, when(null), data);
    }

    /**
     * Sets a shorter deadline to protect the child ("whichever is less"). A deadline can be brought
     * forward, never put back.
     */
    public NewEntry shorten(CaseState c, Policy policy, String deadlineId, DueAt newDue, String reason) {
        mustBeOpen(c, "change a deadline on");
        DeadlineStatus current = c.deadlines().stream().filter(d -> d.id().equals(deadlineId)).findFirst()
                .orElseThrow(() -> new RuleViolation("There is no deadline '" + deadlineId + "' in force at "
                        + c.stageHeading() + ". Deadlines in force: "
                        + String.join(", ", c.deadlines().stream().map(DeadlineStatus::id).toList()) + "."));
        if (newDue.compareTo(current.due()) >= 0) {
            throw new RuleViolation("A deadline can only be brought forward to protect the child, never put back: "
                    + current.label() + " is due " + UkTime.format(current.due()) + "; choose an earlier date.");
        }
        required(reason, "why the shorter deadline protects the child");
        Map<String, String> data = new LinkedHashMap<>();
        data.put(STAGE, Integer.toString(current.sharedBudget() ? 0 : c.stage()));
        data.put(DEADLINE, deadlineId);
        data.put(DUE, newDue.iso());
        data.put(REASON, reason.strip());
        return entry(c.id(), EntryType.DEADLINE_SHORTENED, when(null), data);
    }

    public NewEntry markNotificationSent(CaseState c, String notificationId, int stage, String note, Instant happenedAt) {
        NotificationStatus n = c.notifications().stream()
                .filter(x -> x.id().equals(notificationId) && (stage <= 0 || x.stage() == stage) && !x.sent())
                .findFirst()
                .orElseThrow(() -> new RuleViolation("No notification '" + notificationId + "' is waiting to be sent"
                        + " on this case. Waiting: " + String.join(", ",
                        c.notificationsDue().stream().map(NotificationStatus::id).toList()) + "."));
        Map<String, String> data = new LinkedHashMap<>();
        data.put(NOTIFICATION, n.id());
        data.put(STAGE, Integer.toString(n.stage()));
        data.put("to", n.to());
        data.put(NOTE, blankToNull(note));
        return entry(c.id(), EntryType.NOTIFICATION_SENT, when(happenedAt), data);
    }

    /** Records a date the procedure asks for ({@code conference}), at opening or later. */
    public NewEntry recordDate(CaseState c, Policy policy, String dateId, Instant value) {
        mustBeOpen(c, "record a date on");
        policy.date(dateId).orElseThrow(() -> unknownDate(policy, dateId));
        if (value == null) {
            throw new RuleViolation("Give the date for '" + dateId + "'.");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put(ID, dateId);
        data.put(VALUE, value.toString());
        data.put(STAGE, Integer.toString(c.stage()));
        return entry(c.id(), EntryType.DATE_RECORDED, when(null), data);
    }

    /**
     * Marks a deadline in force as met: it is never overdue after this, shows when it was met and
     * stays met when later discussions are recorded.
     */
    public NewEntry meetDeadline(CaseState c, String deadlineId, String note, Instant happenedAt) {
        mustBeOpen(c, "mark a deadline met on");
        DeadlineStatus d = c.deadlines().stream().filter(x -> x.id().equals(deadlineId)).findFirst()
                .orElseThrow(() -> new RuleViolation("There is no deadline '" + deadlineId + "' in force at "
                        + c.stageHeading() + ". Deadlines in force: "
                        + String.join(", ", c.deadlines().stream().map(DeadlineStatus::id).toList()) + "."));
        if (d.met()) {
            throw new RuleViolation("The deadline '" + deadlineId + "' was already met on " + UkTime.format(d.metAt())
                    + ".");
        }
        Instant at = notBefore(when(happenedAt), c.context().arose(), "the disagreement arose");
        Map<String, String> data = new LinkedHashMap<>();
        data.put(TRACK, c.trackId());
        data.put(STAGE, Integer.toString(d.sharedBudget() ? 0 : c.stage()));
        data.put(DEADLINE, deadlineId);
        data.put(NOTE, blankToNull(note));
        return entry(c.id(), EntryType.DEADLINE_MET, at, data);
    }

    /** Answers (or changes the answer to) one of the procedure's questions. */
    public NewEntry answer(CaseState c, Policy policy, String factId, String value) {
        mustBeOpen(c, "answer a question on");
        String v = checkAnswer(policy, factId, value);
        Map<String, String> data = new LinkedHashMap<>();
        data.put(ID, factId);
        data.put(VALUE, v);
        data.put(STAGE, Integer.toString(c.stage()));
        return entry(c.id(), EntryType.FACT_ANSWERED, when(null), data);
    }

    /** Takes a change of route the current stage offers (a fast track, a branch). */
    public NewEntry switchTrack(CaseState c, Policy policy, String toTrack, String reason, Instant happenedAt) {
        mustBeOpen(c, "change the route of");
        TrackSwitch sw = c.context().switches().stream().filter(x -> x.to().equals(toTrack)).findFirst()
                .orElseThrow(() -> new RuleViolation("At " + c.stageHeading() + " the procedure offers no switch to '"
                        + toTrack + "'." + (c.context().switches().isEmpty() ? " It offers none here."
                        : " It offers: " + String.join(", ", c.context().switches().stream()
                        .map(x -> x.to() + " (" + x.label() + ")").toList()) + ".")));
        if (sw.reasonRequired()) {
            required(reason, "the reason for this change of route");
        }
        Instant at = notBefore(when(happenedAt), earliest(c), "the case reached its current stage");
        Map<String, String> data = new LinkedHashMap<>();
        data.put(STAGE, Integer.toString(c.stage()));
        data.put("fromTrack", c.trackId());
        data.put(TRACK, sw.to());
        data.put(TO_STAGE, Integer.toString(sw.toStage()));
        data.put(REASON, blankToNull(reason));
        return entry(c.id(), EntryType.TRACK_SWITCHED, at, data);
    }

    /** Ticks a checklist item of the current stage that the procedure names by id. */
    public NewEntry tick(CaseState c, Policy policy, String itemId, String note, Instant happenedAt) {
        return tick(c, policy, itemId, note, happenedAt, null);
    }

    /**
     * Ticks a checklist item of the current stage. A step asked for at every meeting ({@code on:
     * meeting-recorded}) is ticked for one meeting: {@code meetingId}, or when null the earliest meeting
     * still waiting for it.
     */
    public NewEntry tick(CaseState c, Policy policy, String itemId, String note, Instant happenedAt, UUID meetingId) {
        mustBeOpen(c, "tick a step on");
        Track track = policy.track(c.trackId()).orElse(policy.defaultTrack());
        Stage stage = track.stage(c.stage()).orElseThrow();
        ChecklistItem item = stage.items().stream().filter(i -> itemId.equals(i.id())).findFirst()
                .orElseThrow(() -> new RuleViolation(c.stageHeading() + " has no checklist item '" + itemId
                        + "'. Items that can be ticked: " + String.join(", ", stage.items().stream()
                        .map(ChecklistItem::id).filter(java.util.Objects::nonNull).toList()) + "."));
        Instant earliest = earliest(c);
        String meeting = null;
        if (item.onMeeting()) {
            List<MeetingStep> steps = c.context().meetingSteps().stream()
                    .filter(m -> m.itemId().equals(item.id())).toList();
            if (steps.isEmpty()) {
                throw new RuleViolation("'" + item.text() + "' is a step for each meeting, and no meeting has been"
                        + " recorded at " + c.stageHeading() + ". Record the meeting first.");
            }
            MeetingStep step = meetingId == null
                    ? steps.stream().filter(m -> !m.ticked()).findFirst().orElseThrow(() -> new RuleViolation(
                            "'" + item.text() + "' is already ticked for every meeting recorded at "
                                    + c.stageHeading() + "."))
                    : steps.stream().filter(m -> m.meetingId().equals(meetingId)).findFirst()
                            .orElseThrow(() -> new RuleViolation("No meeting " + meetingId + " is recorded at "
                                    + c.stageHeading() + ". Meetings: " + String.join(", ", steps.stream()
                                    .map(m -> m.meetingId() + " (" + UkTime.format(m.meetingAt()) + ")").toList())
                                    + "."));
            if (step.ticked()) {
                throw new RuleViolation("'" + item.text() + "' is already ticked for the meeting of "
                        + UkTime.format(step.meetingAt()) + ".");
            }
            meeting = step.meetingId().toString();
            earliest = step.meetingAt();
        } else if (meetingId != null) {
            throw new RuleViolation("'" + item.text() + "' is not a step for each meeting; tick it without a meeting.");
        } else if (c.context().ticked().contains(CaseProjector.tickKey(c.trackId(), c.stage(), item.id(), null))) {
            throw new RuleViolation("'" + item.text() + "' is already ticked at " + c.stageHeading() + ".");
        }
        Instant at = notBefore(when(happenedAt), earliest, meeting == null ? "the case reached its current stage"
                : "the meeting");
        Map<String, String> data = new LinkedHashMap<>();
        data.put(TRACK, c.trackId());
        data.put(STAGE, Integer.toString(c.stage()));
        data.put(ITEM, item.id());
        data.put(MEETING, meeting);
        data.put(NOTE, blankToNull(note));
        return entry(c.id(), EntryType.CHECKLIST_TICKED, at, data);
    }

    /** Records what was done for a child at immediate risk; the Act now panel then gives way. */
    public NewEntry riskAction(CaseState c, String whatWasDone, Instant happenedAt) {
        mustBeOpen(c, "record an action on");
        if (!c.details().immediateRisk()) {
            throw new RuleViolation("This case was not opened as immediate risk; record a discussion instead.");
        }
        required(whatWasDone, "what was done to keep the child safe");
        Instant at = notBefore(when(happenedAt), c.context().arose(), "the disagreement arose");
        return entry(c.id(), EntryType.RISK_ACTION, at, Map.of(STAGE, Integer.toString(c.stage()),
                TEXT, whatWasDone.strip()));
    }

    private static RuleViolation unknownDate(Policy policy, String dateId) {
        return new RuleViolation("The " + policy.shortName() + " procedure asks for no date '" + dateId + "'."
                + (policy.dates().isEmpty() ? " It asks for none." : " Its dates are: " + String.join(", ",
                policy.dates().stream().map(DateQuestion::id).toList()) + "."));
    }

    private static String checkAnswer(Policy policy, String factId, String value) {
        FactQuestion q = policy.fact(factId).orElseThrow(() -> new RuleViolation("The " + policy.shortName()
                + " procedure asks no question '" + factId + "'." + (policy.facts().isEmpty() ? " It asks none."
                : " Its questions are: " + String.join(", ", policy.facts().stream().map(FactQuestion::id).toList())
                + ".")));
        String v = normalise(value);
        if (!q.choices().contains(v)) {
            throw new RuleViolation("'" + value + "' is not an answer to '" + factId + "' (" + q.label()
                    + "). Answer one of: " + String.join(", ", q.choices()) + ".");
        }
        return v;
    }

    private static String normalise(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        return switch (v.toLowerCase(java.util.Locale.UK)) {
            case "yes", "y", "true" -> "yes";
            case "no", "n", "false" -> "no";
            default -> v;
        };
    }

    /** Stores a completed form's content as a new version for the stage. */
    public NewEntry completeForm(CaseState c, String formId, int stage, int version, Map<String, String> fields) {
        Map<String, String> data = new TreeMap<>();
        fields.forEach((k, v) -> data.put("field." + k, v));
        data.put(FORM, formId);
        data.put(STAGE, Integer.toString(stage));
        data.put(VERSION, Integer.toString(version));
        return entry(c.id(), EntryType.FORM_COMPLETED, when(null), data);
    }

    public NewEntry correct(CaseState c, UUID entryId, String reason, String text) {
        Entry target = c.entry(entryId).orElseThrow(() -> new RuleViolation(
                "This case has no entry " + entryId + ". Copy the entry id from the case's chronology."));
        if (target.type() == EntryType.CORRECTION) {
            throw new RuleViolation("Correct the original entry " + target.get(ENTRY)
                    + ", not the correction; the chronology keeps every version.");
        }
        required(reason, "the reason for the correction");
        required(text, "the corrected text");
        Map<String, String> data = new LinkedHashMap<>();
        data.put(ENTRY, entryId.toString());
        data.put("field", EntryText.primaryField(target));
        data.put(REASON, reason.strip());
        data.put(TEXT, text.strip());
        return entry(c.id(), EntryType.CORRECTION, when(null), data);
    }

    private NewEntry entry(UUID caseId, EntryType type, Instant at, Map<String, String> data) {
        TextRules.check(data);
        if (type == EntryType.CASE_OPENED) {
            NewEntry e = NewEntry.of(caseId, type, author, now, at, data);
            return new NewEntry(caseId, caseId, type, author, now, at, e.data());
        }
        return NewEntry.of(caseId, type, author, now, at, data);
    }

    private Instant when(Instant happenedAt) {
        if (happenedAt == null) {
            return now;
        }
        if (happenedAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new RuleViolation("The time given (" + UkTime.format(happenedAt) + ") is in the future."
                    + " Give the time the event happened.");
        }
        return happenedAt;
    }

    /** Events at the starting stage may be dated from when the disagreement arose, before the case was opened. */
    private static Instant earliest(CaseState c) {
        return c.visits().size() <= 1 && c.context().arose().isBefore(c.stageEnteredAt()) ? c.context().arose()
                : c.stageEnteredAt();
    }

    private static Instant notBefore(Instant at, Instant earliest, String what) {
        if (at.isBefore(earliest)) {
            throw new RuleViolation("The time given (" + UkTime.format(at) + ") is before " + what + " ("
                    + UkTime.format(earliest) + "). Check the date and time.");
        }
        return at;
    }

    private static void mustBeOpen(CaseState c, String action) {
        if (!c.open()) {
            throw new RuleViolation("This case was " + c.status().code() + " on "
                    + UkTime.format(c.resolution().at()) + "; you cannot " + action + " it."
                    + " Reopen it first if the disagreement has come back.");
        }
    }

    private static String category(Policy policy, String given) {
        if (policy.categories().isEmpty()) {
            return given.strip();
        }
        return policy.category(given.strip()).map(Category::label).orElseThrow(() -> new RuleViolation(
                "'" + given + "' is not one of the " + policy.shortName() + " procedure's categories of disagreement: "
                        + String.join("; ", policy.categories().stream().map(Category::label).toList()) + "."));
    }

    private static String allowedStarts(Policy policy) {
        var stages = policy.immediateRisk().startStages().stream().sorted().map(String::valueOf).toList();
        return stages.isEmpty() ? " (it always starts at stage 1)."
                : " (when a child is at immediate risk it may start at stage " + String.join(" or ", stages) + ").";
    }

    private static void required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("Give " + what + ": it is required.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Used by rules that depend on the procedure's stage deadlines. */
    static boolean hasDeadline(Stage stage, String id) {
        return stage.deadlines().stream().map(DeadlineRule::id).anyMatch(id::equals);
    }
}
