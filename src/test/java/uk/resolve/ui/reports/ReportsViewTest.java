/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.Services;
import uk.resolve.report.ReportCasesAccess;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** The reports screen, headless: choose a period with the keyboard, run, and see charts and tables. */
@ExtendWith(ApplicationExtension.class)
class ReportsViewTest {

    @TempDir
    static Path folder;

    private static Services services;
    private Parent root;
    private ReportsController controller;

    @BeforeAll
    static void buildCases() {
        services = Fixtures.services(folder, MutableClock.at(ReportCasesAccess.NOW));
        ReportCasesAccess.build(services);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    @Start
    void start(Stage stage) {
        var view = ReportsView.load(services.reports(), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reports-test");
            t.setDaemon(true);
            return t;
        }), LocalDate.of(2027, 5, 10));
        root = view.root();
        controller = view.controller();
        stage.setScene(new Scene(root, 1240, 740));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void runningTheReportFillsTheChartsAndTables(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ReportsController c = controller;
            c.model().fromProperty().set(LocalDate.of(2026, 12, 1));
            c.model().toProperty().set(LocalDate.of(2027, 4, 30));
        });
        Button run = robot.lookup("#runButton").queryButton();
        assertThat(run.isDisabled()).isFalse();
        robot.clickOn(run);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> robot.lookup("#tablesPane").queryAs(TabPane.class).getTabs().size() == 10);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no tables; the screen says: "
                    + robot.lookup("#statusLabel").queryLabeled().getText(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        BarRows categories = robot.lookup("#categoryChart").queryAs(BarRows.class);
        // two procedures' "Levels of need" are two rows, each named with its procedure
        assertThat(categories.labels()).contains("Levels of need (Croydon)", "Levels of need (Havering)",
                "Quality and progression of plans (early help, child in need, child protection, looked after) (Croydon)");
        PieChart statuses = robot.lookup("#childStatusChart").queryAs(PieChart.class);
        assertThat(statuses.getData()).extracting(PieChart.Data::getName).containsExactly("Early help (1)",
                "Child in need (2)", "Child protection plan (2)", "Looked after child (1)", "Not stated (1)");
        assertThat(robot.lookup("#pdfButton").queryButton().isDisabled()).isFalse();
        String shots = System.getProperty("resolve.report.keep");
        if (shots != null) {
            robot.interact(() -> {
                try {
                    ImageIO.write(uk.resolve.testing.Png.awt(root.snapshot(null, null)), "png",
                            Path.of(shots).resolve("reports-screen.png").toFile());
                    javafx.scene.Node content = robot.lookup(".scroll-pane").queryAs(javafx.scene.control.ScrollPane.class)
                            .getContent();
                    ImageIO.write(uk.resolve.testing.Png.awt(content.snapshot(null, null)), "png",
                            Path.of(shots).resolve("reports-content.png").toFile());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
