/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.List;

/**
 * One question on a form.
 *
 * @param id       unique within the form; the completed value is stored as {@code field.<id>}
 * @param label    the question as printed
 * @param help     guidance shown under the label, or null
 * @param kind     what kind of answer it takes
 * @param source   where its value comes from when the form is filled from a case
 *                 ({@code case.concern}, {@code policy.partnership}, {@code contact.<id>.email} …,
 *                 see {@link FormSource}), or null when the user types it
 * @param required true when the form cannot be finalised without it
 * @param choices  the allowed answers of a {@link FieldKind#CHOICE} field, otherwise empty
 */
public record FormField(String id, String label, String help, FieldKind kind, String source, boolean required,
                        List<String> choices) {

    public FormField {
        choices = List.copyOf(choices);
    }

    public boolean prefilled() {
        return source != null;
    }
}
