/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.reports;

import java.time.LocalDate;
import java.util.concurrent.Executor;

import uk.resolve.app.ReportService;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.support.Fxml;

/**
 * The reports screen: period and procedure pickers, charts, tables and export. The view factory
 * places the root of {@link #load} in the main window's navigation.
 */
public final class ReportsView {

    private ReportsView() {
    }

    /**
     * The screen, given its service, where its work runs (the task runner's readers) and the day it
     * opens on.
     */
    public static Fxml.View<ReportsController> load(ReportService service, Background background, LocalDate today) {
        return Fxml.load("reports", "Reports", new ReportsController(new ReportsViewModel(service,
                background.parallel(), today)));
    }

    /** The screen on its own, its work run by {@code background} (a screen's test). */
    public static Fxml.View<ReportsController> load(ReportService service, Executor background, LocalDate today) {
        return Fxml.load("reports", "Reports", new ReportsController(new ReportsViewModel(service, background, today)));
    }
}
