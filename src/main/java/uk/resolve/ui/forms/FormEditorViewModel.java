/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

import uk.resolve.app.FormService;
import uk.resolve.domain.policy.FieldKind;
import uk.resolve.domain.policy.FormField;
import uk.resolve.domain.policy.FormSection;
import uk.resolve.domain.policy.SignatureBlock;
import uk.resolve.domain.time.UkTime;
import uk.resolve.forms.FieldValue;
import uk.resolve.forms.FilledForm;
import uk.resolve.forms.FormDocuments;
import uk.resolve.forms.FormFiller;
import uk.resolve.pdf.PdfPreview;
import uk.resolve.pdf.PdfPrinter;
import uk.resolve.ui.support.Field;

/**
 * The state of the form editor: the answers (pre-filled from the case), what is missing or wrong,
 * the preview's pages, and the actions Save to case record, Save as PDF and Print. Work with the
 * database, PDFs or the printer runs on {@code background}; results come back on {@code ui}.
 * Never touches a node.
 */
public final class FormEditorViewModel {

    /**
     * A heading of the form and the answers under it, by the id each is stored under, in order. The
     * answers are the {@link Field}s every form of Resolve uses; {@code Controls} makes their controls.
     */
    public record Section(String title, Map<String, Field<String>> fields) {
        public Section {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    private final FormService forms;
    private final PdfPrinter printer;
    private final UUID caseId;
    private final String formId;
    private final int requestedStage;
    private final Executor background;
    private final Executor ui;

    /** Every answer by its id, in the order shown. */
    private final Map<String, Field<String>> fields = new LinkedHashMap<>();
    /** What the form's own checks say of each answer (the child's name, not a date …), null when nothing. */
    private final Map<String, StringProperty> problems = new LinkedHashMap<>();
    private final Set<String> edited = new HashSet<>();
    /** The answer each problem above was found in. */
    private final Map<String, String> checkedAnswers = new HashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final ObservableList<Image> previewPages = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("Loading the form…");
    private final StringProperty subtitle = new SimpleStringProperty("");
    private final StringProperty missing = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty complete = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty previewing = new SimpleBooleanProperty(false);
    private final BooleanProperty changed = new SimpleBooleanProperty(false);

    private final AtomicReference<Supplier<byte[]>> pendingPreview = new AtomicReference<>();
    private final AtomicBoolean previewRunning = new AtomicBoolean();
    private FormService.Editing editing;
    private FilledForm current;
    private boolean updating;

    public FormEditorViewModel(FormService forms, PdfPrinter printer, UUID caseId, String formId, int stage,
                               Executor background, Executor ui) {
        this.forms = forms;
        this.printer = printer;
        this.caseId = caseId;
        this.formId = formId;
        this.requestedStage = stage;
        this.background = background;
        this.ui = ui;
    }

    /** Reads the case and pre-fills the form, in the background. */
    public void load() {
        busy.set(true);
        background.execute(() -> {
            try {
                FormService.Editing e = forms.edit(caseId, formId, requestedStage);
                // pre-filled here too, off the application thread, which only puts the answers in place
                FilledForm first = e.definition() == null ? null : e.fill(Map.of());
                ui.execute(() -> loaded(e, first));
            } catch (RuntimeException ex) {
                ui.execute(() -> failed("The form could not be opened: ", ex));
            }
        });
    }

    private void loaded(FormService.Editing e, FilledForm first) {
        editing = e;
        busy.set(false);
        if (isChronology()) {
            title.set(FormDocuments.CHRONOLOGY_TITLE);
            subtitle.set("Every entry in the case record, for the child's file.");
            complete.set(true);
            loaded.set(true);
            requestPreview();
            return;
        }
        title.set(e.definition().title());
        subtitle.set("Stage " + e.stage() + (e.definition().anonymous()
                ? " · Anonymous: do not include details of any child or family." : ""));
        for (FormSection s : e.definition().sections()) {
            Map<String, Field<String>> in = new LinkedHashMap<>();
            for (FormField f : s.fields()) {
                in.put(f.id(), answer(f.id(), f.label(), f.help(), f.kind(), f.choices(), f.required()));
            }
            sections.add(new Section(s.title(), in));
        }
        for (SignatureBlock b : e.definition().signatures()) {
            Map<String, Field<String>> in = new LinkedHashMap<>();
            for (String part : SignatureBlock.PARTS) {
                boolean date = part.equals("date");
                in.put(b.fieldId(part), answer(b.fieldId(part), SignatureBlock.partLabel(part),
                        date ? "Leave blank to date it by hand when signing." : null,
                        date ? FieldKind.DATE : FieldKind.TEXT, List.of(), b.required() && !date));
            }
            sections.add(new Section(b.title(), in));
        }
        apply(first);
        fields.forEach((id, f) -> f.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                edited.add(id);
                changed.set(true);
                revalidate();
            }
        }));
        loaded.set(true);
        requestPreview();
    }

    /** Checks every answer again (in memory) and refreshes the preview. */
    public void revalidate() {
        if (editing == null || isChronology()) {
            return;
        }
        apply(editing.fill(userValues()));
        requestPreview();
    }

    /** One answer, entered as its kind asks; its message is the form's own check of it. */
    private Field<String> answer(String id, String label, String help, FieldKind kind, List<String> choices,
                                 boolean required) {
        StringProperty problem = new SimpleStringProperty();
        problems.put(id, problem);
        // the form's check holds for the answer it was made on: while a new answer awaits its check, no
        // stale message flashes up (and leaves its line behind)
        Field<String> f = new Field<String>(label, required,
                v -> (v == null ? "" : v).equals(checkedAnswers.get(id)) ? problem.get() : null, problem);
        String hint = kind == FieldKind.NUMBER ? join(help, "A whole number.") : help;
        f.hint(hint);
        switch (kind) {
            case LONG_TEXT -> f.as(Field.Input.AREA);
            case DATE -> f.as(Field.Input.DATE).keepingDates(FormFiller::date, UkTime::formatDate);
            case CHOICE -> {
                List<Field.Choice> offered = new ArrayList<>();
                if (!required) {
                    offered.add(new Field.Choice("", "Not answered"));
                }
                choices.forEach(c -> offered.add(new Field.Choice(c, c)));
                f.as(Field.Input.CHOICE).offering(offered);
            }
            default -> f.as(Field.Input.LINE);
        }
        f.reset("");
        fields.put(id, f);
        return f;
    }

    private static String join(String help, String more) {
        return help == null || help.isBlank() ? more : help.strip() + (help.strip().endsWith(".") ? " " : ". ") + more;
    }

    private void apply(FilledForm form) {
        current = form;
        updating = true;
        try {
            fields.forEach((id, f) -> {
                FieldValue v = form.value(id).orElseThrow();
                String now = f.get() == null ? "" : f.get();
                if (v.origin() != FieldValue.Origin.USER && !now.equals(v.value()) && now.isBlank()) {
                    // filled in for the person: not their change, so no message shows for it yet
                    f.reset(v.value());
                }
                checkedAnswers.put(id, f.get() == null ? "" : f.get());
                // told again even when worded as before: it now speaks of the new answer
                problems.get(id).set(null);
                problems.get(id).set(v.problem());
                f.noteProperty().set(switch (v.origin()) {
                    case CASE -> "From the case record";
                    case EARLIER_VERSION -> "From the earlier version";
                    default -> "";
                });
            });
        } finally {
            updating = false;
        }
        complete.set(form.complete());
        missing.set(form.complete() ? "Ready to finalise." : form.problemSummary());
    }

    /** The answers the user has typed or changed (a cleared pre-filled answer stays cleared). */
    private Map<String, String> userValues() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((id, f) -> {
            if (edited.contains(id)) {
                out.put(id, f.get() == null ? "" : f.get());
            }
        });
        return out;
    }

    private boolean isChronology() {
        return FormDocuments.CHRONOLOGY.equals(formId);
    }

    /** The PDF as it stands: final when complete, otherwise a draft with the gaps marked. */
    private Supplier<byte[]> document() {
        Supplier<FormService.Rendered> r = rendered();
        return () -> r.get().pdf();
    }

    private Supplier<FormService.Rendered> rendered() {
        if (isChronology()) {
            return () -> forms.chronology(caseId, false);
        }
        FilledForm form = current;
        FormService.Editing e = editing;
        return () -> e.render(form, !form.complete());
    }

    private String fileName() {
        if (isChronology()) {
            return FormDocuments.fileName(FormDocuments.CHRONOLOGY, editing.state().id(),
                    uk.resolve.domain.time.UkTime.date(java.time.Instant.now()));
        }
        return FormDocuments.fileName(formId + (current.complete() ? "" : "-draft"), current.caseId(),
                current.date());
    }

    /** Redraws the preview in the background; while one is drawn, only the latest request waits. */
    public void requestPreview() {
        if (editing == null) {
            return;
        }
        pendingPreview.set(document());
        previewing.set(true);
        if (previewRunning.compareAndSet(false, true)) {
            background.execute(this::drawPreviews);
        }
    }

    private void drawPreviews() {
        try {
            Supplier<byte[]> next;
            while ((next = pendingPreview.getAndSet(null)) != null) {
                try {
                    // drawn and turned into JavaFX images here: the application thread only shows them
                    List<Image> pages = PdfPreview.pages(next.get(), PREVIEW_DPI).stream()
                            .map(uk.resolve.ui.support.FxImages::of).toList();
                    ui.execute(() -> previewPages.setAll(pages));
                } catch (RuntimeException ex) {
                    ui.execute(() -> failed("The preview could not be drawn: ", ex));
                }
            }
        } finally {
            previewRunning.set(false);
            if (pendingPreview.get() != null && previewRunning.compareAndSet(false, true)) {
                background.execute(this::drawPreviews);
            } else {
                // read on the application thread: a preview asked for meanwhile keeps the note up
                ui.execute(() -> previewing.set(previewRunning.get() || pendingPreview.get() != null));
            }
        }
    }

    /** Saves the completed form in the case record as a new version. */
    public void saveToRecord() {
        if (editing == null || isChronology()) {
            return;
        }
        if (!current.complete()) {
            // every message shows now, beside its answer, not only in the summary
            fields.values().forEach(Field::reveal);
            status.set("Not saved. " + current.problemSummary());
            return;
        }
        Map<String, String> values = userValues();
        int stage = editing.stage();
        busy.set(true);
        // said at once, beside the buttons: a save can take a moment on a busy laptop
        status.set("Saving in the case record…");
        background.execute(() -> {
            try {
                int before = forms.versions(caseId, formId).size();
                forms.complete(caseId, formId, stage, values);
                int after = forms.versions(caseId, formId).size();
                ui.execute(() -> {
                    busy.set(false);
                    changed.set(false);
                    status.set(after > before ? "Saved in the case record as version " + after + "."
                            : "The case record already holds these answers for stage " + stage + ".");
                });
            } catch (RuntimeException ex) {
                ui.execute(() -> failed("Not saved: ", ex));
            }
        });
    }

    /** The file name Save as PDF suggests. */
    public String suggestedFileName() {
        return editing == null ? formId + ".pdf" : fileName();
    }

    /** Writes the PDF (a draft while anything is missing) to {@code file}. */
    public void saveAs(Path file, boolean archival) {
        if (editing == null) {
            return;
        }
        FilledForm form = current;
        busy.set(true);
        status.set("Writing the PDF…");
        background.execute(() -> {
            try {
                FormService.Rendered r = isChronology() ? forms.chronology(caseId, archival)
                        : forms.render(form, !form.complete(), archival);
                forms.write(r, file);
                ui.execute(() -> {
                    busy.set(false);
                    status.set((form != null && !form.complete() ? "Draft saved to " : "Saved to ") + file + ".");
                });
            } catch (java.io.IOException | RuntimeException ex) {
                ui.execute(() -> failed("The PDF could not be saved: ", ex));
            }
        });
    }

    /** Opens the system print dialog (in the background) and prints the PDF. */
    public void print() {
        if (editing == null) {
            return;
        }
        Supplier<FormService.Rendered> doc = rendered();
        String job = title.get();
        busy.set(true);
        status.set("Preparing the form for the printer…");
        background.execute(() -> {
            try {
                FormService.Rendered r = doc.get();
                boolean printed = printer.print(r.pdf(), job);
                if (printed) {
                    forms.printed(r.subject());
                }
                ui.execute(() -> {
                    busy.set(false);
                    status.set(printed ? "Sent to the printer." : "Printing cancelled.");
                });
            } catch (Exception ex) {
                ui.execute(() -> failed("Not printed: ", ex));
            }
        });
    }

    private void failed(String what, Throwable ex) {
        busy.set(false);
        status.set(what + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
    }

    /** The form's headings with their answers, once loaded; empty for the chronology. */
    public List<Section> sections() {
        return java.util.Collections.unmodifiableList(sections);
    }

    /** Every answer by the id it is stored under, in the order shown. */
    public Map<String, Field<String>> fields() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** The id of the first answer whose message shows, if any (where Save sends the focus). */
    public java.util.Optional<String> firstShownProblem() {
        return fields.entrySet().stream().filter(e -> !e.getValue().shownErrorBinding().get().isEmpty())
                .map(Map.Entry::getKey).findFirst();
    }

    /** True when answers were changed since the form was opened or last saved to the record. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed;
    }

    /** True while the preview is being drawn (the preview pane says so, where the person is looking). */
    public ReadOnlyBooleanProperty previewingProperty() {
        return previewing;
    }

    public ObservableList<Image> previewPages() {
        return previewPages;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle;
    }

    /** What still stops the form being finalised, or "Ready to finalise." */
    public ReadOnlyStringProperty missingProperty() {
        return missing;
    }

    /** The outcome of the last action. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty completeProperty() {
        return complete;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Sharp enough to read a page fitted to a wide window, or zoomed in a little. */
    static final float PREVIEW_DPI = 110;

    /** True when the form can be saved to the case record (not for the chronology). */
    public boolean savable() {
        return !isChronology();
    }
}
