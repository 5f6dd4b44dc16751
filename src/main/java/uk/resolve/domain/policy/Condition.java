/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Set;

/**
 * When a rule applies. An empty condition always applies.
 *
 * @param childStatusIn the rule applies only when the child's status is one of these (empty: any)
 * @param immediateRisk the rule applies only when the case was opened as immediate risk (null: either)
 */
public record Condition(Set<ChildStatus> childStatusIn, Boolean immediateRisk) {

    public static final Condition ALWAYS = new Condition(Set.of(), null);

    public Condition {
        childStatusIn = Set.copyOf(childStatusIn);
    }

    public boolean holds(ChildStatus status, boolean caseImmediateRisk) {
        if (!childStatusIn.isEmpty() && (status == null || !childStatusIn.contains(status))) {
            return false;
        }
        return immediateRisk == null || immediateRisk == caseImmediateRisk;
    }

    public boolean isAlways() {
        return childStatusIn.isEmpty() && immediateRisk == null;
    }
}
