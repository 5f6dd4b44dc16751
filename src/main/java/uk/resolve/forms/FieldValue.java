/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import java.util.List;

import uk.resolve.domain.policy.FieldKind;

/**
 * One answer on a filled form: a field, or one part of a signature block.
 *
 * @param id       the id it is stored under
 * @param label    the question as printed
 * @param help     guidance, or null
 * @param kind     what kind of answer it takes
 * @param choices  allowed answers of a choice field
 * @param required true when the form cannot be finalised without it
 * @param value    the answer, normalised ("21 Dec 2026"), or "" when there is none
 * @param origin   where the answer came from
 * @param problem  what is wrong with it, or null
 */
public record FieldValue(String id, String label, String help, FieldKind kind, List<String> choices,
                         boolean required, String value, Origin origin, String problem) {

    /** Where an answer came from. */
    public enum Origin {
        /** Filled from the case, the procedure or its contacts. */
        CASE,
        /** Carried over from the version completed at an earlier stage. */
        EARLIER_VERSION,
        /** Typed by the user. */
        USER,
        /** Not answered. */
        NONE
    }

    public FieldValue {
        choices = List.copyOf(choices);
    }

    public boolean blank() {
        return value.isBlank();
    }

    public boolean missing() {
        return required && blank();
    }
}
