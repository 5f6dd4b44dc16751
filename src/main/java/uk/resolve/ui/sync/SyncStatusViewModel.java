/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import uk.resolve.app.SyncService;
import uk.resolve.domain.time.UkTime;
import uk.resolve.ui.support.Background;

/**
 * The status line's text ("Last synced 10:42 · 3 changes waiting", "Shared drive unreachable —
 * working offline"), kept up to date from the sync service's reports on the JavaFX thread.
 */
public final class SyncStatusViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final SyncService service;
    private final Background background;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(false);
    private final Consumer<SyncService.Status> listener = s -> Platform.runLater(() -> show(s));

    /** @param background the task runner, which reads the status off the JavaFX thread */
    public SyncStatusViewModel(SyncService service, Background background) {
        this.service = service;
        this.background = background;
        service.addListener(listener);
    }

    /** Reads the status afresh (off the JavaFX thread) and shows it. */
    public void refresh() {
        background.read(service::status, this::show, message -> {
            text.set("Sync status unavailable");
            detail.set(message);
        });
    }

    /** Stops listening to the service (when the window closes). */
    public void dispose() {
        service.removeListener(listener);
    }

    void show(SyncService.Status s) {
        text.set(describe(s, UkTime.date(Instant.now())));
        detail.set(s.message() != null ? s.message()
                : s.sharedFile() != null ? "Shared file: " + s.sharedFile() : "No shared file chosen");
        problem.set(s.state() == SyncService.State.OFFLINE || s.state() == SyncService.State.PROBLEM
                || s.state() == SyncService.State.NEEDS_KEY);
    }

    /** The one-line text for a status, with {@code today} deciding whether the date is shown. */
    static String describe(SyncService.Status s, LocalDate today) {
        String waiting = s.pending() <= 0 ? "" : " · " + s.pending() + (s.pending() == 1 ? " change" : " changes")
                + " waiting";
        return switch (s.state()) {
            case NOT_SET_UP -> "Not syncing: no shared file chosen";
            case NEVER_SYNCED -> "Not synced yet" + waiting;
            case SYNCING -> "Syncing…";
            case SYNCED -> "Last synced " + when(s.lastSynced(), today) + waiting;
            case OFFLINE -> (s.server() != null ? "Server unreachable" : "Shared drive unreachable")
                    + " — working offline" + waiting;
            case NEEDS_KEY -> "Not syncing: the team key is needed (see Sync settings)" + waiting;
            case PROBLEM -> "Sync stopped: see Sync settings" + waiting;
        };
    }

    private static String when(Instant at, LocalDate today) {
        if (at == null) {
            return "never";
        }
        String time = UkTime.local(at).format(TIME);
        return UkTime.date(at).equals(today) ? time : UkTime.formatDate(UkTime.date(at)) + ", " + time;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
