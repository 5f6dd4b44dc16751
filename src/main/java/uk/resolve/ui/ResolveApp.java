/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import javafx.application.Application;
import javafx.stage.Stage;

import uk.resolve.app.DataLocation;
import uk.resolve.app.Services;
import uk.resolve.app.Vault;
import uk.resolve.ui.shell.AppWindow;

/** The desktop application. Opens its window first, with the sign-in screen; the database opens once signed in. */
public final class ResolveApp extends Application {

    /** Typing must pause this long before a draft is written. */
    private static final long DRAFT_DELAY_MILLIS = 800;

    private AppWindow window;

    public static void start(String[] args) {
        Application.launch(ResolveApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Vault vault = Vault.at(DataLocation.defaultDatabase(), Services.clockFromEnvironment());
        window = AppWindow.signIn(stage, vault, null, DRAFT_DELAY_MILLIS);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
