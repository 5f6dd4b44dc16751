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
    @FXML private TableColumn<Quarantined, String> authorColumn;
    @FXML private TableColumn<Quarantined, String> caseColumn;
    @FXML private TableColumn<Quarantined, String> sourceColumn;
    @FXML private Label summaryLabel;
    @FXML private Label detailLabel;
    @FXML private Label doneLabel;
    @FXML private Label errorLabel;
    @FXML private Button releaseButton;
    @FXML private Button discardButton;
    @FXML private Button clearButton;

    public QuarantineController(QuarantineViewModel vm, StatusLine status) {
        this.vm = vm;
        this.status = status;
    }

    @FXML
    private void initialize() {
        whenColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(UkTime.format(c.getValue().foundAt())));
        directionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(QuarantineViewModel.direction(c.getValue())));
        deviceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(QuarantineViewModel.device(c.getValue())));
        authorColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(QuarantineViewModel.author(c.getValue())));
        caseColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(QuarantineViewModel.caseShown(c.getValue())));
        sourceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().source()));
        for (TableColumn<Quarantined, String> c : java.util.List.of(whenColumn, directionColumn, authorColumn,
                caseColumn, deviceColumn, sourceColumn)) {
            c.setCellFactory(col -> new uk.resolve.ui.support.WrappingCell<>());
            uk.resolve.ui.support.WrappingCell.wrapHeading(c);
        }
        // at larger text the table scrolls sideways rather than splitting ids mid-word
        // (a heading that wraps would be cut: the header row keeps one line's height)
        java.util.Map<TableColumn<?, ?>, Double> ems = java.util.Map.of(whenColumn, 9.5, directionColumn, 12.0,
                authorColumn, 7.0, caseColumn, 24.5, deviceColumn, 11.0, sourceColumn, 13.5);
        ems.forEach((column, em) -> column.minWidthProperty().bind(
                releaseButton.fontProperty().map(f -> f.getSize() * em)));
        // at larger text the screen scrolls rather than squeezing the table to a line or two
        quarantineTable.minHeightProperty().bind(releaseButton.fontProperty().map(f -> f.getSize() * 16));
        quarantineTable.setItems(vm.items());
        uk.resolve.ui.support.Tables.fillOrScroll(quarantineTable);
        summaryLabel.textProperty().bind(vm.summaryProperty());
        // the whole of the chosen entry in words, wrapped: the table's cells are only a summary
        detailLabel.textProperty().bind(quarantineTable.getSelectionModel().selectedItemProperty().map(
                QuarantineViewModel::detail).orElse("Choose an entry to see all of why it was set aside."));
        // rows take their wrapped height once the columns have their widths
        vm.items().addListener((javafx.collections.ListChangeListener<Quarantined>) ch ->
                Platform.runLater(quarantineTable::refresh));
        Bind.message(doneLabel, vm.doneProperty());
        Bind.message(errorLabel, vm.errorProperty());
        vm.doneProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.show(b);
            }
        });
        releaseButton.disableProperty().bind(vm.busyProperty()
                .or(quarantineTable.getSelectionModel().selectedItemProperty().isNull()));
        // this computer's own entries are never discarded: nothing is deleted from a record
        discardButton.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> {
                    Quarantined q = quarantineTable.getSelectionModel().getSelectedItem();
                    return q == null || q.outgoing();
                }, quarantineTable.getSelectionModel().selectedItemProperty())));
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
        String what = q.outgoing() ? "It is this computer's own entry: if it now passes, it leaves the quarantine and"
                + " is sent with the next sync."
                : q.kept() ? "If it now passes (for example its author's keys have arrived since), it is taken into"
                + " the record and syncs on; if not, it stays here and you are told why."
                : "The quarantine does not hold this entry itself, so it cannot be checked here: it leaves the"
                + " quarantine, and the next sync or import that offers it checks it again.";
        if (confirm("Check this entry again?", "Entry " + q.entryId() + " is checked again now: its hash, its place"
                + " in its device's chain and its author's signature, against the people this computer knows now. "
                + what + " A release is written to the audit log.", "Check and release", "confirmRelease")) {
            vm.release(q);
        }
    }

    @FXML
    private void discard() {
        Quarantined q = quarantineTable.getSelectionModel().getSelectedItem();
        if (q == null || q.outgoing()) {
            return;
        }
        if (confirm("Discard this entry for good?", "Entry " + q.entryId() + " (" + q.reason() + ") is removed from"
                + " the quarantine and not taken in. A sync or import that offers the same entry again skips it; a"
                + " different version of it is set aside again. The discarding is written to the audit log.",
                "Discard", "confirmDiscard")) {
            vm.discard(q);
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
