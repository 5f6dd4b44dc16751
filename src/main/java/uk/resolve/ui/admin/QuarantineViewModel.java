/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.admin;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.resolve.app.QuarantineService;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.ui.support.Background;

/**
 * The quarantine, for administrators: the entries sync and import set aside because they failed their
 * checks (which device, author and case, from where, why; never their content, and a case by its id,
 * as administrators hold no case keys): one checked again and released into the record when it now
 * passes, one discarded for good, or all cleared.
 */
public final class QuarantineViewModel {

    private final QuarantineService quarantine;
    private final Background background;
    private final ObservableList<Quarantined> items = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty done = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** What the discarded entries came to, said after the summary ("" when none was discarded). */
    private String discarded = "";

    public QuarantineViewModel(QuarantineService quarantine, Background background) {
        this.quarantine = quarantine;
        this.background = background;
    }

    /** Reads the quarantine, newest first. */
    public void load() {
        busy.set(true);
        background.run(() -> new Object[] {quarantine.list(), quarantine.discardedSummary()}, v -> {
            discarded = (String) v[1];
            @SuppressWarnings("unchecked")
            List<Quarantined> now = (List<Quarantined>) v[0];
            show(now);
        }, this::failed);
    }

    /**
     * Checks {@code q} again off the UI thread: taken into the record when it now passes, or left in
     * quarantine with why it still fails (shown as an error).
     */
    public void release(Quarantined q) {
        act(() -> quarantine.release(q));
    }

    /** Discards {@code q} for good: the same entry offered again is skipped. */
    public void discard(Quarantined q) {
        act(() -> quarantine.discard(q));
    }

    private void act(java.util.concurrent.Callable<QuarantineService.Outcome> work) {
        busy.set(true);
        error.set("");
        done.set("");
        background.run(() -> {
            QuarantineService.Outcome outcome = work.call();
            return new Object[] {outcome, quarantine.list(), quarantine.discardedSummary()};
        }, v -> {
            QuarantineService.Outcome outcome = (QuarantineService.Outcome) v[0];
            (outcome.done() ? done : error).set(outcome.message());
            discarded = (String) v[2];
            @SuppressWarnings("unchecked")
            List<Quarantined> now = (List<Quarantined>) v[1];
            show(now);
        }, this::failed);
    }

    /** Empties the quarantine. */
    public void clearAll() {
        busy.set(true);
        error.set("");
        done.set("");
        background.run(() -> {
            int n = quarantine.clear();
            return new Object[] {n, quarantine.list()};
        }, v -> {
            int n = (Integer) v[0];
            done.set("Cleared " + n + (n == 1 ? " entry" : " entries") + " from the quarantine.");
            @SuppressWarnings("unchecked")
            List<Quarantined> now = (List<Quarantined>) v[1];
            show(now);
        }, this::failed);
    }

    private void show(List<Quarantined> list) {
        busy.set(false);
        items.setAll(list);
        summary.set((list.isEmpty() ? "The quarantine is empty: no entry has been set aside."
                : list.size() + (list.size() == 1 ? " entry" : " entries") + " set aside, newest first.")
                + (discarded.isEmpty() ? "" : " " + discarded));
    }

    private void failed(String msg) {
        busy.set(false);
        error.set(msg);
    }

    /** Who wrote it, when it could be read. */
    public static String author(Quarantined q) {
        return q.caseId() == null || q.author() == null || q.author().isBlank() ? "unknown" : q.author();
    }

    /** The case by its id (never the child's reference: administrators hold no case keys). */
    public static String caseShown(Quarantined q) {
        return q.caseId() == null ? "unknown (the entry could not be read)" : q.caseId().toString();
    }

    /** The device it was written on, shortened, and its place in that device's chain. */
    public static String device(Quarantined q) {
        String d = q.device() == null ? "" : q.device();
        return (d.length() > 8 ? d.substring(0, 8) + "…" : d) + (q.deviceSeq() > 0 ? " #" + q.deviceSeq() : "");
    }

    /** All of it, for the chosen entry. */
    public static String detail(Quarantined q) {
        return "Entry " + q.entryId() + ": " + (Quarantined.OUTGOING.equals(q.direction())
                ? "this computer's own, held back from " : "set aside from ") + q.source() + ". Device " + q.device()
                + (q.deviceSeq() > 0 ? ", entry #" + q.deviceSeq() : "") + ". Author " + author(q) + ", case "
                + caseShown(q) + ". Why: " + q.reason() + ". " + (q.outgoing()
                ? "It stays in this computer's record and is never sent while it fails; it cannot be discarded."
                : q.kept() ? "Kept as received: it can be checked again and released, or discarded."
                : "Not kept (it could not be opened, or was too large): releasing it lets the next sync check it again.");
    }

    /** Which way it was going, in words. */
    public static String direction(Quarantined q) {
        return Quarantined.OUTGOING.equals(q.direction()) ? "Held back, not sent" : "Set aside, not taken in";
    }

    public ObservableList<Quarantined> items() {
        return items;
    }

    public StringProperty summaryProperty() {
        return summary;
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
