/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.List;
import java.util.Optional;

/**
 * A route through the procedure. Most procedures have one; some have another for, say, dissent
 * about the implementation of a child protection plan. A track may name its own final arbiter
 * (null: the procedure's).
 */
public record Track(String id, String name, String description, List<Stage> stages, List<Budget> budgets,
                    FinalArbiter finalArbiter) {

    public Track {
        stages = List.copyOf(stages);
        budgets = List.copyOf(budgets);
    }

    /** A track ending with the procedure's own final arbiter. */
    public Track(String id, String name, String description, List<Stage> stages, List<Budget> budgets) {
        this(id, name, description, stages, budgets, null);
    }

    public Optional<Stage> stage(int number) {
        return number >= 1 && number <= stages.size() ? Optional.of(stages.get(number - 1)) : Optional.empty();
    }

    public int lastStage() {
        return stages.size();
    }
}
