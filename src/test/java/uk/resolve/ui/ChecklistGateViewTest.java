/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javafx.scene.control.CheckBox;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** A step the procedure requires before escalating is ticked in the record, and escalation waits for it. */
class ChecklistGateViewTest extends EscalationJourney {

    private boolean asAdministrator;

    /** Only an administrator imports a procedure; cases are worked on as a manager. */
    @Override
    protected uk.resolve.security.Actor actor() {
        return asAdministrator ? new uk.resolve.security.Actor("admin", uk.resolve.security.Role.ADMINISTRATOR, "IT")
                : super.actor();
    }

    @Test
    void escalationIsRefusedNamingTheStepUntilItIsTickedAndTheTickIsKeptInTheRecord() throws Exception {
        asAdministrator = true;
        restart();
        services.policies().importFile(Path.of("src/test/resources/procedures/joint-protocol.yaml"), "admin");
        asAdministrator = false;
        restart();
        UUID id = services.cases().open(new OpenCaseRequest("joint-protocol", "adults", "GATE-1", null,
                ChildStatus.CHILD_IN_NEED, "Worker", "GP practice", "Adult social care", null, "Thresholds",
                "The safeguarding enquiry was closed.", null, null, false, 1, null, false, null)
                .with(Instant.parse("2026-12-14T08:00:00Z"), Map.of("decision", Instant.parse("2026-12-13T00:00:00Z")),
                        Map.of())).id();
        onFx(() -> window.shell().showCase(id));
        settle();
        assertThat(text("tick-justified")).contains("The line manager checks the concern is justified",
                "to tick before escalating");

        press("escalateButton");
        fill("field-reason", "Not resolved between practitioners.");
        fill("field-evidence", "Notes of the call.");
        press("submitAction");
        assertThat(text("actionError")).contains("The line manager checks the concern is justified");
        assertThat(stored(id).stage()).isEqualTo(1);
        press("cancelAction");

        clickButton("tick-justified"); // scrolled into view: the stage's questions and route changes come first
        settle();
        assertThat(stored(id).context().ticked()).contains("adults/1/justified");
        CheckBox box = node("tick-justified");
        assertThat(box.isSelected()).isTrue();
        assertThat(box.isDisabled()).as("a tick in the record is not undone").isTrue();

        press("escalateButton");
        fill("field-reason", "Not resolved between practitioners.");
        fill("field-evidence", "Notes of the call.");
        press("submitAction");
        assertThat(stored(id).stage()).isEqualTo(2);
    }
}
