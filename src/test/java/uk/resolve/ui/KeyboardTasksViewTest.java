/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.forms.FormCases;
import uk.resolve.forms.FormSigningIT;
import uk.resolve.testing.Fixtures;
import uk.resolve.ui.workspace.FormOpener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main tasks not covered by {@link KeyboardJourneysViewTest}, each with the keyboard alone to its
 * end on disk: completing and saving a form, a manager signing a form, running a report, and syncing
 * to a shared file. After one click to give the headless window the keyboard, only keys are used:
 * Tab (Control+Tab out of a text area), Space on a button, mnemonics and typing.
 */
class KeyboardTasksViewTest extends EscalationJourney {

    @Override
    protected boolean welcomed() {
        return true;
    }

    @Override
    protected FormOpener formOpener() {
        return null; // the form editor itself
    }

    @Test
    void aFormIsCompletedAndSavedInTheCaseRecordWithTheKeyboardAlone() throws Exception {
        settle();
        UUID id = services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED,
                "2026-12-10T09:00")).id();
        services.cases().escalate(id, "Not resolved between the workers.", "Notes on file.",
                Fixtures.instant("2026-12-11T09:00"));
        services.cases().escalate(id, "Not resolved between the managers.", "Notes on file.",
                Fixtures.instant("2026-12-12T09:00"));
        onFx(() -> window.shell().showCase(id));
        settle();
        takeTheKeyboard();

        moveTo(main(), "openForm-appendix-a-3", 60);
        push(KeyCode.SPACE);
        Stage editor = stageTitled("Appendix A");
        Scene form = editor.getScene();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> form.lookup("#field-role") != null
                && !form.lookup("#saveButton").isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            editor.toFront();
            editor.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        moveTo(form, "field-role", 10);
        keys(form, "Designated safeguarding lead");
        moveTo(form, "field-contact", 10);
        keys(form, "01632 960 001");
        moveTo(form, "saveButton", 40);
        push(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !services.forms().versions(id, "appendix-a").isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> labelText(form, "#status").startsWith("Saved"));
        assertThat(services.forms().versions(id, "appendix-a")).singleElement().satisfies(e -> assertThat(
                e.data().toString()).contains("Designated safeguarding lead", "01632 960 001"));
        push(KeyCode.ESCAPE); // Close is the editor's cancel button
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !editor.isShowing());
    }

    @Test
    void aManagerSignsACompletedFormWithTheKeyboardAlone() {
        settle();
        UUID id = FormCases.northSomersetResolvedAtStage3(services, clock);
        Entry version = services.forms().complete(id, "monitoring-form", 0, FormSigningIT.ANSWERS).entries().stream()
                .filter(e -> e.type() == EntryType.FORM_COMPLETED).reduce((a, b) -> b).orElseThrow();
        onFx(() -> window.shell().showCase(id));
        settle();
        takeTheKeyboard();

        moveTo(main(), "sign-" + version.id(), 80);
        push(KeyCode.SPACE);
        settle();
        assertThat(present("submitAction")).as("Space on Sign opens the signing form").isTrue();
        moveTo(main(), "field-note", 20);
        keys(main(), "Reviewed with the receiving manager");
        moveTo(main(), "submitAction", 20);
        push(KeyCode.SPACE);
        settle();
        assertThat(services.cases().get(id).entries()).filteredOn(e -> e.type() == EntryType.FORM_SIGNED)
                .singleElement().satisfies(e -> assertThat(e.get("note")).isEqualTo("Reviewed with the receiving manager"));
        assertThat(present("sign-" + version.id())).as("signed once: no second Sign button").isFalse();
    }

    @Test
    void controlTabLeavesAChoiceAsItLeavesATextArea() {
        settle();
        UUID id = services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED,
                "2026-12-14T08:00")).id();
        onFx(() -> window.shell().showCase(id));
        settle();
        takeTheKeyboard();
        push(KeyCode.ALT, KeyCode.D);
        settle();
        moveTo(main(), "field-method", 12);
        push(KeyCode.CONTROL, KeyCode.TAB);
        assertThat(focusId(main())).as("Control+Tab moves on from the choice").isNotEqualTo("field-method");
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.TAB);
        assertThat(focusId(main())).as("Shift+Control+Tab comes back to it").isEqualTo("field-method");
    }

    @Test
    void aReportIsRunWithTheKeyboardAlone() throws Exception {
        settle();
        services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-10T09:00"));
        services.cases().open(Fixtures.openRequest(services, "havering", ChildStatus.CP_PLAN, "2026-12-11T09:00"));
        takeTheKeyboard();

        push(KeyCode.ALT, KeyCode.R);
        settle();
        assertThat(present("runButton")).as("Alt+R opens Reports").isTrue();
        moveTo(main(), "runButton", 20);
        push(KeyCode.SPACE);
        TableView<?> summary = node("summaryTable");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, summary::isVisible);
        settle();
        assertThat(summary.getItems()).isNotEmpty();
        assertThat(screenText()).contains("Raised");
    }

    @Test
    void theTeamKeyIsSetUpAndSyncedToASharedFileWithTheKeyboardAlone() throws Exception {
        settle();
        services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-10T09:00"));
        Path shared = Files.createDirectories(folder.resolve("drive")).resolve("team.mv.db");
        takeTheKeyboard();

        moveTo(main(), "syncNav", 30);
        push(KeyCode.SPACE);
        Stage sync = stageTitled("Sync");
        Scene s = sync.getScene();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !s.lookup("#syncNow").isDisabled());
        onFx(() -> {
            sync.toFront();
            sync.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        moveTo(s, "sharedPath", 25); // the window opens on the passphrase; Tab goes round to the top
        keys(s, shared.toString());
        moveTo(s, "teamPassphrase", 10);
        keys(s, "kestrel pebble orchard");
        moveTo(s, "teamPassphraseAgain", 5);
        keys(s, "kestrel pebble orchard");
        moveTo(s, "setUpKey", 10);
        push(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !labelText(s, "#result").isEmpty()
                || !labelText(s, "#problem").isEmpty());
        assertThat(labelText(s, "#problem")).isEmpty();
        assertThat(labelText(s, "#result")).startsWith("Team key ").contains("sent 1 entry");
        assertThat(Files.exists(shared)).isTrue();
        assertThat(services.sync().settings().sharedFile()).isEqualTo(shared);
        push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !sync.isShowing());
    }

    /** One click on the sidebar's heading (not a control), so that the headless window has the keyboard. */
    private void takeTheKeyboard() {
        onFx(() -> {
            window.stage().toFront();
            window.stage().requestFocus();
        });
        pointerClick(main().getRoot().lookup(".app-name"));
        settle();
    }

    /** Tab (Control+Tab out of a text area) until {@code id} has the focus in {@code scene}. */
    private void moveTo(Scene scene, String id, int most) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i <= most; i++) {
            String now = focusId(scene);
            if (id.equals(now)) {
                return;
            }
            path.append(' ').append(now);
            if (scene.getFocusOwner() instanceof TextArea) {
                push(KeyCode.CONTROL, KeyCode.TAB);
            } else {
                push(KeyCode.TAB);
            }
        }
        throw new AssertionError("#" + id + " not reached with " + most + " Tabs; focus went" + path);
    }

    private String focusId(Scene scene) {
        settle();
        Node n = scene.getFocusOwner();
        return n == null ? null : n.getId() != null ? n.getId() : n.getClass().getSimpleName();
    }

    private Scene main() {
        return window.stage().getScene();
    }

    private static String labelText(Scene scene, String selector) {
        String[] t = new String[1];
        onFx(() -> t[0] = ((Label) scene.lookup(selector)).getText());
        return t[0] == null ? "" : t[0];
    }

    private Stage stageTitled(String titlePart) throws Exception {
        Stage[] found = new Stage[1];
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage st && st != window.stage() && st.isShowing() && st.getTitle() != null
                        && st.getTitle().contains(titlePart)) {
                    found[0] = st;
                    return true;
                }
            }
            return false;
        });
        settle();
        return found[0];
    }
}
