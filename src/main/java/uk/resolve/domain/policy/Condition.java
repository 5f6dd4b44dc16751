/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Map;
import java.util.Set;

/**
 * When a rule applies: every part given must hold. An empty condition always applies.
 *
 * @param childStatusIn the child's status is one of these (empty: any)
 * @param immediateRisk the case was opened as immediate risk, or not (null: either)
 * @param facts         each named fact's answer is one of the values given (a yes/no fact answers
 *                      {@code yes} or {@code no}); an unanswered fact fails
 * @param tracks        the case is on one of these tracks (empty: any)
 * @param outcomes      the case was resolved with one of these outcome ids (empty: any)
 */
public record Condition(Set<ChildStatus> childStatusIn, Boolean immediateRisk, Map<String, Set<String>> facts,
                        Set<String> tracks, Set<String> outcomes) {

    public static final Condition ALWAYS = new Condition(Set.of(), null);

    public Condition {
        childStatusIn = Set.copyOf(childStatusIn);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        tracks = tracks == null ? Set.of() : Set.copyOf(tracks);
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
    }

    public Condition(Set<ChildStatus> childStatusIn, Boolean immediateRisk) {
        this(childStatusIn, immediateRisk, Map.of(), Set.of(), Set.of());
    }

    public boolean holds(ChildStatus status, boolean caseImmediateRisk) {
        return holds(new Situation(status, caseImmediateRisk, Map.of(), null, null));
    }

    /** Whether the rule applies to a case as it stands. */
    public boolean holds(Situation s) {
        if (!childStatusIn.isEmpty() && (s.childStatus() == null || !childStatusIn.contains(s.childStatus()))) {
            return false;
        }
        if (immediateRisk != null && immediateRisk != s.immediateRisk()) {
            return false;
        }
        for (Map.Entry<String, Set<String>> f : facts.entrySet()) {
            String answer = s.facts().get(f.getKey());
            if (answer == null || !f.getValue().contains(answer)) {
                return false;
            }
        }
        if (!tracks.isEmpty() && !tracks.contains(s.trackId())) {
            return false;
        }
        return outcomes.isEmpty() || outcomes.contains(s.outcome());
    }

    public boolean isAlways() {
        return childStatusIn.isEmpty() && immediateRisk == null && facts.isEmpty() && tracks.isEmpty()
                && outcomes.isEmpty();
    }
}
