/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.reports;

import java.util.List;

import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import uk.resolve.domain.report.PartnershipReport.CountRow;

/**
 * A horizontal bar chart whose labels are never cut short: each row is the label in full (wrapped
 * over as many lines as it needs, at any text size), a bar as long as its share of the largest
 * count, and the count in figures. Charts of categories and agencies have labels far longer than a
 * chart axis can show.
 */
final class BarRows extends VBox {

    private final GridPane grid = new GridPane();

    BarRows(String title, String accessibleName) {
        getStyleClass().add("bar-rows");
        setSpacing(6);
        Label heading = new Label(title);
        heading.getStyleClass().add("bar-rows-title");
        heading.setWrapText(true);
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints label = new ColumnConstraints();
        label.setPercentWidth(55);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setPercentWidth(45);
        bar.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(label, bar);
        setAccessibleText(accessibleName);
        getChildren().setAll(heading, grid);
    }

    /** Shows {@code rows}, top to bottom in the order given. */
    void show(List<CountRow> rows) {
        grid.getChildren().clear();
        int max = Math.max(1, rows.stream().mapToInt(CountRow::raised).max().orElse(0));
        for (int i = 0; i < rows.size(); i++) {
            CountRow r = rows.get(i);
            Label name = new Label(r.label());
            name.setWrapText(true);
            name.setMinHeight(Region.USE_PREF_SIZE);
            name.getStyleClass().add("bar-rows-label");
            Region bar = new Region();
            bar.getStyleClass().add("bar-rows-bar");
            bar.setMinHeight(14);
            bar.setMaxHeight(14);
            Label count = new Label(Integer.toString(r.raised()));
            count.setMinWidth(Region.USE_PREF_SIZE);
            HBox cell = new HBox(6, bar, count);
            cell.setAlignment(Pos.CENTER_LEFT);
            // the bar takes its share of what the count leaves of the column
            double share = r.raised() / (double) max;
            bar.minWidthProperty().bind(cell.widthProperty().subtract(count.widthProperty()).subtract(6)
                    .multiply(share));
            bar.prefWidthProperty().bind(bar.minWidthProperty());
            GridPane.setValignment(name, VPos.CENTER);
            grid.addRow(i, name, cell);
        }
    }

    /** The labels shown, top to bottom (for tests). */
    List<String> labels() {
        return grid.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }

    Pane grid() {
        return grid;
    }
}
