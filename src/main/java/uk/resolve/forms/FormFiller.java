/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.FieldKind;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.FormField;
import uk.resolve.domain.policy.FormSection;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.SignatureBlock;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.TypedDates;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;

import static uk.resolve.domain.escalation.EntryText.FORM;
import static uk.resolve.domain.escalation.EntryText.STAGE;

/**
 * Fills a form from a case. Each answer is, in order of preference: what the user typed; what the
 * version completed at an earlier stage said (unless it describes the case as it is now, such as
 * the stage or the days taken); the value from the case. Then every answer is checked.
 */
public final class FormFiller {

    /** The prefix of the stored answers in a form-completed entry. */
    public static final String FIELD_PREFIX = "field.";

    private final WorkingCalendar calendar;

    public FormFiller(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param user       who is completing it
     * @param stage      the stage it is for
     * @param userValues answers typed by the user, by id; a blank one clears the pre-filled answer
     */
    public FilledForm fill(FormDefinition form, Policy policy, CaseState c, int stage, Map<String, String> userValues,
                           String user, Instant now) {
        CaseFacts facts = new CaseFacts(c, policy, calendar, now, user, stage);
        Optional<Entry> earlier = latestVersion(c, form.id(), stage);
        List<FieldValue> values = new ArrayList<>();
        for (FormSection s : form.sections()) {
            for (FormField f : s.fields()) {
                values.add(answer(f.id(), f.label(), f.help(), f.kind(), f.choices(), f.required(), f.source(),
                        userValues, earlier, facts));
            }
        }
        for (SignatureBlock b : form.signatures()) {
            for (String part : SignatureBlock.PARTS) {
                boolean required = b.required() && !part.equals("date");
                values.add(answer(b.fieldId(part), b.title() + ": " + SignatureBlock.partLabel(part), null,
                        part.equals("date") ? FieldKind.DATE : FieldKind.TEXT, List.of(), required,
                        b.sources().get(part), userValues, earlier, facts));
            }
        }
        AnonymityGuard guard = new AnonymityGuard(c.details().childName(), c.details().childRef());
        List<FormProblem> problems = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            FieldValue v = values.get(i);
            String problem = v.problem();
            FormProblem.Kind kind = FormProblem.Kind.INVALID;
            if (problem == null && form.anonymous()) {
                Optional<String> leak = guard.find(v.value());
                if (leak.isPresent()) {
                    kind = FormProblem.Kind.IDENTIFIES_CHILD;
                    problem = "'" + v.label() + "' contains " + leak.get() + ". This form must not identify the"
                            + " child or family: remove it to finalise the form.";
                }
            }
            if (problem == null && v.missing()) {
                kind = FormProblem.Kind.MISSING;
                problem = "'" + v.label() + "' is required.";
            }
            if (problem != null) {
                values.set(i, new FieldValue(v.id(), v.label(), v.help(), v.kind(), v.choices(), v.required(),
                        v.value(), v.origin(), problem));
                problems.add(new FormProblem(v.id(), v.label(), kind, problem));
            }
        }
        // a letter goes to its addressee; a form back to its recipient
        String to = form.letter() ? form.addressee() : form.recipient();
        Contact recipient = to == null ? null : policy.contact(to).orElse(null);
        String reference = form.anonymous() ? anonymousReference(c) : c.details().childRef();
        String heading = policy.track(c.trackId()).flatMap(t -> t.stage(stage)).map(Stage::heading)
                .orElse("Stage " + stage);
        return new FilledForm(form, c.id(), reference, policy.partnership(), policy.name(), c.policyVersion(), stage,
                heading, nextVersion(c, form.id()), UkTime.date(now), recipient, values, problems);
    }

    /** How an anonymous form names the case: Resolve's case number, never the child's reference. */
    public static String anonymousReference(CaseState c) {
        return c.id().toString().substring(0, 8);
    }

    /** The number the next completed version of {@code formId} on this case will have. */
    public static int nextVersion(CaseState c, String formId) {
        return (int) c.entries().stream()
                .filter(e -> e.type() == EntryType.FORM_COMPLETED && formId.equals(e.get(FORM))).count() + 1;
    }

    /** The latest completed version of {@code formId} at {@code stage} or before. */
    public static Optional<Entry> latestVersion(CaseState c, String formId, int stage) {
        return c.entries().stream()
                .filter(e -> e.type() == EntryType.FORM_COMPLETED && formId.equals(e.get(FORM))
                        && e.intValue(STAGE, 0) <= stage)
                .max(Comparator.comparing(Entry::writtenAt).thenComparing(Entry::happenedAt));
    }

    private static FieldValue answer(String id, String label, String help, FieldKind kind, List<String> choices,
                                     boolean required, String source, Map<String, String> userValues,
                                     Optional<Entry> earlier, CaseFacts facts) {
        String value;
        FieldValue.Origin origin;
        String earlierValue = earlier.map(e -> e.get(FIELD_PREFIX + id)).orElse(null);
        String sourced = source == null ? "" : facts.value(source);
        if (userValues.containsKey(id)) {
            String typed = userValues.get(id);
            value = typed == null ? "" : typed.strip();
            origin = value.isEmpty() ? FieldValue.Origin.NONE : FieldValue.Origin.USER;
        } else if (earlierValue != null && !earlierValue.isBlank()
                && !(source != null && CaseFacts.LIVE.contains(source) && !sourced.isBlank())) {
            value = earlierValue;
            origin = FieldValue.Origin.EARLIER_VERSION;
        } else if (!sourced.isBlank()) {
            value = sourced;
            origin = FieldValue.Origin.CASE;
        } else {
            value = "";
            origin = FieldValue.Origin.NONE;
        }
        String problem = null;
        if (!value.isEmpty()) {
            switch (kind) {
                case DATE -> {
                    LocalDate d = date(value);
                    if (d == null) {
                        String v = value;
                        problem = TypedDates.impossible(value)
                                .map(why -> "'" + label + "': " + why + ". Check the date and give it again.")
                                .orElseGet(() -> "'" + label + "': '" + v + "' is not a date; write it as, for"
                                        + " example, 21 Dec 2026 or 21/12/2026.");
                    } else {
                        value = UkTime.formatDate(d);
                    }
                }
                case NUMBER -> {
                    if (!value.matches("\\d{1,9}")) {
                        problem = "'" + label + "': '" + value + "' is not a whole number; write it in digits,"
                                + " for example 12.";
                    }
                }
                case CHOICE -> {
                    String v = value;
                    Optional<String> match = choices.stream().filter(ch -> ch.equalsIgnoreCase(v)).findFirst();
                    if (match.isPresent()) {
                        value = match.get();
                    } else if (origin == FieldValue.Origin.CASE) {
                        // The case's own value is not one of the choices (a withdrawn case, say): ask the user.
                        value = "";
                        origin = FieldValue.Origin.NONE;
                    } else {
                        problem = "'" + label + "': '" + value + "' is not one of the choices; choose "
                                + String.join(", ", choices.stream().map(ch -> "'" + ch + "'").toList()) + ".";
                    }
                }
                case TEXT -> value = value.replaceAll("\\s*\\R\\s*", " ");
                case LONG_TEXT -> {
                    // paragraphs are kept as typed
                }
            }
        }
        return new FieldValue(id, label, help, kind, choices, required, value, origin, problem);
    }

    /** Reads a date as people type it, or null (a day the month does not have is none: 31 Feb). */
    public static LocalDate date(String text) {
        return TypedDates.read(text).orElse(null);
    }
}
