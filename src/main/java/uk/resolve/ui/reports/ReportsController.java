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
import javafx.scene.layout.VBox;
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
    @FXML private Label datesHint;
    @FXML private TableView<List<String>> summaryTable;
    @FXML private VBox categoryBox;
    @FXML private PieChart childStatusChart;
    @FXML private BarChart<String, Number> stageChart;
    @FXML private VBox agencyBox;
    @FXML private TabPane tablesPane;

    private final BarRows categoryChart = new BarRows("Raised, by category",
            "Chart of escalations raised by category");
    private final BarRows agencyChart = new BarRows("Raised, by raising agency",
            "Chart of escalations raised by agency");

    public ReportsController(ReportsViewModel model) {
        this.model = model;
    }

    public ReportsViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        // the way to write a date is a visible hint under the row (a placeholder would vanish while typing)
        for (DatePicker p : List.of(fromPicker, toPicker)) {
            p.setConverter(new UkDates());
            p.setAccessibleHelp(datesHint.getText());
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
        progressBar.managedProperty().bind(progressBar.visibleProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        categoryChart.setId("categoryChart");
        agencyChart.setId("agencyChart");
        categoryBox.getChildren().setAll(categoryChart);
        agencyBox.getChildren().setAll(agencyChart);
        model.reportProperty().addListener((o, a, report) -> show(report));
        tablesPane.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> tableOf(tab));
        // Nothing to show until a report has run: no empty table or bare chart axes.
        var hasReport = model.reportProperty().isNotNull();
        for (javafx.scene.Node n : ((javafx.scene.layout.Pane) summaryTable.getParent()).getChildren()) {
            n.visibleProperty().bind(hasReport);
            n.managedProperty().bind(hasReport);
        }
        if (model.reportProperty().get() != null) {
            // the screen built again over a report already run this session shows it at once
            show(model.reportProperty().get());
        }
        if (model.procedures().size() <= 1) {
            model.loadProcedures();
        }
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

    /** Shows {@code report}: the summary, each chart, then the tabs (each table built when first shown). */
    private void show(PartnershipReport report) {
        List<ReportTable> tables = model.tables();
        List.<Runnable>of(() -> {
            tablesPane.getTabs().clear();
            fill(summaryTable, ReportTables.summary(report));
            summaryTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }, () -> categoryChart.show(report.categories().stream().map(c -> c.counts()).toList()), () -> {
            childStatusChart.setData(FXCollections.observableArrayList(report.childStatuses().stream()
                    .filter(c -> c.raised() > 0).map(c -> new PieChart.Data(c.label() + " (" + c.raised() + ")",
                            c.raised())).toList()));
        }, () -> {
            XYChart.Series<String, Number> stages = new XYChart.Series<>();
            report.resolutionStages().forEach(s -> stages.getData().add(new XYChart.Data<>("Stage " + s.stage(),
                    s.resolved())));
            stageChart.getData().setAll(List.of(stages));
            counts((javafx.scene.chart.NumberAxis) stageChart.getYAxis(),
                    report.resolutionStages().stream().mapToInt(x -> x.resolved()).max().orElse(0));
        }, () -> {
            var m = report.agencies();
            agencyChart.show(java.util.stream.IntStream.range(0, m.raising().size())
                    .mapToObj(i -> new PartnershipReport.CountRow(m.raising().get(i), m.rowTotal(i), 0, 0, 0)).toList());
        }, () -> {
            List<Tab> tabs = new java.util.ArrayList<>();
            for (ReportTable t : tables) {
                if (t.id().equals(ReportTables.SUMMARY)) {
                    continue;
                }
                Tab tab = new Tab(TAB_NAMES.getOrDefault(t.id(), t.title()));
                tab.setUserData(t);
                tab.setTooltip(new javafx.scene.control.Tooltip(t.note().isEmpty() ? t.title() : t.note()));
                tabs.add(tab);
            }
            tablesPane.getTabs().setAll(tabs);
        }, () -> tableOf(tablesPane.getSelectionModel().getSelectedItem())).forEach(Runnable::run);
    }

    /**
     * Builds a tab's table when the tab is first shown: ten tables of a large report built at once
     * held the application thread for several frames, and most are never opened.
     */
    private void tableOf(Tab tab) {
        if (tab == null || tab.getContent() != null || !(tab.getUserData() instanceof ReportTable t)) {
            return;
        }
        TableView<List<String>> view = new TableView<>();
        view.setAccessibleText(t.title());
        view.setPlaceholder(new Label("None in this period."));
        fill(view, t);
        tab.setContent(view);
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

    /**
     * Columns as wide as their text at the table's own font size (so at 200% text too), up to about 30
     * characters; longer text wraps within its cell rather than being cut off.
     */
    private void fill(TableView<List<String>> view, ReportTable t) {
        // the same columns as the last report keep their cells: only their text changes
        boolean same = view.getColumns().stream().map(TableColumn::getText).toList().equals(t.columns());
        if (!same) {
            view.getColumns().clear();
        }
        // a label's font follows the window's text size; a table has none of its own to ask
        double em = statusLabel.getFont().getSize();
        for (int i = 0; i < t.columns().size(); i++) {
            final int col = i;
            TableColumn<List<String>, ?> c = same ? view.getColumns().get(i) : column(col, t.columns().get(i));
            int longest = t.rows().stream().mapToInt(r -> r.get(col).length()).max().orElse(0);
            int heading = java.util.Arrays.stream(t.columns().get(i).split(" ")).mapToInt(String::length).max()
                    .orElse(0);
            int chars = Math.max(Math.max(8, heading + 2), Math.min(30, longest + 2));
            c.setPrefWidth(chars * em * 0.62);
            c.setMinWidth(Math.max(8, heading + 2) * em * 0.62);
            if (!same) {
                view.getColumns().add(c);
            }
        }
        view.getItems().setAll(t.rows());
    }

    private static TableColumn<List<String>, String> column(int col, String heading) {
        TableColumn<List<String>, String> c = new TableColumn<>(heading);
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(col)));
        c.setCellFactory(x -> new uk.resolve.ui.support.WrappingCell<>());
        return c;
    }

    /** Dates as people here read and type them: "21 Dec 2026", or 21/12/2026. */
    private static final class UkDates extends StringConverter<java.time.LocalDate> {
        @Override
        public String toString(java.time.LocalDate date) {
            return date == null ? "" : UkTime.formatDate(date);
        }

        @Override
        public java.time.LocalDate fromString(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            return uk.resolve.domain.time.TypedDates.read(text).orElse(null);
        }
    }
}
