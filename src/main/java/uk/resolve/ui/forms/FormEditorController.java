/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.io.File;
import java.util.ArrayDeque;
import java.util.Deque;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import uk.resolve.ui.support.Controls;


/** Binds the form editor's view to its {@link FormEditorViewModel} and forwards the buttons. */
public final class FormEditorController {

    private final FormEditorViewModel model;

    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private Label missing;
    @FXML private Label status;
    @FXML private VBox fieldsBox;
    @FXML private VBox previewBox;
    @FXML private SplitPane split;
    @FXML private ScrollPane fieldsScroll;
    @FXML private ScrollPane previewScroll;

    /** The preview's zoom: 1 fits a page to the width of the preview; Ctrl+= and Ctrl+- change it, Ctrl+0 fits again. */
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    @FXML private ProgressIndicator busy;
    private final Label previewNote = new Label("Drawing the preview…");
    /** Where the answers will be, until they are: reading the case can take a moment. */
    private final Label fieldsNote = new Label("Reading the case…");
    private final BooleanProperty built = new SimpleBooleanProperty(false);
    @FXML private Button saveButton;

    public FormEditorController(FormEditorViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(model.titleProperty());
        subtitle.textProperty().bind(model.subtitleProperty());
        missing.textProperty().bind(model.missingProperty());
        model.completeProperty().addListener((o, was, is) -> {
            missing.getStyleClass().remove("ready");
            if (is) {
                missing.getStyleClass().add("ready");
            }
        });
        status.textProperty().bind(model.statusProperty());
        busy.visibleProperty().bind(model.busyProperty());
        saveButton.setVisible(model.savable());
        saveButton.setManaged(model.savable());
        saveButton.disableProperty().bind(model.loadedProperty().not());
        model.loadedProperty().addListener((o, was, is) -> {
            if (is) {
                buildFields();
                if (model.fields().isEmpty()) {
                    // nothing to fill in (the chronology): the page takes the whole window
                    split.getItems().remove(fieldsScroll);
                }
            }
        });
        // drawing a preview can take a second or two: say so in the preview pane, above the pages it replaces
        ProgressIndicator drawing = new ProgressIndicator();
        drawing.setPrefSize(18, 18);
        previewNote.setGraphic(drawing);
        previewNote.setId("previewNote");
        previewNote.getStyleClass().add("form-preview-note");
        previewNote.visibleProperty().bind(model.previewingProperty());
        previewNote.managedProperty().bind(model.previewingProperty());
        previewBox.getChildren().setAll(previewNote);
        ProgressIndicator reading = new ProgressIndicator();
        reading.setPrefSize(18, 18);
        fieldsNote.setGraphic(reading);
        fieldsNote.setId("fieldsNote");
        fieldsNote.getStyleClass().add("form-preview-note");
        // only while the case is read: a form that cannot be opened says why in the status line
        fieldsNote.visibleProperty().bind(model.busyProperty());
        fieldsNote.managedProperty().bind(model.busyProperty());
        fieldsBox.getChildren().add(fieldsNote);
        model.previewPages().addListener((ListChangeListener<Image>) c -> showPreview());
        // zoomed in, the page is wider than the window and scrolls sideways
        previewScroll.fitToWidthProperty().bind(zoom.lessThanOrEqualTo(1));
        title.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::zoomKeys);
            }
        });
    }

    /** The preview's zoom, 1 when a page fits the width of the preview. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    private void zoomKeys(KeyEvent e) {
        if (e.isConsumed() || !e.isShortcutDown()) {
            return;
        }
        KeyCode k = e.getCode();
        if (k == KeyCode.EQUALS || k == KeyCode.PLUS || k == KeyCode.ADD) {
            zoom.set(Math.min(4, zoom.get() * 1.25));
        } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
            zoom.set(Math.max(0.25, zoom.get() / 1.25));
        } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
            zoom.set(1);
        } else {
            return;
        }
        e.consume();
    }

    /**
     * Puts the answers' controls in place a few at a time, one batch a frame, so that a long form never
     * holds the application thread for more than a frame: the first answers can be read and typed into
     * while the rest arrive below them.
     */
    private void buildFields() {
        Deque<Runnable> pieces = new ArrayDeque<>();
        for (FormEditorViewModel.Section section : model.sections()) {
            if (section.title() != null) {
                pieces.add(() -> {
                    Label heading = new Label(section.title());
                    heading.getStyleClass().add("form-section");
                    heading.setWrapText(true);
                    heading.setMinHeight(Region.USE_PREF_SIZE);
                    fieldsBox.getChildren().add(heading);
                });
            }
            section.fields().forEach((id, field) -> pieces.add(() -> fieldsBox.getChildren().add(Controls.field(id, field))));
        }
        fieldsBox.getChildren().remove(fieldsNote);
        if (pieces.isEmpty()) {
            built.set(true);
            return;
        }
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long end = System.nanoTime() + BATCH_NANOS;
                do {
                    pieces.removeFirst().run();
                } while (!pieces.isEmpty() && System.nanoTime() < end);
                if (pieces.isEmpty()) {
                    stop();
                    built.set(true);
                }
            }
        }.start();
    }

    /** How long one frame's batch of controls may take to make; laying them out takes about as long again. */
    private static final long BATCH_NANOS = 4_000_000;

    /** True once every answer's control is in place. */
    public ReadOnlyBooleanProperty builtProperty() {
        return built;
    }

    private void showPreview() {
        previewBox.getChildren().setAll(previewNote);
        int n = 1;
        for (Image page : model.previewPages()) {
            ImageView view = new ImageView(page);
            view.setPreserveRatio(true);
            // fitted to the visible width of the preview, times the zoom
            view.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> Math.max(200, previewScroll.getViewportBounds().getWidth() - 40) * zoom.get(),
                    previewScroll.viewportBoundsProperty(), zoom));
            view.getStyleClass().add("preview-page");
            view.setAccessibleText("Page " + n++ + " of " + model.previewPages().size());
            previewBox.getChildren().add(view);
        }
    }

    @FXML
    private void save() {
        model.saveToRecord();
        // what stops the save is shown beside its answer: take the person there
        model.firstShownProblem().map(id -> fieldsBox.lookup("#" + Controls.id(id))).ifPresent(this::reveal);
    }

    /** Scrolls {@code control} into view and gives it the focus. */
    private void reveal(Node control) {
        Bounds in = control.localToScene(control.getBoundsInLocal());
        Bounds box = fieldsBox.localToScene(fieldsBox.getBoundsInLocal());
        double room = fieldsBox.getHeight() - fieldsScroll.getViewportBounds().getHeight();
        if (room > 0) {
            double top = in.getMinY() - box.getMinY() - 40;
            fieldsScroll.setVvalue(Math.max(0, Math.min(1, top / room)));
        }
        control.requestFocus();
    }

    @FXML
    private void saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save as PDF");
        chooser.setInitialFileName(model.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF documents", "*.pdf"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.saveAs(file.toPath(), false);
        }
    }

    @FXML
    private void print() {
        model.print();
    }

    /**
     * Closes the editor (Close, Esc, the window's close button); with answers changed since they were
     * last saved to the record, asks first, in a dialog that is shown, not waited for.
     */
    @FXML
    public void close() {
        if (!model.changedProperty().get()) {
            window().hide();
            return;
        }
        ButtonType leave = new ButtonType("Close without saving", ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                "The answers you changed have not been saved in the case record. Close the form anyway?",
                stay, leave);
        ask.setTitle("Unsaved answers");
        ask.setHeaderText("Close without saving?");
        ask.initOwner(window());
        ask.getDialogPane().getStylesheets().setAll(title.getScene().getStylesheets());
        ask.getDialogPane().styleProperty().bind(title.getScene().getRoot().styleProperty());
        // staying is the safe default: Enter or Esc keeps the answers
        ((Button) ask.getDialogPane().lookupButton(stay)).setDefaultButton(true);
        ((Button) ask.getDialogPane().lookupButton(leave)).setDefaultButton(false);
        ask.setOnHidden(e -> {
            if (ask.getResult() == leave) {
                window().hide();
            }
        });
        ask.show();
    }

    private Window window() {
        return title.getScene().getWindow();
    }
}
