/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Set;

import uk.resolve.domain.time.TimeSpan;

/**
 * A timescale shared across several stages, such as North Somerset's "from the outset no longer
 * than 5 working days to be resolved or escalated to stage 4". It applies while the case is at any
 * of {@code stages}.
 */
public record Budget(String id, String label, TimeSpan within, Anchor from, Set<Integer> stages) {

    public Budget {
        stages = Set.copyOf(stages);
    }
}
