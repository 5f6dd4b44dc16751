/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.escalation.NotificationStatus;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.EntryType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker takes a case through each bundled procedure in the window: opens it, records
 * discussions, escalates through every stage to the last and resolves it. The clock starts on
 * Monday 14 Dec 2026 at 09:00 and moves on an hour or so per action.
 */
class ProcedureJourneysViewTest extends EscalationJourney {

    @Test
    void croydonCaseRunsFromFirstStageToTheExecutiveAndResolves() {
        UUID id = openCase("croydon", ChildStatus.CHILD_IN_NEED, "CR-100");
        assertThat(stageHeading()).startsWith("Now: Stage 1");
        // 7 working days from Monday 14 Dec 2026: Wednesday 23 Dec.
        assertThat(allText("deadlinesList")).contains("23 Dec 2026").contains("7 working days left");
        assertThat(allText("stage-1")).contains("Stage 1 · Now");
        assertThat(allText("stage-2")).contains("To come", "7 working days");
        discuss("Duty social worker", "We discussed the threshold decision and still disagree.");
        assertThat(allText("chronologyList")).contains("We discussed the threshold decision", "Not resolved");
        escalateToLast(id, () -> {
            int stage = stored(id).stage();
            if (stage == 3) {
                // From stage 3 the board business team is told, and Appendix A is due.
                assertThat(allText("notificationsBox")).contains("CSCB Business Team (stage 3)");
                assertThat(allText("formsList")).contains("Appendix A", "(stage 3): to be completed");
                clickButton("openForm-appendix-a-3");
                assertThat(formsOpened).containsExactly(new OpenedForm(id, "appendix-a", 3));
                markSent("cscb-business-team", 3);
                assertThat(allText("notificationsBox")).contains("Sent ");
            }
            if (stage == 4) {
                assertThat(allText("formsList")).contains("(stage 4): an update is due");
            }
        });
        resolve("The executive agreed an assessment will start now.");
        assertThat(text("statusLabel")).startsWith("Resolved on");
        assertThat(allText("stage-5")).contains("Done", "resolved");

        CaseState c = stored(id);
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.visits()).hasSize(5);
        assertThat(c.resolution().outcome()).isEqualTo("The executive agreed an assessment will start now.");
        assertThat(c.resolution().learning()).isEqualTo("Share threshold decisions in writing.");
        assertThat(c.entries()).filteredOn(e -> e.type() == EntryType.DISCUSSION_RECORDED).hasSize(1);
        assertThat(c.notifications()).filteredOn(n -> n.id().equals("cscb-business-team") && n.stage() == 3)
                .allMatch(NotificationStatus::sent);
        assertThat(c.formsDue()).filteredOn(f -> f.form().equals("appendix-a")).extracting(f -> f.stage())
                .containsExactly(3, 4, 5);
        // and the written confirmation of the agreed outcome, a letter to the other agency
        assertThat(c.formsDue()).filteredOn(f -> f.form().equals("outcome-confirmation")).extracting(f -> f.stage())
                .containsExactly(5);
    }

    @Test
    void haveringTellsTheIroAtStageTwoForAChildWithAProtectionPlan() {
        UUID id = openCase("havering", ChildStatus.CP_PLAN, "HV-200");
        // Guide: one working week from when the concern was raised, Monday 21 Dec.
        assertThat(allText("deadlinesList")).contains("21 Dec 2026", "5 working days left");
        assertThat(allText("notificationsBox")).doesNotContain("Independent Reviewing Officer");
        discuss("Key worker", "Discussed the plan; no agreement.");
        escalateToLast(id, () -> {
            int stage = stored(id).stage();
            if (stage == 2) {
                assertThat(allText("notificationsBox")).contains("Independent Reviewing Officer (stage 2)",
                        "child protection plan", "Due 14 Dec 2026");
                assertThat(present("markSent-iro-2")).isTrue();
                assertThat(allText("deadlinesList")).contains("no timescale");
                discuss("Team manager, Children's Social Care", "Managers met; still not agreed.");
                markSent("iro", 2);
                assertThat(present("markSent-iro-2")).isFalse();
            }
            if (stage == 3) {
                // 2.8: the agencies' board members are engaged before the case goes to the Chair
                clickButton("tick-hscb-members-engaged");
                settle();
            }
            if (stage == 4) {
                assertThat(allText("notificationsBox")).contains("Chair of the HSCB (stage 4)");
                assertThat(allText("arbiterLabel")).contains("Chair of the HSCB");
            }
        });
        resolve("The Chair convened a panel, which agreed a review of the plan.");

        CaseState c = stored(id);
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.resolution().stage()).isEqualTo(4);
        assertThat(c.notifications()).filteredOn(n -> n.id().equals("iro")).singleElement()
                .satisfies(n -> assertThat(n.sent()).isTrue());
        assertThat(c.notificationsDue()).extracting(NotificationStatus::id).containsExactly("hscb-chair");
        assertThat(c.entries()).filteredOn(e -> e.type() == EntryType.DISCUSSION_RECORDED).hasSize(2);
    }

    @Test
    void haveringDoesNotAskForTheIroWhenTheChildIsInNeedOnly() {
        UUID id = openCase("havering", ChildStatus.CHILD_IN_NEED, "HV-201");
        escalate("Not resolved between workers.");
        assertThat(stored(id).stage()).isEqualTo(2);
        assertThat(allText("notificationsBox")).doesNotContain("Independent Reviewing Officer");
        assertThat(stored(id).notifications()).isEmpty();
    }

    @Test
    void kingstonAndRichmondCaseReachesThePartnershipAndResolves() {
        UUID id = openCase("kingston-richmond", "referral-and-enquiry", ChildStatus.CHILD_IN_NEED, "KR-300");
        assertThat(allText("deadlinesList")).contains("21 Dec 2026", "5 working days left");
        assertThat(text("trackLabel")).isEqualTo("Route: Disagreement at referral and enquiry stage");
        discuss("Social worker", "We talked about the referral outcome.");
        escalateToLast(id, () -> {
            if (stored(id).stage() == 5) {
                assertThat(allText("notificationsBox")).contains("KRSCP Partnership Manager (stage 5)");
                markSent("krscp", 5);
            }
        });
        resolve("The partnership manager brokered an agreement.");
        CaseState c = stored(id);
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.trackId()).isEqualTo("referral-and-enquiry");
        assertThat(c.visits()).extracting(v -> v.stage()).containsExactly(1, 2, 3, 4, 5);
        assertThat(c.notificationsDue()).isEmpty();
    }

    @Test
    void kingstonAndRichmondOffersBothRoutesAndOpensAProtectionPlanCaseOnItsOwn() {
        clickButton("newNav");
        clickButton("riskNo");
        pick("policy", shown(policy("kingston-richmond")));
        assertThat(allText("trackSection")).contains("Disagreement at referral and enquiry stage",
                "Decisions, actions or lack of action about a referral",
                "Dissent about the implementation of a child protection plan",
                "including core group meetings, progress of the plan");
        clickButton("nextButton");
        assertThat(text("trackError")).isEqualTo("Required: choose which kind of disagreement this is.");
        clickButton("cancelButton");

        UUID id = openCase("kingston-richmond", "protection-plan", ChildStatus.CP_PLAN, "KR-310");
        assertThat(text("trackLabel")).isEqualTo("Route: Dissent about the implementation of a child protection plan");
        assertThat(stageHeading()).isEqualTo("Now: Stage 1 — Professionals attempt to resolve through discussion or meeting");
        escalate("The core group has not met for eight weeks.");
        assertThat(text("trackLabel")).contains("child protection plan");
        CaseState c = stored(id);
        assertThat(c.trackId()).isEqualTo("protection-plan");
        assertThat(c.stage()).isEqualTo(2);
        assertThat(c.details().childStatus()).isEqualTo(ChildStatus.CP_PLAN);
        assertThat(c.entries()).first().satisfies(e -> assertThat(e.data()).containsEntry("track", "protection-plan"));
    }

    @Test
    void northSomersetKeepsTheSharedFiveDayBudgetAndAsksForTheMonitoringForm() {
        UUID id = openCase("north-somerset", ChildStatus.EARLY_HELP, "NS-400");
        // One working day to discuss with the other practitioner; five from the outset to stage 4.
        assertThat(allText("deadlinesList")).contains("15 Dec 2026", "1 working day left")
                .contains("5 working days from the outset", "21 Dec 2026");
        discuss("The other practitioner", "We could not agree.");
        assertThat(allText("deadlinesList")).contains("Line managers make contact within 24 hours of the practitioners' discussion");
        escalateToLast(id, () -> {
            int stage = stored(id).stage();
            if (stage == 2 || stage == 3) {
                assertThat(allText("deadlinesList")).contains("5 working days from the outset", "21 Dec 2026");
            }
            if (stage == 3) {
                assertThat(allText("formsList")).contains("Monitoring Form (Appendix 2)", "(stage 3): to be completed");
                clickButton("openForm-monitoring-form-3");
                assertThat(formsOpened).containsExactly(new OpenedForm(id, "monitoring-form", 3));
            }
            if (stage == 5) {
                assertThat(allText("notificationsBox")).contains("Service Leader");
                assertThat(allText("arbiterLabel")).contains("binding");
            }
        });
        resolve("The panel decided that a joint visit takes place this week.");
        CaseState c = stored(id);
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.visits()).hasSize(5);
        assertThat(c.forms()).filteredOn(f -> f.form().equals("monitoring-form")).extracting(f -> f.stage())
                .containsExactly(3, 4);
        assertThat(c.forms()).filteredOn(f -> f.form().equals("outcome-confirmation")).extracting(f -> f.stage())
                .containsExactly(5);
    }

    @Test
    void safetyOfChildrenCaseAsksForTheMonitoringFormFromStageTwo() {
        UUID id = openCase("safety-of-children", ChildStatus.LOOKED_AFTER, "SC-500");
        assertThat(allText("deadlinesList")).contains("no timescale");
        assertThat(allText("formsList")).isEmpty();
        discuss("The other worker", "Discussed; not resolved.");
        escalateToLast(id, () -> {
            int stage = stored(id).stage();
            assertThat(allText("formsList")).contains("Monitoring Form", "stage " + stage);
        });
        resolve("The partnership agreed a joint review.");
        CaseState c = stored(id);
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.visits()).hasSize(4);
        assertThat(c.formsDue()).extracting(f -> f.stage()).containsExactly(2, 3, 4);
        assertThat(text("statusLabel")).contains("at stage 4");
    }
}
