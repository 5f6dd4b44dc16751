/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.List;
import java.util.UUID;

import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;

import static org.assertj.core.api.Assertions.assertThat;

/** A child at immediate risk: the procedure's instruction comes first, and the case may start higher. */
class ImmediateRiskViewTest extends EscalationJourney {

    @Test
    void croydonCaseStartsAtStageThreeWithItsReasonAndRunsToResolution() {
        press("newNav");
        Policy croydon = policy("croydon");
        choose("policy", croydon);
        assertThat(present("riskBox")).isFalse();
        click("riskYes");
        assertThat(text("riskInstruction")).isEqualTo(croydon.immediateRisk().instruction());
        assertThat(text("riskPolice")).as("the emergency line is always there")
                .isEqualTo("In an emergency, call the police on 999.");
        choose("startStage", 3);
        click("startReason");
        write("Child left alone overnight; managers must act today.");
        press("nextButton");
        click("childRef");
        write("CR-RISK-1");
        choose("childStatus", ChildStatus.CHILD_IN_NEED);
        click("raisedAgency");
        write("Oak Primary School");
        type(KeyCode.TAB);
        write("Children's Social Care");
        assertThat(text("otherAgency")).isEqualTo("Children's Social Care");
        press("nextButton");
        fill("aroseDate", "14/12/2026");
        choose("category", croydon.categories().get(1));
        fill("concern", "No strategy discussion was held after the disclosure.");
        press("nextButton");
        assertThat(allText("reviewGrid")).contains("Stage 3 — Escalate to operational managers",
                "Child left alone overnight");
        type(KeyCode.ENTER); // "Open escalation" is the default button on the last step
        UUID id = currentCase();

        assertThat(stageHeading()).startsWith("Now: Stage 3");
        assertThat(present("riskBadge")).isTrue();
        assertThat(allText("stage-1")).contains("Skipped");
        assertThat(allText("stage-2")).contains("Skipped");
        assertThat(allText("stage-3")).contains("Now", "14 Dec 2026");
        assertThat(allText("notificationsBox")).contains("CSCB Business Team (stage 3)");
        assertThat(allText("formsList")).contains("Appendix A", "(stage 3): to be completed");
        press("openForm-appendix-a-3");
        assertThat(formsOpened).containsExactly(new OpenedForm(id, "appendix-a", 3));

        escalateToLast(id, () -> { });
        resolve("The executive agreed a strategy discussion today.");

        CaseState c = stored(id);
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.details().immediateRisk()).isTrue();
        assertThat(c.details().immediateRiskReason()).isEqualTo("Child left alone overnight; managers must act today.");
        assertThat(c.details().childRef()).isEqualTo("CR-RISK-1");
        assertThat(c.details().raisedAgency()).isEqualTo("Oak Primary School");
        assertThat(c.visits()).extracting(v -> v.stage()).containsExactly(3, 4, 5);
    }

    @Test
    void haveringShowsItsInstructionAndAsksForTheSafeguardingLeadToBeToldAtOnce() {
        press("newNav");
        Policy havering = policy("havering");
        choose("policy", havering);
        press("riskYes");
        assertThat(text("riskInstruction")).contains("inform the designated safeguarding lead");
        // Havering lets no case start above stage 1.
        javafx.scene.control.ComboBox<Integer> starts = node("startStage");
        assertThat(List.copyOf(starts.getItems())).containsExactly(1);
        assertThat(present("startReason")).isTrue();
        press("nextButton");
        fill("childRef", "HV-RISK");
        choose("childStatus", ChildStatus.LOOKED_AFTER);
        fill("raisedAgency", "GP practice");
        fill("otherAgency", "Children's Social Care");
        press("nextButton");
        fill("aroseDate", "14/12/2026");
        choose("category", havering.categories().get(2));
        fill("concern", "No visit after a disclosure of harm.");
        press("nextButton");
        press("openButton");
        UUID id = currentCase();
        assertThat(stageHeading()).startsWith("Now: Stage 1");
        assertThat(allText("notificationsBox")).contains("Designated safeguarding lead in your agency");
        markSent("dsl-immediate-risk", 0);
        assertThat(stored(id).notificationsDue()).isEmpty();
    }

    @Test
    void stepsRefuseToMoveOnUntilRequiredAnswersAreGiven() {
        press("newNav");
        press("nextButton");
        assertThat(text("errorLabel")).contains("need attention");
        assertThat(text("riskError")).contains("Required");
        assertThat(text("stepLabel")).startsWith("Step 1 of 4");
        press("riskYes");
        choose("policy", policy("croydon"));
        choose("startStage", 2);
        press("nextButton");
        assertThat(text("startReasonError")).contains("say why the case starts at stage 2");
        fill("startReason", "Risk tonight.");
        press("nextButton");
        assertThat(text("stepLabel")).startsWith("Step 2 of 4");
        press("nextButton");
        assertThat(text("childRefError")).isEqualTo("Required: child's reference.");
        assertThat(text("otherAgencyError")).isEqualTo("Required: the other agency.");
    }
}
