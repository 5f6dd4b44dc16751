/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.signin;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import uk.resolve.security.Role;
import uk.resolve.ui.signin.SignInViewModel.Mode;
import uk.resolve.ui.support.Bind;

/** The sign-in and set-up screen; see {@link SignInViewModel}. */
public final class SignInController {

    private final SignInViewModel vm;

    @FXML private Label heading;
    @FXML private Label explanation;
    @FXML private VBox nameRow;
    @FXML private VBox teamRow;
    @FXML private javafx.scene.control.ScrollPane scroller;
    @FXML private VBox fullNameRow;
    @FXML private VBox roleRow;
    @FXML private TextField fullNameField;
    @FXML private ComboBox<Role> roleChoice;
    @FXML private VBox passwordRow;
    @FXML private VBox repeatRow;
    @FXML private Label nameLabel;
    @FXML private Label passwordLabel;
    @FXML private TextField nameField;
    @FXML private TextField teamField;
    @FXML private PasswordField passwordField;
    @FXML private PasswordField repeatField;
    @FXML private Label hint;
    @FXML private Label messageLabel;
    @FXML private Button submitButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label progressLabel;

    public SignInController(SignInViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        teamField.textProperty().bindBidirectional(vm.teamProperty());
        fullNameField.textProperty().bindBidirectional(vm.fullNameProperty());
        roleChoice.getItems().setAll(SignInViewModel.roleChoices());
        roleChoice.setConverter(Bind.converter(SignInViewModel::roleChoiceLabel));
        roleChoice.valueProperty().bindBidirectional(vm.caseRoleProperty());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        repeatField.textProperty().bindBidirectional(vm.repeatProperty());
        nameField.setAccessibleText("Sign-in name");
        // Not only colour: the message starts with a word that says what it is, and is read out.
        messageLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.messageProperty().get().isEmpty() ? "" : "Problem: " + vm.messageProperty().get(),
                vm.messageProperty()));
        messageLabel.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        messageLabel.textProperty().addListener((o, a, b) -> {
            messageLabel.notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
            passwordField.setAccessibleHelp(b);
        });
        Bind.message(progressLabel, vm.progressProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        busyIndicator.managedProperty().bind(busyIndicator.visibleProperty());
        for (Node n : new Node[] {nameField, fullNameField, roleChoice, teamField, passwordField, repeatField,
                submitButton, cancelButton}) {
            n.disableProperty().bind(vm.busyProperty());
        }
        // A click on the card's background focuses the scroll pane; give the keyboard back to the form.
        scroller.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                Platform.runLater(this::focusFirstEmpty);
            }
        });
        vm.modeProperty().addListener((o, a, m) -> show(m));
        show(vm.modeProperty().get());
        // After a failure the password box is empty again: put the keyboard there.
        vm.messageProperty().addListener((o, a, m) -> {
            if (!m.isEmpty()) {
                Platform.runLater(this::focusFirstEmpty);
            }
        });
    }

    private void show(Mode m) {
        boolean setUp = m == Mode.SET_UP || m == Mode.ENCRYPT;
        visible(nameRow, setUp || m == Mode.SIGN_IN);
        nameField.setEditable(true);
        visible(teamRow, setUp);
        visible(fullNameRow, setUp);
        visible(roleRow, setUp);
        visible(passwordRow, m != Mode.CHECKING && m != Mode.BROKEN);
        visible(repeatRow, setUp || m == Mode.CHOOSE_PASSWORD);
        visible(submitButton, m != Mode.CHECKING && m != Mode.BROKEN);
        visible(cancelButton, m == Mode.CHOOSE_PASSWORD);
        passwordLabel.setText(m == Mode.CHOOSE_PASSWORD ? "_New password" : "_Password");
        passwordField.setAccessibleText(m == Mode.CHOOSE_PASSWORD ? "New password" : "Password");
        switch (m) {
            case CHECKING -> {
                heading.setText("Opening Resolve…");
                explanation.setText("");
                hint.setText("");
            }
            case SET_UP -> {
                heading.setText("Set up Resolve");
                explanation.setText("Resolve keeps your records encrypted on this computer. Say who you are and what"
                        + " you do; one account is all you need to record your cases and look after Resolve here.");
                hint.setText("Choose a password of at least " + SignInViewModel.MIN_PASSWORD + " characters; a short"
                        + " phrase of several words is easiest to remember. Nobody can recover it for you, so keep it"
                        + " safe.");
                submitButton.setText("Set up and sign in");
            }
            case ENCRYPT -> {
                heading.setText("Set up Resolve");
                explanation.setText("The records already on this computer were made by an earlier version of Resolve"
                        + " and are not yet protected. Say who you are and what you do: the records will then be"
                        + " encrypted. Nothing is lost; this can take a minute.");
                hint.setText("Choose a password of at least " + SignInViewModel.MIN_PASSWORD + " characters; a short"
                        + " phrase of several words is easiest to remember.");
                submitButton.setText("Encrypt my records and sign in");
            }
            case SIGN_IN -> {
                heading.setText("Sign in");
                explanation.setText("Your records are encrypted on this computer. Sign in to open them.");
                hint.setText("Forgotten your password? Ask your administrator to set a temporary one.");
                submitButton.setText("Sign in");
            }
            case CHOOSE_PASSWORD -> {
                heading.setText("Choose your own password");
                explanation.setText("Your administrator gave you a temporary password. Choose your own before you go"
                        + " on; only you will know it.");
                hint.setText("At least " + SignInViewModel.MIN_PASSWORD + " characters, not your sign-in name.");
                submitButton.setText("Save my password and go on");
            }
            case BROKEN -> {
                heading.setText("Resolve cannot open your records");
                explanation.setText("");
                hint.setText("");
            }
            default -> { }
        }
        if (Platform.isFxApplicationThread()) {
            Platform.runLater(this::focusFirstEmpty);
        } // else built before its window shows it (at start-up): whoever shows it calls focusFirstEmpty
    }

    /** The keyboard goes to the first box still to fill in: usually the password. */
    public void focusFirstEmpty() {
        for (TextField f : new TextField[] {nameField, passwordField, repeatField}) {
            if (f.isVisible() && f.getParent().isVisible() && (f.getText() == null || f.getText().isEmpty())) {
                f.requestFocus();
                return;
            }
        }
        if (passwordField.getParent().isVisible()) {
            passwordField.requestFocus();
        }
    }

    private static void visible(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    @FXML
    private void submit() {
        vm.submit();
    }

    @FXML
    private void cancel() {
        vm.cancelChoosePassword();
    }
}
