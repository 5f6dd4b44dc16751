/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.util.UUID;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import uk.resolve.app.FormService;
import uk.resolve.pdf.PdfPrinter;
import uk.resolve.ui.support.Fxml;

/** Opens the guided form editor in a window of its own. */
public final class FormEditorWindow {

    private FormEditorWindow() {
    }

    /**
     * Opens the editor for {@code formId} (or {@code "chronology"}) on a case. Call on the JavaFX
     * application thread; the case is read in the background.
     *
     * @param owner the window it belongs to, or null
     * @param stage the stage the form is for, or 0 for the stage at which it is due
     */
    public static void open(Window owner, FormService forms, Executor work, UUID caseId, String formId, int stage) {
        show(owner, forms, work, caseId, formId, stage, false);
    }

    /**
     * Opens the editor over {@code owner} and returns when it is closed, so that the caller can show
     * what was saved. Call on the JavaFX application thread.
     */
    public static void openAndWait(Window owner, FormService forms, Executor work, UUID caseId, String formId,
                                   int stage) {
        show(owner, forms, work, caseId, formId, stage, true);
    }

    private static void show(Window owner, FormService forms, Executor work, UUID caseId, String formId, int stage,
                             boolean wait) {
        FormEditorViewModel model = new FormEditorViewModel(forms, new PdfPrinter(), caseId, formId, stage,
                work, Platform::runLater);
        Stage window = new Stage();
        Parent root = load(model);
        // Never taller or wider than the screen: on a 1366 x 768 laptop the buttons must stay in view.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        window.setScene(new Scene(root, Math.min(root.prefWidth(-1), screen.getWidth()),
                Math.min(root.prefHeight(-1), screen.getHeight() - 40)));
        if (owner != null && owner.getScene() != null) {
            // the application's look, contrast and text size: focus rings, high contrast and A+ hold here too
            window.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
            root.styleProperty().bind(owner.getScene().getRoot().styleProperty());
        }
        window.titleProperty().bind(model.titleProperty().concat(" — Resolve"));
        if (owner != null) {
            window.initOwner(owner);
            if (wait) {
                window.initModality(javafx.stage.Modality.WINDOW_MODAL);
            }
        }
        model.load();
        if (wait) {
            window.showAndWait();
        } else {
            window.show();
        }
    }

    /** The editor's view, bound to {@code model}. */
    static Parent load(FormEditorViewModel model) {
        return Fxml.load("forms", "FormEditor", new FormEditorController(model)).root();
    }
}
