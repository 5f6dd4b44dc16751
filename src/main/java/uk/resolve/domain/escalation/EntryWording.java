/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import uk.resolve.domain.attachment.Attachment;
import uk.resolve.domain.policy.Budget;
import uk.resolve.domain.policy.ChecklistItem;
import uk.resolve.domain.policy.DateQuestion;
import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.FactQuestion;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.FormField;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.UkTime;

import static uk.resolve.domain.escalation.EntryText.*;

/**
 * The one wording of each kind of entry, shared by every place that shows the record. It reads the
 * procedure for the titles of its forms, questions, routes, deadlines and steps, so that nobody reads
 * an internal id, and takes people's display names from {@code names}.
 *
 * <p>Stateful across one case, in the order the entries apply: a changed answer says what it was before.
 */
public final class EntryWording {

    /** Prefix of a form's field on a completed-form entry (as written by the form filler). */
    public static final String FIELD_PREFIX = "field.";

    private final Policy policy;
    private final UnaryOperator<String> names;
    private final Map<String, String> answered = new HashMap<>();

    /** @param names a person's display name from their sign-in name; the sign-in name when unknown */
    public EntryWording(Policy policy, UnaryOperator<String> names) {
        this.policy = policy;
        this.names = login -> {
            String n = login == null || login.isBlank() ? null : names.apply(login);
            return n == null || n.isBlank() ? (login == null ? "" : login) : n;
        };
    }

    /** The view of {@code e}, applied at {@code stage}, with what corrects and approves it. */
    public EntryView view(Entry e, int stage, List<Entry> corrections, List<Entry> approvals) {
        List<EntryView.Line> details = new ArrayList<>();
        String what = what(e, details);
        List<EntryView.Note> corr = corrections.stream().map(c -> new EntryView.Note("Corrected on "
                + UkTime.format(c.writtenAt()) + " by " + names.apply(c.author()) + ". Reason: "
                + c.get(REASON, "not given"), c.get(TEXT, ""), c.author())).toList();
        List<EntryView.Note> appr = approvals.stream().map(a -> new EntryView.Note(
                (a.type() == EntryType.FORM_SIGNED ? "Signed by " : "Approved by ") + names.apply(a.author()) + " on "
                        + UkTime.format(a.writtenAt())
                        + (a.get(BLOCK_TITLE) == null ? "" : " in the block “" + a.get(BLOCK_TITLE) + "”"),
                a.get(NOTE, ""), a.author())).toList();
        boolean late = e.writtenAt().isAfter(e.happenedAt().plus(Duration.ofDays(1)));
        boolean escalation = e.type() == EntryType.ESCALATED;
        String title = escalation ? "Escalated to stage " + e.get(TO_STAGE, "?") : e.type().label();
        return new EntryView(e.id(), e.type(), title, e.happenedAt(), e.writtenAt(),
                escalation ? e.intValue(STAGE, stage) : stage, e.author(),
                names.apply(e.author()), what, details, corr, appr, late);
    }

    private String what(Entry e, List<EntryView.Line> d) {
        return switch (e.type()) {
            case CASE_OPENED -> {
                e.data().forEach((k, v) -> {
                    if (k.startsWith(FACT_PREFIX) && v != null) {
                        answered.put(k.substring(FACT_PREFIX.length()), v);
                    }
                });
                add(d, "Category", categoryLabel(e.get(CATEGORY)));
                add(d, "Evidence", e.get(EVIDENCE));
                add(d, "Outcome wanted", e.get(OUTCOME_WANTED));
                if (e.flag(IMMEDIATE_RISK)) {
                    add(d, "Immediate risk", "started at stage " + e.get(START_STAGE, "1")
                            + (e.get(REASON) == null ? "" : " because: " + e.get(REASON)));
                }
                yield e.get(CONCERN, "");
            }
            case DISCUSSION_RECORDED -> {
                add(d, "With", e.get(WITH, "") + ", " + methodLabel(e.get(METHOD)));
                add(d, "Agreed actions", e.get(ACTIONS));
                d.add(new EntryView.Line("", e.flag(RESOLVED) ? "Resolved the disagreement."
                        : "Not resolved by this discussion."));
                yield e.get(SUMMARY, "");
            }
            case ESCALATED -> {
                add(d, "Next stage", stageHeading(e.intValue(TO_STAGE, 0)));
                add(d, "Evidence", e.get(EVIDENCE));
                yield e.get(REASON, "");
            }
            case RESOLVED -> {
                add(d, "Outstanding issues", e.get(OUTSTANDING));
                add(d, "Learning for the partnership", e.get(LEARNING));
                yield e.get(OUTCOME, "");
            }
            case WITHDRAWN, REOPENED, RISK_ACTION -> e.get(primaryField(e), "");
            case DEADLINE_SHORTENED -> {
                add(d, "Deadline", deadlineLabel(e.get(DEADLINE)));
                String due = e.get(DUE);
                add(d, "New deadline", due == null ? null : UkTime.format(CaseProjector.parseDue(due)));
                yield e.get(REASON, "");
            }
            case DEADLINE_MET -> {
                add(d, "Note", e.get(NOTE));
                yield "Done: " + deadlineLabel(e.get(DEADLINE));
            }
            case NOTIFICATION_SENT -> {
                add(d, "How it was sent", e.get(NOTE));
                yield "Told " + e.get("to", "who the procedure names") + (e.intValue(STAGE, 0) > 0
                        ? " (required at stage " + e.get(STAGE) + ")" : " (required on opening)");
            }
            case FORM_COMPLETED -> {
                Optional<FormDefinition> def = policy.form(e.get(FORM, ""));
                for (Map.Entry<String, String> f : e.data().entrySet()) {
                    if (f.getKey().startsWith(FIELD_PREFIX) && f.getValue() != null && !f.getValue().isBlank()) {
                        String id = f.getKey().substring(FIELD_PREFIX.length());
                        d.add(new EntryView.Line(fieldLabel(def, id), f.getValue()));
                    }
                }
                yield formTitle(e.get(FORM, "")) + " completed (version " + e.get(VERSION, "1") + ")";
            }
            case FORM_SIGNED -> "Signed: " + formTitle(e.get(FORM, ""));
            case RECORD_APPROVED -> "Approved" + (e.get(NOTE) == null ? "" : ": " + e.get(NOTE));
            case CORRECTION -> e.get(TEXT, "");
            case CASE_SHARED -> {
                add(d, "Note", e.get(NOTE));
                yield "Shared with " + names.apply(e.get(WITH, ""));
            }
            case DATE_RECORDED -> {
                String id = e.get(ID, "");
                yield policy.date(id).map(DateQuestion::label).orElse("A date") + ": " + dateLabel(e.get(VALUE));
            }
            case FACT_ANSWERED -> {
                String id = e.get(ID, "");
                String before = answered.put(id, e.get(VALUE, ""));
                if (before != null) {
                    add(d, "Changed from", answerLabel(before));
                }
                yield policy.fact(id).map(FactQuestion::label).orElse("A question of the procedure") + " "
                        + answerLabel(e.get(VALUE, ""));
            }
            case TRACK_SWITCHED -> {
                String from = e.get("fromTrack", "");
                add(d, "From", policy.track(from).map(Track::name).orElse("the earlier route") + ", stage "
                        + e.get(STAGE, "?"));
                add(d, "Reason", e.get(REASON));
                Track to = policy.track(e.get(TRACK, "")).orElse(null);
                yield "Route changed to " + (to == null ? "another route" : to.name()
                        + to.stage(e.intValue(TO_STAGE, 1)).map(st -> ", " + st.heading()).orElse(""));
            }
            case CHECKLIST_TICKED -> {
                add(d, "Note", e.get(NOTE));
                yield "Done: " + stepText(e.get(ITEM));
            }
            case ATTACHMENT_ADDED -> {
                String note = e.get(NOTE, "");
                long size;
                try {
                    size = Long.parseLong(e.get(Attachment.SIZE, "0"));
                } catch (NumberFormatException ex) {
                    size = 0;
                }
                yield new Attachment(0, e.id(), e.get(Attachment.FILE_NAME, "document"), size, "", "", "",
                        e.writtenAt()).describe() + (note.isBlank() ? "" : ": " + note);
            }
            case PERSON_KEYS, CASE_KEY, REPORT_KEY -> e.get(NOTE, "");
        };
    }

    private String formTitle(String formId) {
        return policy.form(formId).map(FormDefinition::title).orElse("A form");
    }

    private static String fieldLabel(Optional<FormDefinition> def, String fieldId) {
        return def.stream().flatMap(f -> f.sections().stream()).flatMap(s -> s.fields().stream())
                .filter(f -> f.id().equals(fieldId)).map(FormField::label).findFirst()
                .orElse(answerLabel(fieldId));
    }

    private String categoryLabel(String category) {
        return category == null ? null : policy.category(category).map(c -> c.label()).orElse(category);
    }

    private String stageHeading(int number) {
        return policy.tracks().stream().flatMap(t -> t.stage(number).stream()).map(Stage::heading).findFirst()
                .orElse("stage " + number);
    }

    private String deadlineLabel(String id) {
        Stream<String> rules = policy.tracks().stream().flatMap(t -> Stream.concat(
                t.stages().stream().flatMap(s -> s.deadlines().stream()).filter(r -> r.id().equals(id))
                        .map(DeadlineRule::label),
                t.budgets().stream().filter(b -> b.id().equals(id)).map(Budget::label)));
        return rules.findFirst().orElse("a deadline of the procedure");
    }

    private String stepText(String itemId) {
        return policy.tracks().stream().flatMap(t -> t.stages().stream()).flatMap(s -> s.items().stream())
                .filter(i -> itemId != null && itemId.equals(i.id())).map(ChecklistItem::text).findFirst()
                .orElse("a step of the procedure");
    }

    /** How a discussion was held: {@code video} as "by video call". */
    public static String methodLabel(String method) {
        return switch (method == null ? "other" : method) {
            case "phone" -> "by phone";
            case "meeting" -> "at a meeting";
            case "e-mail" -> "by e-mail";
            case "video" -> "by video call";
            default -> "by other means";
        };
    }

    /** How an answer reads: {@code not-urgent} as "Not urgent". */
    public static String answerLabel(String answer) {
        String a = answer.replace('-', ' ').replace('_', ' ');
        return a.isEmpty() ? a : Character.toUpperCase(a.charAt(0)) + a.substring(1);
    }

    /** A date given without a time reads as the day alone. */
    public static String dateLabel(Instant v) {
        return UkTime.local(v).toLocalTime().equals(LocalTime.MIDNIGHT) ? UkTime.formatDate(UkTime.date(v))
                : UkTime.format(v);
    }

    private static String dateLabel(String iso) {
        return iso == null ? "not given" : dateLabel(Instant.parse(iso));
    }

    private static void add(List<EntryView.Line> out, String label, String v) {
        if (v != null && !v.isBlank()) {
            out.add(new EntryView.Line(label, v));
        }
    }
}
