/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

/**
 * A form due at a stage.
 *
 * @param form   the form's id in the procedure's form list
 * @param on     entering the stage, or resolving the case at it
 * @param action "complete" for a new form, "update" to update one from an earlier stage
 */
public record FormRule(String form, Trigger on, String action, Condition when) {

    public FormRule {
        when = when == null ? Condition.ALWAYS : when;
    }

    public FormRule(String form, Trigger on, String action) {
        this(form, on, action, Condition.ALWAYS);
    }
}
