/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.resolve.app.CaseService;
import uk.resolve.app.Preferences;
import uk.resolve.domain.escalation.CaseListing;
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
    private final ObservableList<CaseRow> shown = FXCollections.observableArrayList();
    private final ObservableList<CaseRow> visible = FXCollections.unmodifiableObservableList(shown);
    /** What {@link #shown} was filtered by, and the counts over every row (worked out when the rows change). */
    private String shownSearch;
    private Show shownFor;
    private long openCount;
    private long overdueCount;
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
        search.addListener((o, a, b) -> refilter(false));
        show.addListener((o, a, b) -> refilter(true));
    }

    private record ProcedureKey(String id, String version) {
    }

    private record Procedure(String shortName, uk.resolve.domain.time.WorkingCalendar calendar) {
    }

    /** The rows as loaded, with what the UI thread would otherwise work out over all of them. */
    private record Loaded(List<CaseRow> rows, long open, long overdue, boolean samples, Show show, String typed,
                          List<CaseRow> shown) {
    }

    /**
     * Reads every case off the UI thread, and works out there too what the list shows first (for the
     * search and choice of cases as they were when asked), so that 50,000 rows arrive on the UI
     * thread ready to show.
     */
    public void load() {
        loading.set(true);
        Show forShow = show.get();
        String forSearch = typed();
        background.run(() -> {
            Instant now = cases.now();
            Instant removedAt = prefs.get(SAMPLES_REMOVED_AT).map(Instant::parse).orElse(null);
            // rows are made case by case: the list keeps only what it shows, never 50,000 cases' states, and
            // the texts many rows have alike once
            CaseRow.Maker rows = new CaseRow.Maker(now);
            // read from the list's stored rows: no case's state is parsed or replayed
            java.util.Map<ProcedureKey, Procedure> procedures = new java.util.HashMap<>();
            List<CaseRow> list = cases.listings(c -> {
                if (hiddenSample(c, removedAt)) {
                    return null;
                }
                Procedure p = procedures.computeIfAbsent(new ProcedureKey(c.policyId(), c.policyVersion()), k -> {
                    var policy = cases.policyOf(c);
                    return new Procedure(policy.shortName(), cases.calendar().forCalendar(policy.calendar()));
                });
                return rows.row(c, p.shortName(), p.calendar());
            });
            long open = 0;
            long overdue = 0;
            boolean samples = false;
            for (CaseRow r : list) {
                open += r.open() ? 1 : 0;
                overdue += r.overdue() ? 1 : 0;
                samples |= r.sample();
            }
            return new Loaded(list, open, overdue, samples, forShow, forSearch, filter(list, forShow, forSearch));
        }, l -> {
            openCount = l.open();
            overdueCount = l.overdue();
            rows.setAll(l.rows());
            if (show.get() == l.show() && typed().equals(l.typed())) {
                show(l.shown(), l.show(), l.typed());
            } else {
                refilter(true);
            }
            samplesShown.set(l.samples());
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
            for (UUID id : cases.list(c -> c.details().sample() && c.open() ? c.id() : null)) {
                cases.withdraw(id, SAMPLE_REMOVED, null);
            }
            prefs.put(SAMPLES_REMOVED_AT, now.toString());
            return null;
        }, v -> load(), error::set);
    }

    static boolean hiddenSample(CaseListing c, Instant removedAt) {
        if (!c.sample()) {
            return false;
        }
        boolean removedByWithdrawal = c.status() == CaseStatus.WITHDRAWN && SAMPLE_REMOVED.equals(c.sampleOutcome());
        boolean openedBeforeRemoval = removedAt != null && !c.writtenAt().isAfter(removedAt);
        return removedByWithdrawal || openedBeforeRemoval;
    }

    /**
     * Shows the rows that match the search and the choice of cases, in the list's order. Runs on the
     * UI thread at every keystroke: typing more of a search can only narrow what is shown, so then
     * only the rows shown already are looked at.
     */
    private void refilter(boolean everyRow) {
        String typed = typed();
        Show s = show.get();
        boolean narrowing = !everyRow && s == shownFor && shownSearch != null && typed.startsWith(shownSearch);
        show(filter(narrowing ? shown : rows, s, typed), s, typed);
    }

    private String typed() {
        return search.get() == null ? "" : search.get().strip().toLowerCase(Locale.UK);
    }

    private static List<CaseRow> filter(List<CaseRow> from, Show s, String typed) {
        String[] terms = typed.isEmpty() ? new String[0] : typed.split("\\s+");
        List<CaseRow> out = new ArrayList<>();
        for (CaseRow r : from) {
            if (shows(s, r) && r.matches(terms)) {
                out.add(r);
            }
        }
        return out;
    }

    private void show(List<CaseRow> out, Show s, String typed) {
        if (!sameRows(out, shown)) {
            shown.setAll(out);
        }
        shownSearch = typed;
        shownFor = s;
        summary.set(openCount + (openCount == 1 ? " open case" : " open cases")
                + (overdueCount > 0 ? ", " + overdueCount + " overdue" : "")
                + (visible.size() != rows.size() ? " · showing " + visible.size() + " of " + rows.size() : ""));
    }

    private static boolean shows(Show s, CaseRow r) {
        return switch (s) {
            case OPEN -> r.open();
            case ATTENTION -> r.open() && (r.overdue() || r.immediateRisk());
            case CLOSED -> !r.open();
            case ALL -> true;
        };
    }

    private static boolean sameRows(List<CaseRow> a, List<CaseRow> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
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
