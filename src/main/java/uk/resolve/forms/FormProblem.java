/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

/**
 * Why a form cannot be finalised yet.
 *
 * @param fieldId the answer concerned
 * @param label   its label, as printed
 * @param kind    what is wrong
 * @param message what is wrong and what to do, for the user
 */
public record FormProblem(String fieldId, String label, Kind kind, String message) {

    /** The kinds of problem. */
    public enum Kind {
        /** A required answer is empty. */
        MISSING,
        /** An answer is not of the right kind (a date, a number, one of the choices). */
        INVALID,
        /** An answer on an anonymous form identifies the child. */
        IDENTIFIES_CHILD
    }
}
