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
                              boolean sample, Instant happenedAt) {
}
