/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.FormStatus;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.escalation.UrgentContact;
import uk.resolve.domain.escalation.UrgentContacts;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.time.DueAt;
import uk.resolve.testing.CaseRun;

/** Each bundled procedure's clauses, as the procedure file now says them, worked out on real cases. */
class BundledProceduresClauseTest {

    private static CaseRun run(String policyId) {
        return new CaseRun(CaseRun.load("/policies/" + policyId + ".yaml"));
    }

    @ParameterizedTest(name = "track {0}")
    @ValueSource(strings = {"referral-and-enquiry", "protection-plan"})
    @DisplayName("Kingston & Richmond 1.4: \"within a working week or a timescale that protects the child from harm"
            + " (whichever is less)\"")
    void kingstonRichmondStageOneIsAWorkingWeekOverChristmasOrSoonerIfTheWorkerSaysSo(String track) {
        CaseRun r = run("kingston-richmond");
        // Tuesday 22 December 2026: Christmas Day and the Boxing Day substitute (Monday 28th) do not count
        r.open("2026-12-22T10:00", track, false, 1, Map.of(), Map.of());
        DeadlineStatus stage = r.deadline("stage");
        assertThat(stage.due()).isEqualTo(DueAt.endOf(LocalDate.of(2026, 12, 31)));
        assertThat(stage.soonerPrompt()).contains("a timescale that protects the child from harm, whichever is less")
                .contains("bring this deadline forward");

        assertThatThrownBy(() -> r.cmd().shorten(r.state(), r.policy(), "stage", DueAt.endOf(LocalDate.of(2027, 1, 4)),
                "Longer")).isInstanceOf(RuleViolation.class).hasMessageContaining("never put back");
        r.act(c -> r.cmd().shorten(c, r.policy(), "stage", DueAt.endOf(LocalDate.of(2026, 12, 23)),
                "The child is home alone over Christmas"));
        DeadlineStatus shortened = r.deadline("stage");
        assertThat(shortened.due()).isEqualTo(DueAt.endOf(LocalDate.of(2026, 12, 23)));
        assertThat(shortened.procedureDue().date()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(shortened.soonerPrompt()).as("asked once, answered").isNull();
    }

    @Test
    @DisplayName("Kingston & Richmond 1.7: first line managers agree \"within a further working week or a timescale"
            + " that protects the child from harm (whichever is less)\"")
    void kingstonRichmondStageTwoIsAFurtherWorkingWeekFromReachingIt() {
        CaseRun r = run("kingston-richmond");
        r.open("2027-03-22T09:00");
        // escalated on Thursday 25 March 2027: Good Friday and Easter Monday do not count
        r.now("2027-03-25T12:00").escalate("2027-03-25T11:00");
        DeadlineStatus stage = r.deadline("stage");
        assertThat(stage.stage()).isEqualTo(2);
        assertThat(stage.due()).isEqualTo(DueAt.endOf(LocalDate.of(2027, 4, 5)));
        assertThat(stage.sooner()).isEqualTo("a timescale that protects the child from harm");
    }

    @Test
    @DisplayName("Havering 1.4: \"as a guide ... within one working week or a timescale that protects the child from"
            + " harm (whichever is shortest)\"")
    void haveringGuideIsOneWorkingWeekFromOpeningOverEasterOrSooner() {
        CaseRun r = run("havering");
        r.open("2027-03-25T15:00");
        DeadlineStatus guide = r.deadline("guide");
        assertThat(guide.due()).isEqualTo(DueAt.endOf(LocalDate.of(2027, 4, 5)));
        assertThat(guide.soonerPrompt()).contains("whichever is less");
    }

    @Test
    @DisplayName("Havering 2.8: the agencies' HSCB members \"should be engaged in seeking resolution before the case"
            + " is raised with the HSCB Chair\"")
    void haveringRefusesToGoToTheChairUntilTheBoardMembersHaveBeenEngaged() {
        CaseRun r = run("havering");
        r.open("2027-01-11T09:00");
        r.now("2027-01-14T12:00");
        r.escalate("2027-01-12T09:00");
        r.escalate("2027-01-13T09:00");
        assertThat(r.state().stage()).isEqualTo(3);
        assertThatThrownBy(() -> r.escalate("2027-01-14T09:00")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("Each agency's HSCB member has been engaged in seeking resolution")
                .hasMessageContaining("hscb-members-engaged");
        assertThat(r.state().stage()).isEqualTo(3);
        r.act(c -> r.cmd().tick(c, r.policy(), "hscb-members-engaged", "Both board members met", null));
        assertThat(r.escalate("2027-01-14T12:00").stage()).isEqualTo(4);
    }

    @Test
    @DisplayName("Havering 1.5: \"If a child is thought to be at immediate harm, the designated safeguarding lead in"
            + " your agency should be informed immediately\"")
    void haveringActNowListsThePoliceThenTheDesignatedSafeguardingLead() {
        var list = UrgentContacts.forPolicy(run("havering").policy());
        assertThat(list).extracting(UrgentContact::name)
                .containsExactly("Police", "Designated safeguarding lead in your agency");
        assertThat(list.get(0).phone()).isEqualTo("999");
    }

    @ParameterizedTest(name = "{0} from stage {1}: allowed {2}")
    @CsvSource({
            "north-somerset, 3, true",
            "safety-of-children, 2, true",
            "havering, 2, false"})
    @DisplayName("North Somerset aim 5 and the Safety of Children policy 5: \"if a child is thought to be at risk of"
            + " immediate harm, discretion should be used as to which stage is initiated\"; Havering 1.5 gives none")
    void startingAboveStageOneIsAllowedWhereTheProcedureGivesDiscretionWithTheReasonKept(String policyId, int stage,
                                                                                        boolean allowed) {
        CaseRun r = run(policyId);
        if (allowed) {
            CaseState c = r.open("2027-01-11T09:00", null, true, stage, Map.of(), Map.of());
            assertThat(c.stage()).isEqualTo(stage);
            assertThat(c.visits().get(0).reason()).isEqualTo("Danger now");
        } else {
            assertThatThrownBy(() -> r.open("2027-01-11T09:00", null, true, stage, Map.of(), Map.of()))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("does not allow a case to start at stage");
        }
    }

    @Test
    @DisplayName("North Somerset stage 1: \"Contact between the relevant line managers should take place within 24"
            + " hours\"")
    void northSomersetLineManagersHave24ElapsedHoursFromThePractitionersDiscussionWeekendOrNot() {
        CaseRun r = run("north-somerset");
        r.open("2027-01-15T09:00");
        r.now("2027-01-16T12:00").discuss("phone", "2027-01-15T16:00");
        DeadlineStatus contact = r.deadline("line-manager-contact");
        assertThat(contact.due()).isEqualTo(DueAt.at(LocalDateTime.of(2027, 1, 16, 16, 0)));
        // the line managers' own call, recorded next, does not move it
        r.discuss("phone", "2027-01-16T11:00");
        assertThat(r.deadline("line-manager-contact").due()).isEqualTo(contact.due());
    }

    @Test
    @DisplayName("North Somerset stage 1: the 24 hours are elapsed time across the spring clock change")
    void northSomersetTwentyFourHoursAcrossTheClocksGoingForwardEndAnHourLaterOnTheWallClock() {
        CaseRun r = run("north-somerset");
        r.open("2027-03-27T09:00");
        r.now("2027-03-27T13:00").discuss("meeting", "2027-03-27T12:00");
        assertThat(r.deadline("line-manager-contact").due()).isEqualTo(DueAt.at(LocalDateTime.of(2027, 3, 28, 13, 0)));
    }

    @ParameterizedTest(name = "{0} resolved at stage {1}")
    @CsvSource({"north-somerset, 1", "north-somerset, 4", "croydon, 2", "croydon, 5"})
    @DisplayName("North Somerset additional notes and Croydon recording: \"written confirmation between the parties"
            + " about an agreed outcome ... and how any outstanding issues will be pursued\"")
    void anAgreedOutcomeCallsForALetterToTheOtherAgencyAtWhicheverStageItIsReached(String policyId, int stage) {
        CaseRun r = run(policyId);
        r.open("2027-01-11T09:00");
        r.now("2027-01-12T17:00");
        for (int s = 2; s <= stage; s++) {
            int at = s;
            r.act(c -> r.cmd().escalate(c, r.policy(), "Not resolved", null, CaseRun.at("2027-01-12T1" + at + ":00")));
        }
        assertThat(r.state().formsDue()).extracting(FormStatus::form).doesNotContain("outcome-confirmation");
        r.act(c -> r.cmd().resolve(c, r.policy(), new uk.resolve.domain.escalation.ResolveRequest("Plan agreed",
                "Review in a month", null, CaseRun.at("2027-01-12T16:30"))));
        assertThat(r.state().formsDue()).extracting(FormStatus::form, FormStatus::stage)
                .contains(org.assertj.core.groups.Tuple.tuple("outcome-confirmation", stage));
        FormDefinition letter = r.policy().form("outcome-confirmation").orElseThrow();
        assertThat(letter.letter()).isTrue();
        assertThat(letter.addressee()).isEqualTo(FormDefinition.OTHER_AGENCY);
    }

    @Test
    @DisplayName("Croydon: \"where a professional believes a child to be at imminent risk of harm and another agency"
            + " disagrees they should refer direct to a team manager in the relevant agency urgently\"")
    void croydonActNowListsThePoliceThenATeamManagerInTheOtherAgency() {
        assertThat(UrgentContacts.forPolicy(run("croydon").policy())).extracting(UrgentContact::name)
                .containsExactly("Police", "A team manager in the relevant agency");
    }
}
