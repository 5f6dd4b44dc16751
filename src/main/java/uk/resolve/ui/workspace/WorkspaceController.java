/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

import uk.resolve.ui.support.Bind;
import uk.resolve.ui.support.Controls;
import uk.resolve.ui.support.Frames;
import uk.resolve.ui.support.Lists;
import uk.resolve.ui.support.Lists.RowAction;
import uk.resolve.ui.support.Navigator;
import uk.resolve.ui.support.StatusLine;
import uk.resolve.domain.workspace.CaseAction;
import uk.resolve.domain.workspace.CaseScreen.Deadline;
import uk.resolve.domain.workspace.CaseScreen.EntryRow;
import uk.resolve.domain.workspace.CaseScreen.Form;
import uk.resolve.domain.workspace.CaseScreen.StageItem;

/** Binds the case workspace to its view model and draws its lists. */
public final class WorkspaceController {

    private final WorkspaceViewModel vm;
    private final FormOpener formOpener;
    private final Navigator navigator;
    private final StatusLine status;
    private final Frames frames;

    @FXML private VBox workspaceRoot;
    @FXML private Label titleLabel;
    @FXML private Label sampleBadge;
    @FXML private Label riskBadge;
    @FXML private Label overdueBadge;
    @FXML private VBox actNowPanel;
    @FXML private VBox bringForwardPanel;
    @FXML private VBox questionsDueBox;
    @FXML private VBox switchBox;
    @FXML private Label questionsTitle;
    @FXML private VBox questionsBox;
    @FXML private Label subtitleLabel;
    @FXML private Label trackLabel;
    @FXML private Label statusLabel;
    @FXML private ToggleButton detailsToggle;
    @FXML private VBox caseDetails;
    @FXML private Button discussButton;
    @FXML private Button escalateButton;
    @FXML private Button resolveButton;
    @FXML private Button withdrawButton;
    @FXML private Button shareButton;
    @FXML private Button reopenButton;
    @FXML private Button shortenButton;
    @FXML private Button attachButton;
    @FXML private Label messageLabel;
    @FXML private Label errorLabel;
    @FXML private javafx.scene.layout.FlowPane timelineBox;
    @FXML private Label stageHeading;
    @FXML private Label participantsLabel;
    @FXML private Label guidanceLabel;
    @FXML private Label arbiterLabel;
    @FXML private Label deadlinesTitle;
    @FXML private ListView<Deadline> deadlinesList;
    @FXML private Label notificationsTitle;
    @FXML private VBox notificationsBox;
    @FXML private Label formsTitle;
    @FXML private ListView<Form> formsList;
    @FXML private Label checklistTitle;
    @FXML private VBox checklistBox;
    @FXML private Label contactsTitle;
    @FXML private VBox contactsBox;
    @FXML private Label concernLabel;
    @FXML private ScrollPane stageScroll;
    @FXML private ScrollPane actionScroll;
    @FXML private VBox actionPanel;
    @FXML private ScrollPane chronologyScroll;
    @FXML private ListView<EntryRow> chronologyList;
    private final Label noDeadlines = new Label();
    /** What each part of the screen was last drawn from. */
    private final java.util.Map<String, Object> drawn = new java.util.HashMap<>();
    /** True from asking for a case until it is on screen: then it scrolls to its top and takes the focus. */
    private boolean opened;
    /** The chronology as listed: newest first. */
    private final ObservableList<EntryRow> newestFirst = FXCollections.observableArrayList();

    /** @param frames how an action's form is put on screen: a field per frame */
    public WorkspaceController(WorkspaceViewModel vm, FormOpener formOpener, Navigator navigator, StatusLine status,
                               Frames frames) {
        this.vm = vm;
        this.frames = frames;
        this.formOpener = formOpener;
        this.navigator = navigator;
        this.status = status;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(vm.titleProperty());
        subtitleLabel.textProperty().bind(vm.subtitleProperty());
        trackLabel.textProperty().bind(vm.trackProperty());
        trackLabel.visibleProperty().bind(vm.trackProperty().isNotEmpty());
        trackLabel.managedProperty().bind(trackLabel.visibleProperty());
        statusLabel.textProperty().bind(vm.statusTextProperty());
        foldDetailsAtLargeText();
        show(sampleBadge, vm.sampleProperty());
        show(riskBadge, vm.immediateRiskProperty());
        show(overdueBadge, vm.overdueProperty());
        show(discussButton, vm.openProperty());
        show(escalateButton, vm.canEscalateProperty());
        show(resolveButton, vm.openProperty());
        show(withdrawButton, vm.openProperty());
        show(reopenButton, vm.openProperty().not().and(vm.stateProperty().isNotNull()));
        show(shareButton, vm.stateProperty().isNotNull());
        shareButton.disableProperty().bind(vm.busyProperty());
        show(shortenButton, vm.openProperty().and(Bindings.createBooleanBinding(
                () -> vm.deadlines().stream().anyMatch(d -> !d.isMet()), vm.deadlines())));
        for (Button b : new Button[] {discussButton, escalateButton, resolveButton, withdrawButton, reopenButton, shortenButton}) {
            b.disableProperty().bind(vm.busyProperty());
        }
        escalateButton.textProperty().bind(Bindings.createStringBinding(() -> {
            var c = vm.stateProperty().get();
            return c == null ? "_Escalate" : "_Escalate to stage " + (c.stage() + 1);
        }, vm.stateProperty()));
        Bind.message(messageLabel, vm.messageProperty());
        Bind.message(errorLabel, vm.errorProperty());
        stageHeading.textProperty().bind(vm.stageHeadingProperty());
        Bind.message(participantsLabel, vm.participantsProperty());
        guidanceLabel.textProperty().bind(vm.guidanceProperty());
        Bind.message(arbiterLabel, vm.arbiterProperty());
        concernLabel.textProperty().bind(vm.concernProperty());
        show(actNowPanel, vm.actNowProperty());
        vm.stateProperty().addListener((o, a, c) -> {
            // Each part is drawn again only when what it shows has changed: after a save most of the
            // screen keeps its nodes, and the JavaFX thread styles and lays out only what is new.
            redraw("actNow", List.of(vm.actNowProperty().get(), vm.actNowInstructionProperty().get(),
                    List.copyOf(vm.actNowContacts())), this::drawActNow);
            redraw("bringForward", vm.bringForwardProperty().get(), this::drawBringForward);
            redraw("timeline", List.copyOf(vm.timeline()), this::drawTimeline);
            redraw("switches", List.copyOf(vm.switches()), this::drawSwitches);
            redraw("questions", List.of(List.copyOf(vm.questions()), vm.openProperty().get()), this::drawQuestions);
            redraw("deadlines", vm.openProperty().get(), this::drawDeadlines);
            redraw("notifications", List.copyOf(vm.notifications()), this::drawNotifications);
            redraw("checklist", List.copyOf(vm.checklist()), this::drawChecklist);
            redraw("contacts", List.copyOf(vm.contacts()), this::drawContacts);
            List<EntryRow> rows = reversed(vm.chronology());
            if (!newestFirst.equals(rows)) {
                newestFirst.setAll(rows);
            }
            if (opened && c != null) {
                opened = false;
                chronologyList.scrollTo(0);
                stageScroll.setVvalue(0);
                Platform.runLater(this::focusFirstAction);
            }
        });
        // While another case than the one shown is read, nothing of the last one stays on screen; if
        // it cannot be read, the status line says why.
        workspaceRoot.visibleProperty().bind(vm.shownProperty());
        vm.errorProperty().addListener((o, a, m) -> {
            if (m != null && !m.isEmpty() && !vm.shownProperty().get()) {
                status.show(m);
            }
        });
        vm.actionProperty().addListener((o, a, f) -> drawAction(f));
        vm.messageProperty().addListener((o, a, m) -> {
            if (m != null && !m.isEmpty()) {
                status.show(m);
            }
        });
        setUpLists();
        drawAction(null);
        offerAttach();
    }

    /**
     * At large text (one and a half times the normal size or more) the case's details and its stages
     * (and the offer to bring deadlines forward) fold away behind a disclosure, closed at first, so the
     * record keeps at least half the window; the title, the status, Act now and the actions stay. At normal size everything shows and the disclosure does not.
     */
    private void foldDetailsAtLargeText() {
        javafx.beans.binding.BooleanBinding large = Bindings.createBooleanBinding(
                () -> statusLabel.getFont().getSize() >= 1.5 * Font.getDefault().getSize(), statusLabel.fontProperty());
        detailsToggle.visibleProperty().bind(large);
        detailsToggle.managedProperty().bind(large);
        javafx.beans.binding.BooleanBinding shown = large.not().or(detailsToggle.selectedProperty());
        for (Node n : List.of(caseDetails, timelineBox)) {
            n.visibleProperty().bind(shown);
            n.managedProperty().bind(shown);
        }
        // Its button is also in the stage's pane ("Bring a deadline forward"), so at large text it folds too.
        show(bringForwardPanel, vm.bringForwardProperty().and(shown));
        detailsToggle.textProperty().bind(Bindings.when(detailsToggle.selectedProperty())
                .then("Case details ▾").otherwise("Case details ▸"));
        detailsToggle.accessibleTextProperty().bind(Bindings.when(detailsToggle.selectedProperty())
                .then("Case details and stages, shown: press to hide them")
                .otherwise("Case details and stages, hidden: press to show them"));
    }

    /**
     * The deadlines, the forms and the chronology as lists of typed rows: each row's nodes are made
     * once per visible cell and given the new items when the case changes, never rebuilt.
     */
    private void setUpLists() {
        deadlinesList.setItems(vm.deadlines());
        deadlinesList.setCellFactory(l -> new DeadlineCell(vm::start, vm.busyProperty()));
        Lists.fitToRows(deadlinesList, noDeadlines);
        noDeadlines.getStyleClass().add("text-muted");
        Lists.rowActions(deadlinesList, d -> d.done() == null || vm.busyProperty().get() ? List.of()
                : List.of(new RowAction("Mark as met", () -> vm.start(d.done()))));

        formsList.setItems(vm.forms());
        formsList.setCellFactory(l -> new FormCell(this::openForm, this::emailForm, () -> mailDrafts != null));
        Lists.fitToRows(formsList, new Label());
        Lists.rowActions(formsList, f -> {
            List<RowAction> a = new ArrayList<>(List.of(new RowAction("Open the form", () -> openForm(f))));
            if (f.completed() && mailDrafts != null) {
                a.add(new RowAction("Prepare an e-mail sending it", () -> emailForm(f)));
            }
            return a;
        });
        show(formsTitle, Bindings.isNotEmpty(vm.forms()));
        show(formsList, Bindings.isNotEmpty(vm.forms()));

        chronologyList.setItems(newestFirst);
        chronologyList.setCellFactory(l -> new ChronologyCell(vm::start, this::openAttachment, () -> attachments != null));
        Lists.placeholder(chronologyList, new Label("No entries yet."));
        Lists.rowActions(chronologyList, this::entryActions);
        // While an action's form is open it has the right-hand side to itself; the chronology comes back after.
        show(actionScroll, vm.actionProperty().isNotNull());
        show(chronologyScroll, vm.actionProperty().isNull());
    }

    /** What can be done on an entry, the first being what Enter does. */
    private List<RowAction> entryActions(EntryRow r) {
        List<RowAction> a = new ArrayList<>();
        if (r.attachment() > 0 && attachments != null) {
            a.add(new RowAction("Open the attached document", () -> openAttachment(r)));
        }
        if (r.approve() != null) {
            a.add(new RowAction("Approve this record", () -> vm.start(r.approve())));
        }
        if (r.sign() != null) {
            a.add(new RowAction("Sign this form", () -> vm.start(r.sign())));
        }
        if (r.correct() != null) {
            a.add(new RowAction("Correct this record", () -> vm.start(r.correct())));
        }
        return a;
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> r = new ArrayList<>(items);
        Collections.reverse(r);
        return r;
    }

    private void openForm(Form f) {
        UUID id = vm.caseId();
        // the editor may have saved a version of the form in the record: shown once it closes
        formOpener.open(formsList.getScene().getWindow(), id, f.form(), f.stage(), () -> {
            if (id.equals(vm.caseId())) {
                vm.load(id);
            }
        });
    }

    private void emailForm(Form f) {
        if (mailDrafts != null) {
            mailDrafts.form(vm.caseId(), f.form(), f.stage(), status::show);
        }
    }

    private void openAttachment(EntryRow r) {
        if (attachments != null) {
            attachments.open(vm.caseId(), r.attachment(), status::show);
        }
    }

    /** Once a case is on screen, a keyboard user starts at its first action rather than in the navigation. */
    private void focusFirstAction() {
        Node root = discussButton.getParent().getParent();
        if (root.getScene() == null) {
            return;
        }
        for (Node n = root.getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == root) {
                return;
            }
        }
        for (Button b : new Button[] {discussButton, reopenButton}) {
            if (b.isVisible() && !b.isDisabled()) {
                b.requestFocus();
                return;
            }
        }
    }

    /** Shows case {@code id}, written to the audit log as opened; the view is kept for the next case opened. */
    public void show(UUID id) {
        opened = true;
        vm.open(id);
    }

    /** Runs {@code draw} unless {@code shownFrom} is what part {@code part} was last drawn from. */
    private void redraw(String part, Object shownFrom, Runnable draw) {
        if (!java.util.Objects.equals(drawn.put(part, shownFrom), shownFrom)) {
            draw.run();
        }
    }

    public WorkspaceViewModel viewModel() {
        return vm;
    }

    private static void show(Node n, javafx.beans.value.ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(n.visibleProperty());
    }

    /** The Act now panel of an immediate-risk case: what to do, whom to call, and a way to say it is done. */
    private void drawActNow() {
        actNowPanel.getChildren().clear();
        if (!vm.actNowProperty().get()) {
            return;
        }
        Label head = new Label("Act now: the child may be at immediate risk of harm");
        head.getStyleClass().add("callout-title");
        head.setWrapText(true);
        head.setMinHeight(Region.USE_PREF_SIZE);
        actNowPanel.getChildren().add(head);
        if (!vm.actNowInstructionProperty().get().isBlank()) {
            Label instruction = new Label(vm.actNowInstructionProperty().get());
            instruction.setId("actNowInstruction");
            instruction.setWrapText(true);
            instruction.setMinHeight(Region.USE_PREF_SIZE);
            actNowPanel.getChildren().add(instruction);
        }
        Label police = new Label("In an emergency, call the police on 999.");
        police.setId("actNowPolice");
        police.getStyleClass().add("act-now-emergency");
        police.setWrapText(true);
        police.setMinHeight(Region.USE_PREF_SIZE);
        actNowPanel.getChildren().add(police);
        VBox people = new VBox(2);
        people.setId("actNowContacts");
        for (var c : vm.actNowContacts()) {
            Label l = new Label(c.name() + (c.details().isBlank() ? "" : ": " + c.details()));
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            people.getChildren().add(l);
        }
        if (!people.getChildren().isEmpty()) {
            Label title = new Label("Contact now");
            title.getStyleClass().add("field-label");
            actNowPanel.getChildren().addAll(title, people);
        }
        Button done = new Button("Re_cord what was done");
        done.setMnemonicParsing(true);
        done.setId("recordRiskAction");
        done.setMinWidth(Region.USE_PREF_SIZE);
        done.setAccessibleText("Record what was done to keep the child safe; the Act now panel then closes");
        done.getStyleClass().add("accent");
        done.disableProperty().bind(vm.busyProperty());
        done.setOnAction(e -> vm.start(CaseAction.of(CaseAction.Kind.RISK_ACTION)));
        actNowPanel.getChildren().add(done);
    }

    /**
     * For a child at immediate risk under a procedure with no fast track or shorter timescales: a
     * calm request, beside the Act now panel, to bring the deadlines forward.
     */
    private void drawBringForward() {
        bringForwardPanel.getChildren().clear();
        if (!vm.bringForwardProperty().get()) {
            return;
        }
        Label head = new Label("Bring the deadlines forward if the child needs it");
        head.setId("bringForwardTitle");
        head.getStyleClass().add("field-label");
        head.setWrapText(true);
        head.setMinHeight(Region.USE_PREF_SIZE);
        Label text = new Label("This procedure sets no fast track and no shorter timescales for a child at"
                + " immediate risk, so its usual deadlines apply. Set a shorter deadline where that protects the child.");
        text.setId("bringForwardText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Button b = new Button("Bring a deadline forward…");
        b.setId("bringForwardPrompt");
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setAccessibleText("Bring a deadline forward to protect the child at immediate risk");
        b.disableProperty().bind(vm.busyProperty());
        b.setOnAction(e -> vm.start(CaseAction.of(CaseAction.Kind.SHORTEN)));
        bringForwardPanel.getChildren().addAll(head, text, b);
    }

    /** Each change of route the stage offers, as a button worded by the procedure. */
    private void drawSwitches() {
        switchBox.getChildren().clear();
        if (vm.switches().isEmpty()) {
            switchBox.setVisible(false);
            switchBox.setManaged(false);
            return;
        }
        Label title = new Label("The procedure offers a change of route here");
        title.getStyleClass().add("field-label");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        switchBox.getChildren().add(title);
        for (var w : vm.switches()) {
            Button b = new Button(w.label() + "…");
            b.setId("switch-" + w.to());
            b.setWrapText(true);
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAccessibleText(w.label() + ": move the case to the route " + w.trackName());
            b.disableProperty().bind(vm.busyProperty());
            b.setOnAction(e -> vm.start(w.action()));
            switchBox.getChildren().add(b);
        }
        switchBox.setVisible(true);
        switchBox.setManaged(true);
    }

    /**
     * The procedure's questions and dates: those it asks at this stage in a prompt at the top, the
     * rest with their answers under "Questions and dates", each with a way to answer or change it.
     */
    private void drawQuestions() {
        questionsDueBox.getChildren().clear();
        questionsBox.getChildren().clear();
        boolean open = vm.openProperty().get();
        for (var q : vm.questions()) {
            Label l = new Label(q.text());
            l.setId((q.date() ? "date-" : "fact-") + q.id());
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(l, Priority.ALWAYS);
            HBox row = new HBox(8, l);
            row.getStyleClass().add("due-row");
            if (open) {
                String verb = q.verb();
                Button b = new Button(verb);
                b.setId((q.date() ? "give-date-" : "answer-") + q.id());
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setAccessibleText(verb + ": " + q.label());
                b.disableProperty().bind(vm.busyProperty());
                b.setOnAction(e -> vm.start(q.action()));
                row.getChildren().add(b);
            }
            (q.due() ? questionsDueBox : questionsBox).getChildren().add(row);
        }
        if (!questionsDueBox.getChildren().isEmpty()) {
            Label head = new Label("The procedure asks this at this stage");
            head.getStyleClass().add("callout-title");
            head.setWrapText(true);
            head.setMinHeight(Region.USE_PREF_SIZE);
            questionsDueBox.getChildren().add(0, head);
        }
        for (VBox box : new VBox[] {questionsDueBox, questionsBox}) {
            box.setVisible(!box.getChildren().isEmpty());
            box.setManaged(box.isVisible());
        }
        questionsTitle.setVisible(questionsBox.isVisible());
        questionsTitle.setManaged(questionsBox.isVisible());
    }

    private void drawTimeline() {
        timelineBox.getChildren().clear();
        for (StageItem s : vm.timeline()) {
            Label head = new Label(s.heading());
            head.getStyleClass().add("stage-card-head");
            head.setWrapText(true);
            Label title = new Label(s.title());
            title.setWrapText(true);
            title.getStyleClass().add("stage-card-title");
            Label detail = new Label(s.detail());
            detail.setWrapText(true);
            detail.getStyleClass().add("stage-card-detail");
            VBox card = new VBox(2, head, title, detail);
            card.setId("stage-" + s.number());
            card.getStyleClass().add("stage-card");
            card.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.state().name().toLowerCase(Locale.ROOT).replace('_', '-')), true);
            card.setFocusTraversable(true);
            card.setAccessibleText(s.accessibleText());
            // Equal shares of the row, but never under eleven text widths: at large text the cards wrap
            // onto a second row rather than splitting their words.
            int count = vm.timeline().size();
            // When the cards do not fit in one row (large text) they shrink to their headings
            // ("Stage 2 · Now"); the stage's title is in the heading below, and the work keeps the screen.
            javafx.beans.binding.BooleanBinding oneRow = javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> timelineBox.getWidth() <= 0 || 11 * head.getFont().getSize() * count
                            + timelineBox.getHgap() * (count - 1) <= timelineBox.getWidth(),
                    timelineBox.widthProperty(), head.fontProperty());
            for (Label l : List.of(title, detail)) {
                l.visibleProperty().bind(oneRow);
                l.managedProperty().bind(oneRow);
            }
            head.setMinWidth(Region.USE_PREF_SIZE);
            javafx.beans.binding.DoubleBinding width = javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> oneRow.get() ? Math.floor((timelineBox.getWidth() - timelineBox.getHgap() * (count - 1)) / count)
                            : Region.USE_COMPUTED_SIZE,
                    timelineBox.widthProperty(), oneRow);
            card.prefWidthProperty().bind(width);
            card.minWidthProperty().bind(javafx.beans.binding.Bindings.when(oneRow).then(width)
                    .otherwise(Region.USE_PREF_SIZE));
            card.maxWidthProperty().bind(javafx.beans.binding.Bindings.when(oneRow).then(width)
                    .otherwise(Region.USE_PREF_SIZE));
            timelineBox.getChildren().add(card);
        }
    }

    private void drawDeadlines() {
        noDeadlines.setText(vm.openProperty().get() ? "The procedure sets no timescale at this stage; act as"
                + " soon as the child's needs require." : "None: the case is closed.");
    }

    private MailDraftOpener mailDrafts;
    private AttachmentOpener attachments;

    /** Offers Attach a document… and Open on attached documents. */
    public void offerAttachments(AttachmentOpener opener) {
        this.attachments = opener;
        offerAttach();
    }

    /** Shows Attach a document… once both the button and the means to attach are there (in either order). */
    private void offerAttach() {
        if (attachments != null && attachButton != null) {
            show(attachButton, vm.stateProperty().isNotNull());
            attachButton.disableProperty().bind(vm.busyProperty());
        }
    }

    @FXML
    private void attach() {
        if (attachments == null || vm.caseId() == null) {
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Attach a document to the case's record");
        chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter(
                "Letters, minutes, e-mails, PDFs, Word files and images", "*.pdf", "*.doc", "*.docx", "*.odt", "*.rtf",
                "*.txt", "*.eml", "*.msg", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.tif", "*.tiff"));
        java.io.File file = chooser.showOpenDialog(attachButton.getScene().getWindow());
        if (file == null) {
            return;
        }
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog();
        ask.initOwner(attachButton.getScene().getWindow());
        ask.setTitle("Attach a document");
        ask.setHeaderText("What is this document? (optional)");
        ask.setContentText("Note:");
        ask.getEditor().setAccessibleText("A note about the document, kept in the case record");
        var note = ask.showAndWait();
        if (note.isEmpty()) {
            return;
        }
        UUID id = vm.caseId();
        vm.errorProperty().set("");
        attachments.attach(id, file.toPath(), note.get(), m -> {
            status.show(m);
            vm.load(id);
        }, m -> vm.errorProperty().set(m));
    }

    /** Offers Prepare e-mail on notifications due and completed forms. */
    public void offerMailDrafts(MailDraftOpener opener) {
        this.mailDrafts = opener;
    }

    private Button prepareEmail(String id, String accessible, Runnable action) {
        Button b = new Button("Prepare e-mail");
        b.setId(id);
        b.setAccessibleText(accessible);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void drawNotifications() {
        notificationsBox.getChildren().clear();
        for (var n : vm.notifications()) {
            Label l = new Label(n.text());
            l.setWrapText(true);
            l.getStyleClass().add(n.sent() ? "item-done" : "item-due");
            l.setId("notification-" + n.id() + "-" + n.stage());
            HBox.setHgrow(l, Priority.ALWAYS);
            l.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(8, l);
            row.getStyleClass().add("due-row");
            if (!n.sent()) {
                Button b = new Button("Mark sent");
                b.setId("markSent-" + n.id() + "-" + n.stage());
                b.setAccessibleText("Mark the notice to " + n.to() + " as sent");
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setOnAction(e -> vm.start(n.markSent()));
                if (mailDrafts != null) {
                    row.getChildren().add(prepareEmail("prepareEmail-" + n.id() + "-" + n.stage(), "Prepare an e-mail"
                            + " to " + n.to() + " in your mail program", () -> mailDrafts.notification(vm.caseId(),
                            n.id(), n.stage(), status::show)));
                }
                row.getChildren().add(b);
            }
            notificationsBox.getChildren().add(row);
        }
        notificationsTitle.setVisible(!vm.notifications().isEmpty());
        notificationsTitle.setManaged(!vm.notifications().isEmpty());
    }

    private void drawChecklist() {
        checklistBox.getChildren().clear();
        for (var item : vm.checklist()) {
            CheckBox cb = new CheckBox(item.text());
            cb.setWrapText(true);
            cb.selectedProperty().bindBidirectional(item.doneProperty());
            if (item.recorded()) {
                cb.setId("tick-" + item.key());
                // A tick in the record is not undone; it is shown ticked and can no longer be changed.
                cb.disableProperty().bind(item.doneProperty().or(vm.busyProperty()));
                cb.setAccessibleHelp("Ticking records this step in the case record.");
            }
            checklistBox.getChildren().add(cb);
        }
        checklistTitle.setVisible(!vm.checklist().isEmpty());
        checklistTitle.setManaged(!vm.checklist().isEmpty());
    }

    private void drawContacts() {
        contactsBox.getChildren().clear();
        for (var c : vm.contacts()) {
            Label name = new Label(c.name());
            name.getStyleClass().add("contact-name");
            Label details = new Label(c.details());
            details.setWrapText(true);
            contactsBox.getChildren().add(new VBox(0, name, details));
        }
        contactsTitle.setVisible(!vm.contacts().isEmpty());
        contactsTitle.setManaged(!vm.contacts().isEmpty());
    }

    /**
     * The action's form: its heading and buttons at once, then a field per frame (a form of several
     * text areas, dates and choices styled at once held the JavaFX thread for several frames); the
     * first field takes the focus as soon as it is there.
     */
    private void drawAction(ActionForm f) {
        actionPanel.getChildren().clear();
        actionPanel.setVisible(f != null);
        actionPanel.setManaged(f != null);
        if (f == null) {
            frames.show(List.of());
            return;
        }
        Label title = new Label(f.title());
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        Label intro = new Label(f.intro());
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        Label note = new Label();
        note.getStyleClass().add("draft-note");
        note.setId("actionDraftNote");
        note.setMaxWidth(Double.MAX_VALUE);
        Bind.message(note, f.noteProperty());
        // Each label above its field: the right-hand pane is narrow, and at large text a label column
        // beside the fields would leave them too little room.
        VBox grid = new VBox(8);
        grid.getStyleClass().add("action-grid");
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setId("actionError");
        Bind.message(error, f.errorProperty());
        Button submit = new Button(f.submitLabel());
        submit.setId("submitAction");
        submit.setDefaultButton(true);
        submit.getStyleClass().add("accent");
        submit.disableProperty().bind(vm.busyProperty());
        submit.setOnAction(e -> vm.submit());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelAction");
        cancel.setCancelButton(true);
        cancel.setAccessibleText("Cancel and discard what you typed here");
        cancel.setOnAction(e -> vm.cancel());
        HBox buttons = new HBox(8, submit, cancel);
        List<Runnable> parts = new ArrayList<>();
        parts.add(() -> {
            actionPanel.getChildren().addAll(title, intro, note, grid, error, buttons);
            actionScroll.setVvalue(0);
        });
        boolean[] focused = {false};
        for (var e : f.fields().entrySet()) {
            parts.add(() -> {
                VBox cell = Controls.field(e.getKey(), e.getValue());
                grid.getChildren().add(cell);
                if (!focused[0]) {
                    focused[0] = true;
                    Node first = cell.lookup("#field-" + e.getKey());
                    if (first != null) {
                        Platform.runLater(first::requestFocus);
                    }
                }
            });
        }
        frames.show(parts);
    }

    @FXML
    private void printChronology() {
        formOpener.open(chronologyList.getScene().getWindow(), vm.caseId(), "chronology", 0, () -> { });
    }

    @FXML
    private void discuss() {
        vm.start(CaseAction.of(CaseAction.Kind.DISCUSS));
    }

    @FXML
    private void escalate() {
        vm.start(CaseAction.of(CaseAction.Kind.ESCALATE));
    }

    @FXML
    private void resolve() {
        vm.start(CaseAction.of(CaseAction.Kind.RESOLVE));
    }

    @FXML
    private void withdraw() {
        vm.start(CaseAction.of(CaseAction.Kind.WITHDRAW));
    }

    @FXML
    private void share() {
        vm.start(CaseAction.of(CaseAction.Kind.SHARE));
    }

    @FXML
    private void reopen() {
        vm.start(CaseAction.of(CaseAction.Kind.REOPEN));
    }

    @FXML
    private void shorten() {
        vm.start(CaseAction.of(CaseAction.Kind.SHORTEN));
    }
}
