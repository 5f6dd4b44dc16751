/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.concurrent.CompletableFuture;

import javafx.application.Application;
import javafx.stage.Stage;

import uk.resolve.app.DataLocation;
import uk.resolve.app.Services;
import uk.resolve.app.SignInLook;
import uk.resolve.app.Vault;
import uk.resolve.ui.shell.AppWindow;

/**
 * The desktop application. Opens its window first, with the sign-in screen and nothing else; the
 * shell is built and the database opened once someone has signed in.
 */
public final class ResolveApp extends Application {

    /** Typing must pause this long before a draft is written. */
    private static final long DRAFT_DELAY_MILLIS = 800;

    /**
     * The data folder's state, looked at while the toolkit starts. Handed from {@link #start(String[])}
     * to the instance the launcher makes, the only way JavaFX lets a launcher pass something on.
     */
    private static volatile Started early;

    private record Started(Vault vault, CompletableFuture<SignInLook> look) {
    }

    private AppWindow window;

    public static void start(String[] args) {
        Vault vault = Vault.at(DataLocation.defaultDatabase(), Services.clockFromEnvironment());
        early = new Started(vault, SignInLook.ahead(vault));
        Application.launch(ResolveApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Started s = early;
        early = null;
        if (s == null) { // launched some other way (a test): look now
            Vault vault = Vault.at(DataLocation.defaultDatabase(), Services.clockFromEnvironment());
            s = new Started(vault, SignInLook.ahead(vault));
        }
        window = AppWindow.signIn(stage, s.vault(), s.look(), null, DRAFT_DELAY_MILLIS);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
