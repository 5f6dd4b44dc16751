/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.Services;
import uk.resolve.forms.FormCases;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form editor is a window that is shown, not waited for: opening it returns at once with no nested
 * event loop; Esc closes it, asking first when answers are unsaved; closed, the focus is back where it was.
 */
@ExtendWith(ApplicationExtension.class)
class FormEditorWindowViewTest {

    @TempDir
    static Path dir;

    private static Services services;
    private static UUID caseId;
    private ExecutorService background;
    private Stage owner;
    private Button opener;

    @BeforeAll
    static void makeTheCase() {
        MutableClock clock = MutableClock.at("2026-01-05T09:00");
        services = Fixtures.services(dir.resolve("editor"), clock);
        caseId = FormCases.croydonAtStage3(services, clock);
    }

    @AfterAll
    static void closeServices() {
        services.close();
    }

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        owner = stage;
        opener = new Button("Open Appendix A");
        stage.setScene(new Scene(new VBox(new Button("Something else"), opener), 600, 400));
        stage.show();
        opener.requestFocus();
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void escWithUnsavedAnswersAsksFirstThenClosesAndTheFocusGoesBack(FxRobot robot) throws Exception {
        AtomicInteger closed = new AtomicInteger();
        boolean[] nested = new boolean[1];
        Stage[] editor = new Stage[1];
        robot.interact(() -> {
            editor[0] = FormEditorWindow.open(owner, services.forms(), background, caseId, "appendix-a", 3,
                    closed::incrementAndGet);
            nested[0] = Platform.isNestedLoopRunning();
        });
        assertThat(editor[0].isShowing()).as("open returns with the editor showing").isTrue();
        assertThat(nested[0]).as("no nested event loop").isFalse();
        Scene form = editor[0].getScene();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> form.lookup("#field-role") != null
                && !form.lookup("#saveButton").isDisabled());

        TextField role = (TextField) form.lookup("#field-role");
        robot.interact(role::requestFocus);
        type(robot, form, KeyCode.UNDEFINED, "H");
        assertThat(role.getText()).isEqualTo("H");

        type(robot, form, KeyCode.ESCAPE, "");
        DialogPane ask = question();
        assertThat(ask.getHeaderText()).isEqualTo("Close without saving?");
        assertThat(editor[0].isShowing()).as("not closed before the person answers").isTrue();
        // Esc (or Enter) on the question keeps the answers
        Window question = ask.getScene().getWindow();
        type(robot, ask.getScene(), KeyCode.ESCAPE, "");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !question.isShowing());
        assertThat(editor[0].isShowing()).isTrue();
        assertThat(role.getText()).isEqualTo("H");
        assertThat(closed).hasValue(0);

        type(robot, form, KeyCode.ESCAPE, "");
        DialogPane again = question();
        Button leave = (Button) again.lookupButton(again.getButtonTypes().stream()
                .filter(b -> b.getText().equals("Close without saving")).findFirst().orElseThrow());
        robot.interact(leave::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !editor[0].isShowing());
        assertThat(closed).hasValue(1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opener.isFocused()).as("the focus is back on what opened the editor").isTrue();
    }

    @Test
    void escWithNothingChangedClosesAtOnce(FxRobot robot) throws Exception {
        AtomicInteger closed = new AtomicInteger();
        Stage[] editor = new Stage[1];
        robot.interact(() -> editor[0] = FormEditorWindow.open(owner, services.forms(), background, caseId,
                "appendix-a", 3, closed::incrementAndGet));
        Scene form = editor[0].getScene();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> form.lookup("#field-role") != null);

        type(robot, form, KeyCode.ESCAPE, "");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !editor[0].isShowing());
        assertThat(closed).hasValue(1);
        assertThat(opener.isFocused()).isTrue();
    }

    private static void type(FxRobot robot, Scene scene, KeyCode key, String text) {
        robot.robotContext().getBaseRobot().typeKeyboard(scene, key, text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static DialogPane question() throws Exception {
        DialogPane[] found = new DialogPane[1];
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane d) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
