/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.EntryType;
import uk.resolve.ui.workspace.FormOpener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace's Open button on a form that is due opens the real form editor (the same opener the
 * application uses); what the worker saves there is in the case record and the workspace shows it.
 */
class WorkspaceFormEditorViewTest extends EscalationJourney {

    @Override
    protected FormOpener formOpener() {
        return null; // the form editor itself
    }

    @Test
    void appendixAOpenedFromTheWorkspaceIsSavedToTheRecordAndShownAsDone() throws Exception {
        UUID id = openCase("croydon", ChildStatus.CHILD_IN_NEED, "CR-800");
        escalate("Not resolved between the workers.");
        escalate("Not resolved between the managers.");
        assertThat(stored(id).stage()).isEqualTo(3);
        assertThat(text("form-appendix-a-3")).endsWith("(stage 3): to be completed");

        pointerClick(node("openForm-appendix-a-3"));
        Stage editor = editorWindow("Appendix A");
        Button save = from(editor, "#saveButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !save.isDisabled());
        Label missing = from(editor, ".form-missing");
        assertThat(missing.getText()).contains("'Role'", "'Contact'");

        typeInEditor(editor, "Role, required", "Head of Service");
        typeInEditor(editor, "Contact, required", "01632 960000");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> missing.getText().equals("Ready to finalise."));
        pointerClick(save);
        Label status = from(editor, "#status");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Saved in the case record"));

        pointerClick(editorButton(editor, "Close the form editor"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !editor.isShowing());
        settle();

        assertThat(text("form-appendix-a-3")).endsWith(": completed");
        assertThat(node("form-appendix-a-3").getStyleClass()).contains("item-done");
        CaseState c = stored(id);
        assertThat(c.entries()).filteredOn(e -> e.type() == EntryType.FORM_COMPLETED).singleElement()
                .satisfies(e -> assertThat(e.data().toString()).contains("appendix-a"));
        assertThat(c.formsDue()).noneMatch(f -> f.form().equals("appendix-a") && f.stage() == 3);
        assertThat(allText("chronologyList")).contains("Form completed")
                .as("the form is named by its title, not its id").doesNotContain("appendix-a")
                .contains("Escalation Notification to Croydon Safeguarding Children Board (Appendix A) completed");
    }

    private Stage editorWindow(String titlePart) throws Exception {
        Stage[] found = new Stage[1];
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage s && s.isShowing() && s.getTitle() != null && s.getTitle().contains(titlePart)) {
                    found[0] = s;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private <T extends Node> T from(Stage window, String query) {
        return from(window.getScene().getRoot()).lookup(query).query();
    }

    private Button editorButton(Stage window, String accessibleText) {
        return from(window.getScene().getRoot())
                .lookup((Node n) -> n instanceof Button b && accessibleText.equals(b.getAccessibleText())).query();
    }

    private void typeInEditor(Stage window, String accessiblePrefix, String text) throws TimeoutException {
        java.util.function.Predicate<Node> answer = n -> n instanceof TextInputControl t
                && t.getAccessibleText() != null && t.getAccessibleText().startsWith(accessiblePrefix);
        // the editor puts its answers in place a few a frame
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> from(window.getScene().getRoot()).lookup(answer).tryQuery()
                .isPresent());
        TextInputControl field = from(window.getScene().getRoot()).lookup(answer).query();
        pointerClick(field);
        assertThat(field.isFocused()).as(accessiblePrefix + " has the focus").isTrue();
        keys(window.getScene(), text);
        assertThat(field.getText()).isEqualTo(text);
    }
}
