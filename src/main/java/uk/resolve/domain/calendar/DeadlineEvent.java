/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.calendar;

import java.util.Objects;

import uk.resolve.domain.time.DueAt;

/**
 * One deadline as a calendar event. It carries only what may be seen on a shared screen or in a
 * synced calendar: the case number, the procedure, the stage and the deadline's label; never the
 * child's name, reference or anything written about the child.
 *
 * @param uid        stable across exports: the same case and deadline always have the same one
 * @param caseNumber the case's short number as Resolve lists it
 * @param procedure  the procedure's name
 * @param stage      the stage heading, e.g. "Stage 2 — Line manager discussion"
 * @param label      what must be done by then
 * @param due        when
 * @param sequence   the RFC 5545 revision: raised each time the event changes
 * @param cancelled  true once the deadline is met, moved away or its case closed
 */
public record DeadlineEvent(String uid, String caseNumber, String procedure, String stage, String label, DueAt due,
                            int sequence, boolean cancelled) {

    public DeadlineEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(due, "due");
        caseNumber = Objects.requireNonNullElse(caseNumber, "");
        procedure = Objects.requireNonNullElse(procedure, "");
        stage = Objects.requireNonNullElse(stage, "");
        label = Objects.requireNonNullElse(label, "");
    }

    /** True when {@code other} says the same thing (ignoring revision and cancellation). */
    public boolean sameContent(DeadlineEvent other) {
        return caseNumber.equals(other.caseNumber) && procedure.equals(other.procedure) && stage.equals(other.stage)
                && label.equals(other.label) && due.equals(other.due);
    }

    /** This event as revision {@code n}. */
    public DeadlineEvent withSequence(int n) {
        return new DeadlineEvent(uid, caseNumber, procedure, stage, label, due, n, cancelled);
    }

    /** This event cancelled, one revision on. */
    public DeadlineEvent cancel() {
        return new DeadlineEvent(uid, caseNumber, procedure, stage, label, due, sequence + 1, true);
    }

    /** "Case 1a2b3c4d: Stage 2 — … — Discuss with the manager" */
    public String summary() {
        return "Resolve case " + caseNumber + ": " + label;
    }
}
