/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import uk.resolve.domain.record.Entry;

/**
 * A case as its entries make it, at a given moment. Derived by {@link CaseProjector}; two copies
 * holding the same entries derive the same state.
 *
 * @param id             the case id
 * @param policyId       the procedure followed
 * @param policyVersion  its version when the case was opened
 * @param trackId        the route through the procedure
 * @param stage          the current stage number
 * @param stageHeading   "Stage 2 — …"
 * @param lastStage      the number of the track's last stage
 * @param status         open, resolved or withdrawn
 * @param details        what the case is about
 * @param openedAt       when the concern was raised
 * @param stageEnteredAt when the case reached the current stage
 * @param visits         every stage it has been at, in order
 * @param deadlines      deadlines in force now (empty unless open)
 * @param notifications  every notification the procedure has required so far
 * @param forms          every form the procedure has required so far
 * @param resolution     how it ended, or null while open
 * @param writtenAt      when the case's first entry was written (not when the concern was raised)
 * @param chronology     every entry but corrections and approvals, in order, with those attached; empty in a
 *                       summary
 * @param entries        every entry, in order; empty in a summary
 * @param context        when it arose, dates and answers given, route taken, steps ticked
 */
public record CaseState(UUID id, String policyId, String policyVersion, String trackId, int stage,
                        String stageHeading, int lastStage, CaseStatus status, CaseDetails details,
                        Instant openedAt, Instant stageEnteredAt, List<StageVisit> visits,
                        List<DeadlineStatus> deadlines, List<NotificationStatus> notifications,
                        List<FormStatus> forms, Resolution resolution, Instant writtenAt,
                        List<ChronologyItem> chronology, List<Entry> entries, CaseContext context) {

    public CaseState {
        visits = List.copyOf(visits);
        deadlines = List.copyOf(deadlines);
        notifications = List.copyOf(notifications);
        forms = List.copyOf(forms);
        chronology = List.copyOf(chronology);
        entries = List.copyOf(entries);
    }

    /** The same state without its record: for lists of many cases, where the record is not needed. */
    public CaseState summary() {
        return new CaseState(id, policyId, policyVersion, trackId, stage, stageHeading, lastStage, status, details,
                openedAt, stageEnteredAt, visits, deadlines, notifications, forms, resolution, writtenAt, List.of(),
                List.of(), context);
    }

    /**
     * The same state seen at {@code now}: a stored summary of a case is brought up to the moment it is
     * read with this, since whether a deadline has passed is the only part of a state that depends on when
     * it was worked out.
     */
    public CaseState asOf(Instant now) {
        java.time.LocalDateTime local = uk.resolve.domain.time.UkTime.local(now);
        List<DeadlineStatus> at = deadlines.stream().map(d -> d.asOf(local)).toList();
        return new CaseState(id, policyId, policyVersion, trackId, stage, stageHeading, lastStage, status, details,
                openedAt, stageEnteredAt, visits, at, notifications, forms, resolution, writtenAt, chronology, entries,
                context);
    }

    /** The same state with other details (a list fills in what a summary holds sealed). */
    public CaseState withDetails(CaseDetails d) {
        return new CaseState(id, policyId, policyVersion, trackId, stage, stageHeading, lastStage, status, d,
                openedAt, stageEnteredAt, visits, deadlines, notifications, forms, resolution, writtenAt, chronology,
                entries, context);
    }

    /** The same state with another account of how it ended (a report fills in learning a summary holds sealed). */
    public CaseState withResolution(Resolution r) {
        return new CaseState(id, policyId, policyVersion, trackId, stage, stageHeading, lastStage, status, details,
                openedAt, stageEnteredAt, visits, deadlines, notifications, forms, r, writtenAt, chronology,
                entries, context);
    }

    /** The same state without its record, carrying only {@code kept} of its entries (for a report). */
    public CaseState keeping(List<Entry> kept) {
        return new CaseState(id, policyId, policyVersion, trackId, stage, stageHeading, lastStage, status, details,
                openedAt, stageEnteredAt, visits, deadlines, notifications, forms, resolution, writtenAt, List.of(),
                kept, context);
    }

    public boolean open() {
        return status == CaseStatus.OPEN;
    }

    /** True for an immediate-risk case whose worker has not yet recorded what was done. */
    public boolean actNow() {
        return open() && details.immediateRisk() && context.riskActionAt() == null;
    }

    public boolean overdue() {
        return deadlines.stream().anyMatch(DeadlineStatus::overdue);
    }

    /** The earliest deadline in force. */
    public Optional<DeadlineStatus> nextDeadline() {
        return deadlines.stream().min(Comparator.comparing(DeadlineStatus::due));
    }

    public List<NotificationStatus> notificationsDue() {
        return notifications.stream().filter(n -> !n.sent()).toList();
    }

    public List<FormStatus> formsDue() {
        return forms.stream().filter(f -> !f.completed()).toList();
    }

    public Optional<Entry> entry(UUID entryId) {
        return entries.stream().filter(e -> e.id().equals(entryId)).findFirst();
    }
}
