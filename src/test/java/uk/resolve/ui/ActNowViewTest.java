/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.EntryType;

import static org.assertj.core.api.Assertions.assertThat;

/** An immediate-risk case keeps what to do now at the top of the workspace until the worker says what was done. */
class ActNowViewTest extends EscalationJourney {

    private final A11yAudit audit = new A11yAudit();

    private UUID openAtRisk(String policyId, int stage) {
        settle();
        UUID id = services.cases().open(new OpenCaseRequest(policyId, null, "AN-1", null, ChildStatus.CHILD_IN_NEED,
                "Worker", "Oak Primary School", "Children's Social Care", null,
                services.policies().require(policyId).categories().get(0).label(),
                "Disclosure of harm at home; no strategy discussion.", null, null, true, stage,
                stage > 1 ? "The child goes home tonight." : null, false, null)).id();
        onFx(() -> window.shell().showCase(id));
        settle();
        return id;
    }

    @Test
    void actNowShowsTheInstructionContactsAndPoliceUntilWhatWasDoneIsRecorded() {
        UUID id = openAtRisk("havering", 1);
        assertThat(present("actNowPanel")).isTrue();
        assertThat(text("actNowInstruction")).isEqualTo(services.policies().require("havering").immediateRisk().instruction());
        assertThat(text("actNowPolice")).isEqualTo("In an emergency, call the police on 999.");
        assertThat(allText("actNowContacts")).contains("Designated safeguarding lead");

        press("recordRiskAction");
        press("submitAction");
        assertThat(text("actionError")).contains("need attention");
        assertThat(stored(id).actNow()).as("nothing is recorded without saying what was done").isTrue();

        later(Duration.ofMinutes(20));
        type("field-done", "Called the police on 999; told the designated safeguarding lead.");
        clickButton("submitAction");

        assertThat(present("actNowPanel")).as("the panel goes once what was done is recorded").isFalse();
        CaseState c = stored(id);
        assertThat(c.actNow()).isFalse();
        assertThat(c.entries()).anyMatch(e -> e.type() == EntryType.RISK_ACTION);
        assertThat(allText("chronologyList")).contains(EntryType.RISK_ACTION.label(),
                "Called the police on 999; told the designated safeguarding lead.");
    }

    @Test
    void aCaseWithoutImmediateRiskHasNoActNowPanel() {
        openCase("croydon", ChildStatus.CHILD_IN_NEED, "NO-RISK");
        assertThat(present("actNowPanel")).isFalse();
        assertThat(present("recordRiskAction")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal", "high-contrast", "text-200"})
    void actNowCanBeReadInEveryLook(String look) {
        onFx(() -> { });
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
        openAtRisk("north-somerset", 3);
        assertThat(present("actNowPanel")).isTrue();
        assertThat(present("recordRiskAction")).isTrue();
        screenshot("act-now-" + look);
        onFx(() -> audit.read(look + ", act now", window.stage().getScene()));
        assertThat(audit.problems()).as(String.join("\n", audit.problems())).isEmpty();
    }
}
