/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import uk.resolve.domain.time.DueAt;

/**
 * A deadline in force now.
 *
 * @param stage           the stage it belongs to (for a shared budget, the current stage)
 * @param id              the rule's id
 * @param label           what must be done by then
 * @param due             when, after any shortening
 * @param procedureDue    when the procedure alone would have it
 * @param shortenedReason why a worker shortened it, or null
 * @param overdue         whether it has passed
 * @param sharedBudget    true for a timescale shared across stages
 */
public record DeadlineStatus(int stage, String id, String label, DueAt due, DueAt procedureDue,
                             String shortenedReason, boolean overdue, boolean sharedBudget) {

    /** The same deadline seen at {@code now}: only whether it has passed depends on the moment. */
    public DeadlineStatus asOf(java.time.LocalDateTime now) {
        boolean past = due.isPast(now);
        return past == overdue ? this
                : new DeadlineStatus(stage, id, label, due, procedureDue, shortenedReason, past, sharedBudget);
    }
}
