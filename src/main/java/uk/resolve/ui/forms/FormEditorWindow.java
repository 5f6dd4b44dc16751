/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.util.UUID;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import uk.resolve.app.FormService;
import uk.resolve.pdf.PdfPrinter;
import uk.resolve.ui.support.Fxml;

/**
 * Opens the guided form editor in a window of its own over the workspace. It is shown, never waited
 * for: no event loop is nested, so the task runner's results and the rest of the application go on
 * while it is open. Esc, Close and the window's own close button ask first when answers are unsaved;
 * closed, the focus goes back to where it was.
 */
public final class FormEditorWindow {

    private FormEditorWindow() {
    }

    /**
     * Opens the editor for {@code formId} (or {@code "chronology"}) on a case. Call on the JavaFX
     * application thread; the case is read in the background.
     *
     * @param owner  the window it belongs to, or null
     * @param work   where its reads, previews and saves run: the task runner's queue
     * @param stage  the stage the form is for, or 0 for the stage at which it is due
     * @param closed run on the JavaFX thread once the editor has closed (the caller shows what was saved)
     * @return the editor's window, already showing
     */
    public static Stage open(Window owner, FormService forms, Executor work, UUID caseId, String formId, int stage,
                             Runnable closed) {
        FormEditorViewModel model = new FormEditorViewModel(forms, new PdfPrinter(), caseId, formId, stage,
                work, Platform::runLater);
        Fxml.View<FormEditorController> view = Fxml.load("forms", "FormEditor", new FormEditorController(model));
        Parent root = view.root();
        Stage window = new Stage();
        // Never taller or wider than the screen: on a 1366 x 768 laptop the buttons must stay in view.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        window.setScene(new Scene(root, Math.min(root.prefWidth(-1), screen.getWidth()),
                Math.min(root.prefHeight(-1), screen.getHeight() - 40)));
        Node before = null;
        if (owner != null && owner.getScene() != null) {
            // the application's look, contrast and text size: focus rings, high contrast and A+ hold here too
            window.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
            root.styleProperty().bind(owner.getScene().getRoot().styleProperty());
            before = owner.getScene().getFocusOwner();
        }
        window.titleProperty().bind(model.titleProperty().concat(" — Resolve"));
        if (owner != null) {
            window.initOwner(owner);
            window.initModality(Modality.WINDOW_MODAL);
        }
        // the window's own close button asks as Close does
        window.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            e.consume();
            view.controller().close();
        });
        Node returnTo = before;
        window.setOnHidden(e -> {
            closed.run();
            if (returnTo != null && returnTo.getScene() != null && returnTo.isVisible() && !returnTo.isDisabled()) {
                returnTo.requestFocus();
            }
        });
        model.load();
        window.show();
        return window;
    }

    /** The editor's view, bound to {@code model}. */
    static Parent load(FormEditorViewModel model) {
        return Fxml.load("forms", "FormEditor", new FormEditorController(model)).root();
    }
}
