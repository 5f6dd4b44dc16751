/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.admin;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

import uk.resolve.ui.support.Bind;
import uk.resolve.ui.support.StatusLine;

/** The Settings screen; see {@link SettingsViewModel}. */
public final class SettingsController {

    private final SettingsViewModel vm;
    private final StatusLine status;

    @FXML private Spinner<Integer> idleMinutes;
    @FXML private Label doneLabel;
    @FXML private Label errorLabel;

    public SettingsController(SettingsViewModel vm, StatusLine status) {
        this.vm = vm;
        this.status = status;
    }

    @FXML
    private void initialize() {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 60,
                vm.minutesProperty().get());
        idleMinutes.setValueFactory(f);
        idleMinutes.setEditable(true);
        idleMinutes.setAccessibleText("Minutes without use before Resolve locks itself, 1 to 60");
        vm.minutesProperty().addListener((o, a, b) -> f.setValue(b.intValue()));
        f.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.minutesProperty().set(b);
            }
        });
        Bind.message(doneLabel, vm.doneProperty());
        Bind.message(errorLabel, vm.errorProperty());
        vm.doneProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.show(b);
            }
        });
        vm.load();
    }

    @FXML
    private void save() {
        idleMinutes.commitValue();
        vm.save();
    }
}
