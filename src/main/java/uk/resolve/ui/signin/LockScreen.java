/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.signin;

import java.util.Arrays;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import uk.resolve.security.Actor;
import uk.resolve.ui.support.Background;

/**
 * What covers the window while Resolve is locked: who is signed in, a password box and Sign out.
 * Nothing of the screen underneath shows or can be reached until the password is typed.
 */
public final class LockScreen extends StackPane {

    /** Checks the password (in the background); throws with a message to show when it is wrong. */
    public interface Unlocker {
        void unlock(char[] password);
    }

    private final PasswordField password = new PasswordField();
    private final Label message = new Label();
    private final Button unlock = new Button("Unlock");
    private final Button signOut = new Button("Sign out");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label explanation;
    private final String signedInAs;

    public LockScreen(Actor who, Background background, Unlocker unlocker, Runnable unlocked,
                      Consumer<LockScreen> signOutAction) {
        getStyleClass().add("lock-screen");
        setId("lockScreen");
        Label title = new Label("Resolve is locked");
        title.getStyleClass().add("title-2");
        title.setWrapText(true);
        title.setMinHeight(USE_PREF_SIZE);
        title.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        signedInAs = "Signed in as " + who.name() + " (" + who.rolesLabel().toLowerCase(java.util.Locale.ROOT) + "). ";
        Label text = new Label(signedInAs + "Resolve locked itself so that nobody else can read your records. Type your"
                + " password to go on where you were.");
        explanation = text;
        text.setId("lockExplanation");
        text.setWrapText(true);
        text.getStyleClass().add("lead");
        Label pwLabel = new Label("_Password");
        pwLabel.setMnemonicParsing(true);
        pwLabel.setLabelFor(password);
        pwLabel.getStyleClass().add("field-label");
        password.setId("lockPassword");
        password.setAccessibleText("Password to unlock");
        password.setPrefColumnCount(24);
        message.setId("lockMessage");
        message.setWrapText(true);
        message.getStyleClass().add("error-text");
        message.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        message.setVisible(false);
        message.setManaged(false);
        unlock.setId("unlockButton");
        unlock.setDefaultButton(true);
        unlock.getStyleClass().add("accent");
        signOut.setId("lockSignOut");
        signOut.setAccessibleText("Sign out: anything not saved is kept as a draft");
        busy.setPrefSize(22, 22);
        busy.setVisible(false);
        HBox buttons = new HBox(10, unlock, signOut, busy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label app = new Label("Resolve");
        app.getStyleClass().add("app-name");
        VBox card = new VBox(10, app, title, text,
                new VBox(4, pwLabel, password), message, buttons);
        card.getStyleClass().add("sign-in-card");
        // 520 px at normal text, growing with larger text so the heading and the field keep their room
        card.maxWidthProperty().bind(text.fontProperty().map(f -> Math.max(520, f.getSize() * 40)));
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        unlock.setOnAction(e -> {
            if (busy.isVisible()) {
                return;
            }
            char[] pw = password.getText().toCharArray();
            if (pw.length == 0) {
                show("Type your password.");
                return;
            }
            working(true);
            background.run(() -> {
                try {
                    unlocker.unlock(pw);
                } finally {
                    Arrays.fill(pw, '\0');
                }
                return null;
            }, v -> {
                working(false);
                password.clear();
                unlocked.run();
            }, msg -> {
                working(false);
                password.clear();
                show(msg);
                password.requestFocus();
            });
        });
        signOut.setOnAction(e -> signOutAction.accept(this));
        Platform.runLater(password::requestFocus);
    }

    private void working(boolean on) {
        busy.setVisible(on);
        password.setDisable(on);
        unlock.setDisable(on);
        signOut.setDisable(on);
    }

    private void show(String text) {
        message.setText("Problem: " + text);
        message.setVisible(true);
        message.setManaged(true);
        message.notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
        password.setAccessibleHelp(text);
    }

    public void focusPassword() {
        password.requestFocus();
    }

    /** Says that the person locked Resolve themselves (the Lock button or Ctrl+Shift+L), not the idle timer. */
    public LockScreen lockedByHand() {
        explanation.setText(signedInAs + "You locked Resolve; nobody else can read your records. Type your password to"
                + " go on where you were.");
        return this;
    }
}
