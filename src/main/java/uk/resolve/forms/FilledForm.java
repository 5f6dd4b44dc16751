/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.FormDefinition;

/**
 * A form filled from a case: every answer, where it came from, and what still stops it from being
 * finalised. Immutable; fill again to change it.
 *
 * @param definition       the form
 * @param caseId           the case
 * @param caseReference    how the form names the case: the child's reference, or on an anonymous
 *                         form the first 8 characters of the case id
 * @param partnership      the partnership's title
 * @param procedureName    the procedure's title
 * @param procedureVersion the version the case follows
 * @param stage            the stage the form is for
 * @param stageHeading     "Stage 3 — …"
 * @param version          the version this would be when saved (1 for the first)
 * @param date             the date it is filled
 * @param recipient        where it is sent, or null
 * @param values           every answer: the fields in order, then each signature block's parts
 * @param problems         what stops it from being finalised (empty when it can be)
 */
public record FilledForm(FormDefinition definition, UUID caseId, String caseReference, String partnership,
                         String procedureName, String procedureVersion, int stage, String stageHeading,
                         int version, LocalDate date, Contact recipient, List<FieldValue> values,
                         List<FormProblem> problems) {

    public FilledForm {
        values = List.copyOf(values);
        problems = List.copyOf(problems);
    }

    /** True when it can be finalised: nothing required is missing, nothing invalid, nothing identifying. */
    public boolean complete() {
        return problems.isEmpty();
    }

    public Optional<FieldValue> value(String id) {
        return values.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The answer stored under {@code id}, or "". */
    public String text(String id) {
        return value(id).map(FieldValue::value).orElse("");
    }

    /** The answers that are not blank, by id, in order: what is stored in the case record. */
    public Map<String, String> answers() {
        Map<String, String> out = new LinkedHashMap<>();
        values.stream().filter(v -> !v.blank()).forEach(v -> out.put(v.id(), v.value()));
        return out;
    }

    public List<FieldValue> missing() {
        return values.stream().filter(FieldValue::missing).toList();
    }

    /** One line for the user: what stops it being finalised. */
    public String problemSummary() {
        if (problems.isEmpty()) {
            return "";
        }
        List<String> missing = problems.stream().filter(p -> p.kind() == FormProblem.Kind.MISSING)
                .map(p -> "'" + p.label() + "'").toList();
        List<String> other = problems.stream().filter(p -> p.kind() != FormProblem.Kind.MISSING)
                .map(FormProblem::message).toList();
        StringBuilder sb = new StringBuilder();
        if (!missing.isEmpty()) {
            sb.append(missing.size() == 1 ? "A required field is missing: " : missing.size()
                    + " required fields are missing: ").append(String.join(", ", missing)).append('.');
        }
        for (String o : other) {
            sb.append(sb.length() == 0 ? "" : " ").append(o);
        }
        return sb.toString();
    }
}
