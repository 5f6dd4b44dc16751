/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.reports;

import java.io.File;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.ReportTable;
import uk.resolve.domain.report.ReportTables;
import uk.resolve.domain.time.UkTime;

/** Binds the reports screen to its view model and forwards the user's actions. */
public final class ReportsController {

    private static final java.util.Map<String, String> TAB_NAMES = java.util.Map.of(
            ReportTables.CATEGORIES, "Categories", ReportTables.CHILD_STATUS, "Child status",
            ReportTables.AGENCIES, "Agencies", ReportTables.RESOLUTION_STAGE, "Stage resolved",
            ReportTables.STAGE_TIMES, "Time at each stage", ReportTables.TOTAL_TIMES, "Time to resolution",
            ReportTables.OVERDUE, "Past deadline", ReportTables.LEARNING, "Learning",
            ReportTables.FEEDBACK, "Feedback", ReportTables.CASES, "Cases");

    private final ReportsViewModel model;

    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private ComboBox<ReportsViewModel.ProcedureChoice> procedureBox;
    @FXML private Button runButton;
    @FXML private Button stopButton;
    @FXML private Button csvButton;
    @FXML private Button pdfButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private Label problemLabel;
    @FXML private TableView<List<String>> summaryTable;
    @FXML private BarChart<Number, String> categoryChart;
    @FXML private PieChart childStatusChart;
    @FXML private BarChart<String, Number> stageChart;
    @FXML private BarChart<Number, String> agencyChart;
    @FXML private TabPane tablesPane;

    public ReportsController(ReportsViewModel model) {
        this.model = model;
    }

    public ReportsViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        for (DatePicker p : List.of(fromPicker, toPicker)) {
            p.setConverter(new UkDates());
            p.setPromptText("21 Dec 2026");
        }
        fromPicker.valueProperty().bindBidirectional(model.fromProperty());
        toPicker.valueProperty().bindBidirectional(model.toProperty());
        procedureBox.setItems(model.procedures());
        procedureBox.valueProperty().bindBidirectional(model.procedureProperty());
        runButton.disableProperty().bind(model.canRunProperty().not());
        stopButton.disableProperty().bind(model.runningProperty().not());
        csvButton.disableProperty().bind(model.canExportProperty().not());
        pdfButton.disableProperty().bind(model.canExportProperty().not());
        progressBar.progressProperty().bind(model.progressProperty());
        progressBar.visibleProperty().bind(model.runningProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        model.reportProperty().addListener((o, a, report) -> show(report));
        // Nothing to show until a report has run: no empty table or bare chart axes.
        var hasReport = model.reportProperty().isNotNull();
        for (javafx.scene.Node n : ((javafx.scene.layout.Pane) summaryTable.getParent()).getChildren()) {
            n.visibleProperty().bind(hasReport);
            n.managedProperty().bind(hasReport);
        }
        model.loadProcedures();
    }

    @FXML
    private void run() {
        model.run();
    }

    @FXML
    private void stop() {
        model.cancel();
    }

    @FXML
    private void exportCsv() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a folder for the CSV files");
        File folder = chooser.showDialog(window());
        if (folder != null) {
            model.exportCsv(folder.toPath());
        }
    }

    @FXML
    private void exportPdf() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the report as PDF");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF documents", "*.pdf"));
        chooser.setInitialFileName("resolution-report-" + model.fromProperty().get() + "-to-" + model.toProperty().get()
                + ".pdf");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.exportPdf(file.toPath());
        }
    }

    private javafx.stage.Window window() {
        return runButton.getScene() == null ? null : runButton.getScene().getWindow();
    }

    private void show(PartnershipReport report) {
        fill(summaryTable, ReportTables.summary(report));
        summaryTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        XYChart.Series<Number, String> categories = new XYChart.Series<>();
        // the chart draws its categories bottom to top; reversed, they read as in the table
        for (int i = report.categories().size() - 1; i >= 0; i--) {
            var c = report.categories().get(i);
            categories.getData().add(new XYChart.Data<>(c.raised(), shortLabel(c.label())));
        }
        categoryChart.getData().setAll(List.of(categories));
        counts((javafx.scene.chart.NumberAxis) categoryChart.getXAxis(),
                report.categories().stream().mapToInt(c -> c.raised()).max().orElse(0));
        childStatusChart.setData(FXCollections.observableArrayList(report.childStatuses().stream()
                .filter(c -> c.raised() > 0).map(c -> new PieChart.Data(c.label() + " (" + c.raised() + ")", c.raised()))
                .toList()));
        XYChart.Series<String, Number> stages = new XYChart.Series<>();
        report.resolutionStages().forEach(s -> stages.getData().add(new XYChart.Data<>("Stage " + s.stage(), s.resolved())));
        stageChart.getData().setAll(List.of(stages));
        counts((javafx.scene.chart.NumberAxis) stageChart.getYAxis(),
                report.resolutionStages().stream().mapToInt(x -> x.resolved()).max().orElse(0));
        XYChart.Series<Number, String> agencies = new XYChart.Series<>();
        var m = report.agencies();
        for (int i = m.raising().size() - 1; i >= 0; i--) {
            agencies.getData().add(new XYChart.Data<>(m.rowTotal(i), shortLabel(m.raising().get(i))));
        }
        agencyChart.getData().setAll(List.of(agencies));
        counts((javafx.scene.chart.NumberAxis) agencyChart.getXAxis(),
                java.util.stream.IntStream.range(0, m.raising().size()).map(m::rowTotal).max().orElse(0));
        tablesPane.getTabs().clear();
        for (ReportTable t : model.tables()) {
            if (t.id().equals(ReportTables.SUMMARY)) {
                continue;
            }
            TableView<List<String>> view = new TableView<>();
            view.setAccessibleText(t.title());
            view.setPlaceholder(new Label("None in this period."));
            fill(view, t);
            Tab tab = new Tab(TAB_NAMES.getOrDefault(t.id(), t.title()), view);
            tab.setTooltip(new javafx.scene.control.Tooltip(t.note().isEmpty() ? t.title() : t.note()));
            tablesPane.getTabs().add(tab);
        }
    }

    /** An axis of whole counts: no "0.25 cases". */
    private static void counts(javafx.scene.chart.NumberAxis axis, int max) {
        int upper = Math.max(1, max);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(upper);
        axis.setTickUnit(Math.max(1, (int) Math.ceil(upper / 10.0)));
        axis.setMinorTickVisible(false);
    }

    /** Long labels squeeze a chart's bars to nothing; the table beside it has them in full. */
    private static String shortLabel(String label) {
        return label.length() <= 40 ? label : label.substring(0, 38).strip() + "…";
    }

    private static void fill(TableView<List<String>> view, ReportTable t) {
        view.getColumns().clear();
        for (int i = 0; i < t.columns().size(); i++) {
            final int col = i;
            TableColumn<List<String>, String> c = new TableColumn<>(t.columns().get(i));
            c.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(col)));
            c.setPrefWidth(i == 0 ? 260 : Math.max(90, Math.min(320, t.columns().get(i).length() * 8)));
            view.getColumns().add(c);
        }
        view.setItems(FXCollections.observableArrayList(t.rows()));
    }

    /** Dates as people here read and type them: "21 Dec 2026", or 21/12/2026. */
    private static final class UkDates extends StringConverter<java.time.LocalDate> {
        private static final java.time.format.DateTimeFormatter TYPED =
                java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu")
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT);

        @Override
        public String toString(java.time.LocalDate date) {
            return date == null ? "" : UkTime.formatDate(date);
        }

        @Override
        public java.time.LocalDate fromString(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String t = text.strip();
            for (java.time.format.DateTimeFormatter f : List.of(UkTime.DATE, TYPED,
                    java.time.format.DateTimeFormatter.ISO_LOCAL_DATE)) {
                try {
                    return java.time.LocalDate.parse(t, f);
                } catch (java.time.format.DateTimeParseException ignored) {
                    // try the next way of writing it
                }
            }
            return null;
        }
    }
}
