/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.time.Duration;
import java.util.UUID;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.ui.workspace.WorkspaceController;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps a worker takes through the window, shared by the journeys. */
public abstract class EscalationJourney extends UiTestSupport {

    protected Policy policy(String id) {
        settle();
        return services.policies().require(id);
    }

    /** Opens a case through New escalation, answering "no" to immediate risk. */
    protected UUID openCase(String policyId, ChildStatus status, String childRef) {
        press("newNav");
        press("riskNo");
        Policy p = policy(policyId);
        choose("policy", p);
        press("nextButton");
        fill("childRef", childRef);
        choose("childStatus", status);
        fill("raisedAgency", "Oak Primary School");
        fill("otherAgency", "Children's Social Care");
        fill("otherProfessional", "Duty social worker");
        press("nextButton");
        choose("category", p.categories().get(0));
        fill("concern", "The referral was closed without an assessment.");
        fill("evidence", "Three bruises recorded in the safeguarding log.");
        press("nextButton");
        assertThat(allText("reviewGrid")).contains(childRef, status.label(), p.categories().get(0).label());
        press("openButton");
        return currentCase();
    }

    protected UUID currentCase() {
        settle();
        Object c = window.shell().current();
        assertThat(c).as("the case workspace is showing").isInstanceOf(WorkspaceController.class);
        return ((WorkspaceController) c).viewModel().caseId();
    }

    protected CaseState stored(UUID id) {
        return services.cases().get(id);
    }

    protected void discuss(String with, String summary) {
        later(Duration.ofHours(1));
        press("discussButton");
        fill("field-with", with);
        fill("field-summary", summary);
        fill("field-actions", "Both managers to review the referral.");
        press("submitAction");
        assertThat(present("submitAction")).as("the form closes once saved").isFalse();
    }

    protected void escalate(String reason) {
        later(Duration.ofHours(1));
        press("escalateButton");
        fill("field-reason", reason);
        fill("field-evidence", "Notes of the discussions on file.");
        press("submitAction");
        assertThat(present("submitAction")).as("the form closes once saved: " + screenText()).isFalse();
    }

    protected void markSent(String notificationId, int stage) {
        later(Duration.ofMinutes(30));
        press("markSent-" + notificationId + "-" + stage);
        fill("field-note", "E-mailed");
        press("submitAction");
    }

    protected void resolve(String outcome) {
        later(Duration.ofHours(1));
        press("resolveButton");
        fill("field-outcome", outcome);
        fill("field-outstanding", "The team manager will review in a month.");
        fill("field-learning", "Share threshold decisions in writing.");
        press("submitAction");
    }

    protected String stageHeading() {
        return text("stageHeading");
    }

    /** Escalates stage by stage to the last, checking the heading at each. */
    protected void escalateToLast(UUID id, Runnable atEachStage) {
        CaseState c = stored(id);
        Policy p = services.cases().policyOf(c);
        var track = p.track(c.trackId()).orElseThrow();
        for (int s = c.stage() + 1; s <= track.lastStage(); s++) {
            escalate("Not resolved at stage " + (s - 1) + ".");
            assertThat(stageHeading()).isEqualTo("Now: " + track.stage(s).orElseThrow().heading());
            assertThat(stored(id).stage()).isEqualTo(s);
            atEachStage.run();
        }
        assertThat(present("escalateButton")).as("no escalation past the last stage").isFalse();
    }
}
