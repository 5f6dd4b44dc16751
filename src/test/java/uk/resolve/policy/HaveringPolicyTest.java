/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.resolve.policy.Bundled.stage;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.policy.Anchor;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Trigger;
import uk.resolve.domain.time.TimeSpan;

/** Havering Safeguarding Children Board escalation policy: seed 002. */
class HaveringPolicyTest {

    private final Policy havering = Bundled.load("havering");

    @Test
    void hasFourStagesEndingWithTheHscbChair_clause2() {
        assertThat(havering.defaultTrack().stages()).extracting(Stage::title).containsExactly(
                "Discuss with the other worker", "Escalate to line manager", "Escalate to senior managers",
                "Resolution by the HSCB Chair");
        assertThat(stage(havering, 4).finalArbiter()).isTrue();
    }

    @Test
    void resolveWithinOneWorkingWeekOrSooner_clause1_4() {
        assertThat(stage(havering, 1).deadlines()).singleElement().satisfies(d -> {
            assertThat(d.within()).isEqualTo(TimeSpan.workingDays(5));
            assertThat(d.from()).isEqualTo(Anchor.CASE_OPENED);
        });
    }

    @Test
    void theIroIsNotifiedAtStage2ForAChildProtectionPlanOrLookedAfterChild_clause2_5() {
        assertThat(stage(havering, 2).notifications()).singleElement().satisfies(n -> {
            assertThat(n.to()).isEqualTo("Independent Reviewing Officer");
            assertThat(n.on()).isEqualTo(Trigger.STAGE_ENTERED);
            assertThat(n.when().holds(ChildStatus.CP_PLAN, false)).isTrue();
            assertThat(n.when().holds(ChildStatus.LOOKED_AFTER, false)).isTrue();
            assertThat(n.when().holds(ChildStatus.CHILD_IN_NEED, false)).isFalse();
            assertThat(n.when().holds(null, false)).isFalse();
        });
    }

    @Test
    void theDslIsInformedImmediatelyWhenAChildIsAtImmediateRisk_clause1_5() {
        assertThat(havering.immediateRisk().instruction()).contains("designated safeguarding lead").contains("immediately");
        assertThat(havering.notifications()).singleElement().satisfies(n -> {
            assertThat(n.on()).isEqualTo(Trigger.CASE_OPENED);
            assertThat(n.when().holds(null, true)).isTrue();
            assertThat(n.when().holds(null, false)).isFalse();
            assertThat(n.within()).isEqualTo(TimeSpan.immediately());
        });
    }

    @Test
    void theChairMayConveneAResolutionPanelOfThreeBoardAgencies_clauses2_10To2_13() {
        assertThat(havering.finalArbiter().title()).isEqualTo("Chair of the HSCB");
        assertThat(havering.finalArbiter().minimumAgencies()).isEqualTo(3);
        assertThat(stage(havering, 4).notifications()).singleElement()
                .satisfies(n -> assertThat(havering.contact(n.contact()).orElseThrow().email())
                        .isEqualTo("alice.peatling@haverling.gov.uk"));
    }

    @Test
    void agencyBoardMembersAreEngagedBeforeTheChair_clause2_8() {
        assertThat(stage(havering, 3).checklist()).anyMatch(s -> s.contains("HSCB member"));
    }

    @Test
    void categoriesFollowClause1_3() {
        assertThat(havering.categories()).extracting(c -> c.label()).containsExactly("Levels of need",
                "Roles and responsibilities", "The need for action", "Progressing plans and communication");
    }
}
