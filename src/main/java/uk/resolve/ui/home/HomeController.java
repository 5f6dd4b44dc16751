/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import uk.resolve.ui.support.Navigator;
import uk.resolve.ui.support.StatusLine;

/** Binds the list of escalations to its view model and opens the case chosen. */
public final class HomeController {

    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    private static final PseudoClass RISK = PseudoClass.getPseudoClass("immediate-risk");
    private static final PseudoClass CLOSED = PseudoClass.getPseudoClass("closed");

    private final HomeViewModel vm;
    private final Navigator navigator;
    private final StatusLine status;

    @FXML private TextField searchField;
    @FXML private ComboBox<HomeViewModel.Show> showChoice;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private Label emptyLabel;
    @FXML private Button removeSamplesButton;
    @FXML private TableView<CaseRow> table;
    @FXML private TableColumn<CaseRow, String> childColumn;
    @FXML private TableColumn<CaseRow, String> procedureColumn;
    @FXML private TableColumn<CaseRow, String> agenciesColumn;
    @FXML private TableColumn<CaseRow, String> stageColumn;
    @FXML private TableColumn<CaseRow, String> deadlineColumn;
    @FXML private TableColumn<CaseRow, String> dueColumn;
    @FXML private TableColumn<CaseRow, String> statusColumn;

    @FXML private javafx.scene.layout.VBox dueSoonBox;
    private final DueSoonViewModel dueSoon;

    public HomeController(HomeViewModel vm, Navigator navigator, StatusLine status) {
        this(vm, null, navigator, status);
    }

    /** With {@code dueSoon} (may be null), the person's deadlines due soon above the list. */
    public HomeController(HomeViewModel vm, DueSoonViewModel dueSoon, Navigator navigator, StatusLine status) {
        this.vm = vm;
        this.dueSoon = dueSoon;
        this.navigator = navigator;
        this.status = status;
    }

    @FXML
    private void initialize() {
        minimumWidths();
        // The friendly message above the table says why it is empty; the table itself shows nothing.
        table.setPlaceholder(new javafx.scene.layout.Region());
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        showChoice.getItems().setAll(HomeViewModel.Show.values());
        showChoice.valueProperty().bindBidirectional(vm.showProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        removeSamplesButton.visibleProperty().bind(vm.samplesShownProperty());
        removeSamplesButton.managedProperty().bind(removeSamplesButton.visibleProperty());
        emptyLabel.visibleProperty().bind(vm.loadedProperty().and(javafx.beans.binding.Bindings.isEmpty(vm.visibleRows())));
        emptyLabel.managedProperty().bind(emptyLabel.visibleProperty());
        emptyLabel.textProperty().bind(javafx.beans.binding.Bindings.when(javafx.beans.binding.Bindings.isEmpty(vm.allRows()))
                .then("You have no escalations yet. Choose New escalation to start one.")
                .otherwise("No case matches. Clear the search or show all cases."));

        column(childColumn, r -> r.sample() ? r.childRef() + "  (SAMPLE)" : r.childRef());
        column(procedureColumn, CaseRow::procedure);
        column(agenciesColumn, CaseRow::agencies);
        column(stageColumn, CaseRow::stage);
        column(deadlineColumn, CaseRow::deadline);
        column(dueColumn, r -> r.due().isEmpty() ? "—" : r.due());
        column(statusColumn, r -> r.immediateRisk() && r.open() ? r.status() + " · immediate risk" : r.status());
        table.setItems(vm.visibleRows());
        table.setRowFactory(t -> {
            TableRow<CaseRow> row = new TableRow<>() {
                @Override
                protected void updateItem(CaseRow item, boolean empty) {
                    super.updateItem(item, empty);
                    boolean has = !empty && item != null;
                    pseudoClassStateChanged(OVERDUE, has && item.overdue());
                    pseudoClassStateChanged(RISK, has && item.open() && item.immediateRisk());
                    pseudoClassStateChanged(CLOSED, has && !item.open());
                    setAccessibleText(has ? item.childRef() + ", " + item.stage() + ", " + item.deadline()
                            + ", " + item.status() : null);
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    navigator.showCase(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                navigator.showCase(table.getSelectionModel().getSelectedItem().id());
                e.consume();
            }
        });
        // Down from the search box moves into the list, so the keyboard never has to leave it.
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (!table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);
                    table.getFocusModel().focus(0);
                }
                e.consume();
            }
        });
        vm.load();
        if (dueSoon != null) {
            dueSoonBox.getChildren().add(new DueSoonPane(dueSoon, navigator, status));
        }
    }

    private static void column(TableColumn<CaseRow, String> c, Function<CaseRow, String> f) {
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setSortable(false);
        // Wrap long stage titles and deadlines onto a second line rather than cutting them off.
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(14));
                text.getStyleClass().add("cell-text");
                setGraphic(text);
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
            }
        });
    }

    @FXML
    private void newCase() {
        navigator.showNewCase();
    }

    @FXML
    private void openSelected() {
        CaseRow r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            navigator.showCase(r.id());
        } else {
            status.show("Choose a case in the list first.");
        }
    }

    @FXML
    private void removeSamples() {
        vm.removeSamples();
        status.show("Sample cases removed from your list.");
    }

    /** Puts the cursor in the search box (Ctrl+F). */
    public void focusSearch() {
        searchField.requestFocus();
    }

    /**
     * Each column is at least so many text widths wide (the longest usual word and its header), so
     * that larger text scrolls the table sideways rather than cutting headers or splitting words.
     */
    private void minimumWidths() {
        java.util.Map<TableColumn<?, ?>, Double> ems = java.util.Map.of(childColumn, 8.5, procedureColumn, 8.0,
                agenciesColumn, 9.0, stageColumn, 11.0, deadlineColumn, 9.0, dueColumn, 11.5, statusColumn, 7.5);
        ems.forEach((column, em) -> column.minWidthProperty().bind(
                searchField.fontProperty().map(f -> f.getSize() * em)));
        uk.resolve.ui.support.Tables.fillOrScroll(table);
    }
}
