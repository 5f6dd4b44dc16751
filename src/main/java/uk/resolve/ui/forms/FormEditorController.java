/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.io.File;
import java.awt.image.BufferedImage;

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
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import uk.resolve.domain.policy.FieldKind;

/** Binds the form editor's view to its {@link FormEditorViewModel} and forwards the buttons. */
public final class FormEditorController {

    private final FormEditorViewModel model;

    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private Label missing;
    @FXML private Label status;
    @FXML private VBox fieldsBox;
    @FXML private VBox previewBox;
    @FXML private ProgressIndicator busy;
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
            }
        });
        model.previewPages().addListener((ListChangeListener<BufferedImage>) c -> showPreview());
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
        if (f.kind() == FieldKind.CHOICE) {
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
        previewBox.getChildren().clear();
        int n = 1;
        for (BufferedImage page : model.previewPages()) {
            ImageView view = new ImageView(uk.resolve.ui.support.FxImages.of(page));
            view.setPreserveRatio(true);
            view.fitWidthProperty().bind(previewBox.widthProperty().subtract(56).map(w -> Math.min(w.doubleValue(), 900)));
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
