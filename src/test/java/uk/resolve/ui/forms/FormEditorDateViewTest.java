/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

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
import uk.resolve.pdf.PdfPrinter;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.support.Field;

/** A date on a form is picked as a date, as it is in the workspace's actions, and kept as the form writes it. */
@ExtendWith(ApplicationExtension.class)
class FormEditorDateViewTest {

    @TempDir
    static Path dir;

    private static Services services;
    private static UUID caseId;
    private ExecutorService background;
    private FormEditorViewModel model;

    /** The case is made before the window (not on the application thread, whose set-up has a time limit). */
    @BeforeAll
    static void makeTheCase() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00");
        services = Fixtures.services(dir.resolve(UUID.randomUUID().toString()), clock);
        caseId = FormCases.safetyOfChildrenAtStage2(services, clock);
    }

    @AfterAll
    static void closeServices() {
        services.close();
    }

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        model = new FormEditorViewModel(services.forms(), new PdfPrinter(), caseId, "monitoring-form", 0, background,
                Platform::runLater);
        stage.setScene(new Scene(FormEditorWindow.load(model), 1180, 740));
        stage.show();
        model.load();
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void aDateIsAskedForWithADatePickerThatWritesItAsTheFormDoes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.loadedProperty().get()
                && !robot.lookup(".date-picker").queryAll().isEmpty());
        Field<String> date = model.fields().values().stream()
                .filter(f -> f.input() == Field.Input.DATE && f.label().startsWith("Date the concern was first raised"))
                .findFirst().orElseThrow();
        DatePicker picker = robot.lookup(n -> n instanceof DatePicker p && p.getAccessibleText() != null
                && p.getAccessibleText().startsWith(date.label())).queryAs(DatePicker.class);
        assertThat(robot.lookup(n -> n instanceof TextField t && !(t.getParent() instanceof DatePicker)
                && t.getAccessibleText() != null && t.getAccessibleText().startsWith(date.label())).queryAll())
                .as("no plain text box for the date").isEmpty();
        assertThat(picker.getValue()).as("pre-filled from the case").isEqualTo(LocalDate.of(2026, 3, 2));

        robot.interact(() -> picker.setValue(LocalDate.of(2026, 12, 21)));
        assertThat(date.valueProperty().get()).isEqualTo("21 Dec 2026");

        robot.interact(() -> date.valueProperty().set("5/1/2027"));
        assertThat(picker.getValue()).isEqualTo(LocalDate.of(2027, 1, 5));
    }
}
