/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import javafx.application.Application;
import javafx.stage.Stage;

import uk.resolve.app.DataLocation;
import uk.resolve.app.Services;
import uk.resolve.ui.forms.EditorFormOpener;
import uk.resolve.ui.shell.AppWindow;

/** The desktop application. Opens its window first, then the database off the application thread. */
public final class ResolveApp extends Application {

    /** Typing must pause this long before a draft is written. */
    private static final long DRAFT_DELAY_MILLIS = 800;

    private AppWindow window;

    public static void start(String[] args) {
        Application.launch(ResolveApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        window = AppWindow.show(stage,
                () -> { throw new uk.resolve.security.ProtectionException("The sign-in screen is not built yet."); },
                new EditorFormOpener(() -> window == null ? null : window.services()), DRAFT_DELAY_MILLIS);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
