/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.EntryType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace asks the procedure's questions at the stage that asks them, takes answers, changes
 * and dates as entries, and offers the changes of route the stage allows.
 */
class WorkspaceQuestionsViewTest extends EscalationJourney {

    private boolean asAdministrator;
    private final A11yAudit audit = new A11yAudit();

    /** Only an administrator imports a procedure; cases are worked on as a manager. */
    @Override
    protected uk.resolve.security.Actor actor() {
        return asAdministrator ? new uk.resolve.security.Actor("admin", uk.resolve.security.Role.ADMINISTRATOR, "IT")
                : super.actor();
    }

    private UUID openJoint() throws Exception {
        asAdministrator = true;
        restart();
        services.policies().importFile(Path.of("src/test/resources/procedures/joint-protocol.yaml"), "admin");
        asAdministrator = false;
        restart();
        UUID id = services.cases().open(new OpenCaseRequest("joint-protocol", "adults", "Q-1", null,
                ChildStatus.CHILD_IN_NEED, "Worker", "GP practice", "Adult social care", null, "Thresholds",
                "The safeguarding enquiry was closed.", null, null, false, 1, null, false, null)
                .with(Instant.parse("2026-12-14T08:00:00Z"), Map.of("decision", Instant.parse("2026-12-13T00:00:00Z")),
                        Map.of())).id();
        onFx(() -> window.shell().showCase(id));
        settle();
        return id;
    }

    @Test
    void aQuestionAskedAtThisStageIsAnsweredAndChangedWithTheKeyboardAndBothAnswersStayInTheChronology()
            throws Exception {
        UUID id = openJoint();
        assertThat(allText("questionsDueBox")).contains("The procedure asks this at this stage",
                "How urgent is the disagreement?");
        assertThat(allText("questionsBox")).contains("Is an Independent Reviewing Officer involved? Not answered yet.",
                "When was the decision you disagree with made? 13 Dec 2026",
                "Date and time of the child protection conference Not given yet.");
        assertThat(present("switch-children")).as("offered only when the disagreement is urgent").isFalse();

        focusWindow();
        tabTo("answer-urgency", 40);
        push(KeyCode.SPACE);
        settle();
        assertThat(focusId()).isEqualTo("field-answer");
        chooseWithKeys("field-answer", "Urgent");
        push(KeyCode.ENTER);
        settle();
        assertThat(present("submitAction")).as("the answer is saved: " + screenText()).isFalse();
        assertThat(stored(id).context().facts()).containsEntry("urgency", "urgent");
        assertThat(present("questionsDueBox")).as("the prompt goes once answered").isFalse();
        assertThat(allText("questionsBox")).contains("How urgent is the disagreement? Urgent");
        assertThat(present("switch-children")).as("the answer opens the branch it governs").isTrue();

        later(Duration.ofMinutes(30));
        tabTo("answer-urgency", 40);
        assertThat(this.<javafx.scene.control.Button>node("answer-urgency").getText()).isEqualTo("Change");
        push(KeyCode.SPACE);
        settle();
        chooseWithKeys("field-answer", "Not urgent");
        push(KeyCode.ENTER);
        settle();
        CaseState c = stored(id);
        assertThat(c.context().facts()).containsEntry("urgency", "not-urgent");
        assertThat(c.entries().stream().filter(e -> e.type() == EntryType.FACT_ANSWERED)).hasSize(2);
        assertThat(allText("chronologyList")).contains("How urgent is the disagreement? Not urgent",
                "Changed from: Urgent", "How urgent is the disagreement? Urgent");
        assertThat(present("switch-children")).isFalse();
    }

    @Test
    void choosingTheSameAnswerAgainIsRefusedAndChangesNothing() throws Exception {
        UUID id = openJoint();
        press("answer-iro");
        choose("field-answer", "Yes");
        press("submitAction");
        int entries = stored(id).entries().size();
        press("answer-iro");
        assertThat(shownChoice("field-answer")).as("the answer now is shown").isEqualTo("Yes");
        press("submitAction");
        assertThat(text("actionError")).contains("already the answer");
        assertThat(stored(id).entries()).hasSize(entries);
    }

    @Test
    void aDatedFactIsRecordedWithItsTimeAndShownInTheChronology() throws Exception {
        UUID id = openJoint();
        press("give-date-conference");
        press("submitAction");
        assertThat(text("field-valueError")).isEqualTo("Required: date.");
        focusWindow();
        onFx(() -> node("field-value").requestFocus());
        keys(scene(), "16/12/2026");
        push(KeyCode.TAB);
        settle();
        assertThat(focusId()).isEqualTo("field-valueTime");
        keys(scene(), "14:00");
        push(KeyCode.ENTER);
        settle();
        assertThat(present("submitAction")).as("saved: " + screenText()).isFalse();
        assertThat(stored(id).context().dates()).containsEntry("conference", Instant.parse("2026-12-16T14:00:00Z"));
        assertThat(allText("questionsBox")).contains("Date and time of the child protection conference 16 Dec 2026, 14:00");
        assertThat(allText("chronologyList")).contains(EntryType.DATE_RECORDED.label(),
                "Date and time of the child protection conference: 16 Dec 2026, 14:00");
    }

    @Test
    void switchingTrackNeedsTheReasonTheProcedureAsksForAndTheTimelineShowsTheRouteTaken() throws Exception {
        UUID id = openJoint();
        assertThat(text("switch-fast")).isEqualTo("Significant risk: use the 24-hour fast track…");
        assertThat(text("trackLabel")).isEqualTo("Route: Adults at risk");
        press("switch-fast");
        assertThat(allText("actionPanel")).contains("Fast track for significant risk", "Senior managers within 24 hours");
        press("submitAction");
        assertThat(text("field-reasonError")).isEqualTo("Required: reason for changing route.");
        fill("field-reason", "The child was left alone overnight.");
        javafx.scene.control.DatePicker date = node("field-date");
        onFx(() -> date.setValue(java.time.LocalDate.of(2026, 12, 14)));
        fill("field-time", "07:00");
        assertThat(text("field-timeError")).as("the refusal sits beside the field").contains("before this stage began");
        assertThat(stored(id).trackId()).isEqualTo("adults");
        later(Duration.ofMinutes(10));
        fill("field-time", "09:05");
        press("submitAction");
        assertThat(present("submitAction")).as("saved: " + screenText()).isFalse();

        CaseState c = stored(id);
        assertThat(c.trackId()).isEqualTo("fast");
        assertThat(text("trackLabel")).isEqualTo("Route taken: Adults at risk → Fast track for significant risk");
        assertThat(stageHeading()).isEqualTo("Now: Stage 1 — Senior managers within 24 hours");
        assertThat(allText("stage-1")).contains("Now");
        assertThat(allText("chronologyList")).contains("Route changed to Fast track for significant risk, Stage 1 —"
                + " Senior managers within 24 hours", "From: Adults at risk, stage 1",
                "Reason: The child was left alone overnight.");
        assertThat(present("switch-fast")).as("the fast track offers no switch of its own").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal", "high-contrast", "text-200"})
    void questionsSwitchesAndTheirFormsCanBeReadInEveryLook(String look) throws Exception {
        UUID id = openJoint();
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
        assertThat(present("questionsDueBox")).isTrue();
        assertThat(present("switch-fast")).isTrue();
        screenshot("workspace-questions-" + look);
        onFx(() -> audit.read(look + ", questions", window.stage().getScene()));
        press("answer-urgency");
        onFx(() -> audit.read(look + ", answer form", window.stage().getScene()));
        press("cancelAction");
        press("give-date-conference");
        onFx(() -> audit.read(look + ", date form", window.stage().getScene()));
        press("cancelAction");
        press("switch-fast");
        screenshot("workspace-switch-" + look);
        onFx(() -> audit.read(look + ", switch form", window.stage().getScene()));
        assertThat(audit.problems()).as(String.join("\n", audit.problems())).isEmpty();
        assertThat(stored(id).entries()).hasSize(1);
    }

    // ----- keyboard

    private Scene scene() {
        return window.stage().getScene();
    }

    private void focusWindow() {
        onFx(() -> {
            window.stage().toFront();
            window.stage().requestFocus();
        });
        pointerClick(scene().getRoot().lookup(".app-name"));
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

    /** Moves through the focused drop-down's answers with the arrow keys, as a keyboard user would. */
    private void chooseWithKeys(String id, String wanted) {
        ComboBox<?> c = node(id);
        assertThat(c.isFocused()).as("#" + id + " has the focus").isTrue();
        int from = shownChoices(id).indexOf(shownChoice(id));
        int to = shownChoices(id).indexOf(wanted);
        assertThat(to).as("#" + id + " offers " + wanted).isNotNegative();
        for (int i = from; i < to; i++) {
            push(KeyCode.DOWN);
        }
        for (int i = from; i > to; i--) {
            push(KeyCode.UP);
        }
        settle();
        assertThat(shownChoice(id)).isEqualTo(wanted);
    }
}
