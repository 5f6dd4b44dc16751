/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.sync;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;


/** Binds the sync settings screen to its view model and opens the file dialogs. */
public final class SyncSettingsController {

    @FXML private TextField sharedPath;
    @FXML private Button choose;
    @FXML private CheckBox onStart;
    @FXML private CheckBox onChange;
    @FXML private Spinner<Integer> everyMinutes;
    @FXML private Button save;
    @FXML private Button syncNow;
    @FXML private Button exportButton;
    @FXML private Button exportCsvButton;
    @FXML private Button importButton;
    @FXML private PasswordField teamPassphrase;
    @FXML private PasswordField teamPassphraseAgain;
    @FXML private Button setUpKey;
    @FXML private Button joinTeam;
    @FXML private PasswordField filePassphrase;
    @FXML private PasswordField filePassphraseAgain;
    @FXML private ProgressBar progress;
    @FXML private Label problem;
    @FXML private Label result;
    @FXML private RadioButton useSharedFile;
    @FXML private RadioButton useServer;
    @FXML private VBox serverBox;
    @FXML private Label serverAddressLabel;
    @FXML private TextField serverAddress;
    @FXML private Label serverAddressHint;
    @FXML private Label serverUserLabel;
    @FXML private TextField serverUser;
    @FXML private Label serverPasswordLabel;
    @FXML private PasswordField serverPassword;
    @FXML private Button testConnection;

    private final SyncSettingsViewModel model;

    public SyncSettingsController(SyncSettingsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        sharedPath.textProperty().bindBidirectional(model.sharedPathProperty());
        onStart.selectedProperty().bindBidirectional(model.onStartProperty());
        onChange.selectedProperty().bindBidirectional(model.onChangeProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory minutes =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1440, 5, 5);
        everyMinutes.setValueFactory(minutes);
        minutes.valueProperty().addListener((o, a, b) -> model.everyMinutesProperty().set(b == null ? 0 : b));
        model.everyMinutesProperty().addListener((o, a, b) -> minutes.setValue(b.intValue()));
        problem.textProperty().bind(model.problemProperty());
        result.textProperty().bind(model.resultProperty());
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        teamPassphrase.textProperty().bindBidirectional(model.teamPassphraseProperty());
        teamPassphraseAgain.textProperty().bindBidirectional(model.teamPassphraseAgainProperty());
        filePassphrase.textProperty().bindBidirectional(model.filePassphraseProperty());
        filePassphraseAgain.textProperty().bindBidirectional(model.filePassphraseAgainProperty());
        // only a manager sets up the key, so only a manager is asked for the passphrase twice
        for (var n : List.of(setUpKey, teamPassphraseAgain)) {
            n.visibleProperty().bind(model.maySetUpKeyProperty());
            n.managedProperty().bind(model.maySetUpKeyProperty());
        }
        bindServer();
        for (Button b : List.of(save, syncNow, exportButton, exportCsvButton, importButton, choose, setUpKey,
                joinTeam, testConnection)) {
            b.disableProperty().bind(model.busyProperty());
        }
        // the fields wait for the saved settings, so that loading never overwrites what is typed
        sharedPath.disableProperty().bind(model.busyProperty());
        save.disableProperty().unbind();
        save.disableProperty().bind(model.busyProperty().or(model.validProperty().not()));
        model.load();
    }

    private void bindServer() {
        useServer.setSelected(model.useServerProperty().get());
        useSharedFile.setSelected(!model.useServerProperty().get());
        useServer.selectedProperty().addListener((o, a, b) -> model.useServerProperty().set(b));
        model.useServerProperty().addListener((o, a, b) -> {
            useServer.setSelected(b);
            useSharedFile.setSelected(!b);
        });
        serverBox.visibleProperty().bind(model.useServerProperty());
        serverBox.managedProperty().bind(model.useServerProperty());
        serverAddressLabel.setLabelFor(serverAddress);
        serverUserLabel.setLabelFor(serverUser);
        serverPasswordLabel.setLabelFor(serverPassword);
        serverAddress.setAccessibleHelp(serverAddressHint.getText());
        serverAddress.textProperty().bindBidirectional(model.serverAddressProperty());
        serverUser.textProperty().bindBidirectional(model.serverUserProperty());
        serverPassword.textProperty().bindBidirectional(model.serverPasswordProperty());
        // the fields wait for the saved settings, as the shared file's does
        serverAddress.disableProperty().bind(model.busyProperty());
        serverUser.disableProperty().bind(model.busyProperty());
        useServer.disableProperty().bind(model.busyProperty());
        useSharedFile.disableProperty().bind(model.busyProperty());
    }

    @FXML
    private void testConnection() {
        model.testConnection();
    }

    private Window window() {
        return sharedPath.getScene().getWindow();
    }

    @FXML
    private void close() {
        save.getScene().getWindow().hide();
    }

    @FXML
    private void chooseShared() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Choose or name the team's shared file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Resolve shared file (*.mv.db)", "*.mv.db"));
        fc.setInitialFileName("resolve-shared.mv.db");
        File f = fc.showSaveDialog(window());
        if (f != null) {
            model.sharedPathProperty().set(f.getAbsolutePath());
        }
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void syncNow() {
        model.syncNow();
    }

    @FXML
    private void setUpKey() {
        model.setUpTeamKey();
    }

    @FXML
    private void joinTeam() {
        model.joinTeam();
    }

    @FXML
    private void export() {
        if (!model.checkExportPassphrase()) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export records to a file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Resolve export (*.resolve)", "*.resolve"));
        fc.setInitialFileName("resolve-export.resolve");
        File f = fc.showSaveDialog(window());
        if (f != null) {
            model.export(f.toPath(), List.of());
        }
    }

    @FXML
    private void exportCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export cases for a spreadsheet");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
        fc.setInitialFileName("resolve-cases.csv");
        File f = fc.showSaveDialog(window());
        if (f != null) {
            model.exportCsv(f.toPath());
        }
    }

    @FXML
    private void importFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import records from a file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Resolve export (*.resolve)", "*.resolve"));
        File f = fc.showOpenDialog(window());
        if (f != null) {
            Path p = f.toPath();
            model.importFile(p);
        }
    }
}
