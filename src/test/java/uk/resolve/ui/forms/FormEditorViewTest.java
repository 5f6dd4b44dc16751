/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
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

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class FormEditorViewTest {

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
        model = new FormEditorViewModel(services.forms(), new PdfPrinter(), caseId, "appendix-a", 0, background,
                Platform::runLater);
        stage.setScene(new Scene(FormEditorWindow.load(model), 1180, 740));
        stage.show();
        model.load();
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
        services.close();
    }

    @Test
    void theEditorShowsTheFormPrefilledWithThePreviewAndUpdatesWhatIsMissingAsYouType(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> model.loadedProperty().get() && !robot.lookup(".preview-page").queryAll().isEmpty()
                        && model.fields().keySet().stream().allMatch(id -> !robot.lookup("#"
                                + uk.resolve.ui.support.Controls.id(id)).queryAll().isEmpty()));
        Label missing = robot.lookup(".form-missing").queryAs(Label.class);
        assertThat(missing.getText()).isEqualTo("2 required fields are missing: 'Role', 'Contact'.");
        TextField agency = robot.lookup(n -> n instanceof TextField t && "Agency, required".equals(t.getAccessibleText()))
                .queryAs(TextField.class);
        assertThat(agency.getText()).isEqualTo("School");

        TextField role = robot.lookup(n -> n instanceof TextField t && "Role, required".equals(t.getAccessibleText()))
                .queryAs(TextField.class);
        robot.interact(() -> role.setText("Head of Service"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(missing.getText()).isEqualTo("A required field is missing: 'Contact'.");
        assertThat(robot.lookup(".preview-page").queryAs(ImageView.class).getImage().getWidth()).isGreaterThan(500);

        Path png = Path.of("target", "screenshots", "form-editor.png");
        Files.createDirectories(png.getParent());
        robot.interact(() -> {
            try {
                ImageIO.write(uk.resolve.testing.Png.awt(role.getScene().snapshot(null)), "png", png.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(png).exists();
    }
}
