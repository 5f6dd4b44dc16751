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

/** Croydon Safeguarding Children Board, Resolution of Professional Disagreement (Nov 2018): seed 000. */
class CroydonPolicyTest {

    private final Policy croydon = Bundled.load("croydon");

    @Test
    void hasTheFiveStagesInOrder_resolvingDisagreementsAndEscalation() {
        assertThat(croydon.defaultTrack().stages()).extracting(Stage::title).containsExactly(
                "Discussion between front line workers",
                "Discussion between front line managers or supervisors",
                "Escalate to operational managers or named/designated safeguarding leads",
                "Escalate to senior management or leadership",
                "Escalate to the Safeguarding Partners Executive");
    }

    @Test
    void eachStageTakesNoLongerThanSevenWorkingDays_clauseEachStageShouldTakeNoLongerThan7WorkingDays() {
        for (Stage s : croydon.defaultTrack().stages()) {
            assertThat(s.deadlines()).as(s.heading()).singleElement().satisfies(d -> {
                assertThat(d.within()).isEqualTo(TimeSpan.workingDays(7));
                assertThat(d.from()).isEqualTo(Anchor.STAGE_ENTERED);
            });
        }
    }

    @Test
    void boardBusinessTeamIsNotifiedWithAppendixAFromStage3_clauseStage3To5() {
        assertThat(stage(croydon, 1).notifications()).isEmpty();
        assertThat(stage(croydon, 2).notifications()).isEmpty();
        for (int n = 3; n <= 5; n++) {
            assertThat(stage(croydon, n).notifications()).as("stage " + n)
                    .singleElement().satisfies(r -> {
                        assertThat(r.to()).isEqualTo("CSCB Business Team");
                        assertThat(croydon.contact(r.contact()).orElseThrow().email())
                                .isEqualTo("SafeguardingChildrenBoard@croydon.gov.uk");
                        assertThat(r.when().isAlways()).isTrue();
                    });
        }
        // Appendix A: "submitted at Stage 3 and subsequently updated if Stage 4 and 5 are used"
        assertThat(stage(croydon, 3).forms().stream().filter(f -> f.form().equals("appendix-a")).toList()).singleElement()
                .satisfies(f -> assertThat(f.form() + "/" + f.action() + "/" + f.on()).isEqualTo("appendix-a/complete/" + Trigger.STAGE_ENTERED));
        assertThat(stage(croydon, 4).forms().stream().filter(f -> f.form().equals("appendix-a")).toList()).singleElement().satisfies(f -> assertThat(f.action()).isEqualTo("update"));
        assertThat(stage(croydon, 5).forms().stream().filter(f -> f.form().equals("appendix-a")).toList()).singleElement().satisfies(f -> assertThat(f.action()).isEqualTo("update"));
    }

    @Test
    void appendixAMustNotContainDetailsOfAnyChildOrFamily_clauseAppendixA() {
        var appendixA = croydon.form("appendix-a").orElseThrow();
        assertThat(appendixA.anonymous()).isTrue();
        assertThat(appendixA.recipient()).isEqualTo("cscb-business-team");
        assertThat(appendixA.completedBy()).containsIgnoringCase("operational manager").contains("head of service");
    }

    @Test
    void imminentRiskGoesDirectToATeamManager_clauseResolvingDisagreements() {
        assertThat(croydon.immediateRisk().instruction()).contains("team manager").contains("urgently");
        // a team manager is stage 2 (front line manager); a higher start is allowed
        assertThat(croydon.immediateRisk().startStages()).contains(2).doesNotContain(1);
    }

    @Test
    void coversEarlyHelpChildInNeedChildProtectionAndLookedAfter_clausePurposeAndScope() {
        assertThat(croydon.scope().childStatuses()).containsExactlyInAnyOrder(ChildStatus.EARLY_HELP,
                ChildStatus.CHILD_IN_NEED, ChildStatus.CP_PLAN, ChildStatus.LOOKED_AFTER);
        assertThat(croydon.scope().adultsAtRisk()).isFalse();
    }

    @Test
    void categoriesAreThoseTheDefinitionSectionLists() {
        assertThat(croydon.categories()).extracting(c -> c.id())
                .containsExactly("levels-of-need", "roles-and-responsibilities", "plans", "communication");
    }

    @Test
    void theSafeguardingPartnersExecutiveAgreesAWayForward_clauseStage5() {
        assertThat(croydon.finalArbiter().title()).isEqualTo("Safeguarding Partners Executive");
        assertThat(croydon.finalArbiter().binding()).isFalse();
        assertThat(stage(croydon, 5).finalArbiter()).isTrue();
    }
}
