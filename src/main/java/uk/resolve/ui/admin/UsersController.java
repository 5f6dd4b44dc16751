/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.admin;

import java.util.List;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import uk.resolve.app.Person;
import uk.resolve.security.Role;
import uk.resolve.ui.admin.UsersViewModel.Editing;
import uk.resolve.ui.support.Bind;
import uk.resolve.ui.support.StatusLine;

/** The Users screen; see {@link UsersViewModel}. */
public final class UsersController {

    private final UsersViewModel vm;
    private final StatusLine status;

    @FXML private TableView<Person> usersTable;
    @FXML private TableColumn<Person, String> nameColumn;
    @FXML private TableColumn<Person, String> fullNameColumn;
    @FXML private TableColumn<Person, String> roleColumn;
    @FXML private TableColumn<Person, String> teamColumn;
    @FXML private TableColumn<Person, String> activeColumn;
    @FXML private Button addButton;
    @FXML private Button changeButton;
    @FXML private Button resetButton;
    @FXML private Button removeButton;
    @FXML private Button confirmKeysButton;
    @FXML private Label doneLabel;
    @FXML private Label errorLabel;
    @FXML private VBox editor;
    @FXML private Label editorTitle;
    @FXML private Label editorHint;
    @FXML private Label nameLabel;
    @FXML private Label fullNameLabel;
    @FXML private Label roleLabel;
    @FXML private Label teamLabel;
    @FXML private Label passwordLabel;
    @FXML private Label repeatLabel;
    @FXML private TextField nameField;
    @FXML private TextField fullNameField;
    @FXML private ComboBox<Role> roleChoice;
    @FXML private CheckBox administersBox;
    @FXML private TextField teamField;
    @FXML private PasswordField passwordField;
    @FXML private PasswordField repeatField;
    @FXML private Button saveUserButton;
    @FXML private Button cancelUserButton;

    public UsersController(UsersViewModel vm, StatusLine status) {
        this.vm = vm;
        this.status = status;
    }

    @FXML
    private void initialize() {
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        fullNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fullName()));
        roleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rolesLabel()));
        teamColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().team()));
        activeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(!c.getValue().active() ? "No (removed)"
                : c.getValue().temporaryPassword() ? "Yes, with a temporary password" : "Yes"));
        usersTable.setItems(vm.users());
        for (TableColumn<Person, String> c : List.of(nameColumn, fullNameColumn, roleColumn, teamColumn, activeColumn)) {
            c.setCellFactory(col -> new uk.resolve.ui.support.WrappingCell<>());
            uk.resolve.ui.support.WrappingCell.wrapHeading(c);
        }
        // Each column at least so many text widths wide: at large text the table scrolls sideways rather
        // than squeezing names and roles into a sliver each.
        java.util.Map.of(nameColumn, 7.0, fullNameColumn, 8.0, roleColumn, 10.0, teamColumn, 8.0, activeColumn, 7.0)
                .forEach((column, em) -> column.minWidthProperty().bind(addButton.fontProperty().map(f -> f.getSize() * em)));
        uk.resolve.ui.support.Tables.fillOrScroll(usersTable);
        var selected = usersTable.getSelectionModel().selectedItemProperty();
        var noActiveSelection = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().active(), selected);
        changeButton.disableProperty().bind(noActiveSelection.or(vm.busyProperty()));
        resetButton.disableProperty().bind(noActiveSelection.or(vm.busyProperty()));
        removeButton.disableProperty().bind(noActiveSelection.or(vm.busyProperty()));
        confirmKeysButton.disableProperty().bind(noActiveSelection.or(vm.busyProperty()));
        addButton.disableProperty().bind(vm.busyProperty());
        saveUserButton.disableProperty().bind(vm.busyProperty());
        roleChoice.getItems().setAll(UsersViewModel.roleChoices());
        roleChoice.valueProperty().bindBidirectional(vm.roleProperty());
        roleChoice.setConverter(Bind.converter(UsersViewModel::roleChoiceLabel));
        administersBox.selectedProperty().bindBidirectional(vm.administersProperty());
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        fullNameField.textProperty().bindBidirectional(vm.fullNameProperty());
        teamField.textProperty().bindBidirectional(vm.teamProperty());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        repeatField.textProperty().bindBidirectional(vm.repeatProperty());
        Bind.message(doneLabel, vm.doneProperty());
        Bind.message(errorLabel, vm.errorProperty());
        vm.doneProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.show(b);
            }
        });
        vm.editingProperty().addListener((o, a, e) -> show(e));
        show(Editing.NONE);
        vm.load();
        Platform.runLater(usersTable::requestFocus);
    }

    private void show(Editing e) {
        visible(editor, e != Editing.NONE);
        boolean add = e == Editing.ADD;
        boolean password = add || e == Editing.RESET;
        boolean roles = add || e == Editing.CHANGE;
        nameField.setEditable(add);
        nameField.setFocusTraversable(add);
        for (Node n : List.of(fullNameLabel, fullNameField)) {
            visible(n, add);
        }
        for (Node n : List.of(roleLabel, roleChoice, administersBox, teamLabel, teamField)) {
            visible(n, roles);
        }
        for (Node n : List.of(passwordLabel, passwordField, repeatLabel, repeatField)) {
            visible(n, password);
        }
        passwordField.setAccessibleText(add ? "First password" : "Temporary password");
        passwordLabel.setText(add ? "First pass_word" : "Temporary pass_word");
        switch (e) {
            case ADD -> {
                editorTitle.setText("Add a person");
                editorHint.setText("The first password needs at least 10 characters. Give it to them in person; they"
                        + " choose their own when they first sign in.");
                saveUserButton.setText("Add");
                Platform.runLater(nameField::requestFocus);
            }
            case CHANGE -> {
                editorTitle.setText("Change the role or team of " + vm.nameProperty().get());
                editorHint.setText("Managers and safeguarding leads see the cases of their team. Someone who looks"
                        + " after Resolve adds people, resets passwords and chooses procedures; the last one cannot"
                        + " give it up.");
                saveUserButton.setText("Save");
                Platform.runLater(roleChoice::requestFocus);
            }
            case RESET -> {
                editorTitle.setText("Set a temporary password for " + vm.nameProperty().get());
                editorHint.setText("At least 10 characters. They must choose their own when they next sign in.");
                saveUserButton.setText("Set temporary password");
                Platform.runLater(passwordField::requestFocus);
            }
            default -> { }
        }
    }

    private static void visible(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    @FXML
    private void add() {
        vm.startAdd();
    }

    @FXML
    private void change() {
        Person u = usersTable.getSelectionModel().getSelectedItem();
        if (u != null) {
            vm.startChange(u);
        }
    }

    @FXML
    private void reset() {
        Person u = usersTable.getSelectionModel().getSelectedItem();
        if (u != null) {
            vm.startReset(u);
        }
    }

    @FXML
    private void remove() {
        Person u = usersTable.getSelectionModel().getSelectedItem();
        if (u == null) {
            return;
        }
        ButtonType yes = new ButtonType("Remove " + u.name(), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Keep", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, u.name() + " will no longer be able to sign in on this"
                + " computer. Their name stays on everything they recorded. You can add them again later.", yes, no);
        a.initOwner(usersTable.getScene().getWindow());
        a.setTitle("Remove " + u.name() + "?");
        a.setHeaderText("Remove " + u.name() + "?");
        a.getDialogPane().lookupButton(yes).setId("confirmRemove");
        ((Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
        ((Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        a.showAndWait().filter(b -> b == yes).ifPresent(b -> vm.remove(u));
    }

    @FXML
    private void confirmKeys() {
        Person u = usersTable.getSelectionModel().getSelectedItem();
        if (u == null) {
            return;
        }
        ButtonType yes = new ButtonType("Confirm " + u.name() + "'s keys", ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, u.name() + " registered their keys on their own (at"
                + " their first sign-in). Confirm them only once you know it was " + u.name() + " who signed in:"
                + " your confirmation is a signed entry that vouches for every entry they sign, on every laptop"
                + " of the team. It is written to the audit log.", yes, no);
        a.initOwner(usersTable.getScene().getWindow());
        a.setTitle("Confirm " + u.name() + "'s keys?");
        a.setHeaderText("Confirm " + u.name() + "'s keys?");
        a.getDialogPane().lookupButton(yes).setId("confirmKeysYes");
        ((Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
        ((Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        a.showAndWait().filter(b -> b == yes).ifPresent(b -> vm.confirmKeys(u));
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void cancel() {
        vm.cancel();
        usersTable.requestFocus();
    }
}
