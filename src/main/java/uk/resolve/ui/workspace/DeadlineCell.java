/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.util.function.Consumer;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import uk.resolve.domain.workspace.CaseAction;
import uk.resolve.domain.workspace.CaseScreen.Deadline;
import uk.resolve.ui.support.RowCell;

/** A deadline in force: when it is due or was met, and Done while it is open. */
final class DeadlineCell extends RowCell<Deadline> {

    private final Label text = line();
    private final Button done;
    private Deadline deadline;

    DeadlineCell(Consumer<CaseAction> start, ObservableBooleanValue busy) {
        done = button("Done", () -> start.accept(deadline.done()));
        done.disableProperty().bind(busy);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text, done);
        row.getStyleClass().add("due-row");
        box.getChildren().add(row);
    }

    @Override
    protected String show(Deadline d) {
        deadline = d;
        text.setText(d.text());
        text.setId("deadline-" + d.id());
        text.getStyleClass().removeAll("item-done", "deadline-overdue", "deadline");
        text.getStyleClass().add(d.isMet() ? "item-done" : d.overdue() ? "deadline-overdue" : "deadline");
        offer(done, d.done() != null, "met-" + d.id(), "Mark as met: " + d.label());
        return d.text() + (d.overdue() && !d.isMet() ? ". Overdue" : "");
    }
}
