/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.newcase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.resolve.app.CaseService;
import uk.resolve.app.PolicyRegistry;
import uk.resolve.app.Preferences;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.Category;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.time.TypedDates;
import uk.resolve.domain.time.UkTime;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.support.DraftStore;
import uk.resolve.ui.support.Field;

/**
 * New escalation, in four steps: safety and procedure; the child and the other agency; the
 * disagreement; check and open. Every value is kept as a draft while it is typed.
 */
public final class NewCaseViewModel {

    public static final String DRAFT_KEY = "new-case";
    /** Settings remembering the worker's own details between cases. */
    public static final String LAST_RAISED_BY = "ui.newcase.raisedBy";
    public static final String LAST_AGENCY = "ui.newcase.raisedAgency";
    public static final String LAST_POLICY = "ui.newcase.policy";

    public static final List<String> STEP_TITLES = List.of("Safety and procedure", "The child and the other agency",
            "The disagreement", "Check and open");

    /** Answer to the immediate-risk question. */
    public enum Risk {
        YES("Yes — the child may be at immediate risk of harm"), NO("No");

        private final String label;

        Risk(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final CaseService cases;
    private final PolicyRegistry policies;
    private final Preferences prefs;
    private final DraftStore drafts;
    private final Background background;

    private final ObservableList<Policy> policyChoices = FXCollections.observableArrayList();
    private final ObservableList<ChildStatus> statusChoices = FXCollections.observableArrayList();
    private final ObservableList<Category> categoryChoices = FXCollections.observableArrayList();
    private final ObservableList<Integer> startStageChoices = FXCollections.observableArrayList();
    private final ObservableList<Track> trackChoices = FXCollections.observableArrayList();

    public final Field<Risk> risk = new Field<>("Whether the child is at immediate risk", true, null);
    public final Field<Policy> policy = new Field<>("Procedure", true, null);
    /** The procedure's route for this kind of disagreement; asked only when it has more than one. */
    public final Field<Track> track = new Field<>("Kind of disagreement", false,
            t -> t == null && policy.get() != null && policy.get().tracks().size() > 1
                    ? "Required: choose which kind of disagreement this is." : null, policy.valueProperty());
    public final Field<Integer> startStage = new Field<>("Stage to start at", true, null);
    public final Field<String> startReason;
    public final Field<String> childRef = Field.text("Child's reference", true);
    public final Field<String> childName = Field.text("Child's or family's name", false);
    public final Field<ChildStatus> childStatus;
    public final Field<String> raisedBy = Field.text("Your name", true);
    public final Field<String> raisedAgency = Field.text("Your agency", true);
    public final Field<String> otherAgency = Field.text("The other agency", true);
    public final Field<String> otherProfessional = Field.text("The other professional", false);
    public final Field<Category> category = new Field<>("Category of disagreement", true, null);
    public final Field<String> concern = Field.text("Your concern", true);
    public final Field<String> evidence = Field.text("Evidence for it", false);
    public final Field<String> outcomeWanted = Field.text("The outcome you want", false);
    /** When the disagreement arose: the date (required) and time (if known) of the decision or action challenged. */
    public final Field<String> aroseDate;
    public final Field<String> aroseTime;

    /** A date or a fact the procedure asks for at opening, with its answer. */
    public record Question(String id, String label, boolean required, List<String> choices, Field<String> answer) {
        /** A date question when it has no choices. */
        public boolean date() {
            return choices.isEmpty();
        }
    }

    private final ObservableList<Question> questions = FXCollections.observableArrayList();

    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty draftNote = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final StringBinding riskInstruction;
    private final BooleanBinding riskYes;
    private final BooleanBinding tracksOffered;
    private boolean restoring;

    public NewCaseViewModel(CaseService cases, PolicyRegistry policies, Preferences prefs, DraftStore drafts,
                            Background background) {
        this.cases = cases;
        this.policies = policies;
        this.prefs = prefs;
        this.drafts = drafts;
        this.background = background;
        riskYes = Bindings.createBooleanBinding(() -> risk.get() == Risk.YES, risk.valueProperty());
        startReason = new Field<>("Reason for starting at a higher stage", false,
                v -> risk.get() == Risk.YES && startStage.get() != null && startStage.get() > 1
                        && (v == null || v.isBlank())
                        ? "Required: say why the case starts at stage " + startStage.get() + "." : null,
                risk.valueProperty(), startStage.valueProperty());
        childStatus = new Field<>("The child's status", true,
                s -> s != null && policy.get() != null && !policy.get().scope().covers(s)
                        ? "The " + policy.get().shortName() + " procedure does not cover this status." : null,
                policy.valueProperty());
        riskInstruction = Bindings.createStringBinding(() -> policy.get() == null || policy.get().immediateRisk() == null
                ? "" : policy.get().immediateRisk().instruction(), policy.valueProperty());
        aroseDate = new Field<>("When the disagreement arose", true, v -> {
            java.time.LocalDate d = parseDate(v);
            if (d == null) {
                return TypedDates.impossible(v).map(why -> why + ". Check the date and give it again.")
                        .orElse("Give the date as day/month/year, for example 14/12/2026; \"" + v + "\" is not a date.");
            }
            return d.isAfter(UkTime.date(cases.now())) ? "That date is in the future. Give the date of the decision"
                    + " or action you disagree with." : null;
        });
        aroseTime = new Field<>("Time it arose", false, v -> {
            if (v == null || v.isBlank()) {
                return null;
            }
            java.time.LocalTime t = parseTime(v);
            if (t == null) {
                return "Give the time as hours and minutes, for example 09:30, or leave it empty.";
            }
            java.time.LocalDate d = parseDate(aroseDate.get());
            return d != null && UkTime.instant(d.atTime(t)).isAfter(cases.now())
                    ? "That time is in the future. Give the time it happened, or leave it empty." : null;
        }, aroseDate.valueProperty());
        tracksOffered = Bindings.createBooleanBinding(() -> policy.get() != null && policy.get().tracks().size() > 1,
                policy.valueProperty());
        policy.valueProperty().addListener((o, a, p) -> policyChanged(p));
        track.valueProperty().addListener((o, a, t) -> startStagesChanged());
        risk.valueProperty().addListener((o, a, r) -> {
            if (r != Risk.YES) {
                startStage.set(1);
            }
        });
        for (Field<?> f : fields().values()) {
            f.valueProperty().addListener((o, a, b) -> saveDraft());
        }
    }

    /** Loads the procedures, the remembered details and any draft, off the UI thread. */
    public void load() {
        background.run(() -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("policies", policies.latest());
            r.put("default", policies.defaultPolicy().map(Policy::id)
                    .or(() -> prefs.get(LAST_POLICY)).orElse(null));
            r.put("raisedBy", prefs.get(LAST_RAISED_BY).orElse(cases.author()));
            r.put("agency", prefs.get(LAST_AGENCY).orElse(""));
            r.put("draft", drafts.load(DRAFT_KEY).orElse(null));
            return r;
        }, this::loaded, error::set);
    }

    @SuppressWarnings("unchecked")
    private void loaded(Map<String, Object> r) {
        restoring = true;
        try {
            policyChoices.setAll((List<Policy>) r.get("policies"));
            String def = (String) r.get("default");
            policy.reset(policyChoices.stream().filter(p -> p.id().equals(def)).findFirst()
                    .orElse(policyChoices.isEmpty() ? null : policyChoices.get(0)));
            raisedBy.reset((String) r.get("raisedBy"));
            // Empty, not today: the worker gives the real date of the decision they disagree with.
            aroseDate.reset(null);
            raisedAgency.reset((String) r.get("agency"));
            startStage.reset(1);
            Map<String, String> draft = (Map<String, String>) r.get("draft");
            if (draft != null && !draft.isEmpty()) {
                restore(draft);
                draftNote.set("Draft restored: this is the escalation you had started"
                        + (draft.containsKey("savedAt") ? " (saved " + UkTime.format(Instant.parse(draft.get("savedAt"))) + ")" : "")
                        + ". Carry on, or choose Discard draft to start again.");
            }
        } finally {
            restoring = false;
        }
        ready.set(true);
    }

    private void policyChanged(Policy p) {
        if (p == null) {
            statusChoices.clear();
            categoryChoices.clear();
            trackChoices.clear();
            track.reset(null);
            startStageChoices.setAll(1);
            return;
        }
        trackChoices.setAll(p.tracks());
        if (p.tracks().size() == 1) {
            track.reset(p.tracks().get(0));
        } else if (track.get() != null && !p.tracks().contains(track.get())) {
            track.reset(p.track(track.get().id()).orElse(null));
        }
        List<ChildStatus> statuses = new ArrayList<>();
        for (ChildStatus s : ChildStatus.values()) {
            if (p.scope().covers(s)) {
                statuses.add(s);
            }
        }
        statusChoices.setAll(statuses);
        categoryChoices.setAll(p.categories());
        List<Question> asked = new ArrayList<>();
        for (var d : p.dates()) {
            if (d.atOpening()) {
                asked.add(new Question(d.id(), d.label(), d.required(), List.of(), new Field<>(d.label(), d.required(),
                        v -> v == null || v.isBlank() ? null : parseDate(v) == null
                                ? TypedDates.impossible(v).map(why -> why + ". Check the date and give it again.")
                                        .orElse("Give the date as day/month/year, for example 14/12/2026.") : null)));
            }
        }
        for (var f : p.facts()) {
            if (f.atOpening()) {
                asked.add(new Question(f.id(), f.label(), f.required(), f.choices(),
                        new Field<>(f.label(), f.required(), null)));
            }
        }
        questions.setAll(asked);
        if (category.get() != null && !p.categories().contains(category.get())) {
            category.set(p.category(category.get().label()).orElse(null));
        }
        startStagesChanged();
    }

    /** The route the case will follow: the one chosen, or the procedure's first. */
    public Track chosenTrack() {
        Policy p = policy.get();
        if (p == null) {
            return null;
        }
        return track.get() != null && p.tracks().contains(track.get()) ? track.get() : p.defaultTrack();
    }

    private void startStagesChanged() {
        Track t = chosenTrack();
        List<Integer> starts = new ArrayList<>();
        starts.add(1);
        if (t != null) {
            policy.get().immediateRisk().startStages().stream().sorted().filter(n -> n > 1 && n <= t.lastStage())
                    .forEach(starts::add);
        }
        startStageChoices.setAll(starts);
        if (startStage.get() == null || !starts.contains(startStage.get())) {
            startStage.set(1);
        }
    }

    /** How a stage is offered: "Stage 3 — Escalate to operational managers". */
    public String stageLabel(Integer n) {
        Policy p = policy.get();
        if (n == null || p == null) {
            return "";
        }
        return chosenTrack().stage(n).map(Stage::heading).orElse("Stage " + n);
    }

    /** The fields on each step, for validation. */
    public List<Field<?>> stepFields(int s) {
        return switch (s) {
            case 0 -> List.of(risk, policy, track, startStage, startReason);
            case 1 -> List.of(childRef, childName, childStatus, raisedBy, raisedAgency, otherAgency, otherProfessional);
            case 2 -> {
                List<Field<?>> f = new ArrayList<>(List.of(aroseDate, aroseTime, category, concern, evidence,
                        outcomeWanted));
                questions.forEach(q -> f.add(q.answer()));
                yield f;
            }
            default -> List.of();
        };
    }

    public boolean stepValid(int s) {
        return stepFields(s).stream().allMatch(Field::valid);
    }

    private static final String NEEDS_ATTENTION = "Some answers on this step need attention; see the notes beside them.";

    /** Clears "Some answers … need attention" as soon as the answers on the step are all right. */
    private void clearWhenFixed(int s) {
        for (Field<?> f : stepFields(s)) {
            f.errorBinding().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    if (!NEEDS_ATTENTION.equals(error.get()) || step.get() != s) {
                        o.removeListener(this);
                    } else if (stepValid(s)) {
                        error.set("");
                        o.removeListener(this);
                    }
                    f.errorBinding().get();
                }
            });
        }
    }

    /** The first field on the current step whose answer needs attention, if any. */
    public java.util.Optional<Field<?>> firstInError() {
        return stepFields(step.get()).stream().filter(f -> !f.valid()).findFirst();
    }

    /** Goes to the next step, or shows what is missing on this one. */
    public boolean next() {
        int s = step.get();
        if (!stepValid(s)) {
            stepFields(s).forEach(Field::reveal);
            error.set(NEEDS_ATTENTION);
            clearWhenFixed(s);
            return false;
        }
        error.set("");
        if (s < STEP_TITLES.size() - 1) {
            step.set(s + 1);
            saveDraft();
        }
        return true;
    }

    public void back() {
        error.set("");
        if (step.get() > 0) {
            step.set(step.get() - 1);
        }
    }

    /** Opens the case; {@code opened} receives its id. */
    public void submit(Consumer<UUID> opened) {
        for (int s = 0; s < STEP_TITLES.size() - 1; s++) {
            if (!stepValid(s)) {
                step.set(s);
                stepFields(s).forEach(Field::reveal);
                error.set(NEEDS_ATTENTION);
                clearWhenFixed(s);
                return;
            }
        }
        OpenCaseRequest request = request();
        busy.set(true);
        error.set("");
        background.run(() -> {
            var c = cases.open(request);
            drafts.discard(DRAFT_KEY);
            prefs.put(LAST_RAISED_BY, request.raisedBy());
            prefs.put(LAST_AGENCY, request.raisedAgency());
            prefs.put(LAST_POLICY, request.policyId());
            return c.id();
        }, id -> {
            busy.set(false);
            opened.accept(id);
        }, msg -> {
            busy.set(false);
            error.set(msg);
        });
    }

    public OpenCaseRequest request() {
        boolean immediate = risk.get() == Risk.YES;
        int start = immediate && startStage.get() != null ? startStage.get() : 1;
        Track t = chosenTrack();
        return new OpenCaseRequest(policy.get().id(), t == null ? null : t.id(), childRef.text(), childName.text(), childStatus.get(),
                raisedBy.text(), raisedAgency.text(), otherAgency.text(), otherProfessional.text(),
                category.get() == null ? null : category.get().label(), concern.text(), evidence.text(),
                outcomeWanted.text(), immediate, start, start > 1 ? startReason.text() : null, false, null)
                .with(arose(), givenDates(), givenFacts());
    }

    /** When the disagreement arose, from the date and the time if given (else the start of that day). */
    public Instant arose() {
        java.time.LocalDate d = parseDate(aroseDate.get());
        if (d == null) {
            return null;
        }
        java.time.LocalTime t = parseTime(aroseTime.get());
        return UkTime.instant(d.atTime(t == null ? java.time.LocalTime.MIDNIGHT : t));
    }

    private Map<String, Instant> givenDates() {
        Map<String, Instant> m = new LinkedHashMap<>();
        for (Question q : questions) {
            java.time.LocalDate d = q.date() ? parseDate(q.answer().get()) : null;
            if (d != null) {
                m.put(q.id(), UkTime.instant(d.atStartOfDay()));
            }
        }
        return m;
    }

    private Map<String, String> givenFacts() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Question q : questions) {
            if (!q.date() && q.answer().get() != null && !q.answer().get().isBlank()) {
                m.put(q.id(), q.answer().get());
            }
        }
        return m;
    }

    /** A date typed as 14/12/2026, 14 Dec 2026 or 2026-12-14; null when it is not a real date (31/02). */
    static java.time.LocalDate parseDate(String s) {
        return TypedDates.read(s).orElse(null);
    }

    static java.time.LocalTime parseTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip().replace('.', ':');
        if (t.matches("\\d:\\d{2}")) {
            t = "0" + t;
        }
        try {
            return java.time.LocalTime.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The dates and facts the chosen procedure asks for at opening. */
    public ObservableList<Question> questions() {
        return questions;
    }

    /** Throws the draft away and starts again. */
    @SuppressWarnings("unchecked")
    public void discardDraft() {
        drafts.discardLater(DRAFT_KEY);
        restoring = true;
        try {
            for (Field<?> f : stepFields(0)) {
                if (f != policy) {
                    ((Field<Object>) (Field<?>) f).reset(null);
                }
            }
            startStage.reset(1);
            if (trackChoices.size() == 1) {
                track.reset(trackChoices.get(0));
            }
            for (int s = 1; s <= 2; s++) {
                for (Field<?> f : stepFields(s)) {
                    if (f != raisedBy && f != raisedAgency) {
                        ((Field<Object>) (Field<?>) f).reset(null);
                    }
                }
            }
        } finally {
            restoring = false;
        }
        step.set(0);
        draftNote.set("");
        error.set("");
    }

    private Map<String, Field<?>> fields() {
        Map<String, Field<?>> m = new LinkedHashMap<>();
        m.put("risk", risk);
        m.put("policy", policy);
        m.put("track", track);
        m.put("startStage", startStage);
        m.put("startReason", startReason);
        m.put("childRef", childRef);
        m.put("childName", childName);
        m.put("childStatus", childStatus);
        m.put("raisedBy", raisedBy);
        m.put("raisedAgency", raisedAgency);
        m.put("otherAgency", otherAgency);
        m.put("otherProfessional", otherProfessional);
        m.put("category", category);
        m.put("concern", concern);
        m.put("evidence", evidence);
        m.put("outcomeWanted", outcomeWanted);
        m.put("aroseDate", aroseDate);
        m.put("aroseTime", aroseTime);
        return m;
    }

    /** The values as a draft: plain strings, so that a draft survives a change of version. */
    public Map<String, String> draft() {
        Map<String, String> m = new LinkedHashMap<>();
        fields().forEach((k, f) -> {
            Object v = f.get();
            if (v == null) {
                return;
            }
            String s = v instanceof Policy p ? p.id() : v instanceof Track t ? t.id() : v instanceof ChildStatus cs ? cs.code()
                    : v instanceof Category c ? c.label() : v instanceof Risk r ? r.name() : v.toString();
            if (!s.isBlank()) {
                m.put(k, s);
            }
        });
        m.put("step", Integer.toString(step.get()));
        return m;
    }

    private boolean worthKeeping(Map<String, String> d) {
        return d.keySet().stream().anyMatch(k -> !List.of("step", "policy", "track", "raisedBy", "raisedAgency", "startStage",
                        "aroseDate")
                .contains(k));
    }

    private void saveDraft() {
        if (restoring || !ready.get()) {
            return;
        }
        Map<String, String> d = draft();
        if (worthKeeping(d)) {
            d.put("savedAt", cases.now().toString());
            drafts.saveLater(DRAFT_KEY, d);
        }
    }

    private void restore(Map<String, String> d) {
        policyChoices.stream().filter(p -> p.id().equals(d.get("policy"))).findFirst().ifPresent(policy::set);
        if (policy.get() != null && d.containsKey("track")) {
            policy.get().track(d.get("track")).ifPresent(track::set);
        }
        if (d.containsKey("risk")) {
            risk.set(Risk.valueOf(d.get("risk")));
        }
        if (d.containsKey("startStage")) {
            startStage.set(Integer.valueOf(d.get("startStage")));
        }
        startReason.set(d.get("startReason"));
        childRef.set(d.get("childRef"));
        childName.set(d.get("childName"));
        ChildStatus.fromCode(d.getOrDefault("childStatus", "")).ifPresent(childStatus::set);
        if (d.containsKey("raisedBy")) {
            raisedBy.set(d.get("raisedBy"));
        }
        if (d.containsKey("raisedAgency")) {
            raisedAgency.set(d.get("raisedAgency"));
        }
        otherAgency.set(d.get("otherAgency"));
        otherProfessional.set(d.get("otherProfessional"));
        if (policy.get() != null && d.containsKey("category")) {
            policy.get().category(d.get("category")).ifPresent(category::set);
        }
        concern.set(d.get("concern"));
        evidence.set(d.get("evidence"));
        outcomeWanted.set(d.get("outcomeWanted"));
        if (d.containsKey("aroseDate")) {
            aroseDate.set(d.get("aroseDate"));
        }
        aroseTime.set(d.get("aroseTime"));
        step.set(Math.max(0, Math.min(STEP_TITLES.size() - 1, Integer.parseInt(d.getOrDefault("step", "0")))));
    }

    public ObservableList<Policy> policyChoices() {
        return policyChoices;
    }

    public ObservableList<ChildStatus> statusChoices() {
        return statusChoices;
    }

    public ObservableList<Category> categoryChoices() {
        return categoryChoices;
    }

    public ObservableList<Integer> startStageChoices() {
        return startStageChoices;
    }

    /** The procedure's routes (one for most procedures). */
    public ObservableList<Track> trackChoices() {
        return trackChoices;
    }

    /** True when the procedure has more than one route, so the worker must choose. */
    public BooleanBinding tracksOfferedBinding() {
        return tracksOffered;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty draftNoteProperty() {
        return draftNote;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty readyProperty() {
        return ready;
    }

    public StringBinding riskInstructionBinding() {
        return riskInstruction;
    }

    public BooleanBinding riskYesBinding() {
        return riskYes;
    }

    /** One answer on the check-your-answers step, with the step where it is given. */
    public record ReviewLine(String key, String value, int step) {
    }

    /** Every answer, shown on the last step, each with the step to go back to for changing it. */
    public List<ReviewLine> review() {
        List<ReviewLine> out = new ArrayList<>();
        Policy p = policy.get();
        out.add(new ReviewLine("Immediate risk", risk.get() == Risk.YES ? "Yes" : "No", 0));
        out.add(new ReviewLine("Procedure", p == null ? "" : p.name() + " (" + p.shortName() + ")", 0));
        if (p != null && p.tracks().size() > 1 && chosenTrack() != null) {
            out.add(new ReviewLine("Kind of disagreement", chosenTrack().name(), 0));
        }
        int start = risk.get() == Risk.YES && startStage.get() != null ? startStage.get() : 1;
        out.add(new ReviewLine("Starts at", stageLabel(start), 0));
        if (start > 1) {
            out.add(new ReviewLine("Reason for starting there", nz(startReason.text()), 0));
        }
        out.add(new ReviewLine("Child's reference", nz(childRef.text()), 1));
        out.add(new ReviewLine("Child's or family's name", nz(childName.text()), 1));
        out.add(new ReviewLine("Child's status", childStatus.get() == null ? "" : childStatus.get().label(), 1));
        out.add(new ReviewLine("Raised by", nz(raisedBy.text()) + ", " + nz(raisedAgency.text()), 1));
        out.add(new ReviewLine("Other agency", nz(otherAgency.text())
                + (otherProfessional.text() == null ? "" : " (" + otherProfessional.text() + ")"), 1));
        out.add(new ReviewLine("Disagreement arose", nz(aroseDate.text())
                + (aroseTime.text() == null ? "" : " at " + aroseTime.text()), 2));
        for (Question q : questions) {
            out.add(new ReviewLine(q.label(), q.answer().text() == null ? "—" : q.answer().text(), 2));
        }
        out.add(new ReviewLine("Category", category.get() == null ? "" : category.get().label(), 2));
        out.add(new ReviewLine("Concern", nz(concern.text()), 2));
        out.add(new ReviewLine("Evidence", nz(evidence.text()), 2));
        out.add(new ReviewLine("Outcome wanted", nz(outcomeWanted.text()), 2));
        return out;
    }

    /** Goes back to an earlier step to change an answer (from the check-your-answers step). */
    public void change(int s) {
        if (s >= 0 && s < step.get()) {
            error.set("");
            step.set(s);
        }
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
