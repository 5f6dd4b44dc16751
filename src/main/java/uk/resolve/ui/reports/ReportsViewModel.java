/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import uk.resolve.app.ReportService;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.ReportCalculator;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.domain.report.ReportTable;
import uk.resolve.domain.report.ReportTables;

/**
 * The reports screen's state: the period and procedure chosen, whether they make sense, the
 * report once worked out, and the progress of work running in the background. Never touches
 * nodes; every call is made on the JavaFX application thread, and the work itself runs on the
 * executor it is given.
 */
public final class ReportsViewModel {

    /** A procedure to choose, or every procedure ({@code id} null). */
    public record ProcedureChoice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public static final ProcedureChoice ALL = new ProcedureChoice(null, ReportCalculator.ALL_PROCEDURES);

    private final ReportService service;
    private final Executor background;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<ProcedureChoice> procedures = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<ProcedureChoice> procedure = new SimpleObjectProperty<>(ALL);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a period and run the report.");
    private final ReadOnlyObjectWrapper<PartnershipReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ReportTable> tables = FXCollections.observableArrayList();
    private final BooleanBinding canRun;
    private final BooleanBinding canExport;
    private Task<?> current;

    /**
     * @param today the day the screen opens on: the period starts as the reporting year
     *              (1 April to 31 March) that contains it
     */
    public ReportsViewModel(ReportService service, Executor background, LocalDate today) {
        this.service = service;
        this.background = background;
        LocalDate yearStart = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1, 4, 1);
        from.set(yearStart);
        to.set(yearStart.plusYears(1).minusDays(1));
        from.addListener((o, a, b) -> validate());
        to.addListener((o, a, b) -> validate());
        canRun = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !running.get(), problem, running);
        canExport = Bindings.createBooleanBinding(() -> report.get() != null && !running.get(), report, running);
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<ProcedureChoice> procedures() {
        return procedures;
    }

    public ObjectProperty<ProcedureChoice> procedureProperty() {
        return procedure;
    }

    /** What is wrong with the period chosen, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** From 0 to 1, or -1 while the amount of work is not yet known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PartnershipReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The report's tables, in the order of the printed report. */
    public ObservableList<ReportTable> tables() {
        return tables;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    private void validate() {
        if (from.get() == null || to.get() == null) {
            problem.set("Choose the first and the last day of the period: type each as 21/12/2026 or 21 Dec 2026.");
        } else if (to.get().isBefore(from.get())) {
            problem.set("The period ends before it starts: choose a last day on or after the first.");
        } else {
            problem.set("");
        }
    }

    /** Fetches the procedures to choose from, in the background. */
    public void loadProcedures() {
        start(new Task<List<Policy>>() {
            @Override
            protected List<Policy> call() {
                return service.procedures();
            }
        }, policies -> {
            List<ProcedureChoice> choices = new ArrayList<>();
            choices.add(ALL);
            policies.forEach(p -> choices.add(new ProcedureChoice(p.id(), p.shortName())));
            procedures.setAll(choices);
            return "Choose a period and run the report.";
        }, false);
    }

    /** A report worked out, with its tables laid out as text. */
    public record Ready(PartnershipReport report, List<ReportTable> tables) {
    }

    /** Works the report out in the background; returns the task (already started), or null when the period is wrong. */
    public Task<Ready> run() {
        if (!canRun.get()) {
            return null;
        }
        ReportQuery query = new ReportQuery(new ReportPeriod(from.get(), to.get()),
                procedure.get() == null ? null : procedure.get().id());
        Task<Ready> task = new Task<>() {
            @Override
            protected Ready call() {
                updateProgress(-1, 1);
                PartnershipReport r = service.compute(query, (done, total, message) -> {
                    if (isCancelled()) {
                        throw new CancellationException();
                    }
                    updateProgress(done, total);
                    updateMessage(message);
                });
                updateMessage("Laying out the tables…");
                // the tables' text (one line per case) is made here, not on the application thread
                return new Ready(r, ReportTables.of(r));
            }
        };
        start(task, ready -> {
            // tables first: whoever watches the report reads them when it changes
            tables.setAll(ready.tables());
            report.set(ready.report());
            PartnershipReport r = ready.report();
            return r.summary().raised() + (r.summary().raised() == 1 ? " case" : " cases") + " raised in "
                    + r.query().period().describe() + ".";
        }, true);
        return task;
    }

    /** Writes the CSV files into {@code folder} in the background. */
    public Task<List<Path>> exportCsv(Path folder) {
        PartnershipReport r = report.get();
        return export(() -> service.exportCsv(r, folder), files -> "Saved " + files.size() + " CSV files in " + folder + ".");
    }

    /** Writes the PDF summary to {@code file} in the background. */
    public Task<Path> exportPdf(Path file) {
        PartnershipReport r = report.get();
        return export(() -> service.exportPdf(r, file), f -> "Saved the report as " + f + ".");
    }

    private <T> Task<T> export(Supplier<T> work, java.util.function.Function<T, String> done) {
        if (!canExport.get()) {
            return null;
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                updateProgress(-1, 1);
                updateMessage("Saving…");
                return work.get();
            }
        };
        start(task, done, true);
        return task;
    }

    /** Stops the work in progress, if any. */
    public void cancel() {
        if (current != null) {
            // cooperative: the report checks isCancelled(); interrupting would close H2's file channel
            current.cancel(false);
        }
    }

    private <T> void start(Task<T> task, java.util.function.Function<T, String> onDone, boolean showProgress) {
        if (showProgress) {
            current = task;
            running.set(true);
            progress.bind(task.progressProperty());
            task.messageProperty().addListener((o, a, b) -> {
                if (b != null && !b.isEmpty()) {
                    status.set(b);
                }
            });
        }
        task.setOnSucceeded(e -> {
            finish(showProgress);
            status.set(onDone.apply(task.getValue()));
        });
        task.setOnFailed(e -> {
            finish(showProgress);
            status.set(uk.resolve.app.UserMessages.describe(task.getException()));
        });
        task.setOnCancelled(e -> {
            finish(showProgress);
            status.set("Stopped.");
        });
        background.execute(task);
    }

    private void finish(boolean showProgress) {
        if (showProgress) {
            progress.unbind();
            progress.set(0);
            running.set(false);
            current = null;
        }
    }
}
