/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.signin;

import java.util.Arrays;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import uk.resolve.app.Session;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.support.StatusLine;

/** Changes the signed-in person's own password: the current one, then the new one twice. */
public final class ChangePasswordDialog {

    private ChangePasswordDialog() {
    }

    /** Opens the dialog over {@code owner}; the change runs in the background. */
    public static void show(Window owner, Session session, Background background, StatusLine status) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Change your password — Resolve");
        d.setHeaderText("Change your password");
        PasswordField current = field("currentPassword", "Your current password");
        PasswordField next = field("newPassword", "New password, at least " + SignInViewModel.MIN_PASSWORD + " characters");
        PasswordField again = field("newPasswordAgain", "The new password again");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, label("_Current password", current), current);
        grid.addRow(1, label("_New password", next), next);
        grid.addRow(2, label("New password _again", again), again);
        Label hint = new Label("At least " + SignInViewModel.MIN_PASSWORD + " characters; a short phrase of several"
                + " words is easiest to remember.");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        Label message = new Label();
        message.setId("passwordMessage");
        message.setWrapText(true);
        message.getStyleClass().add("error-text");
        message.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        message.setVisible(false);
        message.setManaged(false);
        VBox box = new VBox(10, grid, hint, message);
        box.setPrefWidth(480);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        ButtonType change = new ButtonType("Change password", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(change, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(change);
        ok.setId("changePasswordButton");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open until the change has been made
            String problem = next.getText().length() < SignInViewModel.MIN_PASSWORD
                    ? "The new password needs at least " + SignInViewModel.MIN_PASSWORD + " characters."
                    : !next.getText().equals(again.getText()) ? "The two new passwords are not the same. Type them again."
                    : null;
            if (problem != null) {
                say(message, problem);
                again.clear();
                return;
            }
            char[] old = current.getText().toCharArray();
            char[] pw = next.getText().toCharArray();
            ok.setDisable(true);
            background.run(() -> {
                try {
                    session.changePassword(old, pw);
                } finally {
                    Arrays.fill(old, '\0');
                    Arrays.fill(pw, '\0');
                }
                return null;
            }, v -> {
                status.show("Your password has been changed. Use the new one from now on.");
                d.setResult(change);
                d.close();
            }, msg -> {
                ok.setDisable(false);
                current.clear();
                say(message, msg);
                current.requestFocus();
            });
        });
        Platform.runLater(current::requestFocus);
        d.show();
    }

    private static void say(Label message, String text) {
        message.setText("Problem: " + text);
        message.setVisible(true);
        message.setManaged(true);
        message.notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }

    private static PasswordField field(String id, String accessible) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.setAccessibleText(accessible);
        f.setPrefColumnCount(22);
        return f;
    }

    private static Label label(String text, PasswordField f) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(f);
        return l;
    }
}
