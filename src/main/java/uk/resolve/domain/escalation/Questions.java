/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.util.ArrayList;
import java.util.List;

import uk.resolve.domain.policy.DateQuestion;
import uk.resolve.domain.policy.FactQuestion;
import uk.resolve.domain.policy.Policy;

/** Which of a procedure's questions a case should be asked now. */
public final class Questions {

    private Questions() {
    }

    /**
     * The questions now due for an open case: those asked at opening ({@code askedAt: opening}) and
     * those asked at a stage ({@code askedAt: stage-N}) once the case has reached stage N or a later one
     * (on any track), that have no answer yet. Questions asked at any time ({@code askedAt: any}) are never
     * due. Dates come before facts, each in the order the procedure lists them; a closed case has none.
     */
    public static List<Question> due(Policy policy, CaseState c) {
        if (!c.open()) {
            return List.of();
        }
        int reached = c.visits().stream().mapToInt(StageVisit::stage).max().orElse(c.stage());
        reached = Math.max(reached, c.stage());
        List<Question> out = new ArrayList<>();
        for (DateQuestion d : policy.dates()) {
            if (asked(d.atOpening(), d.stage(), reached) && !c.context().dates().containsKey(d.id())) {
                out.add(new Question(d.id(), d.label(), true, List.of(), d.stage()));
            }
        }
        for (FactQuestion f : policy.facts()) {
            if (asked(f.atOpening(), f.stage(), reached) && !c.context().facts().containsKey(f.id())) {
                out.add(new Question(f.id(), f.label(), false, f.choices(), f.stage()));
            }
        }
        return out;
    }

    private static boolean asked(boolean atOpening, int stage, int reached) {
        return atOpening || (stage > 0 && reached >= stage);
    }
}
