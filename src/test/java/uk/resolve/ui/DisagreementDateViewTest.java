/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;

import static org.assertj.core.api.Assertions.assertThat;

/** New escalation asks when the disagreement arose, and the procedure's own questions at opening. */
class DisagreementDateViewTest extends EscalationJourney {

    private boolean asAdministrator;

    /** Only an administrator imports a procedure; cases are opened as a manager. */
    @Override
    protected uk.resolve.security.Actor actor() {
        return asAdministrator ? new uk.resolve.security.Actor("admin", uk.resolve.security.Role.ADMINISTRATOR, "IT")
                : super.actor();
    }

    private void toTheDisagreementStep(Policy p, String trackId) {
        press("newNav");
        press("riskNo");
        choose("policy", p);
        if (trackId != null) {
            click("track-" + trackId);
        }
        press("nextButton");
        fill("childRef", "DD-1");
        choose("childStatus", ChildStatus.CHILD_IN_NEED);
        fill("raisedAgency", "Oak Primary School");
        fill("otherAgency", "Children's Social Care");
        press("nextButton");
        choose("category", p.categories().get(0));
        fill("concern", "The referral was closed without an assessment.");
    }

    @Test
    void theDisagreementDateIsRequiredRealAndNotInTheFutureAndIsKeptOnTheCase() {
        Policy croydon = policy("croydon");
        toTheDisagreementStep(croydon, null);
        assertThat(text("aroseDate")).as("no date is offered: the worker gives the real one").isNullOrEmpty();
        press("nextButton");
        assertThat(text("aroseDateError")).isEqualTo("Required: when the disagreement arose.");
        assertThat(this.<javafx.scene.control.TextField>node("aroseDate").isFocused()).as("the empty date has the focus")
                .isTrue();
        assertThat(text("aroseTime")).as("the time is optional and empty").isNullOrEmpty();

        fill("aroseDate", "31/02/2026");
        press("nextButton");
        assertThat(text("aroseDateError")).contains("31/02/2026", "is not a date");
        fill("aroseDate", "15/12/2026");
        assertThat(text("aroseDateError")).contains("in the future");
        fill("aroseDate", "");
        assertThat(text("aroseDateError")).isEqualTo("Required: when the disagreement arose.");
        fill("aroseDate", "14/12/2026");
        fill("aroseTime", "10:30");
        assertThat(text("aroseTimeError")).as("the clock says 09:00").contains("in the future");
        fill("aroseTime", "08:15");
        press("nextButton");
        assertThat(allText("reviewGrid")).contains("Disagreement arose", "14/12/2026 at 08:15");
        press("openButton");
        UUID id = currentCase();

        CaseState c = stored(id);
        assertThat(c.context().arose()).isEqualTo(Instant.parse("2026-12-14T08:15:00Z"));
    }

    @Test
    void theProceduresOpeningDatesAndFactsAreAskedRequiredOnesMarkedAndShownBeforeOpening() throws Exception {
        asAdministrator = true;
        restart();
        Policy joint = services.policies().importFile(Path.of("src/test/resources/procedures/joint-protocol.yaml"),
                "admin");
        asAdministrator = false;
        restart();
        toTheDisagreementStep(joint, "children");
        assertThat(allText("questionsBox")).contains("When was the decision you disagree with made? *",
                "Is an Independent Reviewing Officer involved?")
                .doesNotContain("Independent Reviewing Officer involved? *", "conference", "How urgent");
        press("nextButton");
        assertThat(text("question-decisionError")).startsWith("Required: when was the decision you disagree with made?");
        fill("question-decision", "10/12/2026");
        choose("question-iro", "yes");
        fill("aroseDate", "11/12/2026");
        press("nextButton");
        assertThat(allText("reviewGrid")).contains("When was the decision you disagree with made?", "10/12/2026",
                "Is an Independent Reviewing Officer involved?", "yes", "11/12/2026");
        press("openButton");
        CaseState c = stored(currentCase());
        assertThat(c.context().dates()).containsEntry("decision", Instant.parse("2026-12-10T00:00:00Z"));
        assertThat(c.context().facts()).containsEntry("iro", "yes");
    }

    @Test
    void startReasonIsMarkedRequiredOnlyWhenTheCaseStartsAboveTheFirstStage() {
        press("newNav");
        choose("policy", policy("croydon"));
        press("riskYes");
        assertThat(text("startReasonLabel")).isEqualTo("Reason");
        choose("startStage", 3);
        assertThat(text("startReasonLabel")).isEqualTo("Reason *");
        choose("startStage", 1);
        assertThat(text("startReasonLabel")).isEqualTo("Reason");
    }
}
