/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker who uses no mouse: Control N, Tab, Space, the arrow keys, mnemonics (Alt and the
 * underlined letter), Enter for the default button and Escape to cancel.
 */
class KeyboardOnlyViewTest extends EscalationJourney {

    @Test
    void newEscalationCanBeCompletedWithTheKeyboardAlone() {
        settle();
        // Keys go to the window that has the focus, as on a desktop: make it Resolve's.
        onFx(() -> {
            window.stage().toFront();
            window.stage().requestFocus();
        });
        assertThat(window.stage().isFocused()).isTrue();
        // The one pointer click of this journey: on the window's sidebar heading (not a control), so
        // that the headless window system, too, gives this window the keyboard, whatever window an
        // earlier test left behind. From here on only keys are used.
        pointerClick(window.stage().getScene().getRoot().lookup(".app-name"));
        push(KeyCode.CONTROL, KeyCode.N);
        settle();
        assertThat(focusId()).as("the immediate-risk question has the focus").isEqualTo("riskNo");
        assertNoLetterTwice();
        push(KeyCode.SPACE);
        assertThat(this.<RadioButton>node("riskNo").isSelected()).isTrue();

        Policy kr = policy("kingston-richmond");
        tabTo("policy", 4);
        chooseWithKeys("policy", kr);
        tabTo("track-protection-plan", 4);
        push(KeyCode.SPACE);
        assertThat(this.<RadioButton>node("track-protection-plan").isSelected()).isTrue();
        push(KeyCode.ALT, KeyCode.X);
        settle();

        assertThat(focusId()).isEqualTo("childRef");
        keys(scene(), "KB-1");
        tabTo("childStatus", 3);
        chooseWithKeys("childStatus", ChildStatus.CP_PLAN);
        tabTo("raisedAgency", 4);
        keys(scene(), "Oak Primary School");
        tabTo("otherAgency", 2);
        keys(scene(), "Children's Social Care");
        push(KeyCode.ENTER);
        settle();

        assertThat(focusId()).as("the disagreement's date comes first, empty").isEqualTo("aroseDate");
        keys(scene(), "11/12/2026");
        tabTo("category", 2);
        chooseWithKeys("category", kr.categories().get(1));
        tabTo("concern", 2);
        keys(scene(), "The core group has not met since October.");
        push(KeyCode.ALT, KeyCode.X);
        settle();

        assertThat(allText("reviewGrid")).contains("KB-1", "Dissent about the implementation of a child protection plan");
        assertThat(focusId()).isEqualTo("openButton");
        push(KeyCode.ENTER);
        UUID id = currentCase();
        assertThat(focusId()).as("the workspace starts the keyboard at its first action").isEqualTo("discussButton");

        assertThat(text("trackLabel")).contains("child protection plan");
        CaseState c = stored(id);
        assertThat(c.trackId()).isEqualTo("protection-plan");
        assertThat(c.details().childRef()).isEqualTo("KB-1");
        assertThat(c.details().childStatus()).isEqualTo(ChildStatus.CP_PLAN);
        assertThat(c.details().category()).isEqualTo(kr.categories().get(1).label());
        assertThat(c.details().concern()).isEqualTo("The core group has not met since October.");

        assertNoLetterTwice();
        // In the workspace: Alt+D opens Record discussion, Escape closes it without saving.
        push(KeyCode.ALT, KeyCode.D);
        settle();
        assertThat(present("submitAction")).isTrue();
        assertThat(focusId()).as("the first field has the focus").startsWith("field-");
        push(KeyCode.ESCAPE);
        settle();
        assertThat(present("submitAction")).isFalse();
        assertThat(stored(id).entries()).hasSize(c.entries().size());
    }

    /** Alt+letter fires a button only when no other control in the window uses the same letter. */
    private void assertNoLetterTwice() {
        settle();
        java.util.Map<String, java.util.List<String>> byLetter = new java.util.TreeMap<>();
        scene().getMnemonics().forEach((combo, list) -> list.forEach(m -> byLetter
                .computeIfAbsent(combo.getName().toUpperCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>())
                .add(String.valueOf(m.getNode() instanceof javafx.scene.control.Labeled l ? l.getText() : m.getNode()))));
        assertThat(byLetter).allSatisfy((letter, owners) -> assertThat(owners).as(letter).hasSize(1));
    }

    private Scene scene() {
        return window.stage().getScene();
    }

    private String focusId() {
        settle();
        Node n = scene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    /** Presses Tab until {@code id} has the focus, at most {@code most} times, as a keyboard user would. */
    private void tabTo(String id, int most) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < most; i++) {
            push(KeyCode.TAB);
            String now = focusId();
            path.append(' ').append(now);
            if (id.equals(now)) {
                return;
            }
        }
        throw new AssertionError("#" + id + " not reached with " + most + " Tabs; focus went" + path);
    }

    /** Opens the focused drop-down with F4, moves with the Down arrow and takes the entry with Enter. */
    private <T> void chooseWithKeys(String id, T wanted) {
        ComboBox<T> c = node(id);
        assertThat(c.isFocused()).as("#" + id + " has the focus").isTrue();
        int from = c.getItems().indexOf(c.getValue());
        int to = c.getItems().indexOf(wanted);
        assertThat(to).as("#" + id + " offers " + wanted).isNotNegative();
        push(KeyCode.F4);
        settle();
        assertThat(c.isShowing()).isTrue();
        // With nothing chosen yet, the open list already has its first entry under the cursor.
        for (int i = Math.max(from, 0); i < to; i++) {
            push(KeyCode.DOWN);
        }
        for (int i = from; i > to; i--) {
            push(KeyCode.UP);
        }
        push(KeyCode.ENTER);
        settle();
        assertThat(c.getValue()).isEqualTo(wanted);
        assertThat(c.isShowing()).isFalse();
    }
}
