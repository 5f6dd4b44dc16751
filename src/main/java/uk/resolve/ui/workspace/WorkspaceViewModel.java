/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.resolve.app.CaseService;
import uk.resolve.app.FormService;
import uk.resolve.security.Permission;
import uk.resolve.app.Preferences;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.UrgentContacts;
import uk.resolve.domain.escalation.ChronologyItem;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.EntryText;
import uk.resolve.domain.escalation.EntryView;
import uk.resolve.domain.escalation.FormStatus;
import uk.resolve.domain.escalation.NotificationStatus;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.escalation.StageVisit;
import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.DateQuestion;
import uk.resolve.domain.policy.FactQuestion;
import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.Deadlines;
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.UkTime;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.support.DraftStore;

import static uk.resolve.domain.escalation.EntryText.*;

/**
 * The case workspace: the procedure's stages as a timeline, what to do now, deadlines,
 * notifications and forms due, the chronology, and the actions that add to the record.
 */
public final class WorkspaceViewModel {

    /** Where a stage stands on the timeline. */
    public enum StageState { DONE, CURRENT, SKIPPED, TO_COME }

    public record StageItem(int number, String label, String title, StageState state, String detail) {
    }

    /** A deadline in force; {@code met} says when it was met and whether on time, or is empty while open. */
    public record DeadlineItem(String id, String label, String due, String describe, boolean overdue,
                               String shortenedReason, String met) {
    }

    public record NotificationItem(String id, int stage, String to, String purpose, String due, boolean sent,
                                   String sentText) {
    }

    public record FormItem(String form, String title, int stage, String action, boolean completed) {
    }

    public record ContactItem(String name, String details) {
    }

    /**
     * A question or date the procedure asks: {@code answer} is how the answer reads, empty while
     * unanswered; {@code due} is true for one the procedure asks at the stage the case is at now.
     */
    public record QuestionItem(String id, String label, boolean date, String answer, boolean due) {
    }

    /** A change of route the current stage offers, as the procedure words it. */
    public record SwitchItem(String to, String label, String trackName, boolean reasonRequired) {
    }

    public record CorrectionLine(String when, String author, String text, String reason) {
    }

    public record ChronologyRow(UUID entryId, String when, String what, String author, int stage, String text,
                                List<String> details, String approval, List<CorrectionLine> corrections,
                                boolean approvable, boolean correctable, boolean signable) {
    }

    public static final class ChecklistItem {
        private final String key;
        private final String text;
        private final BooleanProperty done = new SimpleBooleanProperty();

        private final boolean recorded;

        ChecklistItem(String key, String text, boolean done) {
            this(key, text, done, false);
        }

        ChecklistItem(String key, String text, boolean done, boolean recorded) {
            this.key = key;
            this.text = text;
            this.recorded = recorded;
            this.done.set(done);
        }

        /** The step's id for a step in the record, else where its local tick is kept. */
        public String key() {
            return key;
        }

        /** True for a step the procedure names: its tick is an entry in the case record and cannot be undone. */
        public boolean recorded() {
            return recorded;
        }

        public String text() {
            return text;
        }

        public BooleanProperty doneProperty() {
            return done;
        }
    }

    /** Actions whose half-filled form is brought back when the case is opened again. */
    private static final List<ActionForm.Kind> RESTORABLE = List.of(ActionForm.Kind.DISCUSS, ActionForm.Kind.ESCALATE,
            ActionForm.Kind.RESOLVE, ActionForm.Kind.WITHDRAW);

    private final CaseService cases;
    private final FormService formService;
    private final boolean mayApprove;
    private final Preferences prefs;
    private final DraftStore drafts;
    private final Background background;

    private UUID caseId;
    private UUID viewed;
    private final ObjectProperty<CaseState> state = new SimpleObjectProperty<>();
    private Policy policy;
    private Instant now;
    private final Set<String> ticked = new HashSet<>();

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty subtitle = new SimpleStringProperty("");
    private final StringProperty trackText = new SimpleStringProperty("");
    private final StringProperty statusText = new SimpleStringProperty("");
    private final StringProperty stageHeading = new SimpleStringProperty("");
    private final StringProperty participants = new SimpleStringProperty("");
    private final StringProperty guidance = new SimpleStringProperty("");
    private final StringProperty arbiter = new SimpleStringProperty("");
    private final StringProperty concern = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final BooleanProperty canEscalate = new SimpleBooleanProperty(false);
    private final BooleanProperty sample = new SimpleBooleanProperty(false);
    private final BooleanProperty immediateRisk = new SimpleBooleanProperty(false);
    private final BooleanProperty overdue = new SimpleBooleanProperty(false);
    private final BooleanProperty actNow = new SimpleBooleanProperty(false);
    private final StringProperty actNowInstruction = new SimpleStringProperty("");
    private final ObservableList<ContactItem> actNowContacts = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<ActionForm> action = new SimpleObjectProperty<>();

    private final ObservableList<StageItem> timeline = FXCollections.observableArrayList();
    private final ObservableList<ChecklistItem> checklist = FXCollections.observableArrayList();
    private final ObservableList<ContactItem> contacts = FXCollections.observableArrayList();
    private final ObservableList<QuestionItem> questions = FXCollections.observableArrayList();
    private final ObservableList<SwitchItem> switches = FXCollections.observableArrayList();
    private final BooleanProperty bringForward = new SimpleBooleanProperty(false);
    private final ObservableList<DeadlineItem> deadlines = FXCollections.observableArrayList();
    private final ObservableList<NotificationItem> notifications = FXCollections.observableArrayList();
    private final ObservableList<FormItem> forms = FXCollections.observableArrayList();
    private final ObservableList<ChronologyRow> chronology = FXCollections.observableArrayList();

    public WorkspaceViewModel(CaseService cases, Preferences prefs, DraftStore drafts, Background background) {
        this(cases, null, prefs, drafts, background);
    }

    /** With {@code forms}, managers can sign completed forms from the chronology. */
    public WorkspaceViewModel(CaseService cases, FormService forms, Preferences prefs, DraftStore drafts,
                              Background background) {
        this.cases = cases;
        this.formService = forms;
        this.prefs = prefs;
        this.drafts = drafts;
        this.background = background;
        this.mayApprove = cases.actor().may(Permission.APPROVE_RECORDS);
    }

    private record Loaded(CaseState state, Policy policy, Instant now, String ticks, Map<ActionForm.Kind, Map<String, String>> drafts) {
    }

    /** Reads the case off the UI thread, with any half-filled action to bring back. */
    public void load(UUID id) {
        // Opening a case is written to the audit log once; refreshing it afterwards is not.
        boolean opening = !id.equals(viewed);
        this.caseId = id;
        this.viewed = id;
        busy.set(true);
        background.run(() -> {
            CaseState c = opening ? cases.view(id) : cases.get(id);
            Map<ActionForm.Kind, Map<String, String>> found = new LinkedHashMap<>();
            for (ActionForm.Kind k : RESTORABLE) {
                drafts.load(draftKey(k, null)).ifPresent(d -> found.put(k, d));
            }
            return new Loaded(c, cases.policyOf(c), cases.now(), prefs.get(checklistKey()).orElse(""), found);
        }, l -> {
            busy.set(false);
            ticked.clear();
            for (String t : l.ticks().split(",")) {
                if (!t.isBlank()) {
                    ticked.add(t);
                }
            }
            show(l.state(), l.policy(), l.now());
            l.drafts().entrySet().stream().findFirst().ifPresent(e -> {
                if (open.get()) {
                    ActionForm f = form(e.getKey(), null);
                    if (f != null) {
                        f.restore(e.getValue());
                        f.noteProperty().set("Draft restored: you had started this and not saved it.");
                        wireDraft(f);
                        action.set(f);
                    }
                }
            });
        }, msg -> {
            busy.set(false);
            error.set(msg);
        });
    }

    void show(CaseState c, Policy p, Instant at) {
        policy = p;
        now = at;
        var d = c.details();
        Track track = p.track(c.trackId()).orElse(p.defaultTrack());
        Stage current = track.stage(c.stage()).orElseThrow();
        title.set("Child " + d.childRef() + (d.childName() == null ? "" : " (" + d.childName() + ")"));
        subtitle.set(p.shortName() + " procedure, version " + c.policyVersion() + " · " + d.raisedAgency() + " → "
                + d.otherAgency() + (d.otherProfessional() == null ? "" : " (" + d.otherProfessional() + ")")
                + (d.category() == null ? "" : " · " + d.category())
                + (d.childStatus() == null ? "" : " · " + d.childStatus().label()));
        trackText.set(route(c, p));
        statusText.set(switch (c.status()) {
            case OPEN -> "Open · stage " + c.stage() + " of " + c.lastStage() + " · raised " + UkTime.format(c.openedAt());
            case RESOLVED -> "Resolved on " + UkTime.format(c.resolution().at()) + " at stage " + c.resolution().stage();
            case WITHDRAWN -> "Withdrawn on " + UkTime.format(c.resolution().at()) + " at stage " + c.resolution().stage();
        });
        concern.set(d.concern() + (d.outcomeWanted() == null ? "" : "\nOutcome wanted: " + d.outcomeWanted()));
        open.set(c.open());
        canEscalate.set(c.open() && c.stage() < c.lastStage());
        sample.set(d.sample());
        immediateRisk.set(d.immediateRisk());
        overdue.set(c.overdue());
        actNowContacts.setAll(actNowContacts(c, p));
        actNowInstruction.set(p.immediateRisk() == null || p.immediateRisk().instruction() == null
                ? "" : p.immediateRisk().instruction());
        actNow.set(c.actNow());
        stageHeading.set(c.open() ? "Now: " + current.heading() : "Closed at: " + current.heading());
        participants.set(current.participants().isEmpty() ? "" : "Who takes part: " + String.join("; ", current.participants()));
        guidance.set(current.guidance());
        arbiter.set(current.finalArbiter() ? "This is the final stage. " + p.finalArbiter().title() + ": "
                + p.finalArbiter().description() + (p.finalArbiter().binding() ? " The decision is binding."
                : " The procedure does not make the decision binding.") : "");
        timeline.setAll(timeline(c, track));
        List<ChecklistItem> items = new ArrayList<>();
        for (int i = 0; i < current.items().size(); i++) {
            var step = current.items().get(i);
            if (step.id() != null) {
                // A named step is ticked in the record (it syncs, and a gate on escalating reads it).
                boolean done = c.context().ticked().contains(c.trackId() + "/" + c.stage() + "/" + step.id());
                ChecklistItem item = new ChecklistItem(step.id(), step.text()
                        + (step.beforeEscalating() ? " (to tick before escalating)" : ""), done, true);
                item.doneProperty().addListener((o, a, b) -> {
                    if (b && !done) {
                        tickInRecord(item, step.id());
                    }
                });
                items.add(item);
                continue;
            }
            String key = c.stage() + ":" + i;
            ChecklistItem item = new ChecklistItem(key, step.text(), ticked.contains(key));
            item.doneProperty().addListener((o, a, b) -> tick(item.key, b));
            items.add(item);
        }
        checklist.setAll(items);
        List<ContactItem> people = new ArrayList<>();
        for (String cid : current.contacts()) {
            p.contact(cid).ifPresent(ct -> people.add(contact(ct)));
        }
        contacts.setAll(people);
        var local = UkTime.local(at);
        deadlines.setAll(c.deadlines().stream().sorted(java.util.Comparator.comparing(DeadlineStatus::due))
                .map(x -> new DeadlineItem(x.id(), x.label(), UkTime.format(x.due()),
                        Deadlines.describe(x.due(), local, cases.calendar(), p.calendar()), x.overdue(), x.shortenedReason(),
                        x.met() ? "met on " + UkTime.format(x.metAt()) + (x.metOnTime() ? " (on time)" : " (late)") : ""))
                .toList());
        notifications.setAll(c.notifications().stream().map(n -> new NotificationItem(n.id(), n.stage(), n.to(),
                n.purpose(), UkTime.format(n.due()), n.sent(), n.sent() ? "Sent " + UkTime.format(n.sentAt()) : ""))
                .toList());
        forms.setAll(c.forms().stream().map(f -> new FormItem(f.form(), f.title(), f.stage(), f.action(), f.completed()))
                .toList());
        questions.setAll(questions(c, p));
        switches.setAll(c.open() ? c.context().switches().stream().map(w -> new SwitchItem(w.to(), w.label(),
                p.track(w.to()).map(Track::name).orElse(w.to()), w.reasonRequired())).toList() : List.of());
        bringForward.set(asksToBringDeadlinesForward(c, p));
        chronology.setAll(c.chronology().stream().map(this::row).toList());
        // Last, so that whoever listens to the state sees every list already up to date.
        state.set(c);
    }

    /**
     * The route the case follows, when its procedure has more than one: the tracks taken in order
     * ("Adults at risk → Fast track"), so that a change of route stays in view.
     */
    private static String route(CaseState c, Policy p) {
        if (p.tracks().size() <= 1) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (String id : c.context().route().isEmpty() ? List.of(c.trackId()) : c.context().route()) {
            names.add(p.track(id).map(Track::name).orElse(id));
        }
        return names.size() == 1 ? "Route: " + names.get(0) : "Route taken: " + String.join(" → ", names);
    }

    private static List<StageItem> timeline(CaseState c, Track track) {
        List<StageItem> out = new ArrayList<>();
        // Only the visits on this route: stages of a route left behind are named in the route line.
        List<StageVisit> onRoute = c.visits().stream()
                .filter(v -> v.trackId() == null || v.trackId().equals(track.id())).toList();
        int start = onRoute.isEmpty() ? 1 : onRoute.get(0).stage();
        for (Stage s : track.stages()) {
            List<StageVisit> visits = onRoute.stream().filter(v -> v.stage() == s.number()).toList();
            StageState st;
            String detail;
            if (c.open() && s.number() == c.stage()) {
                st = StageState.CURRENT;
                String next = c.nextDeadline().map(d -> " · due " + UkTime.format(d.due())).orElse("");
                detail = "Since " + UkTime.formatDate(UkTime.date(c.stageEnteredAt())) + next;
            } else if (!visits.isEmpty()) {
                st = StageState.DONE;
                StageVisit v = visits.get(visits.size() - 1);
                detail = UkTime.formatDate(UkTime.date(visits.get(0).enteredAt()))
                        + (v.leftAt() == null ? "" : " to " + UkTime.formatDate(UkTime.date(v.leftAt())))
                        + (!c.open() && s.number() == c.stage() ? " · " + c.status().code() : "");
            } else if (s.number() < start) {
                st = StageState.SKIPPED;
                detail = "Skipped: immediate risk";
            } else {
                st = StageState.TO_COME;
                detail = s.deadlines().isEmpty() ? "No timescale set"
                        : s.deadlines().stream().map(DeadlineRule::within).map(t -> t.describe())
                        .collect(Collectors.joining(", "));
                if (!c.open()) {
                    detail = "Not needed";
                }
            }
            out.add(new StageItem(s.number(), s.label(), s.title(), st, detail));
        }
        return out;
    }

    /**
     * Whom to contact now for a child at immediate risk, from the procedure ({@link UrgentContacts}); the
     * police on 999 lead the list and have their own line in the panel, so they are left out here.
     */
    private static List<ContactItem> actNowContacts(CaseState c, Policy p) {
        return UrgentContacts.forPolicy(p).stream().filter(u -> !UrgentContacts.EMERGENCY.equals(u.use()))
                .map(u -> new ContactItem(u.name(), java.util.stream.Stream.of(u.phone(), u.details())
                        .filter(x -> x != null && !x.isBlank()).collect(java.util.stream.Collectors.joining(" · "))))
                .toList();
    }

    /**
     * The procedure's questions and dates this case can answer now: those asked at opening or at any
     * time, those of stages reached, and any already answered. Those asked at the current stage and
     * not yet answered are due.
     */
    static List<QuestionItem> questions(CaseState c, Policy p) {
        List<QuestionItem> out = new ArrayList<>();
        Set<String> due = dueAtThisStage(c, p);
        for (FactQuestion f : p.facts()) {
            String a = c.context().facts().get(f.id());
            if (a != null || f.atOpening() || f.stage() <= c.stage()) {
                out.add(new QuestionItem(f.id(), f.label(), false, a == null ? "" : answerLabel(a),
                        due.contains(f.id())));
            }
        }
        for (DateQuestion d : p.dates()) {
            Instant v = c.context().dates().get(d.id());
            out.add(new QuestionItem(d.id(), d.label(), true, v == null ? "" : dateLabel(v), due.contains(d.id())));
        }
        return out;
    }

    /**
     * Ids of the questions the procedure asks at a stage the case has reached, still unanswered; those asked
     * at opening and left unanswered stay in the questions list, without a prompt.
     */
    private static Set<String> dueAtThisStage(CaseState c, Policy p) {
        return uk.resolve.domain.escalation.Questions.due(p, c).stream().filter(q -> q.stage() > 0)
                .map(uk.resolve.domain.escalation.Question::id).collect(Collectors.toSet());
    }

    /**
     * True when an open immediate-risk case follows a procedure with no fast track and no shorter
     * timescales for risk (the domain's rule), and no deadline in force has been brought forward yet: the
     * worker is asked to bring deadlines forward once, not again after they have.
     */
    static boolean asksToBringDeadlinesForward(CaseState c, Policy p) {
        return uk.resolve.domain.escalation.RiskTimescales.askToBringDeadlinesForward(p, c)
                && c.deadlines().stream().noneMatch(d -> d.shortenedReason() != null);
    }

    /** How an answer reads: {@code not-urgent} as "Not urgent". */
    static String answerLabel(String answer) {
        String a = answer.replace('-', ' ').replace('_', ' ');
        return a.isEmpty() ? a : Character.toUpperCase(a.charAt(0)) + a.substring(1);
    }

    /** A date given without a time reads as the day alone. */
    private static String dateLabel(Instant v) {
        return UkTime.local(v).toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? UkTime.formatDate(UkTime.date(v))
                : UkTime.format(v);
    }

    private static ContactItem contact(Contact c) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {c.role(), c.organisation(), c.email(), c.phone(), c.notes()}) {
            if (s != null && !s.isBlank() && !s.equals(c.name())) {
                parts.add(s);
            }
        }
        return new ContactItem(c.name(), String.join(" · ", parts));
    }

    private ChronologyRow row(ChronologyItem item) {
        EntryView v = item.view();
        Entry e = item.entry();
        String approval = v.approvals().stream().map(n -> n.heading() + (n.text().isEmpty() ? "" : ": " + n.text()))
                .collect(Collectors.joining("\n"));
        List<CorrectionLine> corr = item.corrections().stream().map(x -> new CorrectionLine(UkTime.format(x.writtenAt()),
                cases.displayName(x.author()), x.get(TEXT, ""), x.get(REASON, ""))).toList();
        boolean approvable = e.type() != EntryType.NOTIFICATION_SENT && e.type() != EntryType.FORM_COMPLETED
                && e.type() != EntryType.FORM_SIGNED
                && !uk.resolve.domain.escalation.CaseCommands.recordedBy(e, cases.author());
        String when = UkTime.format(v.happenedAt()) + (v.recordedLater() ? " (recorded later, on "
                + UkTime.format(v.writtenAt()) + ")" : "");
        return new ChronologyRow(e.id(), when, v.kind(), v.author(), v.stage(), v.what(),
                v.details().stream().map(EntryView.Line::text).toList(), approval, corr, approvable && mayApprove,
                e.type() != EntryType.FORM_COMPLETED,
                e.type() == EntryType.FORM_COMPLETED && mayApprove && formService != null && signed(e.get(FORM))
                        && item.approvals().stream().noneMatch(a -> a.type() == EntryType.FORM_SIGNED
                        && a.author().equalsIgnoreCase(cases.author())));
    }

    /** The number of the attachment entry {@code entryId} holds (as {@code case show} lists it), or empty. */
    public java.util.OptionalInt attachmentNumber(UUID entryId) {
        CaseState c = state.get();
        if (c == null) {
            return java.util.OptionalInt.empty();
        }
        return uk.resolve.domain.attachment.Attachment.of(c.entries()).stream()
                .filter(a -> a.entryId().equals(entryId)).mapToInt(uk.resolve.domain.attachment.Attachment::number)
                .findFirst();
    }

    private String formTitle(String formId) {
        return policy == null ? formId : policy.forms().stream().filter(d -> d.id().equals(formId))
                .map(d -> d.title()).findFirst().orElse(formId);
    }

    /** True when the procedure's form {@code formId} has signature blocks (a monitoring form). */
    private boolean signed(String formId) {
        return policy != null && policy.forms().stream()
                .anyMatch(d -> d.id().equals(formId) && !d.signatures().isEmpty());
    }

    private static void add(List<String> out, String label, String v) {
        if (v != null && !v.isBlank()) {
            out.add(label + ": " + v);
        }
    }

    private void tickInRecord(ChecklistItem item, String itemId) {
        UUID id = caseId;
        busy.set(true);
        error.set("");
        background.run(() -> {
            CaseState after = cases.tick(id, itemId, null, null);
            return new Loaded(after, cases.policyOf(after), cases.now(), null, Map.of());
        }, l -> {
            busy.set(false);
            message.set("Ticked in the case record: " + item.text());
            show(l.state(), l.policy(), l.now());
        }, msg -> {
            busy.set(false);
            item.doneProperty().set(false);
            error.set(msg);
        });
    }

    private void tick(String key, boolean done) {
        if (done) {
            ticked.add(key);
        } else {
            ticked.remove(key);
        }
        String value = String.join(",", ticked.stream().sorted().toList());
        String k = checklistKey();
        background.fireAndForget(() -> prefs.put(k, value));
    }

    private String checklistKey() {
        return "ui.checklist." + caseId;
    }

    // ----- actions

    /** Opens the form for an action; {@code target} is an entry id, deadline id or notification "id@stage". */
    public void start(ActionForm.Kind kind, String target) {
        error.set("");
        message.set("");
        now = cases.now(); // the clock only: "when" defaults to the moment the form is opened
        ActionForm f = form(kind, target);
        if (f == null) {
            return;
        }
        wireDraft(f);
        action.set(f);
        background.run(() -> drafts.load(f.draftKey()), d -> d.ifPresent(values -> {
            if (action.get() == f) {
                f.restore(values);
                f.noteProperty().set("Draft restored: you had started this and not saved it.");
            }
        }), msg -> { });
    }

    private void wireDraft(ActionForm f) {
        for (ActionForm.Item i : f.items()) {
            i.field().valueProperty().addListener((o, a, b) -> {
                if (action.get() == f) {
                    drafts.saveLater(f.draftKey(), f.values());
                }
            });
        }
    }

    /** Closes the form and throws its draft away. */
    public void cancel() {
        ActionForm f = action.get();
        if (f != null) {
            drafts.discardLater(f.draftKey());
        }
        action.set(null);
        error.set("");
    }

    /** Checks the form and, if it is sound, adds it to the record. */
    public void submit() {
        ActionForm f = action.get();
        if (f == null || !f.validate()) {
            return;
        }
        UUID id = caseId;
        busy.set(true);
        f.errorProperty().set("");
        background.run(() -> {
            CaseState after = perform(id, f);
            drafts.discard(f.draftKey());
            return new Loaded(after, cases.policyOf(after), cases.now(), null, Map.of());
        }, l -> {
            busy.set(false);
            action.set(null);
            message.set(done(f));
            show(l.state(), l.policy(), l.now());
        }, msg -> {
            busy.set(false);
            f.errorProperty().set(msg);
        });
    }

    private CaseState perform(UUID id, ActionForm f) {
        Instant at = f.happenedAt();
        return switch (f.kind()) {
            case DISCUSS -> cases.discuss(id, new DiscussionRequest(f.value("with"), method(f.value("method")),
                    f.value("summary"), f.value("actions"), f.flag("resolved"), at));
            case ESCALATE -> cases.escalate(id, f.value("reason"), f.value("evidence"), at);
            case RESOLVE -> cases.resolve(id, new ResolveRequest(f.value("outcome"), f.value("outstanding"),
                    f.value("learning"), at));
            case WITHDRAW -> cases.withdraw(id, f.value("reason"), at);
            case REOPEN -> cases.reopen(id, f.value("reason"), at);
            case SHORTEN -> cases.shortenDeadline(id, deadlineId(f.value("deadline")),
                    DueAt.endOf(ActionForm.parseDate(f.value("due"))), f.value("reason"));
            case APPROVE -> cases.approve(id, UUID.fromString(f.target()), f.value("note"));
            case CORRECT -> cases.correct(id, UUID.fromString(f.target()), f.value("reason"), f.value("text"));
            case SHARE -> cases.share(id, f.value("with"), f.value("note"));
            case SIGN_FORM -> {
                Entry version = cases.get(id).entry(UUID.fromString(f.target())).orElseThrow();
                yield formService.sign(id, version.get(FORM), version.intValue(STAGE, 0), f.value("note"));
            }
            case RISK_ACTION -> cases.recordRiskAction(id, f.value("done"), at);
            case MET -> cases.meetDeadline(id, f.target(), f.value("note"), at);
            case ANSWER -> {
                String v = choiceOf(f.target(), f.value("answer"));
                if (v.equals(state.get().context().facts().get(f.target()))) {
                    throw new uk.resolve.domain.escalation.RuleViolation("That is already the answer. Choose another"
                            + " answer to change it, or Cancel.");
                }
                yield cases.answer(id, f.target(), v);
            }
            case DATE -> {
                java.time.LocalTime t = ActionForm.parseTime(f.value("valueTime"));
                yield cases.recordDate(id, f.target(), UkTime.instant(ActionForm.parseDate(f.value("value"))
                        .atTime(t == null ? java.time.LocalTime.MIDNIGHT : t)));
            }
            case SWITCH -> cases.switchTrack(id, f.target(), f.value("reason"), at);
            case MARK_SENT -> {
                String[] t = f.target().split("@");
                yield cases.markNotificationSent(id, t[0], Integer.parseInt(t[1]), f.value("note"), at);
            }
        };
    }

    /** The procedure's answer shown as {@code label}. */
    private String choiceOf(String factId, String label) {
        return policy.fact(factId).flatMap(q -> q.choices().stream().filter(a -> answerLabel(a).equals(label))
                .findFirst()).orElse(label);
    }

    private static String method(String label) {
        return label == null ? "other" : switch (label) {
            case "Phone" -> "phone";
            case "Meeting" -> "meeting";
            case "E-mail" -> "e-mail";
            case "Video call" -> "video";
            default -> "other";
        };
    }

    private String deadlineId(String label) {
        return state.get().deadlines().stream().filter(d -> d.label().equals(label)).map(DeadlineStatus::id)
                .findFirst().orElse(label);
    }

    private static String done(ActionForm f) {
        return switch (f.kind()) {
            case DISCUSS -> f.flag("resolved") ? "Discussion recorded, and the case resolved." : "Discussion recorded.";
            case ESCALATE -> "Escalated. The new stage's guidance and deadlines are below.";
            case RESOLVE -> "Case resolved. It stays in your list under Resolved or withdrawn.";
            case WITHDRAW -> "Case withdrawn.";
            case REOPEN -> "Case reopened.";
            case SHORTEN -> "Deadline brought forward.";
            case APPROVE -> "Record approved.";
            case CORRECT -> "Correction recorded beside the original.";
            case MARK_SENT -> "Notification marked as sent.";
            case RISK_ACTION -> "What was done is recorded; it stays in the chronology.";
            case MET -> "Deadline marked as met.";
            case ANSWER -> "Answer recorded in the case record.";
            case DATE -> "Date recorded in the case record.";
            case SWITCH -> "Route changed. The new stage's guidance and deadlines are below.";
            case SIGN_FORM -> "Form signed. The signature is in the case record.";
            case SHARE -> "Shared with " + f.value("with") + ". They can open the case when they sign in on this"
                    + " computer (or after the next sync).";
        };
    }

    String draftKey(ActionForm.Kind kind, String target) {
        return "action." + kind.name().toLowerCase(java.util.Locale.ROOT) + "." + caseId
                + (target == null ? "" : "." + target);
    }

    /** Builds the form for an action on the case as it stands, or null (with a message) when it does not apply. */
    ActionForm form(ActionForm.Kind kind, String target) {
        CaseState c = state.get();
        if (c == null) {
            return null;
        }
        String key = draftKey(kind, target);
        Instant at = now;
        switch (kind) {
            case DISCUSS -> {
                return new ActionForm(kind, "Record a discussion", "Record it now, while it is fresh: the procedure"
                        + " asks for a contemporaneous record of every discussion.", "Save discussion", null, key)
                        .when("When", at, false, earliest(c), earliestWhat(c))
                        .line("with", "Who took part", true, "Name, role and agency")
                        .choice("method", "How", List.of("Phone", "Meeting", "E-mail", "Video call", "Other"), "Phone")
                        .area("summary", "What was said", true, "The views of each side, in plain words")
                        .area("actions", "Agreed actions", false, "Who will do what, by when")
                        .check("resolved", "This discussion resolved the disagreement (the case will be closed as resolved)");
            }
            case ESCALATE -> {
                if (c.stage() >= c.lastStage()) {
                    error.set("This case is at the last stage of the procedure; it cannot be escalated further."
                            + " Record the decision and resolve the case.");
                    return null;
                }
                Track track = policy.track(c.trackId()).orElse(policy.defaultTrack());
                Stage next = track.stage(c.stage() + 1).orElseThrow();
                return new ActionForm(kind, "Escalate to " + next.heading(), "Say why the disagreement was not"
                        + " resolved at this stage and what shows it. Who takes part next: "
                        + String.join("; ", next.participants()) + ".", "Escalate to " + next.label().toLowerCase(java.util.Locale.UK), null, key)
                        .area("reason", "Reason for escalating", true, "Why it was not resolved at this stage")
                        .area("evidence", "Evidence", true, "What you have seen or been told, and where it is recorded")
                        .when("When", at, false, earliest(c), earliestWhat(c));
            }
            case RESOLVE -> {
                return new ActionForm(kind, "Resolve the case", "Record what was agreed. "
                        + "Share the outcome with everyone involved, including the worker who raised the concern.",
                        "Resolve case", null, key)
                        .area("outcome", "Agreed outcome", true, "What was agreed, and by whom")
                        .area("outstanding", "How outstanding issues will be pursued", false, "Any issues left open, and who will follow them up")
                        .area("learning", "Learning for the partnership", false, "What others could learn from this")
                        .when("When", at, false, earliest(c), earliestWhat(c));
            }
            case SIGN_FORM -> {
                Entry e = c.entry(UUID.fromString(target)).orElseThrow();
                return new ActionForm(kind, "Sign this form", formTitle(e.get(FORM, "")) + " (version "
                        + e.get(VERSION, "1") + ") completed on " + UkTime.format(e.happenedAt()) + " by " + e.author()
                        + ".\nYou sign it as " + cases.author() + "; the signature is kept in the case record.",
                        "Sign form", target, key)
                        .area("note", "Note", false, "For example: reviewed with the receiving manager");
            }
            case SHARE -> {
                return new ActionForm(kind, "Share with a colleague", "Lets a colleague see this case and work on it"
                        + " with you, for example a manager from another team. The sharing is recorded in the case.",
                        "Share case", null, key)
                        .line("with", "Colleague's sign-in name", true, "The name they sign in to Resolve with")
                        .area("note", "Note", false, "Why you are sharing it (optional)");
            }
            case WITHDRAW -> {
                return new ActionForm(kind, "Withdraw the case", "Withdraw when the concern no longer needs the"
                        + " procedure, for example because circumstances changed. The record is kept.",
                        "Withdraw case", null, key)
                        .area("reason", "Reason for withdrawing", true, null)
                        .when("When", at, false);
            }
            case REOPEN -> {
                return new ActionForm(kind, "Reopen the case", "The case returns to the stage at which it closed.",
                        "Reopen case", null, key)
                        .area("reason", "Reason for reopening", true, null)
                        .when("When", at, false);
            }
            case SHORTEN -> {
                // A met deadline is done with: there is nothing to bring forward.
                List<DeadlineStatus> open = c.deadlines().stream().filter(d -> !d.met()).toList();
                if (open.isEmpty()) {
                    error.set("There is no open deadline at this stage to bring forward.");
                    return null;
                }
                List<String> labels = open.stream().map(DeadlineStatus::label).toList();
                String initial = target == null ? labels.get(0) : open.stream()
                        .filter(d -> d.id().equals(target)).map(DeadlineStatus::label).findFirst().orElse(labels.get(0));
                ActionForm f = new ActionForm(kind, "Bring a deadline forward", "To protect the child you may set a"
                        + " shorter deadline than the procedure's (whichever is less), never a longer one.",
                        "Bring deadline forward", target, key)
                        .choice("deadline", "Deadline", labels, initial);
                f.date("due", "New date", d -> {
                    DeadlineStatus ds = open.stream().filter(x -> x.label().equals(f.value("deadline")))
                            .findFirst().orElse(null);
                    if (ds != null && !d.isBefore(ds.due().date())) {
                        return "Choose a date before " + UkTime.format(ds.due()) + "; a deadline can only be brought forward.";
                    }
                    if (d.isBefore(UkTime.date(at))) {
                        return "That date has passed; choose today or a later date.";
                    }
                    return null;
                });
                f.area("reason", "Why the shorter deadline protects the child", true, null);
                return f;
            }
            case APPROVE -> {
                Entry e = c.entry(UUID.fromString(target)).orElseThrow();
                return new ActionForm(kind, "Approve this record", e.type().label() + " on "
                        + UkTime.format(e.happenedAt()) + " by " + e.author() + ": " + EntryText.primary(e)
                        + "\nYou approve it as " + cases.author() + ".", "Approve record", target, key)
                        .area("note", "Note", false, "For example: read and agreed with the manager");
            }
            case CORRECT -> {
                Entry e = c.entry(UUID.fromString(target)).orElseThrow();
                ActionForm f = new ActionForm(kind, "Correct this record", "The original stays in the record and"
                        + " the correction is shown beside it.", "Save correction", target, key)
                        .area("text", "Corrected text", true, null)
                        .area("reason", "Reason for the correction", true, "For example: wrong date given for the meeting");
                c.chronology().stream().filter(i -> i.entry().id().equals(e.id())).findFirst()
                        .ifPresent(i -> f.item("text").field().reset(i.currentText()));
                return f;
            }
            case MET -> {
                DeadlineStatus d = c.deadlines().stream().filter(x -> x.id().equals(target) && !x.met()).findFirst()
                        .orElse(null);
                if (d == null) {
                    error.set("That deadline is not open at this stage.");
                    return null;
                }
                return new ActionForm(kind, "Done: " + d.label(), "Mark this deadline as met, with when it was"
                        + " done. It then stays met, whatever is recorded later.", "Mark as met", target, key)
                        .when("When it was done", at, false)
                        .line("note", "Note", false, "For example: reply received by e-mail");
            }
            case ANSWER -> {
                FactQuestion q = policy.fact(target).orElse(null);
                if (q == null || !c.open()) {
                    error.set("That question cannot be answered on this case now.");
                    return null;
                }
                String current = c.context().facts().get(q.id());
                return new ActionForm(kind, q.label(), current == null
                        ? "Your answer goes in the case record; the procedure's steps that depend on it follow it."
                        : "The answer now is " + answerLabel(current) + ". A change is a new entry in the case record;"
                        + " the earlier answer stays in the chronology.",
                        current == null ? "Save answer" : "Change answer", target, key)
                        .choice("answer", "Answer", q.choices().stream().map(WorkspaceViewModel::answerLabel).toList(),
                                current == null ? null : answerLabel(current));
            }
            case DATE -> {
                DateQuestion q = policy.date(target).orElse(null);
                if (q == null || !c.open()) {
                    error.set("That date cannot be given on this case now.");
                    return null;
                }
                Instant current = c.context().dates().get(q.id());
                ActionForm f = new ActionForm(kind, q.label(), current == null
                        ? "The date goes in the case record; deadlines the procedure counts from it follow it."
                        : "The date given is " + dateLabel(current) + ". A new date is a new entry in the case record;"
                        + " the earlier one stays in the chronology.", "Save date", target, key)
                        .date("value", "Date", d -> null)
                        .time("valueTime", "Time, if known");
                if (current != null) {
                    var local = UkTime.local(current);
                    f.item("value").field().reset(local.toLocalDate().toString());
                    if (!local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                        f.item("valueTime").field().reset(local.toLocalTime().toString());
                    }
                }
                return f;
            }
            case SWITCH -> {
                var sw = c.context().switches().stream().filter(x -> x.to().equals(target)).findFirst().orElse(null);
                Track to = sw == null ? null : policy.track(sw.to()).orElse(null);
                if (to == null) {
                    error.set("The procedure offers no such change of route at this stage.");
                    return null;
                }
                return new ActionForm(kind, sw.label(), "The case moves to the route “" + to.name() + "”, at "
                        + to.stage(sw.toStage()).map(Stage::heading).orElse("stage " + sw.toStage())
                        + ". That route's deadlines then apply; the route taken stays in view and in the chronology.",
                        "Change route", target, key)
                        .area("reason", "Reason for changing route", sw.reasonRequired(),
                                "What you have seen or been told that makes this route right")
                        .when("When", at, false, c.stageEnteredAt(), "this stage began");
            }
            case RISK_ACTION -> {
                return new ActionForm(kind, "Record what was done", "Say what you did to keep the child safe:"
                        + " whom you called or told, when, and what they will do.", "Record what was done", null, key)
                        .area("done", "What was done", true, "For example: called the police on 999; told the"
                                + " designated safeguarding lead")
                        .when("When", at, false);
            }
            case MARK_SENT -> {
                String[] t = target.split("@");
                NotificationStatus n = c.notifications().stream()
                        .filter(x -> x.id().equals(t[0]) && x.stage() == Integer.parseInt(t[1])).findFirst().orElseThrow();
                return new ActionForm(kind, "Mark as sent: " + n.to(), n.purpose(), "Mark sent", target, key)
                        .line("note", "How it was sent", false, "For example: e-mailed to the IRO service")
                        .when("When", at, false);
            }
            default -> {
                return null;
            }
        }
    }

    /** Events at the starting stage may date from when the disagreement arose; later ones from the stage's start. */
    private static Instant earliest(CaseState c) {
        Instant arose = c.context().arose();
        return c.visits().size() <= 1 && arose != null && arose.isBefore(c.stageEnteredAt()) ? arose
                : c.stageEnteredAt();
    }

    private static String earliestWhat(CaseState c) {
        return earliest(c).equals(c.context().arose()) ? "the disagreement arose" : "this stage began";
    }

    /** Opens a form due, through whatever editor the application was given. */
    public Optional<FormItem> formDue(String formId, int stage) {
        return forms.stream().filter(f -> f.form().equals(formId) && f.stage() == stage).findFirst();
    }

    public UUID caseId() {
        return caseId;
    }

    public ObjectProperty<CaseState> stateProperty() {
        return state;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty subtitleProperty() {
        return subtitle;
    }

    /** The route the case follows, when its procedure has more than one; empty otherwise. */
    public StringProperty trackProperty() {
        return trackText;
    }

    public StringProperty statusTextProperty() {
        return statusText;
    }

    public StringProperty stageHeadingProperty() {
        return stageHeading;
    }

    public StringProperty participantsProperty() {
        return participants;
    }

    public StringProperty guidanceProperty() {
        return guidance;
    }

    public StringProperty arbiterProperty() {
        return arbiter;
    }

    public StringProperty concernProperty() {
        return concern;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public BooleanProperty canEscalateProperty() {
        return canEscalate;
    }

    public BooleanProperty sampleProperty() {
        return sample;
    }

    public BooleanProperty immediateRiskProperty() {
        return immediateRisk;
    }

    /** True while an immediate-risk case waits for the worker to record what was done. */
    public BooleanProperty actNowProperty() {
        return actNow;
    }

    /** The procedure's instruction for a child at immediate risk; empty when it gives none. */
    public StringProperty actNowInstructionProperty() {
        return actNowInstruction;
    }

    public ObservableList<ContactItem> actNowContacts() {
        return actNowContacts;
    }

    public BooleanProperty overdueProperty() {
        return overdue;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<ActionForm> actionProperty() {
        return action;
    }

    public ObservableList<StageItem> timeline() {
        return timeline;
    }

    public ObservableList<ChecklistItem> checklist() {
        return checklist;
    }

    public ObservableList<ContactItem> contacts() {
        return contacts;
    }

    /** The procedure's questions and dates for this case; those due at this stage are marked. */
    public ObservableList<QuestionItem> questions() {
        return questions;
    }

    /** Changes of route the current stage offers. */
    public ObservableList<SwitchItem> switches() {
        return switches;
    }

    /** True while the worker is asked to bring deadlines forward for a child at immediate risk. */
    public BooleanProperty bringForwardProperty() {
        return bringForward;
    }

    public ObservableList<DeadlineItem> deadlines() {
        return deadlines;
    }

    public ObservableList<NotificationItem> notifications() {
        return notifications;
    }

    public ObservableList<FormItem> forms() {
        return forms;
    }

    public ObservableList<ChronologyRow> chronology() {
        return chronology;
    }

    static LocalDate today(Instant now) {
        return UkTime.date(now);
    }
}
