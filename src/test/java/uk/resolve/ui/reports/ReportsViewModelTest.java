/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.concurrent.Task;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.Services;
import uk.resolve.domain.report.ReportTables;
import uk.resolve.report.ReportCasesAccess;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** The reports screen's state and background work, on real services and the known report cases. */
class ReportsViewModelTest {

    @TempDir
    static Path folder;

    private static Services services;
    private static final Executor BACKGROUND = r -> {
        Thread t = new Thread(r, "test-reports");
        t.setDaemon(true);
        t.start();
    };

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = Fixtures.services(folder, MutableClock.at(ReportCasesAccess.NOW));
        ReportCasesAccess.build(services);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get(10, TimeUnit.SECONDS);
    }

    private static ReportsViewModel model(Executor executor) throws Exception {
        return onFx(() -> new ReportsViewModel(services.reports(), executor, LocalDate.of(2027, 5, 10)));
    }

    @Test
    void opensOnTheReportingYearContainingToday() throws Exception {
        ReportsViewModel m = model(BACKGROUND);
        assertThat(m.fromProperty().get()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(m.toProperty().get()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(m.canRunProperty().get()).isTrue();
        assertThat(m.canExportProperty().get()).isFalse();
    }

    @Test
    void aPeriodEndingBeforeItStartsCannotBeRun() throws Exception {
        ReportsViewModel m = model(BACKGROUND);
        onFx(() -> {
            m.toProperty().set(LocalDate.of(2027, 3, 1));
            return null;
        });
        assertThat(m.problemProperty().get()).isEqualTo("The period ends before it starts: choose a last day on or after"
                + " the first.");
        assertThat(m.canRunProperty().get()).isFalse();
        assertThat(onFx(m::run)).isNull();
        onFx(() -> {
            m.fromProperty().set(null);
            return null;
        });
        assertThat(m.problemProperty().get()).isEqualTo(
                "Choose the first and the last day of the period: type each as 21/12/2026 or 21 Dec 2026.");
    }

    @Test
    void runsTheReportInTheBackgroundAndShowsItsTables() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Executor held = r -> BACKGROUND.execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.run();
        });
        ReportsViewModel m = model(held);
        Task<?> task = onFx(() -> {
            m.fromProperty().set(LocalDate.of(2026, 12, 1));
            m.toProperty().set(LocalDate.of(2027, 4, 30));
            return m.run();
        });
        // while the work waits on its thread, the screen says so and refuses a second run
        assertThat(m.runningProperty().get()).isTrue();
        assertThat(m.canRunProperty().get()).isFalse();
        assertThat(m.canExportProperty().get()).isFalse();
        release.countDown();
        task.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(m.runningProperty().get()).isFalse();
        assertThat(m.statusProperty().get()).isEqualTo("7 cases raised in 1 Dec 2026 to 30 Apr 2027.");
        assertThat(m.tables()).extracting(t -> t.id()).containsExactly(ReportTables.SUMMARY, ReportTables.CATEGORIES,
                ReportTables.CHILD_STATUS, ReportTables.AGENCIES, ReportTables.RESOLUTION_STAGE,
                ReportTables.STAGE_TIMES, ReportTables.TOTAL_TIMES, ReportTables.OVERDUE, ReportTables.LEARNING,
                ReportTables.FEEDBACK, ReportTables.CASES);
        assertThat(m.tables().get(0).cell("Escalations raised in the period", "Value")).isEqualTo("7");
        assertThat(m.tables().get(0).cell("Average working days to resolution", "Value")).isEqualTo("7.6");
        assertThat(m.canExportProperty().get()).isTrue();
    }

    @Test
    void limitsTheReportToTheChosenProcedure() throws Exception {
        ReportsViewModel m = model(BACKGROUND);
        onFx(() -> {
            m.loadProcedures();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.procedures().size() > 1);
        Task<?> task = onFx(() -> {
            m.procedureProperty().set(m.procedures().stream().filter(p -> "havering".equals(p.id())).findFirst()
                    .orElseThrow());
            m.fromProperty().set(LocalDate.of(2026, 12, 1));
            m.toProperty().set(LocalDate.of(2027, 4, 30));
            return m.run();
        });
        task.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(m.procedures()).extracting(ReportsViewModel.ProcedureChoice::label)
                .startsWith("All procedures").contains("Croydon", "Havering", "North Somerset");
        assertThat(m.reportProperty().get().procedure()).isEqualTo("Havering");
        assertThat(m.reportProperty().get().summary().raised()).isEqualTo(2);
        assertThat(m.reportProperty().get().summary().withdrawn()).isEqualTo(1);
    }

    @Test
    void exportsTheReportItShows() throws Exception {
        ReportsViewModel m = model(BACKGROUND);
        Task<?> run = onFx(() -> {
            m.fromProperty().set(LocalDate.of(2026, 12, 1));
            m.toProperty().set(LocalDate.of(2027, 4, 30));
            return m.run();
        });
        run.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path csv = folder.resolve("from-screen");
        onFx(() -> m.exportCsv(csv)).get(30, TimeUnit.SECONDS);
        Path pdf = folder.resolve("from-screen.pdf");
        onFx(() -> m.exportPdf(pdf)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(csv.resolve("summary.csv"))).contains("Escalations raised in the period,7\r\n");
        assertThat(Files.size(pdf)).isPositive();
        assertThat(m.statusProperty().get()).isEqualTo("Saved the report as " + pdf + ".");
    }
}
