/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.escalation.CaseDetails;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.testing.CaseRun;

/** Child names and references taken out of free text before it reaches a report. */
class RedactorTest {

    private static CaseState caseOf(String ref, String name) {
        CaseRun run = new CaseRun(CaseRun.load("/procedures/joint-protocol.yaml"));
        CaseState c = run.open("2027-01-11T09:00", null, false, 1,
                java.util.Map.of("decision", CaseRun.at("2027-01-08T15:00")), java.util.Map.of());
        CaseDetails d = c.details();
        CaseDetails named = new CaseDetails(ref, name, d.childStatus(), d.raisedBy(), d.raisedAgency(), d.otherAgency(),
                d.otherProfessional(), d.category(), d.concern(), d.evidence(), d.outcomeWanted(), d.immediateRisk(),
                d.immediateRiskReason(), d.sample());
        return new CaseState(c.id(), c.policyId(), c.policyVersion(), c.trackId(), c.stage(), c.stageHeading(),
                c.lastStage(), c.status(), named, c.openedAt(), c.stageEnteredAt(), c.visits(), c.deadlines(),
                c.notifications(), c.forms(), c.resolution(), c.writtenAt(), c.chronology(), c.entries(), c.context());
    }

    private final CaseState own = caseOf("CR-1001", "Amy Will");
    private final CaseState other = caseOf("CR-2002", "Hope Lane");
    private final Redactor redactor = new Redactor(List.of(own, other));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Amy Will was seen at school | [removed] was seen at school",
            "amy told us | [removed] told us",
            "Reference CR-1001 on file | Reference [removed] on file",
            "Linked to cr-2002 as well | Linked to [removed] as well",
            "We will meet Hope's team | We [removed] meet Hope's team",
            "Willing to talk | Willing to talk",
            "Nothing about the child | Nothing about the child"})
    void theCasesOwnChildAndEveryOtherReferenceAreRemovedButCommonWordsStay(String text, String expected) {
        assertThat(redactor.redact(text, own.details())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Hope Lane was seen | Hope Lane was seen", "See CR-1001 | See [removed]"})
    void withoutTheCaseOnlyReferencesAreRemoved(String text, String expected) {
        assertThat(redactor.redact(text, null)).isEqualTo(expected);
    }
}
