/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.util.List;

/**
 * A question the procedure asks that a case has not yet answered: a fact ({@code facts:}) or a date
 * ({@code dates:}).
 *
 * @param id      the fact's or date's id
 * @param label   the question
 * @param date    true for a date, false for a fact
 * @param choices the allowed answers of a fact; empty for a date
 * @param stage   the stage at which the procedure asks it; 0 when asked at opening
 */
public record Question(String id, String label, boolean date, List<String> choices, int stage) {

    public Question {
        choices = List.copyOf(choices);
    }
}
