/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.rules;

/**
 * An action the procedure or the record does not allow. The message says what is wrong and what
 * to do instead, in words a worker can act on.
 */
public class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RuleViolation(String message) {
        super(message);
    }
}
