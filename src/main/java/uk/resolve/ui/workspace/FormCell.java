/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import uk.resolve.domain.workspace.CaseScreen.Form;
import uk.resolve.ui.support.RowCell;

/** A form the procedure asks for: whether it is done, Open, and Prepare e-mail once it is completed. */
final class FormCell extends RowCell<Form> {

    private final Label text = line();
    private final Button open;
    private final Button email;
    private final BooleanSupplier canEmail;
    private Form form;

    FormCell(Consumer<Form> opener, Consumer<Form> emailer, BooleanSupplier canEmail) {
        this.canEmail = canEmail;
        open = button("Open", () -> opener.accept(form));
        email = button("Prepare e-mail", () -> emailer.accept(form));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text, open, email);
        row.getStyleClass().add("due-row");
        box.getChildren().add(row);
    }

    @Override
    protected String show(Form f) {
        form = f;
        String key = f.form() + "-" + f.stage();
        text.setText(f.text());
        text.setId("form-" + key);
        text.getStyleClass().removeAll("item-done", "item-due");
        text.getStyleClass().add(f.completed() ? "item-done" : "item-due");
        offer(open, true, "openForm-" + key, "Open the form " + f.title());
        offer(email, f.completed() && canEmail.getAsBoolean(), "prepareFormEmail-" + key,
                "Prepare an e-mail sending the " + f.title() + " in your mail program");
        return f.text();
    }
}
