/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import uk.resolve.app.Services;

/** Opens the sync settings screen in its own window. */
public final class SyncSettingsWindow {

    private SyncSettingsWindow() {
    }

    /** Opens the window over {@code owner} (may be null); call on the JavaFX application thread. */
    public static Stage open(Window owner, Services services) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sync-settings");
            t.setDaemon(true);
            return t;
        });
        Parent root = load(new SyncSettingsViewModel(services.sync(), executor));
        Stage stage = new Stage();
        stage.setTitle("Sync, export and import");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(new Scene(root));
        stage.setOnHidden(e -> executor.shutdown());
        stage.show();
        return stage;
    }

    /** The screen's node tree, bound to {@code model}. */
    static Parent load(SyncSettingsViewModel model) {
        FXMLLoader loader = new FXMLLoader(SyncSettingsWindow.class.getResource("SyncSettingsView.fxml"));
        loader.setControllerFactory(type -> new SyncSettingsController(model));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the sync settings screen is part of the application", e);
        }
    }
}
