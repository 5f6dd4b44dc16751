/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.util.UUID;

import javafx.stage.Window;

/**
 * Opens a form that a case's procedure requires, for the worker to complete. The composition root
 * supplies the implementation (the form editor); {@link #NOT_YET_AVAILABLE} is for when it cannot open.
 */
@FunctionalInterface
public interface FormOpener {

    /**
     * @param owner  the window to open it over
     * @param caseId the case
     * @param formId the form's id in the case's procedure
     * @param stage  the stage that made it due
     * @param closed run on the JavaFX thread when the form is closed (the workspace then shows what was saved);
     *               {@code open} returns at once, without waiting for it
     */
    void open(Window owner, UUID caseId, String formId, int stage, Runnable closed);

    /** Tells the worker, calmly, that forms cannot be filled in here yet. */
    FormOpener NOT_YET_AVAILABLE = (owner, caseId, formId, stage, closed) -> {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Form editor");
        alert.setHeaderText("Forms cannot be filled in here yet");
        alert.setContentText("This version of Resolve lists the forms your procedure asks for but cannot fill them"
                + " in yet. Complete the form the way your partnership asks, and keep a copy on the child's file."
                + " Nothing on this case has changed.");
        alert.setOnHidden(e -> closed.run());
        alert.show();
    };
}
