/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.resolve.policy.Bundled.stage;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;

/** Resolution of Professional Disagreements in Work Relating to the Safety of Children: seed 004. */
class SafetyOfChildrenPolicyTest {

    private final Policy policy = Bundled.load("safety-of-children");

    @Test
    void theMonitoringFormIsUsedAtStage2AndEachFurtherStage_clauseMonitoringForm() {
        assertThat(stage(policy, 1).forms()).isEmpty();
        for (int n = 2; n <= policy.defaultTrack().lastStage(); n++) {
            assertThat(stage(policy, n).forms()).as("stage " + n).singleElement()
                    .satisfies(f -> assertThat(f.form()).isEqualTo("monitoring-form"));
        }
    }

    @Test
    void atImmediateRiskDiscretionAsToWhichStageIsInitiated_clause5() {
        assertThat(policy.immediateRisk().startStages()).containsExactlyInAnyOrder(2, 3, 4);
    }

    @Test
    void setsNoTimescaleBeyondTheShortestPossible_clause5() {
        assertThat(policy.defaultTrack().stages()).allSatisfy(s -> assertThat(s.deadlines()).isEmpty());
        assertThat(policy.defaultTrack().budgets()).isEmpty();
    }

    @Test
    void coversChildProtectionAndChildInNeedCases_clause1() {
        assertThat(policy.scope().covers(ChildStatus.CP_PLAN)).isTrue();
        assertThat(policy.scope().covers(ChildStatus.CHILD_IN_NEED)).isTrue();
        assertThat(policy.scope().covers(ChildStatus.ADULT_AT_RISK)).isFalse();
    }

    @Test
    void categoriesFollowClause1() {
        assertThat(policy.categories()).extracting(c -> c.label()).containsExactly("Levels of need",
                "Roles and responsibilities", "The need for action", "Communication");
    }

    @Test
    void stagesRunFromWorkerToPartnership() {
        assertThat(policy.defaultTrack().stages()).extracting(Stage::title).startsWith("Discuss with the other worker")
                .endsWith("Safeguarding children partnership");
    }
}
