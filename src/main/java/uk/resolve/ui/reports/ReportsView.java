/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import uk.resolve.app.ReportService;
import uk.resolve.app.Services;
import uk.resolve.domain.time.UkTime;

/**
 * The reports screen: period and procedure pickers, charts, tables and export. Place the node
 * {@link #load(Services)} returns in the main window's navigation.
 */
public final class ReportsView {

    private static final String FXML = "/uk/resolve/ui/reports/ReportsView.fxml";

    private ReportsView() {
    }

    /**
     * The screen over {@code services}' records, working on a background thread of its own (a
     * daemon, so it never keeps the application running).
     */
    public static Parent load(Services services) {
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reports");
            t.setDaemon(true);
            return t;
        });
        return load(services.reports(), background, UkTime.date(services.clock().instant()));
    }

    /** The screen, given its service, where to run work, and the day it opens on. */
    public static Parent load(ReportService service, Executor background, LocalDate today) {
        return loader(new ReportsController(new ReportsViewModel(service, background, today)));
    }

    static Parent loader(ReportsController controller) {
        FXMLLoader loader = new FXMLLoader(ReportsView.class.getResource(FXML));
        loader.setController(controller);
        try {
            Parent root = loader.load();
            root.getProperties().put(ReportsController.class, controller);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Resolve is incomplete: the reports screen could not be loaded", e);
        }
    }
}
