/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
import uk.resolve.app.Preferences;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.workspace.CaseAction;
import uk.resolve.domain.workspace.CaseScreen;
import uk.resolve.domain.workspace.CaseScreen.Contact;
import uk.resolve.domain.workspace.CaseScreen.Deadline;
import uk.resolve.domain.workspace.CaseScreen.EntryRow;
import uk.resolve.domain.workspace.CaseScreen.Form;
import uk.resolve.domain.workspace.CaseScreen.Notification;
import uk.resolve.domain.workspace.CaseScreen.Question;
import uk.resolve.domain.workspace.CaseScreen.RouteChange;
import uk.resolve.domain.workspace.CaseScreen.StageItem;
import uk.resolve.domain.workspace.WorkspacePresenter;
import uk.resolve.security.Permission;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.support.DraftStore;

/**
 * The case workspace's state: loads the case off the UI thread, holds what {@link WorkspacePresenter}
 * makes of it as observable values, and opens, restores and submits the actions' forms ({@link ActionForms}).
 */
public final class WorkspaceViewModel {

    /** A step of the stage's checklist, with its tick as a property the screen binds to. */
    public static final class ChecklistItem {
        private final String key;
        private final String text;
        private final boolean recorded;
        private final BooleanProperty done = new SimpleBooleanProperty();

        ChecklistItem(CaseScreen.Step step) {
            this.key = step.key();
            this.text = step.text();
            this.recorded = step.recorded();
            this.done.set(step.done());
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
    private static final List<CaseAction.Kind> RESTORABLE = List.of(CaseAction.Kind.DISCUSS, CaseAction.Kind.ESCALATE,
            CaseAction.Kind.RESOLVE, CaseAction.Kind.WITHDRAW);

    private final CaseService cases;
    private final FormService formService;
    private final Preferences prefs;
    private final DraftStore drafts;
    private final Background background;
    private final WorkspacePresenter presenter;
    private final WorkspacePresenter.Viewer viewer;

    private UUID caseId;
    private UUID viewed;
    private final ObjectProperty<CaseState> state = new SimpleObjectProperty<>();
    private final ObjectProperty<CaseScreen> screen = new SimpleObjectProperty<>();
    private Policy policy;
    private Instant now;
    private final Set<String> ticked = new HashSet<>();
    private List<CaseScreen.Step> checklistShown = List.of();

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
    private final ObservableList<Contact> actNowContacts = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final ObjectProperty<ActionForm> action = new SimpleObjectProperty<>();

    private final ObservableList<StageItem> timeline = FXCollections.observableArrayList();
    private final ObservableList<ChecklistItem> checklist = FXCollections.observableArrayList();
    private final ObservableList<Contact> contacts = FXCollections.observableArrayList();
    private final ObservableList<Question> questions = FXCollections.observableArrayList();
    private final ObservableList<RouteChange> switches = FXCollections.observableArrayList();
    private final BooleanProperty bringForward = new SimpleBooleanProperty(false);
    private final ObservableList<Deadline> deadlines = FXCollections.observableArrayList();
    private final ObservableList<Notification> notifications = FXCollections.observableArrayList();
    private final ObservableList<Form> forms = FXCollections.observableArrayList();
    private final ObservableList<EntryRow> chronology = FXCollections.observableArrayList();

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
        this.presenter = new WorkspacePresenter(cases.calendar());
        boolean mayApprove = cases.actor().may(Permission.APPROVE_RECORDS);
        this.viewer = new WorkspacePresenter.Viewer(cases.author(), mayApprove, mayApprove && forms != null);
    }

    /** A case as read and presented on the worker: the JavaFX thread only puts it in place. */
    private record Loaded(CaseState state, Policy policy, Instant now, CaseScreen screen, Set<String> ticks,
                          Map<CaseAction.Kind, Map<String, String>> drafts) {
    }

    /** Reads what the case needs besides its state and presents it; on the worker. */
    private Loaded present(CaseState c, Set<String> ticks, Map<CaseAction.Kind, Map<String, String>> drafts) {
        Policy p = cases.policyOf(c);
        Instant at = cases.now();
        return new Loaded(c, p, at, presenter.present(c, p, viewer, at, ticks), ticks, drafts);
    }

    /**
     * Opens case {@code id} afresh (written to the audit log): whatever form was open on the case
     * shown before closes, its draft kept.
     */
    public void open(UUID id) {
        if (!id.equals(caseId)) {
            shown.set(false);
        }
        viewed = null;
        action.set(null);
        error.set("");
        message.set("");
        load(id);
    }

    /** Reads the case off the UI thread, with any half-filled action to bring back. */
    public void load(UUID id) {
        // Opening a case is written to the audit log once; refreshing it afterwards is not.
        boolean opening = !id.equals(viewed);
        this.caseId = id;
        this.viewed = id;
        String checklistKey = checklistKey();
        busy.set(true);
        background.run(() -> {
            CaseState c = opening ? cases.view(id) : cases.get(id);
            Map<CaseAction.Kind, Map<String, String>> found = new LinkedHashMap<>();
            for (CaseAction.Kind k : RESTORABLE) {
                drafts.load(draftKey(id, CaseAction.of(k))).ifPresent(d -> found.put(k, d));
            }
            Set<String> ticks = new HashSet<>();
            for (String t : prefs.get(checklistKey).orElse("").split(",")) {
                if (!t.isBlank()) {
                    ticks.add(t);
                }
            }
            return present(c, Set.copyOf(ticks), found);
        }, l -> {
            if (!id.equals(caseId)) {
                return; // another case was opened meanwhile
            }
            busy.set(false);
            show(l);
            l.drafts().entrySet().stream().findFirst().ifPresent(e -> {
                if (open.get()) {
                    ActionForm f = formOrNull(CaseAction.of(e.getKey()));
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

    private void show(Loaded l) {
        shown.set(true);
        ticked.clear();
        ticked.addAll(l.ticks());
        policy = l.policy();
        now = l.now();
        CaseState c = l.state();
        CaseScreen s = l.screen();
        var h = s.header();
        title.set(h.title());
        subtitle.set(h.subtitle());
        trackText.set(h.route());
        statusText.set(h.status());
        concern.set(h.concern());
        open.set(h.open());
        canEscalate.set(h.canEscalate());
        sample.set(h.sample());
        immediateRisk.set(h.immediateRisk());
        overdue.set(h.overdue());
        var n = s.now();
        actNowContacts.setAll(n.actNowContacts());
        actNowInstruction.set(n.actNowInstruction());
        actNow.set(n.actNow());
        stageHeading.set(n.heading());
        participants.set(n.participants());
        guidance.set(n.guidance());
        arbiter.set(n.arbiter());
        bringForward.set(n.bringForward());
        // Lists whose rows are the same as shown keep their nodes: saving a discussion redraws the
        // chronology, not the stages, questions and contacts.
        same(timeline, s.stages());
        if (!checklistShown.equals(s.checklist())) {
            checklistShown = s.checklist();
            checklist.setAll(s.checklist().stream().map(this::checklistItem).toList());
        }
        same(contacts, s.contacts());
        same(deadlines, s.deadlines());
        same(notifications, s.notifications());
        same(forms, s.forms());
        same(questions, s.questions());
        same(switches, s.switches());
        same(chronology, s.chronology());
        screen.set(s);
        // Last, so that whoever listens to the state sees every list already up to date.
        state.set(c);
    }

    /** Replaces the items of {@code list} unless it holds them already. */
    private static <T> void same(ObservableList<T> list, List<T> items) {
        if (!list.equals(items)) {
            list.setAll(items);
        }
    }

    private ChecklistItem checklistItem(CaseScreen.Step step) {
        ChecklistItem item = new ChecklistItem(step);
        if (step.recorded()) {
            item.doneProperty().addListener((o, a, b) -> {
                if (b && !step.done()) {
                    tickInRecord(item, step.key());
                }
            });
        } else {
            item.doneProperty().addListener((o, a, b) -> tick(item.key(), b));
        }
        return item;
    }

    private void tickInRecord(ChecklistItem item, String itemId) {
        UUID id = caseId;
        busy.set(true);
        error.set("");
        Set<String> ticks = Set.copyOf(ticked);
        background.run(() -> present(cases.tick(id, itemId, null, null), ticks, Map.of()), l -> {
            busy.set(false);
            message.set("Ticked in the case record: " + item.text());
            show(l);
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

    /** Opens the form for {@code a}, or says why it does not apply to the case now. */
    public void start(CaseAction a) {
        error.set("");
        message.set("");
        now = cases.now(); // the clock only: "when" defaults to the moment the form is opened
        ActionForm f = formOrNull(a);
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
        for (var field : f.fields().values()) {
            field.valueProperty().addListener((o, a, b) -> {
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
        CaseState c = state.get();
        Policy p = policy;
        busy.set(true);
        f.errorProperty().set("");
        Set<String> ticks = Set.copyOf(ticked);
        background.run(() -> {
            CaseState after = new ActionForms(cases, formService, p).perform(id, f, c);
            drafts.discard(f.draftKey());
            return present(after, ticks, Map.of());
        }, l -> {
            busy.set(false);
            action.set(null);
            message.set(ActionForms.done(f));
            show(l);
        }, msg -> {
            busy.set(false);
            f.errorProperty().set(msg);
        });
    }

    /** The form for {@code a} on the case as it stands, or null with the reason in the error line. */
    private ActionForm formOrNull(CaseAction a) {
        CaseState c = state.get();
        if (c == null) {
            return null;
        }
        try {
            return new ActionForms(cases, formService, policy).form(a, c, now, draftKey(a));
        } catch (RuleViolation e) {
            error.set(e.getMessage());
            return null;
        }
    }

    String draftKey(CaseAction a) {
        return draftKey(caseId, a);
    }

    private static String draftKey(UUID caseId, CaseAction a) {
        String target = a.target().key();
        return "action." + a.kind().name().toLowerCase(java.util.Locale.ROOT) + "." + caseId
                + (target.isEmpty() ? "" : "." + target);
    }

    /** The form due {@code formId} at {@code stage}, as listed. */
    public Optional<Form> formDue(String formId, int stage) {
        return forms.stream().filter(f -> f.form().equals(formId) && f.stage() == stage).findFirst();
    }

    /** Everything shown, as the presenter made it from the case last loaded. */
    public ObjectProperty<CaseScreen> screenProperty() {
        return screen;
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

    public ObservableList<Contact> actNowContacts() {
        return actNowContacts;
    }

    public BooleanProperty overdueProperty() {
        return overdue;
    }

    /** False while a case other than the one last shown is being read. */
    public BooleanProperty shownProperty() {
        return shown;
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

    public ObservableList<Contact> contacts() {
        return contacts;
    }

    /** The procedure's questions and dates for this case; those due at this stage are marked. */
    public ObservableList<Question> questions() {
        return questions;
    }

    /** Changes of route the current stage offers. */
    public ObservableList<RouteChange> switches() {
        return switches;
    }

    /** True while the worker is asked to bring deadlines forward for a child at immediate risk. */
    public BooleanProperty bringForwardProperty() {
        return bringForward;
    }

    public ObservableList<Deadline> deadlines() {
        return deadlines;
    }

    public ObservableList<Notification> notifications() {
        return notifications;
    }

    public ObservableList<Form> forms() {
        return forms;
    }

    public ObservableList<EntryRow> chronology() {
        return chronology;
    }
}
