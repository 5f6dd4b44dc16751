/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import uk.resolve.domain.time.TimeSpan;

/**
 * A timescale at a stage: "resolve or escalate within 7 working days of the stage starting".
 *
 * @param id     unique within the stage
 * @param label  what must be done by then, in the words shown to users
 * @param within how long
 * @param from   measured from
 * @param fromId the date or deadline named by {@code date:<id>} or {@code deadline:<id>}, else null
 * @param when   when the deadline applies
 * @param sooner the procedure's shorter alternative, "whichever is less" ({@code orSooner}: "a timescale
 *               that protects the child from harm"), or null when it gives none
 */
public record DeadlineRule(String id, String label, TimeSpan within, Anchor from, String fromId, Condition when,
                           String sooner) {

    public DeadlineRule {
        when = when == null ? Condition.ALWAYS : when;
    }

    public DeadlineRule(String id, String label, TimeSpan within, Anchor from, String fromId, Condition when) {
        this(id, label, within, from, fromId, when, null);
    }

    public DeadlineRule(String id, String label, TimeSpan within, Anchor from) {
        this(id, label, within, from, null, Condition.ALWAYS, null);
    }
}
