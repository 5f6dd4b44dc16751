/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;

import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.UkTime;

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
 * @param metAt           when it was met, or null; a met deadline is never overdue
 * @param sooner          the procedure's shorter alternative ("a timescale that protects the child from
 *                        harm", whichever is less), or null
 */
public record DeadlineStatus(int stage, String id, String label, DueAt due, DueAt procedureDue,
                             String shortenedReason, boolean overdue, boolean sharedBudget, Instant metAt,
                             String sooner) {

    public DeadlineStatus(int stage, String id, String label, DueAt due, DueAt procedureDue, String shortenedReason,
                          boolean overdue, boolean sharedBudget, Instant metAt) {
        this(stage, id, label, due, procedureDue, shortenedReason, overdue, sharedBudget, metAt, null);
    }

    public DeadlineStatus(int stage, String id, String label, DueAt due, DueAt procedureDue, String shortenedReason,
                          boolean overdue, boolean sharedBudget) {
        this(stage, id, label, due, procedureDue, shortenedReason, overdue, sharedBudget, null);
    }

    public boolean met() {
        return metAt != null;
    }

    /**
     * The same deadline seen at {@code now}: only whether it has passed depends on the moment, and a met
     * deadline is never overdue (the projector's rule, {@link CaseProjector}).
     */
    public DeadlineStatus asOf(java.time.LocalDateTime now) {
        boolean past = metAt == null && due.isPast(now);
        return past == overdue ? this
                : new DeadlineStatus(stage, id, label, due, procedureDue, shortenedReason, past, sharedBudget, metAt,
                sooner);
    }

    /**
     * What to ask the worker when the procedure sets "this or a shorter timescale, whichever is less":
     * null when it does not, or once the worker has brought the deadline forward or met it.
     */
    public String soonerPrompt() {
        if (sooner == null || metAt != null || shortenedReason != null) {
            return null;
        }
        return "Or " + sooner.strip() + ", whichever is less: if the child needs it sooner, bring this deadline"
                + " forward.";
    }

    DeadlineStatus withSooner(String text) {
        return new DeadlineStatus(stage, id, label, due, procedureDue, shortenedReason, overdue, sharedBudget, metAt,
                text);
    }

    /** True when it was met by its deadline. */
    public boolean metOnTime() {
        return metAt != null && !due.isPast(UkTime.local(metAt));
    }
}
