/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.admin;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import uk.resolve.domain.record.Quarantined;
import uk.resolve.domain.time.UkTime;
import uk.resolve.ui.support.Bind;
import uk.resolve.ui.support.StatusLine;

/** The Quarantine screen; see {@link QuarantineViewModel}. */
public final class QuarantineController {

    private final QuarantineViewModel vm;
    private final StatusLine status;

    @FXML private TableView<Quarantined> quarantineTable;
    @FXML private TableColumn<Quarantined, String> whenColumn;
    @FXML private TableColumn<Quarantined, String> directionColumn;
    @FXML private TableColumn<Quarantined, String> deviceColumn;
    @FXML private TableColumn<Quarantined, String> whoseColumn;
    @FXML private TableColumn<Quarantined, String> sourceColumn;
    @FXML private TableColumn<Quarantined, String> reasonColumn;
    @FXML private Label summaryLabel;
    @FXML private Label doneLabel;
    @FXML private Label errorLabel;
    @FXML private Button releaseButton;
    @FXML private Button clearButton;

    public QuarantineController(QuarantineViewModel vm, StatusLine status) {
        this.vm = vm;
        this.status = status;
    }

    @FXML
    private void initialize() {
        whenColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(UkTime.format(c.getValue().foundAt())));
        directionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(QuarantineViewModel.direction(c.getValue())));
        deviceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().device()
                + (c.getValue().deviceSeq() > 0 ? " #" + c.getValue().deviceSeq() : "")));
        whoseColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(QuarantineViewModel.whose(c.getValue())));
        sourceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().source()));
        reasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        for (TableColumn<Quarantined, String> c : java.util.List.of(whenColumn, directionColumn, deviceColumn,
                whoseColumn, sourceColumn, reasonColumn)) {
            c.setCellFactory(col -> new uk.resolve.ui.support.WrappingCell<>());
            uk.resolve.ui.support.WrappingCell.wrapHeading(c);
        }
        // at larger text the table scrolls sideways rather than splitting ids mid-word
        java.util.Map<TableColumn<?, ?>, Double> ems = java.util.Map.of(whenColumn, 8.5, directionColumn, 10.0,
                deviceColumn, 10.0, whoseColumn, 16.0, sourceColumn, 10.0, reasonColumn, 18.0);
        ems.forEach((column, em) -> column.minWidthProperty().bind(
                releaseButton.fontProperty().map(f -> f.getSize() * em)));
        quarantineTable.setItems(vm.items());
        quarantineTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        summaryLabel.textProperty().bind(vm.summaryProperty());
        Bind.message(doneLabel, vm.doneProperty());
        Bind.message(errorLabel, vm.errorProperty());
        vm.doneProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.show(b);
            }
        });
        releaseButton.disableProperty().bind(vm.busyProperty()
                .or(quarantineTable.getSelectionModel().selectedItemProperty().isNull()));
        clearButton.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(vm.items())));
        vm.load();
        Platform.runLater(quarantineTable::requestFocus);
    }

    @FXML
    private void release() {
        Quarantined q = quarantineTable.getSelectionModel().getSelectedItem();
        if (q == null) {
            return;
        }
        if (confirm("Release this entry from quarantine?", "Entry " + q.entryId() + " (" + q.reason() + ") leaves"
                + " the quarantine. Release it once the cause is fixed (for example the laptop it came from was"
                + " restored): the next sync or import that offers it checks it again, takes it in if it passes, and"
                + " sets it aside again if not. The release is written to the audit log.", "Release", "confirmRelease")) {
            vm.release(q);
        }
    }

    @FXML
    private void clearAll() {
        int n = vm.items().size();
        if (confirm("Clear the quarantine?", "All " + n + (n == 1 ? " entry" : " entries") + " leave the"
                + " quarantine. Any that still fail their checks are set aside again at the next sync. The clearing is"
                + " written to the audit log.", "Clear all", "confirmClear")) {
            vm.clearAll();
        }
    }

    private boolean confirm(String title, String text, String yesText, String yesId) {
        ButtonType yes = new ButtonType(yesText, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Keep", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, yes, no);
        a.initOwner(quarantineTable.getScene().getWindow());
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().lookupButton(yes).setId(yesId);
        ((Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
        ((Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }
}
