/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Map;

/**
 * What a {@link Condition} looks at in a case.
 *
 * @param childStatus   the child's status, or null
 * @param immediateRisk whether the case was opened as immediate risk
 * @param facts         the answers to the procedure's questions, by fact id
 * @param trackId       the track the case is on now
 * @param outcome       the outcome id it was resolved with, or null
 */
public record Situation(ChildStatus childStatus, boolean immediateRisk, Map<String, String> facts, String trackId,
                        String outcome) {

    public Situation {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
