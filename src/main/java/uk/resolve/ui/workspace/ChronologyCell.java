/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import uk.resolve.domain.workspace.CaseAction;
import uk.resolve.domain.workspace.CaseScreen.EntryRow;
import uk.resolve.ui.support.RowCell;

/**
 * An entry of the chronology: its heading, what happened, its details and approvals, the
 * corrections beside it, and the actions open to the person (approve, sign, open, correct).
 */
final class ChronologyCell extends RowCell<EntryRow> {

    private final Label head = line("entry-head");
    private final Label what = line("entry-text");
    private final Label details = line("entry-detail");
    private final Label approvals = line("entry-approved");
    private final Label corrections = line();
    private final VBox side = new VBox(4);
    private final Button approve;
    private final Button sign;
    private final Button open;
    private final Button correct;
    private final BooleanSupplier canOpen;
    private EntryRow row;

    /**
     * @param start   opens an action's form
     * @param opener  opens an entry's attached document
     * @param canOpen whether documents can be opened here
     */
    ChronologyCell(Consumer<CaseAction> start, Consumer<EntryRow> opener, BooleanSupplier canOpen) {
        this.canOpen = canOpen;
        approve = button("Approve", () -> start.accept(row.approve()));
        sign = button("Sign", () -> start.accept(row.sign()));
        open = button("Open", () -> opener.accept(row));
        correct = button("Correct", () -> start.accept(row.correct()));
        for (Button b : new Button[] {approve, sign, open, correct}) {
            b.getStyleClass().add("small");
        }
        HBox buttons = new HBox(6, approve, sign, open, correct);
        VBox main = new VBox(2, head, what, details, approvals, buttons);
        main.setMinWidth(0);
        HBox.setHgrow(main, Priority.ALWAYS);
        Label title = line("entry-head");
        title.setText("Corrected");
        side.getChildren().addAll(title, corrections);
        side.getStyleClass().add("correction-box");
        side.setPrefWidth(240);
        side.setMinWidth(160);
        HBox card = new HBox(10, main, side);
        card.getStyleClass().add("entry");
        box.getChildren().add(card);
    }

    @Override
    protected String show(EntryRow r) {
        row = r;
        var v = r.view();
        setId("entry-" + r.entryId());
        head.setText(r.heading());
        what.setText(v.what());
        text(details, v.details().stream().map(d -> d.text()).collect(Collectors.joining("\n")));
        text(approvals, v.approvals().stream().map(a -> a.heading() + (a.text().isEmpty() ? "" : ": " + a.text()))
                .collect(Collectors.joining("\n")));
        String said = v.kind() + " on " + r.when();
        offer(approve, r.approve() != null, "approve-" + r.entryId(), "Approve this record: " + said);
        offer(sign, r.sign() != null, "sign-" + r.entryId(), "Sign this form as the manager: " + v.what());
        offer(open, r.attachment() > 0 && canOpen.getAsBoolean(), "open-attachment-" + r.attachment(),
                "Open the attached document: " + v.what());
        offer(correct, r.correct() != null, "correct-" + r.entryId(), "Correct this record: " + said);
        side.setVisible(v.corrected());
        side.setManaged(v.corrected());
        corrections.setText(v.corrections().stream().map(c -> c.text() + "\n" + c.heading())
                .collect(Collectors.joining("\n\n")));
        return r.heading() + ". " + (v.corrected() ? v.currentText() + " (corrected; first recorded: " + v.what() + ")"
                : v.what()) + (v.approvals().isEmpty() ? "" : ". " + v.approvals().get(v.approvals().size() - 1).heading());
    }
}
