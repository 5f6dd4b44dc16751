/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.List;

/**
 * A part of a form under its own heading.
 *
 * @param title  the heading, or null for a section without one
 * @param text   fixed text printed at the start of the section (an instruction, an action note), or null
 * @param fields its questions, in order (may be empty for a section of text alone)
 */
public record FormSection(String title, String text, List<FormField> fields) {

    public FormSection {
        fields = List.copyOf(fields);
    }
}
