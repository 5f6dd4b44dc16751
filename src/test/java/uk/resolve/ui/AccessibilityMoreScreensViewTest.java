/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.Preferences;
import uk.resolve.app.Session;
import uk.resolve.app.Vault;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.ui.welcome.WelcomeViewModel;
import uk.resolve.ui.workspace.FormOpener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rest of the walk of {@link AccessibilityViewTest}, on an encrypted database: the first-run and
 * sign-in screens, Users (and its editor), Settings, the Audit log, the Quarantine, the form editor with its preview,
 * and the lock overlay, each in the normal theme, high contrast and 200% text.
 */
class AccessibilityMoreScreensViewTest extends AccessibilityWalk {

    static final String PW = "dee's own long password";

    private final boolean firstRun;
    private Vault vault;
    private UUID caseId;

    AccessibilityMoreScreensViewTest(TestInfo info) {
        firstRun = info.getTestMethod().orElseThrow().getName().startsWith("firstRun");
    }

    @Override
    protected FormOpener formOpener() {
        return null; // the form editor itself
    }

    /** One account that works on cases and looks after Resolve, with a case at stage 3 (Appendix A due). */
    @Override
    protected Vault vault() {
        vault = Vault.at(folder.resolve("resolve.mv.db"), clock);
        if (firstRun) {
            return vault;
        }
        try (Session dee = vault.createFirstAccount("dee", "Dee Lead", Role.SAFEGUARDING_LEAD, PW.toCharArray(),
                "Oak Primary School")) {
            var s = dee.services();
            Preferences.of(s).put(WelcomeViewModel.WELCOMED, "true");
            caseId = s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-10T09:00")).id();
            s.cases().escalate(caseId, "Not resolved between the workers.", "Notes on file.",
                    Fixtures.instant("2026-12-11T09:00"));
            s.cases().escalate(caseId, "Not resolved between the managers.", "Notes on file.",
                    Fixtures.instant("2026-12-12T09:00"));
        }
        return vault;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text-200", "normal", "high-contrast"})
    void firstRunScreensCanBeReadAndUsedByKeyboard(String look) {
        settle();
        look(look);
        assertThat(text("heading")).isEqualTo("Set up Resolve");
        check(look, "Set up Resolve");
        clickButton("submitButton"); // nothing chosen yet: the problem is shown
        assertThat(text("messageLabel")).startsWith("Problem:");
        check(look, "Set up Resolve, with a problem");
        assertThat(audit.problems()).as(String.join("\n", audit.problems())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text-200", "normal", "high-contrast"})
    void administrationFormEditorSignInAndLockCanBeReadAndUsedByKeyboard(String look) throws Exception {
        settle();
        look(look);
        assertThat(text("heading")).isEqualTo("Sign in");
        check(look, "Sign in");
        fill("nameField", "dee");
        fill("passwordField", PW);
        clickButton("submitButton");
        assertThat(window.context()).as("signed in").isNotNull();
        services = window.services();
        look(look);

        press("usersNav");
        check(look, "Users");
        press("addButton");
        check(look, "Users, add a person");
        press("cancelUserButton");
        press("settingsNav");
        check(look, "Settings");
        press("auditNav");
        check(look, "Audit log");
        press("quarantineNav");
        check(look, "Quarantine");

        onFx(() -> window.shell().showCase(caseId));
        settle();
        pointerClick(node("openForm-appendix-a-3")); // the editor is a window of its own, shown, not waited for
        Stage editor = editorWindow("Appendix A");
        Button save = from(editor.getScene().getRoot()).lookup("#saveButton").query();
        // its answers arrive a few a frame: the last is Appendix A's dispute resolution meeting
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !save.isDisabled()
                && editor.getScene().lookup("#field-dispute-resolution-meeting") != null);
        checkScene(look, "Form editor and its preview", editor.getScene());
        // to be looked at by a person: target/screenshots/form-editor-<look>.png
        java.nio.file.Path png = java.nio.file.Path.of("target", "screenshots", "form-editor-" + look + ".png");
        java.nio.file.Files.createDirectories(png.getParent());
        onFx(() -> {
            try {
                javax.imageio.ImageIO.write(uk.resolve.testing.Png.awt(editor.getScene().snapshot(null)), "png",
                        png.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        onFx(editor::close);
        settle();

        press("lockButton");
        assertThat(window.locked()).isTrue();
        check(look, "Lock screen");
        type("lockPassword", PW);
        push(javafx.scene.input.KeyCode.ENTER);
        settle();
        assertThat(window.locked()).isFalse();

        assertThat(audit.problems()).as(String.join("\n", audit.problems())).isEmpty();
    }

    private Stage editorWindow(String titlePart) throws Exception {
        Stage[] found = new Stage[1];
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage s && s.isShowing() && s.getTitle() != null && s.getTitle().contains(titlePart)) {
                    found[0] = s;
                    return true;
                }
            }
            return false;
        });
        settle();
        return found[0];
    }
}
