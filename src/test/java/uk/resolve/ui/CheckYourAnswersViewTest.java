/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New escalation: the stage to start at where the procedure allows another, and a check step that
 * shows every answer with a Change link back to its step.
 */
class CheckYourAnswersViewTest extends EscalationJourney {

    private boolean asAdministrator;
    private final A11yAudit audit = new A11yAudit();

    @Override
    protected uk.resolve.security.Actor actor() {
        return asAdministrator ? new uk.resolve.security.Actor("admin", uk.resolve.security.Role.ADMINISTRATOR, "IT")
                : super.actor();
    }

    private Policy toCheckStep() {
        press("newNav");
        Policy croydon = policy("croydon");
        choose("policy", croydon);
        press("riskYes");
        choose("startStage", 3);
        fill("startReason", "Child left alone overnight; managers must act today.");
        press("nextButton");
        fill("childRef", "CY-1");
        fill("childName", "Family Jones");
        choose("childStatus", ChildStatus.CHILD_IN_NEED);
        fill("raisedAgency", "Oak Primary School");
        fill("otherAgency", "Children's Social Care");
        press("nextButton");
        fill("aroseDate", "13/12/2026");
        choose("category", croydon.categories().get(1));
        fill("concern", "No strategy discussion after the disclosure.");
        fill("evidence", "Disclosure noted in the log.");
        press("nextButton");
        return croydon;
    }

    @Test
    void everyAnswerIsShownWithAChangeLinkThatReturnsToItsStepAndTheStartingStageIsKept() {
        Policy croydon = toCheckStep();
        String review = allText("reviewGrid");
        assertThat(review).contains("Immediate risk", "Yes", "Starts at",
                croydon.defaultTrack().stage(3).orElseThrow().heading(), "Reason for starting there",
                "Child left alone overnight; managers must act today.", "Child's reference", "CY-1",
                "Child's or family's name", "Family Jones", "Disagreement arose", "13/12/2026", "Evidence",
                "Disclosure noted in the log.");

        // The Change link beside the child's reference, reached and pressed from the keyboard.
        Hyperlink change = lookup((javafx.scene.Node n) -> n instanceof Hyperlink h
                && "Change Child's reference".equals(h.getAccessibleText())).query();
        assertThat(change.isFocusTraversable()).isTrue();
        onFx(change::requestFocus);
        settle();
        push(KeyCode.SPACE);
        settle();
        assertThat(present("childRef")).as("back on the step with the child's reference").isTrue();
        assertThat(present("step3")).as("the check step is left").isFalse();
        fill("childRef", "CY-2");
        press("nextButton");
        press("nextButton");
        assertThat(allText("reviewGrid")).contains("CY-2").doesNotContain("CY-1");
        press("openButton");
        UUID id = currentCase();
        CaseState c = stored(id);
        assertThat(c.details().childRef()).isEqualTo("CY-2");
        assertThat(c.stage()).isEqualTo(3);
        assertThat(allText("chronologyList")).contains("started at stage 3",
                "Child left alone overnight; managers must act today.");
    }

    @Test
    void aProcedureAllowingNoOtherStartSaysSoInsteadOfOfferingAChoiceOfOne() throws Exception {
        Path file = folder.resolve("first-stage-only.yaml");
        Files.writeString(file, Files.readString(Path.of("src/test/resources/procedures/joint-protocol.yaml"))
                .replace("id: joint-protocol", "id: first-stage-only").replace("startStages: [2]", "startStages: []"));
        asAdministrator = true;
        restart();
        Policy p = services.policies().importFile(file, "admin");
        asAdministrator = false;
        restart();
        press("newNav");
        choose("policy", p);
        press("riskYes");
        assertThat(present("startOnlyFirst")).isTrue();
        assertThat(present("startGrid")).isFalse();
        choose("policy", policy("croydon"));
        assertThat(present("startOnlyFirst")).isFalse();
        assertThat(present("startGrid")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal", "high-contrast", "text-200"})
    void theCheckStepCanBeReadInEveryLook(String look) {
        settle();
        switch (look) {
            case "high-contrast" -> press("contrastToggle");
            case "text-200" -> {
                for (int i = 0; i < 12; i++) {
                    onFx(window.viewModel()::larger);
                }
                settle();
            }
            default -> { }
        }
        toCheckStep();
        screenshot("check-your-answers-" + look);
        onFx(() -> audit.read(look + ", check your answers", window.stage().getScene()));
        assertThat(audit.problems()).as(String.join("\n", audit.problems())).isEmpty();
    }
}
