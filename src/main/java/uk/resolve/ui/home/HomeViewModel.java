/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import uk.resolve.app.CaseService;
import uk.resolve.app.Preferences;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.ui.support.Background;

/** My escalations: every case, most urgent first, filtered and searched in memory. */
public final class HomeViewModel {

    /** Which cases to show. */
    public enum Show {
        OPEN("Open cases"), ATTENTION("Overdue or immediate risk"), CLOSED("Resolved or withdrawn"), ALL("All cases");

        private final String label;

        Show(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Setting: the moment sample cases were removed; samples opened before it are hidden. */
    public static final String SAMPLES_REMOVED_AT = "ui.samples.removedAt";
    /** The reason recorded when an open sample case is withdrawn on removal. */
    public static final String SAMPLE_REMOVED = "Sample removed";

    private final CaseService cases;
    private final Preferences prefs;
    private final Background background;

    private final ObservableList<CaseRow> rows = FXCollections.observableArrayList();
    private final FilteredList<CaseRow> visible = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.OPEN);
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final BooleanProperty samplesShown = new SimpleBooleanProperty(false);

    public HomeViewModel(CaseService cases, Preferences prefs, Background background) {
        this.cases = cases;
        this.prefs = prefs;
        this.background = background;
        search.addListener((o, a, b) -> refilter());
        show.addListener((o, a, b) -> refilter());
        rows.addListener((javafx.collections.ListChangeListener<CaseRow>) ch -> refilter());
    }

    /** Reads every case off the UI thread. */
    public void load() {
        loading.set(true);
        background.run(() -> {
            Instant now = cases.now();
            Instant removedAt = prefs.get(SAMPLES_REMOVED_AT).map(Instant::parse).orElse(null);
            List<CaseRow> out = new ArrayList<>();
            for (CaseState c : cases.list()) {
                if (hiddenSample(c, removedAt)) {
                    continue;
                }
                out.add(CaseRow.of(c, cases.policyOf(c).shortName(), now, cases.calendar()));
            }
            return out;
        }, list -> {
            rows.setAll(list);
            samplesShown.set(list.stream().anyMatch(CaseRow::sample));
            error.set("");
            loading.set(false);
            loaded.set(true);
        }, msg -> {
            error.set(msg);
            loading.set(false);
        });
    }

    /**
     * Removes the sample cases from view. The record is append-only, so they are not deleted: open
     * samples are withdrawn with the reason "Sample removed", and every sample opened before now is
     * hidden from the list (a setting), whatever its state.
     */
    public void removeSamples() {
        background.run(() -> {
            Instant now = cases.now();
            for (CaseState c : cases.list()) {
                if (c.details().sample() && c.open()) {
                    cases.withdraw(c.id(), SAMPLE_REMOVED, null);
                }
            }
            prefs.put(SAMPLES_REMOVED_AT, now.toString());
            return null;
        }, v -> load(), error::set);
    }

    static boolean hiddenSample(CaseState c, Instant removedAt) {
        if (!c.details().sample()) {
            return false;
        }
        boolean removedByWithdrawal = c.status() == CaseStatus.WITHDRAWN && c.resolution() != null
                && SAMPLE_REMOVED.equals(c.resolution().outcome());
        boolean openedBeforeRemoval = removedAt != null && !c.writtenAt().isAfter(removedAt);
        return removedByWithdrawal || openedBeforeRemoval;
    }

    private void refilter() {
        String[] terms = search.get() == null || search.get().isBlank() ? new String[0]
                : search.get().strip().toLowerCase(Locale.UK).split("\\s+");
        Show s = show.get();
        Predicate<CaseRow> p = r -> switch (s) {
            case OPEN -> r.open();
            case ATTENTION -> r.open() && (r.overdue() || r.immediateRisk());
            case CLOSED -> !r.open();
            case ALL -> true;
        } && r.matches(terms);
        visible.setPredicate(p);
        long open = rows.stream().filter(CaseRow::open).count();
        long overdue = rows.stream().filter(CaseRow::overdue).count();
        summary.set(open + (open == 1 ? " open case" : " open cases") + (overdue > 0 ? ", " + overdue + " overdue" : "")
                + (visible.size() != rows.size() ? " · showing " + visible.size() + " of " + rows.size() : ""));
    }

    public Optional<UUID> firstVisible() {
        return visible.isEmpty() ? Optional.empty() : Optional.of(visible.get(0).id());
    }

    public ObservableList<CaseRow> visibleRows() {
        return visible;
    }

    public ObservableList<CaseRow> allRows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public BooleanProperty samplesShownProperty() {
        return samplesShown;
    }
}
