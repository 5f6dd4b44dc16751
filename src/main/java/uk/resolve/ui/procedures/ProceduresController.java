/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.procedures;

import java.io.File;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import uk.resolve.domain.policy.Policy;
import uk.resolve.ui.support.Bind;
import uk.resolve.ui.support.StatusLine;

/** Binds the Procedures screen: the list, the chosen procedure's stages, import and default. */
public final class ProceduresController {

    private final ProceduresViewModel vm;
    private final StatusLine status;

    @FXML private ListView<ProceduresViewModel.Item> list;
    @FXML private VBox details;
    @FXML private Label messageLabel;
    @FXML private Label errorLabel;
    @FXML private VBox problemsBox;
    @FXML private ListView<String> problemsList;
    @FXML private javafx.scene.control.Button makeDefaultButton;
    @FXML private javafx.scene.control.Button importButton;
    private final boolean mayChange;

    /** @param mayChange whether the person may import procedures and choose the default (administrators) */
    public ProceduresController(ProceduresViewModel vm, StatusLine status, boolean mayChange) {
        this.vm = vm;
        this.status = status;
        this.mayChange = mayChange;
    }

    @FXML
    private void initialize() {
        // Only administrators change procedures (the registry refuses anyone else); others read them.
        for (javafx.scene.control.Button b : new javafx.scene.control.Button[] {makeDefaultButton, importButton}) {
            b.setVisible(mayChange);
            b.setManaged(mayChange);
        }
        list.setItems(vm.items());
        list.setCellFactory(l -> new ListCell<>() {
            {
                // no wider than the list, so that a long name wraps at large text sizes instead of being cut off
                setWrapText(true);
                setPrefWidth(0);
                // the theme's fixed row height (-fx-cell-size) would cut a wrapped name short; at the
                // skin's default size the row is as tall as its lines
                setStyle("-fx-cell-size: 24px; -fx-padding: 0.4em 0.6em 0.4em 0.6em;");
            }

            @Override
            protected void updateItem(ProceduresViewModel.Item item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setAccessibleText(empty || item == null ? null : item.policy().name() + ", " + item.label());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
            draw(b == null ? null : b.policy());
        });
        Bind.message(messageLabel, vm.messageProperty());
        Bind.message(errorLabel, vm.errorProperty());
        problemsList.setItems(vm.problems());
        problemsBox.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        problemsBox.managedProperty().bind(problemsBox.visibleProperty());
        vm.messageProperty().addListener((o, a, m) -> {
            if (!m.isEmpty()) {
                status.show(m);
            }
        });
        vm.load();
    }

    private void draw(Policy p) {
        details.getChildren().clear();
        if (p == null) {
            return;
        }
        details.getChildren().add(styled(wrap(p.name()), "title-2"));
        details.getChildren().add(styled(wrap(p.partnership() + " · version " + p.version()), "text-muted"));
        details.getChildren().add(wrap(p.summary()));
        details.getChildren().add(wrap(ProceduresViewModel.scope(p)));
        if (!p.categories().isEmpty()) {
            details.getChildren().add(wrap("Categories of disagreement: " + String.join("; ",
                    p.categories().stream().map(c -> c.label()).toList()) + "."));
        }
        details.getChildren().add(styled(wrap("If a child is at immediate risk: " + p.immediateRisk().instruction()), "callout"));
        details.getChildren().add(wrap("Final arbiter: " + p.finalArbiter().title() + ". " + p.finalArbiter().description()));
        for (int t = 0; t < p.tracks().size(); t++) {
            var track = p.tracks().get(t);
            details.getChildren().add(styled(wrap(p.tracks().size() > 1 ? "Route: " + track.name() : track.name()), "title-3"));
            if (track.description() != null && !track.description().isBlank()) {
                details.getChildren().add(wrap(track.description()));
            }
            boolean first = true;
            for (var s : ProceduresViewModel.stages(p, t)) {
                VBox body = new VBox(4);
                body.getChildren().add(wrap(s.guidance()));
                for (String line : s.lines()) {
                    body.getChildren().add(styled(wrap(line), "stage-line"));
                }
                TitledPane pane = new TitledPane(s.heading(), body);
                pane.setExpanded(first && t == 0);
                // a long heading wraps rather than widening the page past the window at large text sizes
                pane.setWrapText(true);
                pane.setMinWidth(0);
                pane.setAccessibleText(s.heading());
                first = false;
                details.getChildren().add(pane);
            }
        }
        if (!p.contacts().isEmpty()) {
            details.getChildren().add(styled(new Label("Contacts"), "title-3"));
            for (var c : p.contacts()) {
                details.getChildren().add(wrap(ProceduresViewModel.contact(c)
                        + (c.notes() == null ? "" : "\n" + c.notes())));
            }
        }
        details.getChildren().add(styled(wrap("Source: " + p.source()), "text-muted"));
    }

    private static Label wrap(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static <T extends javafx.scene.Node> T styled(T n, String style) {
        n.getStyleClass().add(style);
        return n;
    }

    @FXML
    private void importFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a procedure file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Procedure files (YAML or JSON)",
                "*.yaml", "*.yml", "*.json"), new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(list.getScene().getWindow());
        if (f != null) {
            vm.importFile(f.toPath());
        }
    }

    @FXML
    private void makeDefault() {
        vm.makeDefault();
    }

    public ProceduresViewModel viewModel() {
        return vm;
    }
}
