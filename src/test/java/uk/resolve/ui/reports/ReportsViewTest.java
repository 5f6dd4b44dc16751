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
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
        // each table is built when its tab is first shown, not all ten as the report arrives
        TabPane tabs = robot.lookup("#tablesPane").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getContent()).isInstanceOf(TableView.class);
        Tab cases = tabs.getTabs().stream().filter(t -> t.getText().equals("Cases")).findFirst().orElseThrow();
        assertThat(cases.getContent()).isNull();
        robot.interact(() -> tabs.getSelectionModel().select(cases));
        assertThat(((TableView<?>) cases.getContent()).getItems()).isNotEmpty()
                .hasSize(controller.model().reportProperty().get().cases().size());
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

    @Test
    void theDatesAreTypedWithTheKeyboardUnderAVisibleHintNotAPlaceholder(FxRobot robot) {
        DatePicker from = robot.lookup("#fromPicker").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#toPicker").queryAs(DatePicker.class);
        Label hint = robot.lookup("#datesHint").queryAs(Label.class);
        for (DatePicker p : java.util.List.of(from, to)) {
            assertThat(p.getPromptText()).as("placeholder").isNullOrEmpty();
            assertThat(p.getEditor().getPromptText()).as("placeholder").isNullOrEmpty();
            assertThat(p.getAccessibleHelp()).isEqualTo(hint.getText());
        }
        assertThat(hint.isVisible() && hint.getScene() != null).isTrue();
        assertThat(hint.getText()).contains("21/12/2026", "21 Dec 2026", "Alt+Down");
        assertThat(labelOf(robot, from)).isEqualTo("From");
        assertThat(labelOf(robot, to)).isEqualTo("To");

        // keyboard only: Alt+F reaches From, a typed date counts when Tab moves on to To
        robot.press(KeyCode.ALT, KeyCode.F).release(KeyCode.F, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(from.getEditor().isFocused()).isTrue();
        robot.interact(() -> from.getEditor().selectAll());
        robot.write("1/4/2026").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(to.getEditor().isFocused()).isTrue();
        robot.interact(() -> to.getEditor().selectAll());
        robot.write("31 Mar 2027").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controller.model().fromProperty().get()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(controller.model().toProperty().get()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(from.getEditor().getText()).isEqualTo("1 Apr 2026");
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isFalse();

        // text that is no date: the period is refused with the way to write one, and Run waits
        robot.clickOn(from.getEditor());
        robot.interact(() -> from.getEditor().selectAll());
        robot.write("soon").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#problemLabel").queryLabeled().getText()).contains("21/12/2026");
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isTrue();
    }

    private static String labelOf(FxRobot robot, javafx.scene.Node field) {
        String[] text = new String[1];
        robot.interact(() -> {
            Object by = field.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.LABELED_BY);
            text[0] = by instanceof Label l && l.isVisible() ? l.getText().replace("_", "") : null;
        });
        return text[0];
    }
}
