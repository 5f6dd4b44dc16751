/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.resolve.domain.policy.Anchor;
import uk.resolve.domain.policy.AnchorRef;
import uk.resolve.domain.policy.ChecklistItem;
import uk.resolve.domain.policy.DateQuestion;
import uk.resolve.domain.policy.FactQuestion;
import uk.resolve.domain.policy.TrackSwitch;
import uk.resolve.domain.time.UkCalendar;
import uk.resolve.domain.policy.Budget;
import uk.resolve.domain.policy.Category;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Condition;
import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.FieldKind;
import uk.resolve.domain.policy.FinalArbiter;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.FormField;
import uk.resolve.domain.policy.FormSection;
import uk.resolve.domain.policy.FormSource;
import uk.resolve.domain.policy.FormRule;
import uk.resolve.domain.policy.ImmediateRisk;
import uk.resolve.domain.policy.NotificationRule;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Scope;
import uk.resolve.domain.policy.SignatureBlock;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.policy.Trigger;
import uk.resolve.domain.time.TimeSpan;
import uk.resolve.domain.time.TimeUnit;

/**
 * Loads and validates a procedure file (format {@code resolve-policy/1}, described in
 * {@code docs/policy-format.md}). Every problem is collected with its field path and line; a file
 * with any problem loads nothing.
 */
public final class PolicyLoader {

    public static final String FORMAT = "resolve-policy/1";

    private static final Pattern SPAN = Pattern.compile(
            "(\\d+)\\s+(working days?|calendar days?|days?|hours?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final Set<String> TOP = Set.of("format", "id", "name", "partnership", "shortName", "version",
            "source", "summary", "scope", "categories", "principles", "recording", "immediateRisk", "finalArbiter",
            "contacts", "notifications", "forms", "tracks", "calendar", "dates", "facts", "outcomes");
    private static final Set<String> DATE = Set.of("id", "label", "askedAt", "required");
    private static final Set<String> FACT = Set.of("id", "label", "choices", "askedAt", "required");
    private static final Set<String> SWITCH = Set.of("to", "label", "reasonRequired", "toStage", "when");
    private static final Set<String> ITEM = Set.of("id", "text", "required", "on", "when");
    private static final Set<String> SCOPE = Set.of("childStatuses", "adultsAtRisk");
    private static final Set<String> CATEGORY = Set.of("id", "label");
    private static final Set<String> RISK = Set.of("instruction", "startStages");
    private static final Set<String> ARBITER = Set.of("title", "description", "binding", "minimumAgencies");
    private static final Set<String> CONTACT = Set.of("id", "name", "role", "organisation", "group", "email",
            "phone", "notes", "use");
    private static final Set<String> FORM = Set.of("id", "title", "description", "completedBy", "recipient",
            "anonymous", "sections", "signatures", "kind", "addressee");
    private static final Set<String> SECTION = Set.of("title", "text", "fields");
    private static final Set<String> FIELD = Set.of("id", "label", "help", "kind", "source", "required", "choices");
    private static final Set<String> SIGNATURE = Set.of("id", "title", "required", "sources");
    private static final Set<String> TRACK = Set.of("id", "name", "description", "budgets", "stages", "finalArbiter");
    private static final Set<String> BUDGET = Set.of("id", "label", "within", "from", "stages");
    private static final Set<String> STAGE = Set.of("label", "title", "participants", "guidance", "checklist",
            "contacts", "deadlines", "notifications", "forms", "finalArbiter", "switches");
    private static final Set<String> DEADLINE = Set.of("id", "label", "within", "from", "when", "orSooner");
    private static final Set<String> NOTIFICATION = Set.of("id", "to", "contact", "purpose", "on", "when", "within");
    private static final Set<String> WHEN = Set.of("childStatus", "immediateRisk", "facts", "track", "outcome");
    private static final Set<String> FORM_RULE = Set.of("form", "on", "action", "when");

    private PolicyLoader() {
    }

    public static Policy load(Path file) throws PolicyFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyFileException(file.toString(), List.of(new Problem("", 0,
                    "the file could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); check the path and that it is a text file")));
        }
        return load(text, file.toString());
    }

    /**
     * @param text   the file's content
     * @param source its name, for messages
     */
    public static Policy load(String text, String source) throws PolicyFileException {
        List<Problem> problems = new ArrayList<>();
        Node root = NodeReader.read(text, problems);
        Policy policy = root == null ? null : new Reader(problems).policy(root);
        if (!problems.isEmpty() || policy == null) {
            if (problems.isEmpty()) {
                problems.add(new Problem("", 0, "no procedure could be read from the file"));
            }
            throw new PolicyFileException(source, problems);
        }
        return policy;
    }

    /** Parses "7 working days", "1 working day", "24 hours", "3 calendar days", "immediately". */
    static TimeSpan span(String text) {
        String t = text.strip().toLowerCase(Locale.UK);
        if (t.equals("immediately")) {
            return TimeSpan.immediately();
        }
        Matcher m = SPAN.matcher(t);
        if (!m.matches()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2);
        TimeUnit u = unit.startsWith("working") ? TimeUnit.WORKING_DAYS
                : unit.startsWith("hour") ? TimeUnit.HOURS : TimeUnit.CALENDAR_DAYS;
        return new TimeSpan(n, u);
    }

    private static final class Reader {
        private final List<Problem> problems;
        private final Set<String> contactIds = new HashSet<>();
        private final Set<String> formIds = new HashSet<>();
        private final Map<String, FactQuestion> factsById = new LinkedHashMap<>();
        private final Set<String> dateIds = new HashSet<>();
        private final Set<String> trackIds = new HashSet<>();
        private final Set<String> outcomeIds = new HashSet<>();
        private final List<Runnable> crossChecks = new ArrayList<>();
        private int longestTrack;

        Reader(List<Problem> problems) {
            this.problems = problems;
        }

        Policy policy(Node root) {
            Fields f = Fields.of(root, problems, TOP);
            if (f == null) {
                return null;
            }
            String format = f.text("format");
            if (format != null && !format.equals(FORMAT)) {
                problems.add(new Problem("format", f.raw("format").line(), "this version of Resolve reads '" + FORMAT
                        + "' files; this one says '" + format + "'"
                        + (format.startsWith("resolve-policy/") ? " (it may need a newer version of Resolve)" : "")));
            }
            String id = id(f, "id");
            String name = f.text("name");
            String partnership = f.text("partnership");
            String shortName = f.optText("shortName");
            String version = f.text("version");
            Scope scope = scope(f.raw("scope"));
            List<Category> categories = f.list("categories", true, this::category);
            unique(f, "categories", categories.stream().map(Category::id).toList());
            String calendar = f.optText("calendar");
            if (calendar != null && UkCalendar.Region.fromCode(calendar).isEmpty()) {
                problems.add(new Problem("calendar", f.raw("calendar").line(), "unknown calendar '" + calendar
                        + "'; use one of: " + UkCalendar.Region.codes()));
            }
            List<DateQuestion> dates = f.list("dates", false, this::dateQuestion);
            unique(f, "dates", List.of());
            dates.forEach(d -> dateIds.add(d.id()));
            List<FactQuestion> facts = f.list("facts", false, this::fact);
            unique(f, "facts", List.of());
            facts.forEach(q -> factsById.put(q.id(), q));
            if (f.raw("tracks") instanceof Node.Sequence ts) {
                for (Node t : ts.items()) {
                    if (t instanceof Node.Mapping m && m.get("id") instanceof Node.Scalar sc && !sc.isNull()) {
                        trackIds.add(sc.text().strip());
                    }
                }
            }
            List<Category> outcomes = f.list("outcomes", false, this::category);
            unique(f, "outcomes", List.of());
            outcomes.forEach(o -> outcomeIds.add(o.id()));
            List<Contact> contacts = f.list("contacts", false, this::contact);
            unique(f, "contacts", contacts.stream().map(Contact::id).toList());
            contacts.forEach(c -> contactIds.add(c.id()));
            List<FormDefinition> forms = f.list("forms", false, this::form);
            unique(f, "forms", forms.stream().map(FormDefinition::id).toList());
            forms.forEach(x -> formIds.add(x.id()));
            List<NotificationRule> notifications = f.list("notifications", false, n -> notification(n, true));
            unique(f, "notifications", List.of());
            List<Track> tracks = f.list("tracks", true, this::track);
            if (f.has("tracks") && tracks.isEmpty() && f.raw("tracks") instanceof Node.Sequence) {
                problems.add(new Problem("tracks", f.raw("tracks").line(), "a procedure needs at least one track"));
            }
            unique(f, "tracks", tracks.stream().map(Track::id).toList());
            longestTrack = tracks.stream().mapToInt(Track::lastStage).max().orElse(0);
            ImmediateRisk risk = immediateRisk(f.raw("immediateRisk"), tracks);
            FinalArbiter arbiter = arbiter(f.raw("finalArbiter"));
            crossChecks.forEach(Runnable::run);
            if (!problems.isEmpty()) {
                return null;
            }
            return new Policy(id, name, partnership, shortName == null ? partnership : shortName, version,
                    f.optText("source"), f.optText("summary"), scope, categories, f.texts("principles"),
                    f.optText("recording"), risk, arbiter, contacts, tracks, notifications, forms,
                    calendar == null ? "england-and-wales" : calendar, dates, facts, outcomes);
        }

        private String id(Fields f, String key) {
            String id = f.text(key);
            if (id != null && !ID.matcher(id).matches()) {
                Node n = f.raw(key);
                problems.add(new Problem(n.path(), n.line(), "'" + id + "' is not a valid id: use lower-case letters,"
                        + " digits and hyphens, for example 'north-somerset'"));
            }
            return id;
        }

        /** Reports each id under the list {@code key} used a second time, at the line of the duplicate. */
        private void unique(Fields f, String key, List<String> ignored) {
            uniqueIn(f.raw(key), "id");
        }

        private void uniqueIn(Node list, String idKey) {
            if (!(list instanceof Node.Sequence seq)) {
                return;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (Node item : seq.items()) {
                if (item instanceof Node.Mapping m && m.get(idKey) instanceof Node.Scalar sc && !sc.isNull()) {
                    String id = sc.text().strip();
                    Integer first = seen.putIfAbsent(id, sc.line());
                    if (first != null) {
                        problems.add(new Problem(sc.path(), sc.line(), "the id '" + id + "' is used twice (first on line "
                                + first + "); ids must be unique in a list"));
                    }
                }
            }
        }

        private DateQuestion dateQuestion(Node n) {
            Fields f = Fields.of(n, problems, DATE);
            if (f == null) {
                return null;
            }
            int stageNo = askedAtStage(f);
            boolean opening = stageNo == 0 && askedAt(f);
            boolean required = f.bool("required", false);
            if (required && !opening) {
                problems.add(new Problem(f.path() + ".required", f.line(), "only a date asked at opening can be"
                        + " required; add 'askedAt: opening' or remove 'required'"));
            }
            return new DateQuestion(id(f, "id"), f.text("label"), opening, required, stageNo);
        }

        /** The N of {@code askedAt: stage-N}, checked against the longest track; 0 for any other askedAt. */
        private int askedAtStage(Fields f) {
            String at = f.optText("askedAt");
            if (at == null || !at.startsWith("stage-")) {
                return 0;
            }
            Node node = f.raw("askedAt");
            int n;
            try {
                n = Integer.parseInt(at.substring(6));
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                problems.add(new Problem(node.path(), node.line(), "unknown askedAt '" + at
                        + "'; use opening, any or stage-<number>, for example stage-2"));
                return 0;
            }
            int asked = n;
            crossChecks.add(() -> {
                if (asked > longestTrack) {
                    problems.add(new Problem(node.path(), node.line(), "there is no stage " + asked
                            + " in any track; stages are numbered 1 to " + longestTrack));
                }
            });
            return n;
        }

        private boolean askedAt(Fields f) {
            String at = f.optText("askedAt");
            if (at == null || at.equals("any")) {
                return false;
            }
            if (at.equals("opening")) {
                return true;
            }
            problems.add(new Problem(f.raw("askedAt").path(), f.raw("askedAt").line(), "unknown askedAt '" + at
                    + "'; use opening, any or stage-<number>"));
            return false;
        }

        private FactQuestion fact(Node n) {
            Fields f = Fields.of(n, problems, FACT);
            if (f == null) {
                return null;
            }
            List<String> choices = f.has("choices") ? f.texts("choices") : FactQuestion.YES_NO;
            Set<String> seen = new HashSet<>();
            for (String c : choices) {
                if (!seen.add(c)) {
                    problems.add(new Problem(f.raw("choices").path(), f.raw("choices").line(),
                            "the choice '" + c + "' is listed twice"));
                }
            }
            String at = f.optText("askedAt");
            int stageNo = askedAtStage(f);
            boolean opening = !(at != null && at.startsWith("stage-")) && askedAt(f);
            boolean required = f.bool("required", false);
            if (required && !opening) {
                problems.add(new Problem(f.path() + ".required", f.line(), "only a question asked at opening can be"
                        + " required; add 'askedAt: opening' or remove 'required'"));
            }
            return new FactQuestion(id(f, "id"), f.text("label"), choices, opening, stageNo, required);
        }

        /** Reads {@code when:}; facts, their answers and tracks are checked once the whole file is read. */
        private Condition when(Fields f) {
            if (!f.has("when")) {
                return Condition.ALWAYS;
            }
            Fields w = Fields.of(f.raw("when"), problems, WHEN);
            if (w == null) {
                return Condition.ALWAYS;
            }
            Boolean risk = w.has("immediateRisk") ? w.bool("immediateRisk", false) : null;
            Map<String, Set<String>> facts = new LinkedHashMap<>();
            if (w.raw("facts") instanceof Node.Mapping m) {
                for (Map.Entry<String, Node> e : m.view().entrySet()) {
                    Set<String> values = new LinkedHashSet<>();
                    Node v = e.getValue();
                    if (v instanceof Node.Sequence seq) {
                        seq.items().forEach(i -> values.add(answer(i)));
                    } else {
                        values.add(answer(v));
                    }
                    facts.put(e.getKey(), values);
                    String factId = e.getKey();
                    crossChecks.add(() -> {
                        FactQuestion q = factsById.get(factId);
                        if (q == null) {
                            problems.add(new Problem(v.path(), v.line(), "'when' names the fact '" + factId
                                    + "', which is not declared under 'facts'"));
                        } else {
                            for (String val : values) {
                                if (!q.choices().contains(val)) {
                                    problems.add(new Problem(v.path(), v.line(), "'" + val + "' is not an answer to '"
                                            + factId + "'; its answers are: " + String.join(", ", q.choices())));
                                }
                            }
                        }
                    });
                }
            } else if (w.has("facts")) {
                problems.add(new Problem(w.raw("facts").path(), w.raw("facts").line(),
                        "'facts' maps each fact's id to the answer (or list of answers) the rule needs"));
            }
            Set<String> tracks = new LinkedHashSet<>(w.has("track") && w.raw("track") instanceof Node.Scalar
                    ? List.of(w.text("track")) : w.texts("track"));
            for (String t : tracks) {
                Node tn = w.raw("track");
                crossChecks.add(() -> {
                    if (!trackIds.contains(t)) {
                        problems.add(new Problem(tn.path(), tn.line(), "no track has the id '" + t + "'"));
                    }
                });
            }
            Set<String> outcomes = new LinkedHashSet<>(w.has("outcome") && w.raw("outcome") instanceof Node.Scalar
                    ? List.of(w.text("outcome")) : w.texts("outcome"));
            for (String o : outcomes) {
                Node on = w.raw("outcome");
                crossChecks.add(() -> {
                    if (!outcomeIds.contains(o)) {
                        problems.add(new Problem(on.path(), on.line(), "no outcome has the id '" + o
                                + "'; declare it under 'outcomes'"));
                    }
                });
            }
            return new Condition(statuses(w, "childStatus"), risk, facts, tracks, outcomes);
        }

        /** A fact's answer as written; YAML's yes/no/true/false all mean yes or no. */
        private static String answer(Node n) {
            String t = n instanceof Node.Scalar sc && !sc.isNull() ? sc.text().strip() : "";
            return switch (t.toLowerCase(Locale.UK)) {
                case "true", "yes" -> "yes";
                case "false", "no" -> "no";
                default -> t;
            };
        }

        private FinalArbiter optionalArbiter(Fields f) {
            return f.has("finalArbiter") ? arbiter(f.raw("finalArbiter")) : null;
        }

        private TrackSwitch trackSwitch(Node n) {
            Fields f = Fields.of(n, problems, SWITCH);
            if (f == null) {
                return null;
            }
            String to = f.text("to");
            if (to != null) {
                Node tn = f.raw("to");
                crossChecks.add(() -> {
                    if (!trackIds.contains(to)) {
                        problems.add(new Problem(tn.path(), tn.line(), "the switch goes to the track '" + to
                                + "', which this procedure does not have"));
                    }
                });
            }
            return new TrackSwitch(to, f.text("label"), f.bool("reasonRequired", false), f.integer("toStage", 1), when(f));
        }

        private ChecklistItem item(Node n) {
            if (n instanceof Node.Scalar sc) {
                return sc.isNull() ? null : new ChecklistItem(null, sc.text().strip(), false, false, Condition.ALWAYS);
            }
            Fields f = Fields.of(n, problems, ITEM);
            if (f == null) {
                return null;
            }
            String required = f.optText("required");
            if (required != null && !required.equals("before-escalating")) {
                problems.add(new Problem(f.raw("required").path(), f.raw("required").line(), "unknown required '"
                        + required + "'; use before-escalating"));
            }
            String on = f.optText("on");
            if (on != null && !on.equals("meeting-recorded")) {
                problems.add(new Problem(f.raw("on").path(), f.raw("on").line(), "unknown on '" + on
                        + "'; a checklist item may be 'on: meeting-recorded'"));
            }
            String id = f.has("id") ? id(f, "id") : null;
            if (id == null && required != null) {
                problems.add(new Problem(f.path(), f.line(), "a required checklist item needs an 'id' so it can be ticked"));
            }
            return new ChecklistItem(id, f.text("text"), required != null, on != null, when(f));
        }

        private Scope scope(Node n) {
            if (n == null) {
                return new Scope(Set.of(), false);
            }
            Fields f = Fields.of(n, problems, SCOPE);
            if (f == null) {
                return new Scope(Set.of(), false);
            }
            return new Scope(statuses(f, "childStatuses"), f.bool("adultsAtRisk", false));
        }

        private Set<ChildStatus> statuses(Fields f, String key) {
            Set<ChildStatus> out = new LinkedHashSet<>();
            List<String> codes = f.texts(key);
            Node list = f.raw(key);
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                ChildStatus s = ChildStatus.fromCode(code).orElse(null);
                if (s == null) {
                    Node item = list instanceof Node.Sequence seq ? seq.items().get(i) : list;
                    problems.add(new Problem(item.path(), item.line(), "unknown child status '" + code
                            + "'; use one of: " + ChildStatus.codes()));
                } else {
                    out.add(s);
                }
            }
            return out;
        }

        private Category category(Node n) {
            Fields f = Fields.of(n, problems, CATEGORY);
            return f == null ? null : new Category(id(f, "id"), f.text("label"));
        }

        private Contact contact(Node n) {
            Fields f = Fields.of(n, problems, CONTACT);
            if (f == null) {
                return null;
            }
            List<String> uses = f.raw("use") instanceof Node.Scalar ? List.of(f.text("use")) : f.texts("use");
            for (String use : uses) {
                if (!Contact.USES.contains(use)) {
                    problems.add(new Problem(f.raw("use").path(), f.raw("use").line(), "unknown use '" + use
                            + "'; use one or more of: " + String.join(", ", Contact.USES)));
                }
            }
            boolean urgent = uses.contains(Contact.FRONT_DOOR) || uses.contains(Contact.OUT_OF_HOURS);
            if (urgent && f.optText("phone") == null) {
                problems.add(new Problem(f.path() + ".phone", f.line(), "a front door or out-of-hours contact needs"
                        + " the 'phone' number to ring"));
            }
            return new Contact(id(f, "id"), f.text("name"), f.optText("role"), f.optText("organisation"),
                    f.optText("group"), f.optText("email"), f.optText("phone"), f.optText("notes"),
                    uses.stream().filter(Contact.USES::contains).distinct().toList());
        }

        private FormDefinition form(Node n) {
            Fields f = Fields.of(n, problems, FORM);
            if (f == null) {
                return null;
            }
            String recipient = f.optText("recipient");
            checkContact(f, "recipient", recipient);
            boolean anonymous = f.bool("anonymous", false);
            List<FormSection> sections = f.list("sections", false, s -> section(s, anonymous));
            List<SignatureBlock> signatures = f.list("signatures", false, s -> signature(s, anonymous));
            Set<String> seen = new HashSet<>();
            for (FormSection s : sections) {
                for (FormField field : s.fields()) {
                    if (field.id() != null && !seen.add(field.id())) {
                        problems.add(new Problem(f.path() + ".sections", f.raw("sections").line(),
                                "the field id '" + field.id() + "' is used twice in this form"));
                    }
                }
            }
            for (SignatureBlock b : signatures) {
                if (b.id() != null && !seen.add(b.id())) {
                    problems.add(new Problem(f.path() + ".signatures", f.raw("signatures").line(),
                            "the id '" + b.id() + "' is used twice in this form"));
                }
            }
            String kind = f.optText("kind");
            if (kind != null && !kind.equals(FormDefinition.FORM) && !kind.equals(FormDefinition.LETTER)) {
                problems.add(new Problem(f.raw("kind").path(), f.raw("kind").line(), "unknown kind '" + kind
                        + "'; use form or letter"));
            }
            String addressee = f.optText("addressee");
            if (addressee != null && !addressee.equals(FormDefinition.OTHER_AGENCY)) {
                checkContact(f, "addressee", addressee);
            }
            if (FormDefinition.LETTER.equals(kind) && addressee == null) {
                problems.add(new Problem(f.path() + ".addressee", f.line(), "a letter names its 'addressee': a contact id"
                        + " or other-agency"));
            }
            return new FormDefinition(id(f, "id"), f.text("title"), f.optText("description"),
                    f.optText("completedBy"), recipient, anonymous, sections, signatures, kind, addressee);
        }

        private FormSection section(Node n, boolean anonymous) {
            Fields f = Fields.of(n, problems, SECTION);
            if (f == null) {
                return null;
            }
            List<FormField> fields = f.list("fields", false, x -> field(x, anonymous));
            String text = f.optText("text");
            if (!f.has("fields") && text == null) {
                problems.add(new Problem(f.path(), f.line(), "a section needs 'fields', 'text' or both"));
            }
            return new FormSection(f.optText("title"), text, fields);
        }

        private FormField field(Node n, boolean anonymous) {
            Fields f = Fields.of(n, problems, FIELD);
            if (f == null) {
                return null;
            }
            String kindText = f.optText("kind");
            FieldKind kind = FieldKind.TEXT;
            if (kindText != null) {
                kind = FieldKind.fromCode(kindText).orElse(null);
                if (kind == null) {
                    problems.add(new Problem(f.raw("kind").path(), f.raw("kind").line(), "unknown kind '" + kindText
                            + "'; use one of: " + FieldKind.codes()));
                    kind = FieldKind.TEXT;
                }
            }
            List<String> choices = f.texts("choices");
            if (kind == FieldKind.CHOICE && choices.isEmpty()) {
                problems.add(new Problem(f.path() + ".choices", f.line(), "a choice field lists its 'choices'"));
            } else if (kind != FieldKind.CHOICE && !choices.isEmpty()) {
                problems.add(new Problem(f.raw("choices").path(), f.raw("choices").line(),
                        "only a field of kind 'choice' has choices; add 'kind: choice' or remove them"));
            }
            String source = source(f, "source", anonymous);
            return new FormField(id(f, "id"), f.text("label"), f.optText("help"), kind, source,
                    f.bool("required", false), choices);
        }

        private SignatureBlock signature(Node n, boolean anonymous) {
            Fields f = Fields.of(n, problems, SIGNATURE);
            if (f == null) {
                return null;
            }
            Map<String, String> sources = new LinkedHashMap<>();
            if (f.has("sources")) {
                Fields s = Fields.of(f.raw("sources"), problems, Set.copyOf(SignatureBlock.PARTS));
                if (s != null) {
                    for (String part : SignatureBlock.PARTS) {
                        String src = source(s, part, anonymous);
                        if (src != null) {
                            sources.put(part, src);
                        }
                    }
                }
            }
            return new SignatureBlock(id(f, "id"), f.text("title"), f.bool("required", false), sources);
        }

        /** Reads a field's source name and checks that Resolve can fill it (and may, on an anonymous form). */
        private String source(Fields f, String key, boolean anonymous) {
            String source = f.optText(key);
            if (source == null) {
                return null;
            }
            Node node = f.raw(key);
            if (!FormSource.known(source)) {
                problems.add(new Problem(node.path(), node.line(), "unknown source '" + source + "'; use one of: "
                        + String.join(", ", FormSource.CASE) + ", " + String.join(", ", FormSource.POLICY) + ", "
                        + String.join(", ", FormSource.OTHER) + ", or contact.<id>.<"
                        + String.join("|", FormSource.CONTACT_PARTS) + ">"));
                return null;
            }
            if (anonymous && FormSource.IDENTIFYING.contains(source)) {
                problems.add(new Problem(node.path(), node.line(), "this form is anonymous, so it may not be filled"
                        + " from '" + source + "', which identifies the child; remove the source or the field"));
                return null;
            }
            String contact = FormSource.contactId(source);
            if (contact != null) {
                crossChecks.add(() -> {
                    if (!contactIds.contains(contact)) {
                        problems.add(new Problem(node.path(), node.line(), "no contact has the id '" + contact
                                + "'; add it under 'contacts' or correct the id"));
                    }
                });
            }
            return source;
        }

        private void checkContact(Fields f, String key, String contactId) {
            if (contactId != null) {
                Node n = f.raw(key);
                crossChecks.add(() -> {
                    if (!contactIds.contains(contactId)) {
                        problems.add(new Problem(n.path(), n.line(), "no contact has the id '" + contactId
                                + "'; add it under 'contacts' or correct the id"));
                    }
                });
            }
        }

        private Track track(Node n) {
            Fields f = Fields.of(n, problems, TRACK);
            if (f == null) {
                return null;
            }
            List<Node> stageNodes = f.raw("stages") instanceof Node.Sequence s ? s.items() : List.of();
            List<Stage> stages = new ArrayList<>();
            for (int i = 0; i < stageNodes.size(); i++) {
                Stage st = stage(stageNodes.get(i), i + 1);
                if (st != null) {
                    stages.add(st);
                }
            }
            if (!(f.raw("stages") instanceof Node.Sequence)) {
                f.list("stages", true, x -> null);
            } else if (stageNodes.isEmpty()) {
                problems.add(new Problem(f.raw("stages").path(), f.raw("stages").line(), "a track needs at least one stage"));
            }
            int stageCount = stageNodes.size();
            List<Budget> budgets = f.list("budgets", false, b -> budget(b, stageCount));
            unique(f, "budgets", List.of());
            String trackId = f.text("id");
            // a deadline may be measured from when another deadline of its track was met
            Set<String> deadlineIds = new HashSet<>();
            stages.forEach(st -> st.deadlines().forEach(d -> deadlineIds.add(d.id())));
            budgets.forEach(b -> deadlineIds.add(b.id()));
            for (Node sn : stageNodes) {
                if (sn instanceof Node.Mapping m && m.get("deadlines") instanceof Node.Sequence ds) {
                    for (Node d : ds.items()) {
                        if (d instanceof Node.Mapping dm && dm.get("from") instanceof Node.Scalar from
                                && !from.isNull() && from.text().strip().startsWith("deadline:")) {
                            String ref = from.text().strip().substring(9).strip();
                            if (!deadlineIds.contains(ref)) {
                                problems.add(new Problem(from.path(), from.line(), "'from: deadline:" + ref
                                        + "' names no deadline of the track '" + trackId + "'"));
                            }
                        }
                    }
                }
            }
            return new Track(id(f, "id"), f.text("name"), f.optText("description"), stages, budgets, optionalArbiter(f));
        }

        private Budget budget(Node n, int stageCount) {
            Fields f = Fields.of(n, problems, BUDGET);
            if (f == null) {
                return null;
            }
            List<Integer> stages = f.integers("stages");
            if (stages.isEmpty()) {
                problems.add(new Problem(f.path() + ".stages", f.line(), "a shared timescale lists the stages it covers"));
            }
            stageNumbers(f, "stages", stages, stageCount);
            return new Budget(id(f, "id"), f.text("label"), within(f, true), anchor(f), Set.copyOf(stages));
        }

        private void stageNumbers(Fields f, String key, List<Integer> numbers, int stageCount) {
            for (int s : numbers) {
                if (s < 1 || s > stageCount) {
                    Node node = f.raw(key);
                    problems.add(new Problem(node.path(), node.line(), "there is no stage " + s + "; stages are numbered 1 to "
                            + stageCount));
                }
            }
        }

        private Stage stage(Node n, int number) {
            Fields f = Fields.of(n, problems, STAGE);
            if (f == null) {
                return null;
            }
            String title = f.text("title");
            String label = f.optText("label");
            List<String> contacts = f.texts("contacts");
            Node contactNode = f.raw("contacts");
            for (String c : contacts) {
                crossChecks.add(() -> {
                    if (!contactIds.contains(c)) {
                        problems.add(new Problem(contactNode.path(), contactNode.line(), "no contact has the id '" + c
                                + "'; add it under 'contacts' or correct the id"));
                    }
                });
            }
            List<DeadlineRule> deadlines = f.list("deadlines", false, this::deadline);
            unique(f, "deadlines", deadlines.stream().map(DeadlineRule::id).toList());
            List<NotificationRule> notifications = f.list("notifications", false, x -> notification(x, false));
            unique(f, "notifications", List.of());
            List<ChecklistItem> items = f.list("checklist", false, this::item);
            unique(f, "checklist", List.of());
            List<TrackSwitch> switches = f.list("switches", false, this::trackSwitch);
            uniqueIn(f.raw("switches"), "to");
            return new Stage(number, label == null ? "Stage " + number : label, title == null ? "" : title,
                    f.texts("participants"), f.text("guidance"),
                    items.stream().map(ChecklistItem::text).toList(), contacts, deadlines, notifications,
                    f.list("forms", false, this::formRule), f.bool("finalArbiter", false), switches, items);
        }

        private DeadlineRule deadline(Node n) {
            Fields f = Fields.of(n, problems, DEADLINE);
            if (f == null) {
                return null;
            }
            AnchorRef from = anchorRef(f);
            return new DeadlineRule(id(f, "id"), f.text("label"), within(f, true), from.anchor(), from.id(), when(f),
                    f.optText("orSooner"));
        }

        private TimeSpan within(Fields f, boolean required) {
            String text = required ? f.text("within") : f.optText("within");
            if (text == null) {
                return TimeSpan.immediately();
            }
            TimeSpan span = span(text);
            if (span == null) {
                Node node = f.raw("within");
                problems.add(new Problem(node.path(), node.line(), "'" + text + "' is not a timescale; write, for example,"
                        + " '5 working days', '1 working day', '24 hours', '3 calendar days' or 'immediately'"));
                return TimeSpan.immediately();
            }
            return span;
        }

        private AnchorRef anchorRef(Fields f) {
            String from = f.optText("from");
            if (from == null) {
                return AnchorRef.of(Anchor.STAGE_ENTERED);
            }
            Node node = f.raw("from");
            AnchorRef ref = AnchorRef.parse(from).orElse(null);
            if (ref == null) {
                problems.add(new Problem(node.path(), node.line(), "unknown starting point '" + from
                        + "'; use " + Anchor.codes()));
                return AnchorRef.of(Anchor.STAGE_ENTERED);
            }
            if (ref.anchor() == Anchor.DATE) {
                crossChecks.add(() -> {
                    if (!dateIds.contains(ref.id())) {
                        problems.add(new Problem(node.path(), node.line(), "'from: date:" + ref.id()
                                + "' names a date not declared under 'dates'"));
                    }
                });
            }
            return ref;
        }

        private Anchor anchor(Fields f) {
            String from = f.optText("from");
            if (from == null) {
                return Anchor.STAGE_ENTERED;
            }
            return Anchor.fromCode(from).orElseGet(() -> {
                Node node = f.raw("from");
                problems.add(new Problem(node.path(), node.line(), "unknown starting point '" + from
                        + "'; a shared timescale is measured from case-opened or stage-entered"));
                return Anchor.STAGE_ENTERED;
            });
        }

        private NotificationRule notification(Node n, boolean procedureWide) {
            Fields f = Fields.of(n, problems, NOTIFICATION);
            if (f == null) {
                return null;
            }
            String contact = f.optText("contact");
            checkContact(f, "contact", contact);
            Trigger on = trigger(f, procedureWide ? Trigger.CASE_OPENED : Trigger.STAGE_ENTERED);
            if (procedureWide && on != Trigger.CASE_OPENED) {
                problems.add(new Problem(f.path() + ".on", f.line(), "a notification outside a stage can only be due"
                        + " on 'case-opened'; put it under the stage it belongs to"));
            }
            Condition when = when(f);
            return new NotificationRule(id(f, "id"), f.text("to"), contact, f.text("purpose"), on, when, within(f, false));
        }

        private Trigger trigger(Fields f, Trigger fallback) {
            String on = f.optText("on");
            if (on == null) {
                return fallback;
            }
            return Trigger.fromCode(on).orElseGet(() -> {
                Node node = f.raw("on");
                problems.add(new Problem(node.path(), node.line(), "unknown event '" + on
                        + "'; use case-opened, stage-entered, meeting-recorded or resolved"));
                return fallback;
            });
        }

        private FormRule formRule(Node n) {
            Fields f = Fields.of(n, problems, FORM_RULE);
            if (f == null) {
                return null;
            }
            String form = f.text("form");
            if (form != null) {
                Node node = f.raw("form");
                crossChecks.add(() -> {
                    if (!formIds.contains(form)) {
                        problems.add(new Problem(node.path(), node.line(), "no form has the id '" + form
                                + "'; add it under 'forms' or correct the id"));
                    }
                });
            }
            String action = f.optText("action");
            if (action != null && !action.equals("complete") && !action.equals("update")) {
                problems.add(new Problem(f.raw("action").path(), f.raw("action").line(),
                        "unknown action '" + action + "'; use complete or update"));
            }
            return new FormRule(form, trigger(f, Trigger.STAGE_ENTERED), action == null ? "complete" : action, when(f));
        }

        private ImmediateRisk immediateRisk(Node n, List<Track> tracks) {
            if (n == null) {
                problems.add(new Problem("immediateRisk", 0, "'immediateRisk' is required: say what the procedure tells"
                        + " a worker to do when a child is at immediate risk of harm"));
                return null;
            }
            Fields f = Fields.of(n, problems, RISK);
            if (f == null) {
                return null;
            }
            List<Integer> starts = f.integers("startStages");
            int most = tracks.stream().mapToInt(Track::lastStage).max().orElse(0);
            stageNumbers(f, "startStages", starts, most);
            return new ImmediateRisk(f.text("instruction"), Set.copyOf(starts));
        }

        private FinalArbiter arbiter(Node n) {
            if (n == null) {
                problems.add(new Problem("finalArbiter", 0, "'finalArbiter' is required: say who decides last"));
                return null;
            }
            Fields f = Fields.of(n, problems, ARBITER);
            if (f == null) {
                return null;
            }
            return new FinalArbiter(f.text("title"), f.optText("description"), f.bool("binding", false),
                    f.integer("minimumAgencies", 0));
        }
    }
}
