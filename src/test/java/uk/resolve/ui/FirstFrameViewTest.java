/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.SignInLook;
import uk.resolve.app.Vault;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.shell.AppWindow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window paints at once: its first frame needs no stylesheet, no screen and no file, and the
 * sign-in screen follows with the form a look at the data folder chose; the shell is not built until
 * someone signs in.
 */
class FirstFrameViewTest extends FxRobot {

    @TempDir
    Path folder;
    private AppWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
                window.stage().hide();
                window.close();
            }));
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theFirstFrameIsAPlainWindowAndTheSetUpFormFollowsWithoutTheShell() throws Exception {
        Vault vault = Vault.at(folder.resolve("resolve.mv.db"), MutableClock.at("2026-12-14T09:00"));
        CompletableFuture<SignInLook> look = SignInLook.ahead(vault);
        look.get(10, TimeUnit.SECONDS);
        FxToolkit.registerPrimaryStage();
        Stage stage = FxToolkit.registerStage(Stage::new);
        int[] before = new int[3];
        FxToolkit.setupFixture(() -> {
            window = AppWindow.signIn(stage, vault, look, null, 20);
            // as the window is shown: not a stylesheet, not a control, nothing of any screen
            Scene scene = stage.getScene();
            before[0] = scene.getStylesheets().size();
            before[1] = controls(scene.getRoot());
            before[2] = stage.isShowing() ? 1 : 0;
        });
        assertThat(before).containsExactly(0, 0, 1);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#heading").tryQuery()
                .map(n -> "Set up Resolve".equals(((Labeled) n).getText())).orElse(false));
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("app.css"));
        assertThat(lookup("#repeatField").tryQuery()).isPresent();
        assertThat(lookup("#homeNav").tryQuery()).as("the shell waits for someone to sign in").isEmpty();
        assertThat(window.context()).isNull();
        assertThat(folder.resolve("resolve.mv.db")).doesNotExist();
    }

    private static int controls(Parent p) {
        int n = 0;
        for (Node c : p.getChildrenUnmodifiable()) {
            n += (c instanceof javafx.scene.control.Control ? 1 : 0) + (c instanceof Parent q ? controls(q) : 0);
        }
        return n;
    }
}
