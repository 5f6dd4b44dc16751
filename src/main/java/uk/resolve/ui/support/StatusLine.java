/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * The line at the bottom of the window: a short message, and room for other features (sync,
 * sign-in) to add their own indicators.
 */
public final class StatusLine {

    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<Node> items = FXCollections.observableArrayList();

    public StringProperty messageProperty() {
        return message;
    }

    public void show(String text) {
        message.set(text);
    }

    /** Indicators shown at the right of the status line, in order. */
    public ObservableList<Node> items() {
        return items;
    }
}
