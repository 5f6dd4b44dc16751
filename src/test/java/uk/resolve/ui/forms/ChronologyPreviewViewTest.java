/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.Services;
import uk.resolve.forms.FormCases;
import uk.resolve.pdf.PdfPrinter;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** The chronology's print preview: the page fills the window at a readable size and zooms with the keyboard. */
@ExtendWith(ApplicationExtension.class)
class ChronologyPreviewViewTest {

    private static final double WIDTH = 1180;

    @TempDir
    static Path dir;

    private Services services;
    private ExecutorService background;
    private FormEditorViewModel model;

    @Start
    void start(Stage stage) {
        MutableClock clock = MutableClock.at("2026-01-05T09:00");
        services = Fixtures.services(dir.resolve(UUID.randomUUID().toString()), clock);
        UUID caseId = FormCases.croydonAtStage3(services, clock);
        background = Executors.newSingleThreadExecutor();
        model = new FormEditorViewModel(services.forms(), new PdfPrinter(), caseId, "chronology", 0, background,
                Platform::runLater);
        stage.setScene(new Scene(FormEditorWindow.load(model), WIDTH, 740));
        stage.show();
        model.load();
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
        services.close();
    }

    private double pageWidth(FxRobot robot) {
        return robot.lookup(".preview-page").queryAs(ImageView.class).getBoundsInParent().getWidth();
    }

    @Test
    void thePageFillsTheWindowAtAReadableSizeAndZoomsWithTheKeyboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> model.loadedProperty().get() && !robot.lookup(".preview-page").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // nothing to fill in: no empty half beside the page
        assertThat(robot.lookup(".split-pane").queryAs(SplitPane.class).getItems()).hasSize(1);
        ImageView page = robot.lookup(".preview-page").queryAs(ImageView.class);
        // drawn sharp enough for its size, and as wide as the window allows (an A4 page at 72 dpi is 595)
        assertThat(page.getImage().getWidth()).isGreaterThan(850);
        double fitted = pageWidth(robot);
        assertThat(fitted).isGreaterThan(WIDTH * 0.85).isLessThanOrEqualTo(WIDTH);

        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pageWidth(robot)).isCloseTo(fitted * 1.25, org.assertj.core.data.Percentage.withPercentage(1));
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pageWidth(robot)).isCloseTo(fitted / 1.25, org.assertj.core.data.Percentage.withPercentage(1));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pageWidth(robot)).isCloseTo(fitted, org.assertj.core.data.Percentage.withPercentage(1));
    }
}
