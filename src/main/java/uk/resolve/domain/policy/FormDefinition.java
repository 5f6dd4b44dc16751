/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A form the procedure requires (Appendix A, a monitoring form), with its questions and signature
 * blocks, so that another partnership's form is a file rather than code.
 *
 * @param id          unique within the procedure
 * @param title       the form's title
 * @param description what it is for (printed under the title)
 * @param completedBy who completes it
 * @param recipient   contact id of where it is sent, or null when it stays on file
 * @param anonymous   true when it must contain no details of any child or family
 * @param sections    its parts, in order
 * @param signatures  places to sign by hand, printed after the sections
 */
public record FormDefinition(String id, String title, String description, String completedBy,
                             String recipient, boolean anonymous, List<FormSection> sections,
                             List<SignatureBlock> signatures, String kind, String addressee) {

    /** A form returned to the partnership; a letter goes to its addressee instead. */
    public static final String FORM = "form";
    public static final String LETTER = "letter";
    /** The addressee meaning the other agency named on the case. */
    public static final String OTHER_AGENCY = "other-agency";

    public FormDefinition(String id, String title, String description, String completedBy, String recipient,
                          boolean anonymous, List<FormSection> sections, List<SignatureBlock> signatures) {
        this(id, title, description, completedBy, recipient, anonymous, sections, signatures, FORM, null);
    }

    public boolean letter() {
        return LETTER.equals(kind);
    }

    public FormDefinition {
        kind = kind == null ? FORM : kind;
        sections = List.copyOf(sections);
        signatures = List.copyOf(signatures);
    }

    /** A form known only by its title and purpose, with no questions yet. */
    public FormDefinition(String id, String title, String description, String completedBy, String recipient,
                          boolean anonymous) {
        this(id, title, description, completedBy, recipient, anonymous, List.of(), List.of());
    }

    /** Every question, section by section. */
    public List<FormField> fields() {
        List<FormField> out = new ArrayList<>();
        sections.forEach(s -> out.addAll(s.fields()));
        return out;
    }

    public Optional<FormField> field(String fieldId) {
        return fields().stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** Every id a value can be stored under: the fields', then each signature block's parts. */
    public List<String> valueIds() {
        List<String> out = new ArrayList<>(fields().stream().map(FormField::id).toList());
        for (SignatureBlock b : signatures) {
            SignatureBlock.PARTS.forEach(p -> out.add(b.fieldId(p)));
        }
        return out;
    }
}
