/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseContentTest {

    @ParameterizedTest(name = "{0}.{1} readable: {2}")
    @CsvSource({
            "CASE_OPENED, childRef, false",
            "CASE_OPENED, childName, false",
            "CASE_OPENED, concern, false",
            "CASE_OPENED, evidence, false",
            "CASE_OPENED, outcomeWanted, false",
            "CASE_OPENED, raisedBy, false",
            "CASE_OPENED, otherProfessional, false",
            "CASE_OPENED, reason, false",
            "CASE_OPENED, policy, true",
            "CASE_OPENED, policyVersion, true",
            "CASE_OPENED, category, true",
            "CASE_OPENED, childStatus, true",
            "CASE_OPENED, raisedAgency, true",
            "CASE_OPENED, otherAgency, true",
            "CASE_OPENED, team, true",
            "CASE_OPENED, date.conference, true",
            "CASE_OPENED, fact.cpPlan, true",
            "DISCUSSION_RECORDED, summary, false",
            "DISCUSSION_RECORDED, actions, false",
            "DISCUSSION_RECORDED, with, false",
            "DISCUSSION_RECORDED, stage, true",
            "CASE_SHARED, with, true",
            "CASE_SHARED, note, false",
            "ESCALATED, reason, false",
            "ESCALATED, toStage, true",
            "RESOLVED, outcome, false",
            "RESOLVED, outcomeId, true",
            "RESOLVED, outstanding, false",
            "FORM_COMPLETED, field.childName, false",
            "FORM_COMPLETED, form, true",
            "CORRECTION, text, false",
            "CORRECTION, entry, true",
            "ATTACHMENT_ADDED, fileName, false",
            "ATTACHMENT_ADDED, sha256, true",
            "FACT_ANSWERED, value, true",
            "TICKED_OR_UNKNOWN_FIELD, anything, false",
            "CASE_KEY, wrapped, true",
            "PERSON_KEYS, boxKey, true"
    })
    void onlyWhatTheReportAndTheAccessChecksNeedStaysReadable(String type, String field, boolean readable) {
        EntryType t = "TICKED_OR_UNKNOWN_FIELD".equals(type) ? EntryType.CHECKLIST_TICKED : EntryType.valueOf(type);
        assertThat(CaseContent.readable(t, field)).isEqualTo(readable);
    }

    @Test
    void boardTextIsSealedAndPickedOutForTheReportKey() {
        assertThat(CaseContent.readable(EntryType.RESOLVED, "learning")).isFalse();
        for (String id : uk.resolve.domain.report.ReportCalculator.EFFECTIVENESS_FIELDS) {
            assertThat(CaseContent.readable(EntryType.FORM_COMPLETED, "field." + id)).as(id).isFalse();
            assertThat(CaseContent.forBoard(EntryType.FORM_COMPLETED, "field." + id)).as(id).isTrue();
        }
        for (String id : uk.resolve.domain.report.ReportCalculator.SUGGESTION_FIELDS) {
            assertThat(CaseContent.readable(EntryType.FORM_COMPLETED, "field." + id)).as(id).isFalse();
            assertThat(CaseContent.forBoard(EntryType.FORM_COMPLETED, "field." + id)).as(id).isTrue();
        }
        assertThat(CaseContent.forBoard(EntryType.FORM_COMPLETED, "field.summary")).isFalse();
        assertThat(CaseContent.forBoard(EntryType.DISCUSSION_RECORDED, "learning")).isFalse();
        java.util.Map<String, String> data = new java.util.HashMap<>(java.util.Map.of("stage", "2",
                "outcome", "Agreed", "learning", "Ring ahead", "outstanding", " "));
        data.put("note", null);
        assertThat(CaseContent.boardPart(EntryType.RESOLVED, data)).containsExactly(
                java.util.Map.entry("learning", "Ring ahead"));
        assertThat(CaseContent.secretPart(EntryType.RESOLVED, data)).containsKey("learning");
    }

    @ParameterizedTest
    @CsvSource({
            "RESOLVED, boardSealed",
            "RESOLVED, boardCaseKey",
            "FORM_COMPLETED, boardReportKey",
            "FORM_COMPLETED, reportKeyId",
            "REPORT_KEY, wrapped",
    })
    void theBoardCopysCipherTextAndTheReportKeyEntriesStayReadable(String type, String field) {
        assertThat(CaseContent.readable(EntryType.valueOf(type), field)).isTrue();
        assertThat(CaseContent.sealable(EntryType.REPORT_KEY)).isFalse();
    }

    @Test
    void aFieldNotNamedAnywhereIsSealed() {
        for (EntryType t : EntryType.values()) {
            if (CaseContent.sealable(t)) {
                assertThat(CaseContent.readable(t, "somethingNewAboutTheChild")).as(t.code()).isFalse();
            }
        }
    }

    @Test
    void anEntrySplitsIntoWhatStaysReadableAndWhatIsSealedWithNothingLost() {
        Map<String, String> data = new TreeMap<>(Map.of("childRef", "R1", "concern", "c", "policy", "croydon",
                "stage", "2", "team", "T"));
        var readable = CaseContent.readablePart(EntryType.CASE_OPENED, data);
        var secret = CaseContent.secretPart(EntryType.CASE_OPENED, data);
        assertThat(readable).containsOnlyKeys("policy", "stage", "team");
        assertThat(secret).containsOnlyKeys("childRef", "concern");
        TreeMap<String, String> both = new TreeMap<>(readable);
        both.putAll(secret);
        assertThat(both).isEqualTo(data);
    }

    @Test
    void theBindingNamesCaseEntryTypeAndGeneration() {
        var c = java.util.UUID.randomUUID();
        var e = java.util.UUID.randomUUID();
        assertThat(CaseContent.binding(c, e, EntryType.ESCALATED, 2))
                .isNotEqualTo(CaseContent.binding(c, e, EntryType.ESCALATED, 1))
                .isNotEqualTo(CaseContent.binding(c, e, EntryType.RESOLVED, 2))
                .isNotEqualTo(CaseContent.binding(e, c, EntryType.ESCALATED, 2))
                .contains(c.toString(), e.toString(), "escalated", "2");
    }
}
