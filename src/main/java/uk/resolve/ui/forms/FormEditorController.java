/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.io.File;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import uk.resolve.domain.policy.FieldKind;
import uk.resolve.domain.time.UkTime;

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

    private void buildFields() {
        String section = null;
        for (FormEditorViewModel.Field f : model.fields()) {
            if (f.section() != null && !f.section().equals(section)) {
                Label heading = new Label(f.section());
                heading.getStyleClass().add("form-section");
                heading.setWrapText(true);
                fieldsBox.getChildren().add(heading);
            }
            section = f.section();
            fieldsBox.getChildren().add(editor(f));
        }
    }

    private Node editor(FormEditorViewModel.Field f) {
        VBox box = new VBox(3);
        Label label = new Label(f.label());
        label.getStyleClass().add("field-label");
        label.setWrapText(true);
        box.getChildren().add(label);
        // The hint stays visible while typing: a placeholder would vanish at the first key.
        String hint = switch (f.kind()) {
            case DATE -> "A date, for example 21 Dec 2026.";
            case NUMBER -> "A whole number.";
            default -> null;
        };
        String helpText = f.help() == null ? hint : hint == null ? f.help() : f.help() + " " + hint;
        if (helpText != null) {
            Label help = new Label(helpText);
            help.getStyleClass().add("field-help");
            help.setWrapText(true);
            box.getChildren().add(help);
        }
        Node control;
        if (f.kind() == FieldKind.DATE) {
            javafx.scene.control.DatePicker picker = uk.resolve.ui.support.Controls.date(f.valueProperty(),
                    uk.resolve.forms.FormFiller::date, UkTime::formatDate, f.label());
            picker.setMaxWidth(Double.MAX_VALUE);
            control = picker;
        } else if (f.kind() == FieldKind.CHOICE) {
            ComboBox<String> combo = new ComboBox<>();
            combo.getItems().add("");
            combo.getItems().addAll(f.choices());
            combo.valueProperty().bindBidirectional(f.valueProperty());
            combo.setMaxWidth(Double.MAX_VALUE);
            control = combo;
        } else {
            TextInputControl input;
            if (f.kind() == FieldKind.LONG_TEXT) {
                TextArea area = new TextArea();
                area.setWrapText(true);
                area.setPrefRowCount(5);
                input = area;
            } else {
                input = new TextField();
            }
            input.textProperty().bindBidirectional(f.valueProperty());
            control = input;
        }
        control.setId("field-" + f.id());
        // Tab and Control+Tab move on from every field, as in the rest of Resolve
        if (control instanceof TextArea area) {
            uk.resolve.ui.support.Bind.tabTraverses(area);
        } else {
            uk.resolve.ui.support.Bind.controlTabTraverses(control);
        }
        control.setAccessibleText(f.label() + (helpText == null ? "" : ". " + helpText));
        label.setLabelFor(control);
        box.getChildren().add(control);
        Label origin = new Label();
        origin.getStyleClass().add("field-origin");
        origin.textProperty().bind(f.originProperty());
        origin.visibleProperty().bind(f.originProperty().isNotEmpty());
        origin.managedProperty().bind(origin.visibleProperty());
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(f.problemProperty());
        problem.visibleProperty().bind(f.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        f.problemProperty().addListener((o, was, is) -> {
            control.getStyleClass().remove("field-invalid");
            if (is != null) {
                control.getStyleClass().add("field-invalid");
            }
        });
        if (f.problemProperty().get() != null) {
            control.getStyleClass().add("field-invalid");
        }
        box.getChildren().addAll(origin, problem);
        return box;
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

    @FXML
    private void close() {
        window().hide();
    }

    private Window window() {
        return title.getScene().getWindow();
    }
}
