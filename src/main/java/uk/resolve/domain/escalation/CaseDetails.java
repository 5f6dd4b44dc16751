/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import uk.resolve.domain.policy.ChildStatus;

/**
 * What the case is about, as given when it was opened (with corrections applied).
 *
 * @param childRef            the agency's own reference for the child (data minimisation)
 * @param childName           the child's or family's name, only where a form needs it; may be null
 * @param childStatus         early help, child in need …; may be null when not stated
 * @param raisedBy            the worker who raised the concern
 * @param raisedAgency        their agency
 * @param otherAgency         the agency whose decision is disputed
 * @param otherProfessional   the professional who made the decision; may be null
 * @param category            the category of disagreement, as the procedure names it
 * @param concern             the concern, in the worker's words
 * @param evidence            the evidence for it; may be null
 * @param outcomeWanted       what the worker wants to happen; may be null
 * @param immediateRisk       whether the child was thought to be at immediate risk
 * @param immediateRiskReason why the case started at a higher stage; may be null
 * @param sample              true for sample cases made to explore the application
 */
public record CaseDetails(String childRef, String childName, ChildStatus childStatus, String raisedBy,
                          String raisedAgency, String otherAgency, String otherProfessional, String category,
                          String concern, String evidence, String outcomeWanted, boolean immediateRisk,
                          String immediateRiskReason, boolean sample) {

    /** The details an opening entry gives, with {@code concern} as it stands after corrections. */
    public static CaseDetails fromOpening(uk.resolve.domain.record.Entry e, String concern) {
        return new CaseDetails(e.get(EntryText.CHILD_REF), e.get(EntryText.CHILD_NAME),
                ChildStatus.fromCode(e.get(EntryText.CHILD_STATUS, "")).orElse(null), e.get(EntryText.RAISED_BY),
                e.get(EntryText.RAISED_AGENCY), e.get(EntryText.OTHER_AGENCY), e.get(EntryText.OTHER_PROFESSIONAL),
                e.get(EntryText.CATEGORY), concern, e.get(EntryText.EVIDENCE), e.get(EntryText.OUTCOME_WANTED),
                e.flag(EntryText.IMMEDIATE_RISK), e.get(EntryText.REASON), e.flag(EntryText.SAMPLE));
    }
}
