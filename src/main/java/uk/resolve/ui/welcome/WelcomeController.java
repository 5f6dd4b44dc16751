/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.welcome;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

import uk.resolve.ui.support.Bind;
import uk.resolve.ui.support.Navigator;

/** The first-run welcome. */
public final class WelcomeController {

    private final WelcomeViewModel vm;
    private final Navigator navigator;

    @FXML private Label errorLabel;
    @FXML private Button samplesButton;
    @FXML private Button startButton;

    public WelcomeController(WelcomeViewModel vm, Navigator navigator) {
        this.vm = vm;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        Bind.message(errorLabel, vm.errorProperty());
        samplesButton.disableProperty().bind(vm.busyProperty());
        javafx.application.Platform.runLater(startButton::requestFocus);
    }

    @FXML
    private void start() {
        vm.dismiss(navigator::showNewCase);
    }

    @FXML
    private void samples() {
        vm.addSamples(navigator::showHome);
    }

    @FXML
    private void skip() {
        vm.dismiss(navigator::showHome);
    }
}
