/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.newcase;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import uk.resolve.domain.policy.Category;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Track;
import uk.resolve.ui.support.Bind;
import uk.resolve.ui.support.Navigator;
import uk.resolve.ui.support.StatusLine;

/** Binds the guided New escalation steps to their view model. */
public final class NewCaseController {

    private final NewCaseViewModel vm;
    private final Navigator navigator;
    private final StatusLine status;

    @FXML private Label stepLabel;
    @FXML private javafx.scene.layout.FlowPane stepsBar;
    @FXML private HBox draftBar;
    @FXML private Label draftNote;
    @FXML private Node step0;
    @FXML private Node step1;
    @FXML private Node step2;
    @FXML private Node step3;
    @FXML private ToggleGroup riskGroup;
    @FXML private RadioButton riskYes;
    @FXML private RadioButton riskNo;
    @FXML private Label riskError;
    @FXML private VBox riskBox;
    @FXML private Label riskInstruction;
    @FXML private ComboBox<Integer> startStage;
    @FXML private TextArea startReason;
    @FXML private Label startReasonError;
    @FXML private ComboBox<Policy> policy;
    @FXML private Label policySummary;
    @FXML private VBox trackSection;
    @FXML private VBox trackBox;
    @FXML private Label trackError;
    private final ToggleGroup trackGroup = new ToggleGroup();
    @FXML private TextField childRef;
    @FXML private Label childRefError;
    @FXML private TextField childName;
    @FXML private ComboBox<ChildStatus> childStatus;
    @FXML private Label childStatusError;
    @FXML private TextField raisedBy;
    @FXML private Label raisedByError;
    @FXML private TextField raisedAgency;
    @FXML private Label raisedAgencyError;
    @FXML private TextField otherAgency;
    @FXML private Label otherAgencyError;
    @FXML private TextField otherProfessional;
    @FXML private ComboBox<Category> category;
    @FXML private Label categoryError;
    @FXML private TextArea concern;
    @FXML private Label concernError;
    @FXML private TextArea evidence;
    @FXML private TextArea outcomeWanted;
    @FXML private TextField aroseDate;
    @FXML private Label aroseDateError;
    @FXML private TextField aroseTime;
    @FXML private Label aroseTimeError;
    @FXML private VBox questionsBox;
    @FXML private Label startReasonLabel;
    @FXML private Label startIntro;
    @FXML private Label startOnlyFirst;
    @FXML private GridPane startGrid;
    @FXML private GridPane reviewGrid;
    @FXML private Label errorLabel;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button openButton;

    public NewCaseController(NewCaseViewModel vm, Navigator navigator, StatusLine status) {
        this.vm = vm;
        this.navigator = navigator;
        this.status = status;
    }

    @FXML
    private void initialize() {
        riskGroup.selectedToggleProperty().addListener((o, a, t) -> vm.risk.set(
                t == riskYes ? NewCaseViewModel.Risk.YES : t == riskNo ? NewCaseViewModel.Risk.NO : null));
        vm.risk.valueProperty().addListener((o, a, r) -> riskGroup.selectToggle(
                r == NewCaseViewModel.Risk.YES ? riskYes : r == NewCaseViewModel.Risk.NO ? riskNo : null));
        Bind.error(riskError, vm.risk);
        riskYes.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::enterMovesOn);
        riskNo.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::enterMovesOn);
        riskBox.visibleProperty().bind(vm.riskYesBinding());
        riskBox.managedProperty().bind(riskBox.visibleProperty());
        riskInstruction.textProperty().bind(vm.riskInstructionBinding());
        startStage.setItems(vm.startStageChoices());
        // Where the procedure allows no other starting stage, say so rather than offer a choice of one.
        javafx.beans.binding.BooleanBinding choice = Bindings.size(vm.startStageChoices()).greaterThan(1);
        for (Node n : List.of(startIntro, startGrid)) {
            n.visibleProperty().bind(choice);
            n.managedProperty().bind(choice);
        }
        startOnlyFirst.visibleProperty().bind(choice.not());
        startOnlyFirst.managedProperty().bind(choice.not());
        Bind.choice(startStage, vm.startStage, null, vm::stageLabel);
        Bind.text(startReason, vm.startReason, startReasonError);
        // The reason is asked for only when the case starts above the first stage.
        startReasonLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.startStage.get() != null
                && vm.startStage.get() > 1 ? "Reason *" : "Reason", vm.startStage.valueProperty()));
        policy.setItems(vm.policyChoices());
        Bind.choice(policy, vm.policy, null, p -> p.shortName() + ": " + p.name());
        policySummary.textProperty().bind(Bindings.createStringBinding(
                () -> vm.policy.get() == null ? "" : "Version " + vm.policy.get().version() + ". " + vm.policy.get().summary(),
                vm.policy.valueProperty()));
        bindTracks();
        Bind.text(childRef, vm.childRef, childRefError);
        Bind.text(childName, vm.childName, null);
        childStatus.setItems(vm.statusChoices());
        Bind.choice(childStatus, vm.childStatus, childStatusError, ChildStatus::label);
        Bind.text(raisedBy, vm.raisedBy, raisedByError);
        Bind.text(raisedAgency, vm.raisedAgency, raisedAgencyError);
        Bind.text(otherAgency, vm.otherAgency, otherAgencyError);
        Bind.text(otherProfessional, vm.otherProfessional, null);
        category.setItems(vm.categoryChoices());
        Bind.choice(category, vm.category, categoryError, Category::label);
        Bind.text(concern, vm.concern, concernError);
        Bind.text(evidence, vm.evidence, null);
        Bind.text(outcomeWanted, vm.outcomeWanted, null);
        Bind.text(aroseDate, vm.aroseDate, aroseDateError);
        Bind.text(aroseTime, vm.aroseTime, aroseTimeError);
        // Hints stay in view above their fields (a placeholder vanishes once typing starts), and are
        // read out as the field's help.
        for (javafx.scene.control.TextInputControl t : List.<javafx.scene.control.TextInputControl>of(childRef,
                childName, raisedAgency, otherAgency, otherProfessional, concern, evidence, outcomeWanted)) {
            if (t.getParent() instanceof VBox v && v.getChildren().get(0) instanceof Label hint) {
                t.setAccessibleHelp(hint.getText());
            }
        }
        vm.questions().addListener((javafx.collections.ListChangeListener<NewCaseViewModel.Question>) c -> drawQuestions());
        drawQuestions();

        Bind.message(draftNote, vm.draftNoteProperty());
        draftBar.visibleProperty().bind(vm.draftNoteProperty().isNotEmpty());
        draftBar.managedProperty().bind(draftBar.visibleProperty());
        Bind.message(errorLabel, vm.errorProperty());

        List<Node> steps = List.of(step0, step1, step2, step3);
        for (int i = 0; i < steps.size(); i++) {
            int n = i;
            steps.get(i).visibleProperty().bind(vm.stepProperty().isEqualTo(n));
            Label chip = new Label((i + 1) + ". " + NewCaseViewModel.STEP_TITLES.get(i));
            chip.getStyleClass().add("step-chip");
            chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            vm.stepProperty().addListener((o, a, s) -> chip.pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("current"), s.intValue() == n));
            chip.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"), n == 0);
            stepsBar.getChildren().add(chip);
        }
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> "Step " + (vm.stepProperty().get() + 1)
                + " of " + steps.size() + ": " + NewCaseViewModel.STEP_TITLES.get(vm.stepProperty().get()),
                vm.stepProperty()));
        backButton.disableProperty().bind(vm.stepProperty().isEqualTo(0));
        nextButton.visibleProperty().bind(vm.stepProperty().lessThan(steps.size() - 1));
        nextButton.managedProperty().bind(nextButton.visibleProperty());
        openButton.visibleProperty().bind(nextButton.visibleProperty().not());
        openButton.managedProperty().bind(openButton.visibleProperty());
        openButton.defaultButtonProperty().bind(openButton.visibleProperty());
        openButton.disableProperty().bind(vm.busyProperty());
        vm.stepProperty().addListener((o, a, s) -> {
            if (s.intValue() == steps.size() - 1) {
                fillReview();
            }
            focusFirst(s.intValue());
        });
        vm.readyProperty().addListener((o, a, r) -> {
            if (vm.stepProperty().get() == steps.size() - 1) {
                fillReview();
            }
            focusFirst(vm.stepProperty().get());
        });
        vm.load();
    }

    /** The procedure's own questions at opening: a date box or a list of answers each. */
    private void drawQuestions() {
        questionsBox.getChildren().clear();
        for (NewCaseViewModel.Question q : vm.questions()) {
            Label label = new Label(q.label() + (q.required() ? " *" : ""));
            label.getStyleClass().add("field-label");
            label.setWrapText(true);
            label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setId("question-" + q.id() + "Error");
            Node control;
            if (q.date()) {
                TextField t = new TextField();
                t.setAccessibleHelp("For example 14/12/2026");
                t.setPrefColumnCount(10);
                t.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Bind.text(t, q.answer(), error);
                control = t;
            } else {
                ComboBox<String> c = new ComboBox<>();
                c.getItems().setAll(q.choices());
                c.valueProperty().bindBidirectional(q.answer().valueProperty());
                Bind.error(error, q.answer());
                control = c;
            }
            control.setId("question-" + q.id());
            control.setAccessibleText(q.label() + (q.required() ? ", required" : ""));
            label.setLabelFor(control);
            VBox cell = new VBox(2, label, control, error);
            if (q.date()) {
                Label hint = new Label("For example 14/12/2026");
                hint.getStyleClass().addAll("text-muted", "field-hint");
                cell.getChildren().add(1, hint);
            }
            questionsBox.getChildren().add(cell);
        }
        questionsBox.setVisible(!vm.questions().isEmpty());
        questionsBox.setManaged(!vm.questions().isEmpty());
    }

    /** One radio button per route, each with the procedure's description of when it applies. */
    private void bindTracks() {
        trackSection.visibleProperty().bind(vm.tracksOfferedBinding());
        trackSection.managedProperty().bind(trackSection.visibleProperty());
        Bind.error(trackError, vm.track);
        vm.trackChoices().addListener((javafx.collections.ListChangeListener<Track>) c -> drawTracks());
        trackGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.track.set((Track) t.getUserData());
            }
        });
        vm.track.valueProperty().addListener((o, a, t) -> selectTrack(t));
        drawTracks();
    }

    private void drawTracks() {
        trackGroup.getToggles().clear();
        trackBox.getChildren().clear();
        for (Track t : vm.trackChoices()) {
            RadioButton b = new RadioButton(t.name());
            b.setId("track-" + t.id());
            b.setUserData(t);
            b.setToggleGroup(trackGroup);
            b.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::enterMovesOn);
            b.setWrapText(true);
            b.getStyleClass().add("track-choice");
            String description = t.description() == null ? "" : t.description();
            b.setAccessibleHelp(description);
            Label d = new Label(description);
            d.setWrapText(true);
            d.setId("trackDescription-" + t.id());
            d.getStyleClass().addAll("text-muted", "track-description");
            d.setLabelFor(b);
            trackBox.getChildren().add(new VBox(2, b, d));
        }
        selectTrack(vm.track.get());
    }

    /**
     * Enter on a choice chooses it and moves on, as the README says: a radio button would otherwise
     * keep the key to itself and the Next button would never hear it.
     */
    private void enterMovesOn(javafx.scene.input.KeyEvent e) {
        if (e.getCode() != javafx.scene.input.KeyCode.ENTER || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()
                || !(e.getSource() instanceof RadioButton b)) {
            return;
        }
        e.consume();
        b.setSelected(true);
        if (nextButton.isVisible() && !nextButton.isDisabled()) {
            next();
        }
    }

    private void selectTrack(Track t) {
        trackGroup.getToggles().stream().filter(b -> b.getUserData().equals(t)).findFirst()
                .ifPresentOrElse(trackGroup::selectToggle, () -> trackGroup.selectToggle(null));
    }

    private void focusFirst(int step) {
        Node n = switch (step) {
            case 0 -> vm.risk.get() == NewCaseViewModel.Risk.YES ? riskYes : riskNo;
            case 1 -> childRef;
            case 2 -> aroseDate;
            default -> openButton;
        };
        javafx.application.Platform.runLater(n::requestFocus);
    }

    private void fillReview() {
        reviewGrid.getChildren().clear();
        int row = 0;
        for (NewCaseViewModel.ReviewLine line : vm.review()) {
            Label k = new Label(line.key());
            k.getStyleClass().add("review-key");
            k.setWrapText(true);
            k.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            k.setMaxWidth(280);
            Label v = new Label(line.value());
            v.setWrapText(true);
            v.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            v.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(v, javafx.scene.layout.Priority.ALWAYS);
            javafx.scene.control.Hyperlink change = new javafx.scene.control.Hyperlink("Change");
            change.setId("change-" + row);
            change.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            change.setAccessibleText("Change " + line.key());
            int step = line.step();
            change.setOnAction(e -> vm.change(step));
            reviewGrid.addRow(row++, k, v, change);
        }
    }

    @FXML
    private void next() {
        if (!vm.next()) {
            focusFirstInError();
        }
    }

    /** After a refused Next, the first answer needing attention is scrolled into view and focused. */
    private void focusFirstInError() {
        java.util.Map<uk.resolve.ui.support.Field<?>, Node> controls = new java.util.HashMap<>();
        controls.put(vm.risk, riskNo);
        controls.put(vm.policy, policy);
        controls.put(vm.startStage, startStage);
        controls.put(vm.startReason, startReason);
        controls.put(vm.childRef, childRef);
        controls.put(vm.childName, childName);
        controls.put(vm.childStatus, childStatus);
        controls.put(vm.raisedBy, raisedBy);
        controls.put(vm.raisedAgency, raisedAgency);
        controls.put(vm.otherAgency, otherAgency);
        controls.put(vm.otherProfessional, otherProfessional);
        controls.put(vm.aroseDate, aroseDate);
        controls.put(vm.aroseTime, aroseTime);
        controls.put(vm.category, category);
        for (NewCaseViewModel.Question q : vm.questions()) {
            Node n = questionsBox.lookup("#question-" + q.id());
            if (n != null) {
                controls.put(q.answer(), n);
            }
        }
        controls.put(vm.concern, concern);
        controls.put(vm.evidence, evidence);
        controls.put(vm.outcomeWanted, outcomeWanted);
        vm.firstInError().map(f -> f == vm.track && !trackGroup.getToggles().isEmpty()
                ? (Node) trackGroup.getToggles().get(0) : controls.get(f)).ifPresent(n -> {
                    n.requestFocus();
                    scrollIntoView(n);
                });
    }

    private static void scrollIntoView(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                sp.layout();
                double content = sp.getContent().getLayoutBounds().getHeight();
                double view = sp.getViewportBounds().getHeight();
                if (content > view) {
                    javafx.geometry.Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds()));
                    double top = Math.max(0, Math.min(b.getMinY() - 48, content - view));
                    sp.setVvalue(sp.getVmin() + (sp.getVmax() - sp.getVmin()) * top / (content - view));
                }
                return;
            }
        }
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void submit() {
        vm.submit(id -> {
            status.show("Escalation opened. It is at the top of My escalations until it is resolved.");
            navigator.showCase(id);
        });
    }

    @FXML
    private void cancel() {
        navigator.showHome();
    }

    @FXML
    private void discardDraft() {
        vm.discardDraft();
        status.show("Draft discarded.");
    }
}
