/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.admin;

import java.io.File;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;

import uk.resolve.domain.audit.AuditEvent;
import uk.resolve.domain.time.UkTime;
import uk.resolve.ui.support.Bind;
import uk.resolve.ui.support.StatusLine;

/** The Audit log screen; see {@link AuditViewModel}. */
public final class AuditController {

    private final AuditViewModel vm;
    private final StatusLine status;

    @FXML private TableView<AuditEvent> auditTable;
    @FXML private TableColumn<AuditEvent, String> seqColumn;
    @FXML private TableColumn<AuditEvent, String> whenColumn;
    @FXML private TableColumn<AuditEvent, String> whoColumn;
    @FXML private TableColumn<AuditEvent, String> actionColumn;
    @FXML private TableColumn<AuditEvent, String> subjectColumn;
    @FXML private TableColumn<AuditEvent, String> detailColumn;
    @FXML private Label summaryLabel;
    @FXML private Label verdictLabel;
    @FXML private Label doneLabel;
    @FXML private Label errorLabel;
    @FXML private Button verifyButton;
    @FXML private Button exportButton;

    public AuditController(AuditViewModel vm, StatusLine status) {
        this.vm = vm;
        this.status = status;
    }

    @FXML
    private void initialize() {
        seqColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Long.toString(c.getValue().seq())));
        whenColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(UkTime.format(c.getValue().at())));
        whoColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().actor()));
        actionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().actionLabel()));
        subjectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().subject()));
        detailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        for (TableColumn<AuditEvent, String> c : java.util.List.of(whenColumn, whoColumn, actionColumn, subjectColumn,
                detailColumn)) {
            c.setCellFactory(col -> new uk.resolve.ui.support.WrappingCell<>());
        }
        for (TableColumn<AuditEvent, ?> c : auditTable.getColumns().subList(1, auditTable.getColumns().size())) {
            uk.resolve.ui.support.WrappingCell.wrapHeading(c);
        }
        minimumWidths();
        auditTable.setItems(vm.events());
        uk.resolve.ui.support.Tables.fillOrScroll(auditTable);
        summaryLabel.textProperty().bind(vm.summaryProperty());
        // The verdict says in words whether the log is intact; the colour only repeats it.
        Bind.message(verdictLabel, vm.verdictProperty());
        vm.verdictProperty().addListener((o, a, v) -> {
            verdictLabel.getStyleClass().removeAll("success-text", "error-text");
            verdictLabel.getStyleClass().add(vm.intactProperty().get() ? "success-text" : "error-text");
        });
        Bind.message(doneLabel, vm.doneProperty());
        Bind.message(errorLabel, vm.errorProperty());
        vm.doneProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.show(b);
            }
        });
        verifyButton.disableProperty().bind(vm.busyProperty());
        exportButton.disableProperty().bind(vm.busyProperty());
        vm.load();
        Platform.runLater(auditTable::requestFocus);
    }

    /**
     * Each column is at least so many text widths wide (an id, a time, a role list), so that larger text
     * scrolls the table sideways rather than splitting ids and headings mid-word.
     */
    private void minimumWidths() {
        java.util.Map<TableColumn<?, ?>, Double> ems = java.util.Map.of(seqColumn, 4.5, whenColumn, 8.5,
                whoColumn, 7.0, actionColumn, 9.0, subjectColumn, 23.0, detailColumn, 19.5);
        ems.forEach((column, em) -> column.minWidthProperty().bind(
                verifyButton.fontProperty().map(f -> f.getSize() * em)));
    }

    @FXML
    private void verify() {
        vm.verify();
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit log as CSV");
        chooser.setInitialFileName("resolve-audit-log-" + UkTime.date(java.time.Instant.now()) + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV file", "*.csv"));
        File f = chooser.showSaveDialog(auditTable.getScene().getWindow());
        if (f != null) {
            vm.exportTo(f.toPath());
        }
    }
}
