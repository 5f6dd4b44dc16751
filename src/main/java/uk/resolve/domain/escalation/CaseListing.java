/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.UkTime;

/**
 * What a list of cases shows of one case, and what it is ordered and counted by: a narrow,
 * flat part of {@link CaseState}, small enough to be stored as plain columns and read for tens of
 * thousands of cases at once. Made from a state with {@link #of(CaseState)}; whether a deadline has
 * passed is worked out when asked ({@link #overdue(Instant)}), so a stored listing never goes stale.
 *
 * @param id                the case id
 * @param policyId          the procedure followed
 * @param policyVersion     its version when the case was opened
 * @param trackId           the route through the procedure
 * @param stage             the current stage
 * @param lastStage         the track's last stage
 * @param highestStage      the highest stage the case has reached
 * @param stageHeading      "Stage 2 — …"
 * @param status            open, resolved or withdrawn
 * @param childRef          the agency's reference for the child
 * @param childName         the child's or family's name; may be null
 * @param childStatus       early help, child in need …; may be null
 * @param raisedBy          the worker who raised the concern
 * @param raisedAgency      their agency
 * @param otherAgency       the agency whose decision is disputed
 * @param otherProfessional who made that decision; may be null
 * @param category          the category of disagreement
 * @param immediateRisk     whether the child was thought to be at immediate risk
 * @param sample            a sample case
 * @param openedAt          when the concern was raised
 * @param writtenAt         when the case's first entry was written
 * @param nextDue           the earliest deadline in force (met or not), or null
 * @param firstUnmetDue     the earliest deadline in force not yet met, or null
 * @param due               what is owed now: "Tell …" for each notification not sent, then each form's title
 * @param endedAt           when it was resolved or withdrawn, or null while open
 * @param endedAtStage      the stage it was resolved or withdrawn at, or 0 while open
 * @param sampleOutcome     the outcome (or reason for withdrawal) of a sample case; null for any real case,
 *                          whose outcome is the worker's own words and is not listed
 */
public record CaseListing(UUID id, String policyId, String policyVersion, String trackId, int stage, int lastStage,
                          int highestStage, String stageHeading, CaseStatus status, String childRef, String childName,
                          ChildStatus childStatus, String raisedBy, String raisedAgency, String otherAgency,
                          String otherProfessional, String category, boolean immediateRisk, boolean sample,
                          Instant openedAt, Instant writtenAt, DueAt nextDue, DueAt firstUnmetDue, List<String> due,
                          Instant endedAt, int endedAtStage, String sampleOutcome) {

    public CaseListing {
        due = List.copyOf(due);
    }

    /** The listing of {@code c} (its deadlines as they are in force; whether they have passed is not kept). */
    public static CaseListing of(CaseState c) {
        CaseDetails d = c.details();
        DueAt next = c.deadlines().stream().map(DeadlineStatus::due).min(Comparator.naturalOrder()).orElse(null);
        DueAt unmet = c.deadlines().stream().filter(x -> !x.met()).map(DeadlineStatus::due)
                .min(Comparator.naturalOrder()).orElse(null);
        List<String> due = Stream.concat(c.notificationsDue().stream().map(n -> "Tell " + n.to()),
                c.formsDue().stream().map(FormStatus::title)).toList();
        int highest = c.visits().stream().mapToInt(StageVisit::stage).max().orElse(c.stage());
        Resolution r = c.resolution();
        return new CaseListing(c.id(), c.policyId(), c.policyVersion(), c.trackId(), c.stage(), c.lastStage(), highest,
                c.stageHeading(), c.status(), d.childRef(), d.childName(), d.childStatus(), d.raisedBy(),
                d.raisedAgency(), d.otherAgency(), d.otherProfessional(), d.category(), d.immediateRisk(), d.sample(),
                c.openedAt(), c.writtenAt(), next, unmet, due, r == null ? null : r.at(), r == null ? 0 : r.stage(),
                d.sample() && r != null ? r.outcome() : null);
    }

    /**
     * This listing with the child (and the professionals named) as the case's opened opening entry
     * gives them: a stored listing holds no child content once it is sealed under the case's key.
     */
    public CaseListing withChild(CaseDetails d) {
        return new CaseListing(id, policyId, policyVersion, trackId, stage, lastStage, highestStage, stageHeading,
                status, d.childRef(), d.childName(), childStatus != null ? childStatus : d.childStatus(),
                raisedBy != null ? raisedBy : d.raisedBy(), raisedAgency != null ? raisedAgency : d.raisedAgency(),
                otherAgency != null ? otherAgency : d.otherAgency(),
                otherProfessional != null ? otherProfessional : d.otherProfessional(),
                category != null ? category : d.category(), immediateRisk, sample, openedAt, writtenAt, nextDue,
                firstUnmetDue, due, endedAt, endedAtStage, sampleOutcome);
    }

    public boolean open() {
        return status == CaseStatus.OPEN;
    }

    /** True when a deadline in force, not met, has passed at {@code now} (as {@link CaseState#overdue()}). */
    public boolean overdue(Instant now) {
        return firstUnmetDue != null && firstUnmetDue.isPast(UkTime.local(now));
    }
}
