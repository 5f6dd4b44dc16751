/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.time.DueAt;
import uk.resolve.testing.CaseRun;

/** Whom to call now, which questions are due, steps at every meeting and when to ask for shorter deadlines. */
class StageRulesTest {

    private static CaseRun run(String procedure) {
        return new CaseRun(CaseRun.load("/procedures/" + procedure + ".yaml"));
    }

    @Test
    void actNowListsThePoliceOn999FirstThenTheFrontDoorThenOutOfHours() {
        var list = UrgentContacts.forPolicy(run("conference-dissent").policy());
        assertThat(list).extracting(UrgentContact::use, UrgentContact::name, UrgentContact::phone).containsExactly(
                org.assertj.core.groups.Tuple.tuple(UrgentContacts.EMERGENCY, "Police", "999"),
                org.assertj.core.groups.Tuple.tuple("front-door", "Example County Children's Front Door", "01632 960 001"),
                org.assertj.core.groups.Tuple.tuple("out-of-hours", "Emergency Duty Team", "01632 960 002"));
        assertThat(list.get(1).line()).isEqualTo("Example County Children's Front Door: 01632 960 001 · Example County"
                + " Council · frontdoor@example-county.gov.uk · Monday to Friday, 8:30 to 17:00.");
    }

    @Test
    void aProcedureNamingNoUrgentContactsStillSaysCallThePoliceOn999() {
        assertThat(UrgentContacts.forPolicy(run("shared-budget").policy()))
                .singleElement().satisfies(u -> assertThat(u.line()).isEqualTo("Police: 999 · In an emergency, if a child is in danger now"));
    }

    @Test
    void questionsAskedAtStageTwoAreDueOnceTheCaseReachesItAndUntilAnswered() {
        CaseRun r = run("conference-dissent");
        r.open("2027-01-11T09:00");
        assertThat(Questions.due(r.policy(), r.state())).extracting(Question::id).containsExactly("conference");
        r.now("2027-01-12T10:00").escalate("2027-01-12T09:00");
        assertThat(Questions.due(r.policy(), r.state())).extracting(Question::id, Question::stage, Question::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("conference", 0, true),
                        org.assertj.core.groups.Tuple.tuple("strategy", 2, true),
                        org.assertj.core.groups.Tuple.tuple("iro", 2, false));
        r.act(c -> r.cmd().answer(c, r.policy(), "iro", "no"));
        r.act(c -> r.cmd().recordDate(c, r.policy(), "strategy", CaseRun.at("2027-01-12T08:00")));
        assertThat(Questions.due(r.policy(), r.state())).extracting(Question::id).containsExactly("conference");
        assertThat(Questions.due(r.policy(), r.state()).get(0).choices()).isEmpty();
    }

    @Test
    void aCaseStartedAtStageTwoIsAskedStageTwoQuestionsAtOnceAndAClosedCaseNone() {
        CaseRun r = run("conference-dissent");
        r.open("2027-01-11T09:00", null, true, 2, Map.of("conference", CaseRun.at("2027-01-08T12:00")), Map.of());
        assertThat(Questions.due(r.policy(), r.state())).extracting(Question::id).containsExactly("strategy", "iro");
        assertThat(Questions.due(r.policy(), r.state()).get(1).choices()).containsExactly("yes", "no");
        r.act(c -> r.cmd().withdraw(c, "Agreed after all", null));
        assertThat(Questions.due(r.policy(), r.state())).isEmpty();
    }

    @Test
    void eachMeetingMakesTheStatementDueAgainUntilItIsTickedForThatMeeting() {
        CaseRun r = run("conference-dissent");
        r.open("2027-01-11T09:00");
        r.now("2027-01-13T17:00");
        r.discuss("phone", "2027-01-11T10:00");
        assertThat(r.state().context().meetingSteps()).as("a phone call is not a meeting").isEmpty();
        r.discuss("meeting", "2027-01-11T14:00");
        r.discuss("meeting", "2027-01-12T14:00");
        var steps = r.state().context().meetingStepsDue();
        assertThat(steps).extracting(MeetingStep::itemId, MeetingStep::meetingAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("statement", CaseRun.at("2027-01-11T14:00")),
                org.assertj.core.groups.Tuple.tuple("statement", CaseRun.at("2027-01-12T14:00")));
        // ticked for the second meeting by name, then for the earliest waiting
        r.act(c -> r.cmd().tick(c, r.policy(), "statement", null, null, steps.get(1).meetingId()));
        assertThat(r.state().context().meetingStepsDue()).extracting(MeetingStep::meetingId)
                .containsExactly(steps.get(0).meetingId());
        r.act(c -> r.cmd().tick(c, r.policy(), "statement", "Read by the chair", null));
        assertThat(r.state().context().meetingStepsDue()).isEmpty();
        assertThat(r.state().context().meetingSteps()).hasSize(2).allMatch(MeetingStep::ticked);
        assertThatThrownBy(() -> r.cmd().tick(r.state(), r.policy(), "statement", null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already ticked for every meeting");
        // a third meeting asks again
        r.discuss("meeting", "2027-01-13T09:00");
        assertThat(r.state().context().meetingStepsDue()).singleElement()
                .satisfies(m -> assertThat(m.meetingAt()).isEqualTo(CaseRun.at("2027-01-13T09:00")));
    }

    @Test
    void aStepForEveryMeetingRequiredBeforeEscalatingHoldsTheCaseUntilEveryMeetingHasIt() {
        CaseRun r = run("conference-dissent");
        r.open("2027-01-11T09:00");
        r.now("2027-01-14T17:00").escalate("2027-01-11T12:00");
        assertThatThrownBy(() -> r.cmd().tick(r.state(), r.policy(), "statement", null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("no meeting has been recorded");
        r.discuss("meeting", "2027-01-12T10:00");
        assertThatThrownBy(() -> r.escalate("2027-01-13T10:00")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("Read out the professional difference statement");
        assertThatThrownBy(() -> r.cmd().tick(r.state(), r.policy(), "statement", null, CaseRun.at("2027-01-12T09:00")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("before the meeting");
        r.act(c -> r.cmd().tick(c, r.policy(), "statement", null, null));
        assertThat(r.escalate("2027-01-13T10:00").stage()).isEqualTo(3);
    }

    @Test
    void aMeetingCannotBeNamedForAnOrdinaryStep() {
        CaseRun r = run("shared-budget");
        r.open("2027-01-11T09:00");
        assertThatThrownBy(() -> r.cmd().tick(r.state(), r.policy(), "justified", null, null, java.util.UUID.randomUUID()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("not a step for each meeting");
    }

    @Test
    void withNoRiskTimescalesAnImmediateRiskCaseAsksForDeadlinesToBeBroughtForwardUntilTheyAre() {
        CaseRun r = run("conference-dissent");
        r.open("2027-01-11T09:00", null, true, 2, Map.of(), Map.of());
        assertThat(RiskTimescales.provides(r.policy(), r.policy().defaultTrack())).isFalse();
        assertThat(RiskTimescales.askToBringDeadlinesForward(r.policy(), r.state())).isTrue();
        r.act(c -> r.cmd().shorten(c, r.policy(), "meet", DueAt.endOf(LocalDate.of(2027, 1, 12)), "Danger now"));
        assertThat(RiskTimescales.askToBringDeadlinesForward(r.policy(), r.state())).isFalse();
    }

    @Test
    void aCaseNotAtRiskOrUnderAProcedureWithAFastTrackIsNotAsked() {
        CaseRun plain = run("conference-dissent");
        plain.open("2027-01-11T09:00");
        assertThat(RiskTimescales.askToBringDeadlinesForward(plain.policy(), plain.state())).isFalse();

        CaseRun joint = run("joint-protocol");
        joint.open("2027-01-11T09:00", "adults", true, 2, Map.of("decision", CaseRun.at("2027-01-08T15:00")), Map.of());
        assertThat(RiskTimescales.provides(joint.policy(), joint.policy().defaultTrack())).as("24-hour fast track").isTrue();
        assertThat(RiskTimescales.askToBringDeadlinesForward(joint.policy(), joint.state())).isFalse();
    }
}
