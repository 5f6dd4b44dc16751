/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Done on an open deadline marks it met; a met deadline says when, and whether on time. */
class DeadlineMetViewTest extends EscalationJourney {

    private UUID open() {
        settle();
        UUID id = services.cases().open(new OpenCaseRequest("croydon", null, "DM-1", null, ChildStatus.CHILD_IN_NEED,
                "Worker", "Oak Primary School", "Children's Social Care", null,
                services.policies().require("croydon").categories().get(0).label(),
                "The referral was closed without an assessment.", null, null, false, 1, null, false, null)).id();
        onFx(() -> window.shell().showCase(id));
        settle();
        return id;
    }

    private DeadlineStatus first(UUID id) {
        return stored(id).deadlines().stream().filter(d -> !d.met()).findFirst().orElseThrow();
    }

    @Test
    void doneMarksADeadlineMetOnTimeAndItStaysMetWhenADiscussionIsRecorded() {
        UUID id = open();
        DeadlineStatus d = first(id);
        later(Duration.ofHours(2));
        press("met-" + d.id());
        press("submitAction");
        assertThat(present("submitAction")).isFalse();
        assertThat(text("deadline-" + d.id())).contains(d.label(), "met on 14 Dec 2026, 11:00 (on time)");
        assertThat(present("met-" + d.id())).as("a met deadline has no Done").isFalse();
        discuss("Duty social worker", "We went through the decision again.");
        DeadlineStatus after = stored(id).deadlines().stream().filter(x -> x.id().equals(d.id())).findFirst().orElseThrow();
        assertThat(after.met()).isTrue();
        assertThat(after.metOnTime()).isTrue();
        assertThat(text("deadline-" + d.id())).contains("met on 14 Dec 2026, 11:00 (on time)");
    }

    @Test
    void aDeadlineMetAfterItWasDueShowsLate() {
        UUID id = open();
        DeadlineStatus d = first(id);
        later(Duration.ofDays(40));
        onFx(() -> ((uk.resolve.ui.workspace.WorkspaceController) window.shell().current()).show(id));
        settle();
        press("met-" + d.id());
        press("submitAction");
        assertThat(text("deadline-" + d.id())).contains("met on 23 Jan 2027, 09:00 (late)");
        assertThat(stored(id).deadlines().stream().filter(x -> x.id().equals(d.id())).findFirst().orElseThrow()
                .metOnTime()).isFalse();
    }
}
