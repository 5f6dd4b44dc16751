/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Set;

/**
 * What the procedure says to do when a child is at immediate risk of harm.
 *
 * @param instruction what to do now, shown to the worker
 * @param startStages stages at which a case may start when the child is at immediate risk
 *                    (besides the first)
 */
public record ImmediateRisk(String instruction, Set<Integer> startStages) {

    public ImmediateRisk {
        startStages = Set.copyOf(startStages);
    }
}
