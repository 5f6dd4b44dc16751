/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.util.UUID;
import java.util.function.Supplier;

import javafx.stage.Window;

import uk.resolve.app.Services;
import uk.resolve.ui.workspace.FormOpener;

/**
 * Opens the guided form editor over the workspace and returns once it is closed, so that the
 * workspace can show what was saved. Until the database is open there is nothing to fill in, and
 * the worker is told so calmly.
 */
public final class EditorFormOpener implements FormOpener {

    private final Supplier<Services> services;

    /** @param services the open services, or null while the database is still opening */
    public EditorFormOpener(Supplier<Services> services) {
        this.services = services;
    }

    @Override
    public void open(Window owner, UUID caseId, String formId, int stage) {
        Services s = services.get();
        if (s == null) {
            FormOpener.NOT_YET_AVAILABLE.open(owner, caseId, formId, stage);
        } else {
            FormEditorWindow.openAndWait(owner, s, caseId, formId, stage);
        }
    }
}
