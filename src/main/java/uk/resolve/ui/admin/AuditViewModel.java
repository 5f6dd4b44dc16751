/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.admin;

import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.resolve.app.AuditLog;
import uk.resolve.domain.audit.AuditEvent;
import uk.resolve.ui.support.Background;

/** The audit log, for administrators and the business team: the latest events, a check of the chain, a CSV export. */
public final class AuditViewModel {

    /** How many of the newest events the table shows. */
    public static final int SHOWN = 500;

    private final AuditLog audit;
    private final Background background;
    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty verdict = new SimpleStringProperty("");
    private final BooleanProperty intact = new SimpleBooleanProperty(true);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty done = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public AuditViewModel(AuditLog audit, Background background) {
        this.audit = audit;
        this.background = background;
    }

    /** Reads the newest events, newest first. */
    public void load() {
        busy.set(true);
        background.run(() -> new Object[] {audit.latest(SHOWN), audit.count()}, v -> {
            busy.set(false);
            @SuppressWarnings("unchecked")
            List<AuditEvent> list = new java.util.ArrayList<>((List<AuditEvent>) v[0]);
            java.util.Collections.reverse(list);
            events.setAll(list);
            long count = (Long) v[1];
            summary.set(count <= SHOWN ? count + " events, newest first."
                    : "The newest " + SHOWN + " of " + count + " events, newest first. Export as CSV to see them all.");
        }, this::failed);
    }

    /** Checks every event's hash and link to the one before. */
    public void verify() {
        busy.set(true);
        verdict.set("");
        background.run(audit::verify, breaks -> {
            busy.set(false);
            intact.set(breaks.isEmpty());
            verdict.set(breaks.isEmpty()
                    ? "Intact: every event is unchanged and in order since the log began."
                    : "Broken: " + breaks.size() + (breaks.size() == 1 ? " problem. " : " problems. ")
                    + String.join(" ", breaks.subList(0, Math.min(5, breaks.size())))
                    + (breaks.size() > 5 ? " …" : "") + " Tell your administrator: the database may have been altered.");
        }, this::failed);
    }

    /** Writes the whole log to {@code file} as CSV (recorded in the log itself). */
    public void exportTo(Path file) {
        busy.set(true);
        done.set("");
        background.run(() -> audit.exportCsv(file), f -> {
            busy.set(false);
            done.set("Saved the audit log to " + f + ".");
            load();
        }, this::failed);
    }

    private void failed(String msg) {
        busy.set(false);
        error.set(msg);
    }

    public ObservableList<AuditEvent> events() {
        return events;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** The result of the last check; empty before. */
    public StringProperty verdictProperty() {
        return verdict;
    }

    public BooleanProperty intactProperty() {
        return intact;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty doneProperty() {
        return done;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
