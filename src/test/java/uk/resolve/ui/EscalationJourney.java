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

    /** How New escalation shows a procedure in its list. */
    protected static String shown(Policy p) {
        return p.shortName() + ": " + p.name();
    }

    /** Opens a case through New escalation on the procedure's only route, answering "no" to immediate risk. */
    protected UUID openCase(String policyId, ChildStatus status, String childRef) {
        return openCase(policyId, null, status, childRef);
    }

    /**
     * Opens a case through New escalation with the pointer and the keyboard, answering "no" to
     * immediate risk; {@code trackId} is the route to click when the procedure has more than one.
     */
    protected UUID openCase(String policyId, String trackId, ChildStatus status, String childRef) {
        clickButton("newNav");
        clickButton("riskNo");
        Policy p = policy(policyId);
        pick("policy", shown(p));
        if (trackId != null) {
            clickButton("track-" + trackId);
        }
        clickButton("nextButton");
        type("childRef", childRef);
        pick("childStatus", status.label());
        type("raisedAgency", "Oak Primary School");
        type("otherAgency", "Children's Social Care");
        type("otherProfessional", "Duty social worker");
        clickButton("nextButton");
        type("aroseDate", "14/12/2026");
        pick("category", p.categories().get(0).label());
        type("concern", "Referral closed without an assessment.");
        type("evidence", "Three bruises in the log.");
        clickButton("nextButton");
        assertThat(allText("reviewGrid")).contains(childRef, status.label(), p.categories().get(0).label());
        clickButton("openButton");
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
        clickButton("discussButton");
        type("field-with", with);
        type("field-summary", summary);
        type("field-actions", "Managers to review.");
        clickButton("submitAction");
        assertThat(present("submitAction")).as("the form closes once saved").isFalse();
    }

    protected void escalate(String reason) {
        later(Duration.ofHours(1));
        clickButton("escalateButton");
        type("field-reason", reason);
        type("field-evidence", "Discussion notes on file.");
        clickButton("submitAction");
        assertThat(present("submitAction")).as("the form closes once saved: " + screenText()).isFalse();
    }

    protected void markSent(String notificationId, int stage) {
        later(Duration.ofMinutes(30));
        clickButton("markSent-" + notificationId + "-" + stage);
        type("field-note", "E-mailed");
        clickButton("submitAction");
    }

    protected void resolve(String outcome) {
        later(Duration.ofHours(1));
        clickButton("resolveButton");
        type("field-outcome", outcome);
        type("field-outstanding", "Review in a month.");
        type("field-learning", "Share threshold decisions in writing.");
        clickButton("submitAction");
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
