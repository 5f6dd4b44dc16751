/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** Defects found trying Resolve as a new user would: keys, messages and words. */
class DefectsFoundInUseViewTest extends EscalationJourney {

    @Test
    void controlShiftEqualsMakesTheTextLargerAsControlPlusDoes() {
        settle();
        double before = window.viewModel().textScaleProperty().get();
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS);
        release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
        settle();
        assertThat(window.viewModel().textScaleProperty().get()).isEqualTo(before + 0.1, within());
        press(KeyCode.CONTROL, KeyCode.EQUALS);
        release(KeyCode.EQUALS, KeyCode.CONTROL);
        settle();
        assertThat(window.viewModel().textScaleProperty().get()).isEqualTo(before + 0.2, within());
    }

    @Test
    void enterOnTheImmediateRiskQuestionMovesOn() {
        press("newNav");
        RadioButton no = node("riskNo");
        assertThat(no.isFocused()).as("the first question has the focus when the wizard opens").isTrue();
        push(KeyCode.SPACE);
        settle();
        assertThat(no.isSelected()).isTrue();
        push(KeyCode.ENTER);
        settle();
        assertThat(text("stepLabel")).as("Enter on the answered question goes to the next step; " + screenText())
                .startsWith("Step 2 of 4");
    }

    @Test
    void aRefusedNextPutsTheFocusOnTheFirstAnswerNeedingAttention() {
        press("newNav");
        press("riskNo");
        press("nextButton");
        fill("childRef", "AB-1");
        press("nextButton");
        javafx.scene.Node status = node("childStatus");
        assertThat(status.isFocused()).as("the child's status is the first answer still missing").isTrue();
        assertThat(text("errorLabel")).contains("need attention");
        choose("childStatus", uk.resolve.domain.policy.ChildStatus.CHILD_IN_NEED);
        fill("raisedBy", "Sam Lee");
        fill("raisedAgency", "Oak Primary School");
        fill("otherAgency", "Children's Social Care");
        assertThat(present("errorLabel")).as("the banner goes once the answers are fixed").isFalse();
    }

    @Test
    void anEmptyListShowsOnlyTheFriendlyMessage() {
        press("homeNav");
        assertThat(present("emptyLabel")).isTrue();
        assertThat(screenText()).doesNotContain("No content in table");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.001);
    }
}
