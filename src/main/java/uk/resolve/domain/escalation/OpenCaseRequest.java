/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;

import uk.resolve.domain.policy.ChildStatus;

/**
 * Everything needed to open a case. {@code happenedAt} may be null for "now".
 *
 * @param trackId    the route, or null for the procedure's first
 * @param startStage the stage to start at; 1 unless the child is at immediate risk
 */
public record OpenCaseRequest(String policyId, String trackId, String childRef, String childName,
                              ChildStatus childStatus, String raisedBy, String raisedAgency, String otherAgency,
                              String otherProfessional, String category, String concern, String evidence,
                              String outcomeWanted, boolean immediateRisk, int startStage, String startReason,
                              boolean sample, Instant happenedAt, Instant arose, java.util.Map<String, Instant> dates,
                              java.util.Map<String, String> facts) {

    public OpenCaseRequest {
        dates = dates == null ? java.util.Map.of() : java.util.Map.copyOf(dates);
        facts = facts == null ? java.util.Map.of() : java.util.Map.copyOf(facts);
    }

    public OpenCaseRequest(String policyId, String trackId, String childRef, String childName, ChildStatus childStatus,
                           String raisedBy, String raisedAgency, String otherAgency, String otherProfessional,
                           String category, String concern, String evidence, String outcomeWanted,
                           boolean immediateRisk, int startStage, String startReason, boolean sample,
                           Instant happenedAt) {
        this(policyId, trackId, childRef, childName, childStatus, raisedBy, raisedAgency, otherAgency,
                otherProfessional, category, concern, evidence, outcomeWanted, immediateRisk, startStage, startReason,
                sample, happenedAt, null, null, null);
    }

    /** The same request with when the disagreement arose, and the dates and answers given at opening. */
    public OpenCaseRequest with(Instant aroseAt, java.util.Map<String, Instant> givenDates,
                                java.util.Map<String, String> givenFacts) {
        return new OpenCaseRequest(policyId, trackId, childRef, childName, childStatus, raisedBy, raisedAgency,
                otherAgency, otherProfessional, category, concern, evidence, outcomeWanted, immediateRisk, startStage,
                startReason, sample, happenedAt, aroseAt, givenDates, givenFacts);
    }
}
