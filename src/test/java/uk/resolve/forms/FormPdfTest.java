/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.FormService;
import uk.resolve.app.Services;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.FormField;
import uk.resolve.domain.policy.SignatureBlock;
import uk.resolve.pdf.PdfText;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.resolve.pdf.PdfText.normalise;

class FormPdfTest {

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

    @Test
    void appendixAForACroydonCasePrintsEveryAnswerTheBoardAddressAndNoChildDetails() {
        UUID id = FormCases.croydonAtStage3(s, clock);
        FilledForm form = forms.fill(id, "appendix-a", 0, Map.of("role", "Designated Safeguarding Lead",
                "contact", "020 8726 6000", "dispute-resolution-meeting", "Both agencies ask the board to convene."));
        assertThat(form.complete()).as(form.problemSummary()).isTrue();
        assertThat(form.stage()).isEqualTo(3);

        FormService.Rendered r = forms.render(form, false, false);
        String text = PdfText.all(r.pdf());

        assertEveryAnswerPrinted(form, text);
        assertThat(text).contains("Escalation Notification to Croydon Safeguarding Children Board (Appendix A)",
                "Croydon Safeguarding Children Board", "SafeguardingChildrenBoard@croydon.gov.uk",
                "Procedure version 2018-11", "Case " + id.toString().substring(0, 8),
                "Do not include details of any child or family");
        assertThat(text).doesNotContain(FormCases.CHILD_NAME, "Jamie", "Marlowe", FormCases.CHILD_REF, "0417");
        assertThat(r.fileName()).isEqualTo("appendix-a_" + id.toString().substring(0, 8) + "_2026-01-19.pdf");
    }

    @Test
    void northSomersetMonitoringFormPrintsEveryFieldAndBothManagersSignatureBlocks() {
        UUID id = FormCases.northSomersetResolvedAtStage3(s, clock);
        FilledForm form = forms.fill(id, "monitoring-form", 0, Map.of(
                "initiating-manager.name", "Pat Senior", "initiating-manager.designation", "Head of Safeguarding",
                "receiving-manager.name", "Robin Receiver", "receiving-manager.designation", "Service Manager",
                "receiving-manager.date", "6/2/2026", "notes", "Reviewed at the network meeting."));
        assertThat(form.complete()).as(form.problemSummary()).isTrue();

        FormService.Rendered rendered = forms.render(form, false, false);
        String text = PdfText.all(rendered.pdf());

        assertEveryAnswerPrinted(form, text);
        assertThat(rendered.fileName()).as("a file name names the case, never the child")
                .isEqualTo("monitoring-form_" + id.toString().substring(0, 8) + "_" + form.date() + ".pdf")
                .doesNotContain(FormCases.CHILD_REF);
        assertThat(form.text("name")).isEqualTo(FormCases.CHILD_NAME);
        assertThat(form.text("resolution-stage")).isEqualTo("3");
        assertThat(form.text("days-taken")).isEqualTo("3");
        assertThat(form.text("receiving-manager.date")).isEqualTo("6 Feb 2026");
        assertThat(text).contains("Child/Adult/Family name", "Summary of reason for dispute",
                "Include the views of all agencies concerned", "Agreed outcomes or actions if satisfactorily resolved",
                "Action note", "Copy of this form to be held on child/adult/family file",
                "Stage at which resolution achieved", "Time taken to reach resolution (no. of days)",
                "How effective was this policy", "Additional notes",
                "Signature of initiating manager", "Signature of receiving manager",
                "jo.baker@n-somerset.gov.uk", "Case " + FormCases.CHILD_REF, "Procedure version NSSB 019 (Dec 2016)");
        assertSignatureBlocks(form.definition(), text);
    }

    @Test
    void safetyOfChildrenMonitoringFormIsDueAtStage2AndPrintsEveryField() {
        UUID id = FormCases.safetyOfChildrenAtStage2(s, clock);
        assertThat(forms.list(id)).anySatisfy(l -> {
            assertThat(l.formId()).isEqualTo("monitoring-form");
            assertThat(l.stage()).isEqualTo(2);
            assertThat(l.done()).isFalse();
        });
        FilledForm form = forms.fill(id, "monitoring-form", 0, Map.of(
                "child-safety", "The child protection plan stays in force; the social worker visits weekly.",
                "stage-outcome", "escalated to the next stage",
                "completing-manager.name", "Chris Manager", "completing-manager.designation", "Team Manager"));
        assertThat(form.complete()).as(form.problemSummary()).isTrue();
        assertThat(form.text("stage-outcome")).isEqualTo("Escalated to the next stage");
        assertThat(form.text("first-raised")).isEqualTo("2 Mar 2026");
        assertThat(form.text("earlier-stages")).contains("Escalated because: The GP still declines");

        String text = PdfText.all(forms.render(form, false, false).pdf());

        assertEveryAnswerPrinted(form, text);
        assertSignatureBlocks(form.definition(), text);
        assertThat(text).contains("Escalation Policy Monitoring Form", "Stage 2 — Line managers");
    }

    @Test
    void everyPageCarriesTheHeaderAndSaysPageNOfTotal() {
        UUID id = FormCases.northSomersetResolvedAtStage3(s, clock);
        FilledForm form = forms.fill(id, "monitoring-form", 3, Map.of("notes", "A long note. ".repeat(500)));

        List<String> pages = PdfText.pages(forms.render(form, true, false).pdf());

        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).contains("Page " + (i + 1) + " of " + pages.size(),
                    "North Somerset Safeguarding Boards (NSSAB and NSSCB)", "Case " + FormCases.CHILD_REF,
                    "Procedure version NSSB 019 (Dec 2016)");
        }
    }

    @Test
    void longTextFlowsOntoTheNextPageWithoutLosingAWord() {
        UUID id = FormCases.northSomersetResolvedAtStage3(s, clock);
        StringBuilder notes = new StringBuilder();
        for (int i = 1; i <= 450; i++) {
            notes.append("word").append(i).append(i % 40 == 0 ? "\n" : " ");
        }
        FilledForm form = forms.fill(id, "monitoring-form", 3, Map.of("notes", notes.toString().strip(),
                "initiating-manager.name", "Pat Senior", "initiating-manager.designation", "Head of Safeguarding"));

        List<String> pages = PdfText.pages(forms.render(form, false, false).pdf());
        String all = String.join(" ", pages);

        List<String> words = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("word\\d+").matcher(all);
        while (m.find()) {
            words.add(m.group());
        }
        List<String> expected = java.util.stream.IntStream.rangeClosed(1, 450).mapToObj(i -> "word" + i).toList();
        assertThat(words).as("every word, in order, once").isEqualTo(expected);
        int first = indexOfPageWith(pages, "word1 ");
        int last = indexOfPageWith(pages, "word450");
        assertThat(last).as("the notes continue on a later page").isGreaterThan(first);
        assertThat(pages.get(last)).contains("Additional notes (continued)");
    }

    @Test
    void aWordTooLongForALineIsSplitNotCut() {
        UUID id = FormCases.northSomersetResolvedAtStage3(s, clock);
        String longWord = "x".repeat(300);
        FilledForm form = forms.fill(id, "monitoring-form", 3, Map.of("notes", longWord));

        String text = PdfText.all(forms.render(form, true, false).pdf());

        assertThat(text.replace(" ", "")).contains(longWord);
    }

    @Test
    void chronologyListsEveryEntryInOrderWithCorrectionsAndApprovalsBesideThem() {
        UUID id = FormCases.croydonAtStage3(s, clock);
        var c = s.cases().get(id);
        var discussion = c.chronology().stream()
                .filter(i -> i.entry().type() == uk.resolve.domain.record.EntryType.DISCUSSION_RECORDED)
                .findFirst().orElseThrow().entry();
        s.cases().correct(id, discussion.id(), "Wrong agency named", "Sam explained the referral was closed by the"
                + " duty team as below threshold.");
        s.close();
        s = Fixtures.servicesAs(dir, clock, "Second Manager"); // nobody approves their own entry
        forms = s.forms();
        s.cases().approve(id, discussion.id(), "Checked with Sam.");

        FormService.Rendered r = forms.chronology(id, false);
        String text = PdfText.all(r.pdf());

        assertThat(r.fileName()).isEqualTo("chronology_" + id.toString().substring(0, 8) + "_2026-01-19.pdf")
                .doesNotContain(FormCases.CHILD_REF);
        assertThat(text).contains("Case chronology", FormCases.CHILD_NAME, FormCases.CHILD_REF,
                "Sam explained the referral was closed as below threshold; we did not agree.",
                "Reason: Wrong agency named", "closed by the duty team as below threshold.",
                "Approved by", "Checked with Sam.");
        int opened = text.indexOf("Concern raised");
        int talked = text.indexOf("Discussion recorded");
        int original = text.indexOf("closed as below threshold; we did not agree");
        int corrected = text.indexOf("by the duty team");
        int escalated = text.indexOf("Stage 1 · Escalated to stage 2");
        int escalated2 = text.indexOf("Stage 2 · Escalated to stage 3");
        assertThat(opened).isLessThan(talked);
        assertThat(talked).isLessThan(original);
        assertThat(original).as("the correction follows the original it corrects").isLessThan(corrected);
        assertThat(corrected).as("and comes before the next entry").isLessThan(escalated);
        assertThat(escalated).isLessThan(escalated2);
    }

    private static int indexOfPageWith(List<String> pages, String s) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(s)) {
                return i;
            }
        }
        throw new AssertionError("no page contains " + s);
    }

    private static void assertEveryAnswerPrinted(FilledForm form, String text) {
        for (FormField f : form.definition().fields()) {
            assertThat(text).as("label of " + f.id()).contains(normalise(f.label()));
            String v = form.text(f.id());
            if (!v.isBlank()) {
                assertThat(text).as("answer to " + f.id()).contains(normalise(v));
            }
        }
        for (FieldValue v : form.values()) {
            if (!v.blank()) {
                assertThat(text).as("answer " + v.id()).contains(normalise(v.value()));
            }
        }
    }

    private static void assertSignatureBlocks(FormDefinition def, String text) {
        for (SignatureBlock b : def.signatures()) {
            int at = text.indexOf(b.title());
            assertThat(at).as(b.title()).isGreaterThanOrEqualTo(0);
            String after = text.substring(at);
            assertThat(after).contains("Name", "Designation", "Agency", "Date", "Signature");
        }
    }
}
