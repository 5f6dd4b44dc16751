/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

/**
 * A date the procedure asks the worker for ("when was the decision made?"), usable as a deadline's
 * starting point ({@code from: date:<id>}).
 *
 * @param id       unique in the procedure
 * @param label    the question
 * @param atOpening true when asked as the case is opened ({@code askedAt: opening}); else at any time
 * @param required true when a case cannot be opened without it (only with {@code atOpening})
 * @param stage    the stage at which it is asked ({@code askedAt: stage-N}); 0 when asked at opening or any time
 */
public record DateQuestion(String id, String label, boolean atOpening, boolean required, int stage) {

    public DateQuestion(String id, String label, boolean atOpening, boolean required) {
        this(id, label, atOpening, required, 0);
    }
}
