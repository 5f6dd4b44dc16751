/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.resolve.policy.Bundled.stage;

import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.policy.Anchor;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Trigger;
import uk.resolve.domain.time.TimeSpan;
import uk.resolve.domain.time.TimeUnit;

/** North Somerset Safeguarding Boards, Resolution of Professional Differences, NSSB 019: seed 003. */
class NorthSomersetPolicyTest {

    private final Policy ns = Bundled.load("north-somerset");

    @Test
    void stage1IsWithinOneWorkingDayAndLineManagersWithin24Hours_clauseStage1() {
        var deadlines = stage(ns, 1).deadlines();
        assertThat(deadlines).hasSize(2);
        assertThat(deadlines.get(0).within()).isEqualTo(TimeSpan.workingDays(1));
        assertThat(deadlines.get(0).from()).isEqualTo(Anchor.STAGE_ENTERED);
        assertThat(deadlines.get(1).within()).isEqualTo(new TimeSpan(24, TimeUnit.HOURS));
        // counted from the practitioners' discussion, so the line managers' own call does not move it
        assertThat(deadlines.get(1).from()).isEqualTo(Anchor.FIRST_DISCUSSION);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "discussion {0}: line managers by {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "2027-10-30T12:00, 2027-10-31T11:00",
            "2027-03-27T12:00, 2027-03-28T13:00",
            "2027-06-10T16:45, 2027-06-11T16:45",
    })
    void lineManagersMakeContactWithin24RealHoursOfTheDiscussion_clauseStage1(String discussion, String due) {
        var rule = stage(ns, 1).deadlines().get(1);
        var at = uk.resolve.domain.time.UkTime.instant(java.time.LocalDateTime.parse(discussion));
        assertThat(uk.resolve.domain.time.Deadlines.due(at, rule.within(),
                new uk.resolve.domain.time.EnglandWalesCalendar()).iso()).isEqualTo(due);
    }

    @Test
    void stages2To4AreWithin2_3And5WorkingDays_clausesStage2To4() {
        assertThat(stage(ns, 2).deadlines().get(0).within()).isEqualTo(TimeSpan.workingDays(2));
        assertThat(stage(ns, 3).deadlines().get(0).within()).isEqualTo(TimeSpan.workingDays(3));
        assertThat(stage(ns, 4).deadlines().get(0).within()).isEqualTo(TimeSpan.workingDays(5));
    }

    @Test
    void fromTheOutsetNoLongerThan5WorkingDaysToResolveOrEscalateToStage4_clauseTimescales() {
        assertThat(ns.defaultTrack().budgets()).singleElement().satisfies(b -> {
            assertThat(b.within()).isEqualTo(TimeSpan.workingDays(5));
            assertThat(b.from()).isEqualTo(Anchor.CASE_OPENED);
            assertThat(b.stages()).isEqualTo(Set.of(1, 2, 3));
        });
    }

    @Test
    void theMonitoringFormIsUsedAtStages3And4AndSentToTheServiceLeader_clauseAdditionalNotesAndAppendix2() {
        assertThat(monitoring(1)).isEmpty();
        assertThat(monitoring(2)).isEmpty();
        assertThat(monitoring(3)).singleElement().satisfies(f -> assertThat(f.form()).isEqualTo("monitoring-form"));
        assertThat(monitoring(4)).singleElement().satisfies(f -> assertThat(f.form()).isEqualTo("monitoring-form"));
        var form = ns.form("monitoring-form").orElseThrow();
        assertThat(ns.contact(form.recipient()).orElseThrow().email()).isEqualTo("jo.baker@n-somerset.gov.uk");
        assertThat(form.anonymous()).isFalse();
        // "after the issue has been resolved the monitoring form must be sent"
        assertThat(stage(ns, 3).notifications()).singleElement().satisfies(n -> assertThat(n.on()).isEqualTo(Trigger.RESOLVED));
    }

    @Test
    void stillUnresolvedAfterStage4MeansContactingTheServiceLeaderImmediately_clauseStage4() {
        assertThat(stage(ns, 5).notifications()).singleElement().satisfies(n -> {
            assertThat(n.within()).isEqualTo(TimeSpan.immediately());
            assertThat(n.contact()).isEqualTo("service-leader");
        });
    }

    @Test
    void theMediationPanelOfAtLeastThreeStatutoryMembersIsFinalAndBinding_clauseConveningAMediationPanel() {
        assertThat(ns.finalArbiter().binding()).isTrue();
        assertThat(ns.finalArbiter().minimumAgencies()).isEqualTo(3);
        assertThat(stage(ns, 5).finalArbiter()).isTrue();
    }

    @Test
    void coversAdultsAtRiskAsWellAsChildren_clauseAimsOfProcedure2() {
        assertThat(ns.scope().adultsAtRisk()).isTrue();
        assertThat(ns.scope().covers(ChildStatus.ADULT_AT_RISK)).isTrue();
        assertThat(ns.scope().covers(ChildStatus.CP_PLAN)).isTrue();
    }

    @Test
    void atImmediateRiskDiscretionAsToWhichStageIsInitiated_clauseAimsOfProcedure5() {
        assertThat(ns.immediateRisk().startStages()).containsExactlyInAnyOrder(2, 3, 4);
    }

    /** The stage's forms but the written confirmation of an agreed outcome, due at every stage on resolution. */
    private java.util.List<uk.resolve.domain.policy.FormRule> monitoring(int n) {
        return stage(ns, n).forms().stream().filter(f -> !f.form().equals("outcome-confirmation")).toList();
    }
}
