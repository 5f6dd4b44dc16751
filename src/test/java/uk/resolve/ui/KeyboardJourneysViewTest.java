/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.time.Duration;
import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.EntryType;
import uk.resolve.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main tasks with the keyboard alone, each to its end in the database: after one click to give
 * the headless window the keyboard, only keys (mnemonics, Tab between fields and Control+Tab out of
 * a text area, Space on a button) are used.
 */
class KeyboardJourneysViewTest extends EscalationJourney {

    @Test
    void aDiscussionIsRecordedAndTheCaseEscalatedWithTheKeyboardAlone() {
        settle();
        UUID id = services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED,
                "2026-12-14T08:00")).id();
        onFx(() -> window.shell().showCase(id));
        settle();
        takeTheKeyboard();

        later(Duration.ofMinutes(30));
        push(KeyCode.ALT, KeyCode.D);
        settle();
        assertThat(present("submitAction")).as("Alt+D opens Record a discussion").isTrue();
        fieldTo("field-with", "Duty social worker");
        fieldTo("field-summary", "We did not agree about the assessment.");
        submitWithKeys();
        CaseState afterDiscussion = stored(id);
        assertThat(afterDiscussion.entries()).filteredOn(e -> e.type() == EntryType.DISCUSSION_RECORDED)
                .singleElement().satisfies(e -> assertThat(e.data().toString())
                        .contains("Duty social worker", "We did not agree about the assessment."));

        later(Duration.ofMinutes(30));
        push(KeyCode.ALT, KeyCode.E);
        settle();
        assertThat(present("submitAction")).as("Alt+E opens Escalate").isTrue();
        fieldTo("field-reason", "Not resolved between the workers.");
        fieldTo("field-evidence", "Discussion notes on file.");
        submitWithKeys();
        assertThat(stored(id).stage()).isEqualTo(afterDiscussion.stage() + 1);
        assertThat(stored(id).entries()).anySatisfy(e -> assertThat(e.type()).isEqualTo(EntryType.ESCALATED));
    }

    /** One click on the sidebar's heading (not a control), so that the headless window has the keyboard. */
    private void takeTheKeyboard() {
        onFx(() -> {
            window.stage().toFront();
            window.stage().requestFocus();
        });
        pointerClick(scene().getRoot().lookup(".app-name"));
        settle();
    }

    /** Tab (Control+Tab out of a text area) until {@code id} has the focus, then types. */
    private void fieldTo(String id, String text) {
        moveTo(id, 12);
        keys(scene(), text);
        settle();
    }

    /** Tab to the form's main button and Space on it; the form closes once saved. */
    private void submitWithKeys() {
        moveTo("submitAction", 20);
        push(KeyCode.SPACE);
        settle();
        assertThat(present("submitAction")).as("the form closes once saved: " + screenText()).isFalse();
    }

    private void moveTo(String id, int most) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i <= most; i++) {
            String now = focusId();
            if (id.equals(now)) {
                return;
            }
            path.append(' ').append(now);
            // Tab, as everywhere; in a text area Tab is typed, so Control+Tab leaves it
            if (scene().getFocusOwner() instanceof javafx.scene.control.TextArea) {
                push(KeyCode.CONTROL, KeyCode.TAB);
            } else {
                push(KeyCode.TAB);
            }
        }
        throw new AssertionError("#" + id + " not reached with " + most + " Tabs; focus went" + path);
    }

    private Scene scene() {
        return window.stage().getScene();
    }

    private String focusId() {
        settle();
        Node n = scene().getFocusOwner();
        return n == null ? null : n.getId();
    }
}
