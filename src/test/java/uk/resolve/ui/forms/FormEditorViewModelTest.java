/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.domain.record.EntryType;
import uk.resolve.forms.FormCases;
import uk.resolve.pdf.PdfPrinter;
import uk.resolve.pdf.PdfText;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.support.Field;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's state, with background work run in line so each step can be checked. */
class FormEditorViewModelTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-01-05T09:00");
    private Services s;
    private UUID caseId;

    @BeforeEach
    void open() {
        s = Fixtures.services(dir, clock);
        caseId = FormCases.croydonAtStage3(s, clock);
    }

    @AfterEach
    void close() {
        s.close();
    }

    private FormEditorViewModel model(String formId) {
        FormEditorViewModel m = new FormEditorViewModel(s.forms(), new PdfPrinter(), caseId, formId, 0,
                Runnable::run, Runnable::run);
        m.load();
        return m;
    }

    private static Field<String> field(FormEditorViewModel m, String id) {
        return java.util.Optional.ofNullable(m.fields().get(id)).orElseThrow();
    }

    @Test
    void thePreviewPaneSaysItIsDrawingUntilThePagesArrive() {
        java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
        FormEditorViewModel m = new FormEditorViewModel(s.forms(), new PdfPrinter(), caseId, "appendix-a", 0,
                queued::add, Runnable::run);
        m.load();
        assertThat(m.previewingProperty().get()).isFalse();
        queued.remove().run(); // reads the case and asks for a preview
        assertThat(m.previewingProperty().get()).isTrue();
        assertThat(m.previewPages()).isEmpty();
        queued.remove().run(); // draws it, off the application thread, as JavaFX images
        assertThat(m.previewPages()).isNotEmpty();
        assertThat(m.previewingProperty().get()).isFalse();
        assertThat(queued).isEmpty();
    }

    @Test
    void opensPrefilledFromTheCaseSayingWhatIsMissingWithAPreview() {
        FormEditorViewModel m = model("appendix-a");

        assertThat(m.loadedProperty().get()).isTrue();
        assertThat(m.titleProperty().get()).contains("Appendix A");
        assertThat(m.subtitleProperty().get()).contains("Stage 3", "Anonymous");
        assertThat(field(m, "agency").valueProperty().get()).isEqualTo("School");
        assertThat(field(m, "agency").noteProperty().get()).isEqualTo("From the case record");
        assertThat(field(m, "role").errorBinding().get()).isEqualTo("Required: role.");
        assertThat(field(m, "role").shownErrorBinding().get()).as("no complaint before the person has done anything")
                .isEmpty();
        assertThat(m.missingProperty().get()).isEqualTo("2 required fields are missing: 'Role', 'Contact'.");
        assertThat(m.completeProperty().get()).isFalse();
        assertThat(m.previewPages()).isNotEmpty();
        // an A4 page drawn at the preview's resolution (110 dots an inch): 8.27 inches wide
        assertThat(m.previewPages().get(0).getWidth()).isBetween(905.0, 915.0);
    }

    @Test
    void validatesAsTheUserTypesAndRefusesTheChildsName() {
        FormEditorViewModel m = model("appendix-a");

        field(m, "role").valueProperty().set("Head of Service");
        field(m, "contact").valueProperty().set("020 8726 6000");
        assertThat(m.completeProperty().get()).isTrue();
        assertThat(m.missingProperty().get()).isEqualTo("Ready to finalise.");
        assertThat(field(m, "agency").noteProperty().get()).as("untouched answers keep their origin")
                .isEqualTo("From the case record");
        assertThat(field(m, "role").noteProperty().get()).isEmpty();
        assertThat(field(m, "role").valid()).isTrue();

        field(m, "concern").valueProperty().set("Jamie Marlowe was not assessed.");
        assertThat(m.completeProperty().get()).isFalse();
        assertThat(field(m, "concern").shownErrorBinding().get()).contains("contains the child's name");

        m.saveToRecord();
        assertThat(m.statusProperty().get()).startsWith("Not saved.").contains("the child's name");
        assertThat(s.cases().get(caseId).entries()).noneMatch(e -> e.type() == EntryType.FORM_COMPLETED);
    }

    @Test
    void savesTheCompletedFormInTheCaseRecordAndAsAPdf() throws Exception {
        FormEditorViewModel m = model("appendix-a");
        field(m, "role").valueProperty().set("Head of Service");
        field(m, "contact").valueProperty().set("020 8726 6000");

        m.saveToRecord();
        assertThat(m.statusProperty().get()).isEqualTo("Saved in the case record as version 1.");
        assertThat(s.cases().get(caseId).entries()).filteredOn(e -> e.type() == EntryType.FORM_COMPLETED)
                .singleElement().satisfies(e -> assertThat(e.get("field.role")).isEqualTo("Head of Service"));

        Path pdf = dir.resolve(m.suggestedFileName());
        m.saveAs(pdf, false);
        assertThat(m.statusProperty().get()).startsWith("Saved to ");
        assertThat(PdfText.all(Files.readAllBytes(pdf))).contains("Head of Service").doesNotContain("DRAFT");
    }

    @Test
    void aClearedPrefilledAnswerStaysClearedAndIsMissing() {
        FormEditorViewModel m = model("appendix-a");
        field(m, "agency").valueProperty().set("");

        assertThat(field(m, "agency").valueProperty().get()).isEmpty();
        assertThat(field(m, "agency").shownErrorBinding().get()).isEqualTo("Required: agency.");
    }

    @Test
    void theChronologyOpensAsADocumentToPrintOrSave() {
        FormEditorViewModel m = model("chronology");

        assertThat(m.savable()).isFalse();
        assertThat(m.fields()).isEmpty();
        assertThat(m.sections()).isEmpty();
        assertThat(m.titleProperty().get()).isEqualTo("Case chronology");
        assertThat(m.previewPages()).isNotEmpty();
        assertThat(m.suggestedFileName()).startsWith("chronology_" + caseId.toString().substring(0, 8) + "_")
                .doesNotContain(FormCases.CHILD_REF);
    }

    @Test
    void anUnknownFormSaysSoInsteadOfOpening() {
        FormEditorViewModel m = model("appendix-z");
        assertThat(m.loadedProperty().get()).isFalse();
        assertThat(m.statusProperty().get()).contains("has no form 'appendix-z'");
    }

    @Test
    void savingWithGapsShowsEachMessageBesideItsAnswerAndNamesTheFirst() {
        FormEditorViewModel m = model("appendix-a");
        assertThat(m.firstShownProblem()).isEmpty();

        m.saveToRecord();

        assertThat(m.statusProperty().get()).startsWith("Not saved.");
        assertThat(field(m, "role").shownErrorBinding().get()).isEqualTo("Required: role.");
        assertThat(field(m, "contact").shownErrorBinding().get()).isEqualTo("Required: contact.");
        assertThat(m.firstShownProblem()).contains("role");
        field(m, "role").valueProperty().set("Head of Service");
        assertThat(field(m, "role").shownErrorBinding().get()).as("fixed, the message goes").isEmpty();
        assertThat(m.firstShownProblem()).contains("contact");
    }

    @Test
    void changedAnswersCountAsUnsavedUntilSavedToTheRecord() {
        FormEditorViewModel m = model("appendix-a");
        assertThat(m.changedProperty().get()).as("pre-filled answers are not the person's changes").isFalse();

        field(m, "role").valueProperty().set("Head of Service");
        assertThat(m.changedProperty().get()).isTrue();
        field(m, "contact").valueProperty().set("020 8726 6000");
        m.saveToRecord();

        assertThat(m.statusProperty().get()).startsWith("Saved in the case record");
        assertThat(m.changedProperty().get()).isFalse();
    }

    @Test
    void aFormsDateIsKeptAsTheFormWritesItAndANumberSaysSoBesideIt() {
        UUID soc = FormCases.safetyOfChildrenAtStage2(s, clock);
        FormEditorViewModel m = new FormEditorViewModel(s.forms(), new PdfPrinter(), soc, "monitoring-form", 0,
                Runnable::run, Runnable::run);
        m.load();

        Field<String> raised = field(m, "first-raised");
        assertThat(raised.input()).isEqualTo(Field.Input.DATE);
        assertThat(raised.get()).isEqualTo("2 Mar 2026");
        assertThat(raised.dateReader().apply("2 Mar 2026")).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
        assertThat(raised.dateWriter().apply(java.time.LocalDate.of(2026, 12, 21))).isEqualTo("21 Dec 2026");
        raised.set("next Tuesday");
        assertThat(raised.shownErrorBinding().get()).as("the form's own check, beside the answer")
                .contains("is not a date");
        assertThat(field(m, "days-taken").hint()).endsWith("A whole number.");
        assertThat(m.sections()).extracting(FormEditorViewModel.Section::title).doesNotContainNull();
    }

    @Test
    void anImpossibleDateInAFormIsRefusedSayingWhyAndNeverMovedToTheMonthsLastDay() {
        UUID soc = FormCases.safetyOfChildrenAtStage2(s, clock);
        FormEditorViewModel m = new FormEditorViewModel(s.forms(), new PdfPrinter(), soc, "monitoring-form", 0,
                Runnable::run, Runnable::run);
        m.load();

        Field<String> raised = field(m, "first-raised");
        assertThat(raised.dateReader().apply("31 Feb 2026")).as("read strictly, not as 28 Feb 2026").isNull();
        raised.set("31 Feb 2026");
        assertThat(raised.shownErrorBinding().get())
                .contains("31 Feb 2026 is not a date: February 2026 has 28 days");
        assertThat(raised.get()).isEqualTo("31 Feb 2026");
        assertThat(m.missingProperty().get()).contains("February 2026 has 28 days");
        raised.set("28 Feb 2026");
        assertThat(raised.shownErrorBinding().get()).isNullOrEmpty();
    }

    @Test
    void typingIntoAnEmptyRequiredAnswerFlashesNoMessage() {
        FormEditorViewModel m = model("appendix-a");
        java.util.List<String> shown = new java.util.ArrayList<>();
        field(m, "role").shownErrorBinding().addListener((o, was, now) -> shown.add(now));

        field(m, "role").valueProperty().set("H");
        field(m, "role").valueProperty().set("He");

        assertThat(shown).as("a message once shown keeps its line, so a flash would move the fields below")
                .allMatch(String::isEmpty);
        field(m, "role").valueProperty().set("");
        assertThat(field(m, "role").shownErrorBinding().get()).isEqualTo("Required: role.");
    }
}
