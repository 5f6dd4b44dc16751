/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.util.UUID;
import java.util.concurrent.Executor;

import javafx.stage.Window;

import uk.resolve.app.FormService;
import uk.resolve.ui.workspace.FormOpener;

/**
 * Opens the guided form editor over the workspace and returns once it is closed, so that the
 * workspace can show what was saved.
 */
public final class EditorFormOpener implements FormOpener {

    private final FormService forms;
    private final Executor work;

    /** @param work where the editor's reads, previews and saves run: the task runner's queue */
    public EditorFormOpener(FormService forms, Executor work) {
        this.forms = forms;
        this.work = work;
    }

    @Override
    public void open(Window owner, UUID caseId, String formId, int stage) {
        FormEditorWindow.openAndWait(owner, forms, work, caseId, formId, stage);
    }
}
