/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.sync;

import java.util.concurrent.Executor;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import uk.resolve.app.SyncService;
import uk.resolve.ui.support.Fxml;

/** Opens the sync settings screen in its own window. */
public final class SyncSettingsWindow {

    private SyncSettingsWindow() {
    }

    /**
     * Opens the window over {@code owner} (may be null); call on the JavaFX application thread.
     *
     * @param work where its work runs: the task runner's queue of writes
     */
    public static Stage open(Window owner, SyncService sync, Executor work) {
        Parent root = load(new SyncSettingsViewModel(sync, work));
        Stage stage = new Stage();
        stage.setTitle("Sync, export and import");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        // The page scrolls rather than cutting its text off, and it looks like the main window:
        // same theme, same text size; Esc or Close shuts it.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Scene scene = new Scene(scroll);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scroll.setStyle(owner.getScene().getRoot().getStyle());
        }
        stage.setScene(scene);
        stage.setResizable(true);
        if (owner != null) {
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            // the page's width grows with the text size (its lines wrap, its rows of buttons do not)
            scroll.applyCss();
            double scale = root.lookupAll(".label").stream().findFirst()
                    .map(n -> ((javafx.scene.control.Label) n).getFont().getSize()).orElse(0.0)
                    / javafx.scene.text.Font.getDefault().getSize();
            if (scale > 1 && root instanceof javafx.scene.layout.Region page) {
                page.setPrefWidth(Math.min(screen.getWidth() - 60, page.getPrefWidth() * scale));
                stage.setWidth(Math.min(screen.getWidth(), page.getPrefWidth() + 40));
            }
            stage.setMaxHeight(screen.getHeight());
            stage.setHeight(Math.min(screen.getHeight() - 40, Math.max(560, owner.getHeight() - 40)));
        }
        stage.show();
        if (owner != null) {
            // centred on a wide owner, a wider page would hang off the screen's edge: keep it all on screen
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(stage.getWidth(), screen.getWidth()));
            stage.setX(Math.max(screen.getMinX(), Math.min(stage.getX(), screen.getMaxX() - stage.getWidth())));
            stage.setY(Math.max(screen.getMinY(), Math.min(stage.getY(), screen.getMaxY() - stage.getHeight())));
        }
        return stage;
    }

    /** The screen's node tree, bound to {@code model}. */
    static Parent load(SyncSettingsViewModel model) {
        return Fxml.load("sync", "SyncSettings", new SyncSettingsController(model)).root();
    }
}
