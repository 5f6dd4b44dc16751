/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import uk.resolve.forms.FieldValue;
import uk.resolve.forms.FilledForm;
import uk.resolve.forms.FormDocuments;
import uk.resolve.pdf.PdfPreview;
import uk.resolve.pdf.PdfPrinter;

/**
 * The state of the form editor: the answers (pre-filled from the case), what is missing or wrong,
 * the preview's pages, and the actions Save to case record, Save as PDF and Print. Work with the
 * database, PDFs or the printer runs on {@code background}; results come back on {@code ui}.
 * Never touches a node.
 */
public final class FormEditorViewModel {

    /** One answer being edited. */
    public static final class Field {
        private final String id;
        private final String section;
        private final String label;
        private final String help;
        private final FieldKind kind;
        private final List<String> choices;
        private final boolean required;
        private final StringProperty value = new SimpleStringProperty("");
        private final StringProperty problem = new SimpleStringProperty();
        private final StringProperty origin = new SimpleStringProperty("");
        private boolean edited;

        Field(String id, String section, String label, String help, FieldKind kind, List<String> choices,
              boolean required) {
            this.id = id;
            this.section = section;
            this.label = label;
            this.help = help;
            this.kind = kind;
            this.choices = List.copyOf(choices);
            this.required = required;
        }

        public String id() {
            return id;
        }

        /** The heading it sits under, or null. */
        public String section() {
            return section;
        }

        public String label() {
            return label + (required ? " *" : "");
        }

        public String help() {
            return help;
        }

        public FieldKind kind() {
            return kind;
        }

        public List<String> choices() {
            return choices;
        }

        public boolean required() {
            return required;
        }

        public StringProperty valueProperty() {
            return value;
        }

        /** What is wrong with the answer, or null. */
        public ReadOnlyStringProperty problemProperty() {
            return problem;
        }

        /** Where the answer came from ("From the case"), or "". */
        public ReadOnlyStringProperty originProperty() {
            return origin;
        }
    }

    private final FormService forms;
    private final PdfPrinter printer;
    private final UUID caseId;
    private final String formId;
    private final int requestedStage;
    private final Executor background;
    private final Executor ui;

    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<Image> previewPages = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("Loading the form…");
    private final StringProperty subtitle = new SimpleStringProperty("");
    private final StringProperty missing = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty complete = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty previewing = new SimpleBooleanProperty(false);

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
                ui.execute(() -> loaded(e));
            } catch (RuntimeException ex) {
                ui.execute(() -> failed("The form could not be opened: ", ex));
            }
        });
    }

    private void loaded(FormService.Editing e) {
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
            for (FormField f : s.fields()) {
                fields.add(new Field(f.id(), s.title(), f.label(), f.help(), f.kind(), f.choices(), f.required()));
            }
        }
        for (SignatureBlock b : e.definition().signatures()) {
            for (String part : SignatureBlock.PARTS) {
                fields.add(new Field(b.fieldId(part), b.title(), SignatureBlock.partLabel(part),
                        part.equals("date") ? "Leave blank to date it by hand when signing." : null,
                        part.equals("date") ? FieldKind.DATE : FieldKind.TEXT, List.of(),
                        b.required() && !part.equals("date")));
            }
        }
        apply(e.fill(Map.of()));
        for (Field f : fields) {
            f.value.addListener((obs, old, now) -> {
                if (!updating) {
                    f.edited = true;
                    revalidate();
                }
            });
        }
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

    private void apply(FilledForm form) {
        current = form;
        updating = true;
        try {
            for (Field f : fields) {
                FieldValue v = form.value(f.id).orElseThrow();
                if (v.origin() != FieldValue.Origin.USER && !f.value.get().equals(v.value())
                        && f.value.get().isBlank()) {
                    f.value.set(v.value());
                }
                f.problem.set(v.problem());
                f.origin.set(switch (v.origin()) {
                    case CASE -> "From the case record";
                    case EARLIER_VERSION -> "From the earlier version";
                    default -> "";
                });
            }
        } finally {
            updating = false;
        }
        complete.set(form.complete());
        missing.set(form.complete() ? "Ready to finalise." : form.problemSummary());
    }

    /** The answers the user has typed or changed (a cleared pre-filled answer stays cleared). */
    private Map<String, String> userValues() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.stream().filter(f -> f.edited).forEach(f -> out.put(f.id, f.value.get()));
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
            status.set("Not saved. " + current.problemSummary());
            return;
        }
        Map<String, String> values = userValues();
        int stage = editing.stage();
        busy.set(true);
        background.execute(() -> {
            try {
                int before = forms.versions(caseId, formId).size();
                forms.complete(caseId, formId, stage, values);
                int after = forms.versions(caseId, formId).size();
                ui.execute(() -> {
                    busy.set(false);
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

    public ObservableList<Field> fields() {
        return fields;
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
