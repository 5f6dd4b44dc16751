/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.List;

/**
 * A question the procedure asks, whose answer rules can test ({@code when: {facts: {iro: yes}}}).
 *
 * @param id        unique in the procedure
 * @param label     the question
 * @param choices   the allowed answers; {@code yes} and {@code no} for a yes/no question
 * @param atOpening true when asked as the case is opened
 * @param stage     the stage at which it is asked (0: any), when not at opening
 * @param required  true when a case cannot be opened without an answer (only with {@code atOpening})
 */
public record FactQuestion(String id, String label, List<String> choices, boolean atOpening, int stage,
                           boolean required) {

    public static final List<String> YES_NO = List.of("yes", "no");

    public FactQuestion {
        choices = List.copyOf(choices);
    }

    public boolean yesNo() {
        return choices.equals(YES_NO);
    }
}
