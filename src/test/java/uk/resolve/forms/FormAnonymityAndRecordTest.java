/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.app.FormService;
import uk.resolve.app.Services;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.pdf.PdfText;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormAnonymityAndRecordTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-01-05T09:00");
    private Services s;
    private FormService forms;

    @BeforeEach
    void open() {
        s = Fixtures.services(dir, clock);
        forms = s.forms();
    }

    @AfterEach
    void close() {
        s.close();
    }

    private static Map<String, String> appendixA(String concern) {
        Map<String, String> m = new HashMap<>();
        m.put("role", "Head of Service");
        m.put("contact", "020 8726 6000");
        m.put("concern", concern);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the full name                |Concerns for Jamie Marlowe were not assessed.    |the child's name",
            "the name in capitals         |JAMIE MARLOWE was not assessed.                  |the child's name",
            "the first name alone         |We worry that Jamie is not safe.                  |part of the child's name ('Jamie')",
            "the reference                |See CR-2026-0417 for the history.                 |the child's reference",
            "the reference re-punctuated  |See cr 2026 0417 for the history.                 |the child's reference"})
    void anAnonymousFormRefusesToFinaliseWhenTheUsersTextIdentifiesTheChildAndSaysWhere(String what, String concern,
                                                                                        String found) {
        UUID id = FormCases.croydonAtStage3(s, clock);
        FilledForm form = forms.fill(id, "appendix-a", 3, appendixA(concern));

        assertThat(form.complete()).isFalse();
        assertThat(form.problems()).singleElement().satisfies(p -> {
            assertThat(p.fieldId()).isEqualTo("concern");
            assertThat(p.kind()).isEqualTo(FormProblem.Kind.IDENTIFIES_CHILD);
            assertThat(p.message()).contains("Brief description of your concern about a decision made", found);
        });
        assertThatThrownBy(() -> forms.complete(id, "appendix-a", 3, appendixA(concern)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("Brief description of your concern about a decision made")
                .hasMessageContaining(found);
        assertThatThrownBy(() -> forms.render(form, false, false)).isInstanceOf(RuleViolation.class);
        assertThat(s.cases().get(id).entries()).noneMatch(e -> e.type() == EntryType.FORM_COMPLETED);
    }

    @Test
    void aDraftOfAnAnonymousFormNeverCarriesTheChildsNameOrReference() {
        UUID id = FormCases.croydonAtStage3(s, clock);
        Map<String, String> values = appendixA("Jamie Marlowe (CR-2026-0417) was not assessed.");
        values.put("dispute-resolution-meeting", "Please meet about jamie marlowe.");
        FilledForm form = forms.fill(id, "appendix-a", 3, values);

        FormService.Rendered draft = forms.render(form, true, true);
        String text = PdfText.all(draft.pdf());

        assertThat(text).doesNotContainIgnoringCase("Jamie").doesNotContainIgnoringCase("Marlowe")
                .doesNotContain("CR-2026-0417").doesNotContain("0417");
        assertThat(text).contains(AnonymityGuard.REMOVED, "was not assessed", "Case " + id.toString().substring(0, 8));
        assertThat(draft.fileName()).doesNotContain("0417");
    }

    @Test
    void theGuardLeavesOrdinaryWordsAlone() {
        AnonymityGuard guard = new AnonymityGuard("Will Rose", "AB1");
        assertThat(guard.find("The school will share records; attendance rose.")).isEmpty();
        assertThat(guard.find("Will was absent.")).contains("part of the child's name ('Will')");
        assertThat(guard.find("Tab1 and AB12 differ")).isEmpty();
        assertThat(guard.find("ref AB1.")).contains("the child's reference");
    }

    @Test
    void missingRequiredFieldsAreListedByLabelAndTheFormIsNotSaved() {
        UUID id = FormCases.croydonAtStage3(s, clock);
        FilledForm form = forms.fill(id, "appendix-a", 3, Map.of());

        assertThat(form.missing()).extracting(FieldValue::id).containsExactly("role", "contact");
        assertThat(form.problemSummary()).isEqualTo("2 required fields are missing: 'Role', 'Contact'.");
        assertThatThrownBy(() -> forms.complete(id, "appendix-a", 3, Map.of()))
                .hasMessageContaining("'Role', 'Contact'");
    }

    @Test
    void answersOfTheWrongKindAreExplained() {
        UUID id = FormCases.northSomersetResolvedAtStage3(s, clock);
        FilledForm form = forms.fill(id, "monitoring-form", 3, Map.of("days-taken", "three",
                "resolution-stage", "5", "receiving-manager.date", "next Tuesday"));

        assertThat(form.problems()).extracting(FormProblem::fieldId)
                .contains("days-taken", "resolution-stage", "receiving-manager.date");
        assertThat(form.value("days-taken").orElseThrow().problem()).contains("not a whole number");
        assertThat(form.value("resolution-stage").orElseThrow().problem()).contains("choose '3', '4'");
        assertThat(form.value("receiving-manager.date").orElseThrow().problem()).contains("21 Dec 2026");
    }

    @Test
    void completingAFormStoresItsAnswersAsAnEntryAndMarksItDone() {
        UUID id = FormCases.croydonAtStage3(s, clock);
        CaseState after = forms.complete(id, "appendix-a", 0, appendixA("The referral was closed too early."));

        Entry saved = after.entries().stream().filter(e -> e.type() == EntryType.FORM_COMPLETED).findFirst()
                .orElseThrow();
        assertThat(saved.get("form")).isEqualTo("appendix-a");
        assertThat(saved.get("stage")).isEqualTo("3");
        assertThat(saved.get("version")).isEqualTo("1");
        assertThat(saved.get("field.role")).isEqualTo("Head of Service");
        assertThat(saved.get("field.concern")).isEqualTo("The referral was closed too early.");
        assertThat(saved.get("field.stage")).isEqualTo("3");
        assertThat(forms.list(id)).filteredOn(l -> l.formId().equals("appendix-a"))
                .singleElement().satisfies(l -> {
                    assertThat(l.done()).isTrue();
                    assertThat(l.version()).isEqualTo(1);
                });

        CaseState again = forms.complete(id, "appendix-a", 0, appendixA("The referral was closed too early."));
        assertThat(again.entries()).hasSameSizeAs(after.entries());
    }

    @Test
    void anUpdateAtALaterStageIsANewVersionThatCarriesOverTheEarlierAnswers() {
        UUID id = FormCases.croydonAtStage3(s, clock);
        forms.complete(id, "appendix-a", 3, appendixA("The referral was closed too early."));
        clock.set("2026-01-21T09:00");
        s.cases().escalate(id, "Operational managers could not agree.", null, null);

        assertThat(forms.defaultStage(id, "appendix-a")).isEqualTo(4);
        FilledForm update = forms.fill(id, "appendix-a", 0, Map.of());
        assertThat(update.stage()).isEqualTo(4);
        assertThat(update.version()).isEqualTo(2);
        assertThat(update.text("role")).isEqualTo("Head of Service");
        assertThat(update.value("role").orElseThrow().origin()).isEqualTo(FieldValue.Origin.EARLIER_VERSION);
        assertThat(update.text("concern")).isEqualTo("The referral was closed too early.");
        assertThat(update.text("stage")).as("the stage describes the case now").isEqualTo("4");

        forms.complete(id, "appendix-a", 0, Map.of());
        List<Entry> versions = forms.versions(id, "appendix-a");
        assertThat(versions).extracting(e -> e.get("version")).containsExactly("1", "2");
        assertThat(versions).extracting(e -> e.get("stage")).containsExactly("3", "4");
        assertThat(forms.list(id)).filteredOn(l -> l.formId().equals("appendix-a")).extracting(FormService.Listed::done)
                .containsExactly(true, true);
    }

    @Test
    void anUnknownFormIsRefusedWithTheFormsThereAre() {
        UUID id = FormCases.croydonAtStage3(s, clock);
        assertThatThrownBy(() -> forms.fill(id, "appendix-b", 0, Map.of()))
                .hasMessage("The Croydon procedure has no form 'appendix-b'. Its forms are: appendix-a, outcome-confirmation, chronology.");
    }
}
