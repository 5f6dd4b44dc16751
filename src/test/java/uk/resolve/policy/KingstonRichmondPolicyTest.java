/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.time.TimeSpan;

/** Kingston & Richmond SCP, Resolving professional differences (London CP Procedures PA4): seed 001. */
class KingstonRichmondPolicyTest {

    private final Policy kr = Bundled.load("kingston-richmond");

    @Test
    void hasATrackForReferralAndEnquiryAndOneForProtectionPlans_sections1And2() {
        assertThat(kr.tracks()).extracting(Track::id).containsExactly("referral-and-enquiry", "protection-plan");
        // 2.2: "resolve differences in line with the actions outlined above"
        assertThat(kr.track("protection-plan").orElseThrow().stages()).extracting(Stage::title)
                .isEqualTo(kr.defaultTrack().stages().stream().map(Stage::title).toList());
    }

    @Test
    void stages1And2TakeAWorkingWeekOrLess_clauses1_4And1_7() {
        for (Track t : kr.tracks()) {
            assertThat(t.stage(1).orElseThrow().deadlines().get(0).within()).isEqualTo(TimeSpan.workingDays(5));
            assertThat(t.stage(2).orElseThrow().deadlines().get(0).within()).isEqualTo(TimeSpan.workingDays(5));
            assertThat(t.stages()).hasSize(5);
        }
    }

    @Test
    void unresolvedMattersGoToHeadsOfServiceThenUrgentlyToThePartnership_clauses3_1And3_2() {
        Track t = kr.defaultTrack();
        assertThat(t.stage(4).orElseThrow().title()).isEqualTo("Heads of service");
        Stage last = t.stage(5).orElseThrow();
        assertThat(last.finalArbiter()).isTrue();
        assertThat(last.notifications()).singleElement().satisfies(n -> assertThat(n.contact()).isEqualTo("krscp"));
    }

    @Test
    void healthMaySeekTheDesignatedDoctorOrNurseInsteadOfLineManagement_clause1_8() {
        assertThat(kr.defaultTrack().stage(2).orElseThrow().guidance()).contains("designated or named doctor or nurse");
    }

    @Test
    void carriesTheAppendix2LocalContactsList() {
        assertThat(kr.contacts()).extracting(Contact::email).contains(
                "CLCHT.southhubsafeguardingchildren@nhs.net", "HRCH.safeguarding@nhs.net",
                "khn-tr.KingstonHospitalCPAdmin@nhs.net", "sophie.helyer@swlstg.nhs.uk", "daisy.dholoo@nhs.net",
                "SafeguardingChildren@yourhealthcare.org", "louise.doherty@swlondon.nhs.uk",
                "michele.okuda@swlondon.nhs.uk", "Vanessa.impey@nhs.net", "Deborah.clark@swlondon.nhs.uk",
                "sandhya.kenyon@achievingforchildren.org.uk", "cpennycook@nhs.net",
                "SWMailbox.SafeguardingCAITReferrals@met.police.uk", "lscb-support@kingrichlscb.org.uk");
        assertThat(kr.contact("krscp").orElseThrow().phone()).isEqualTo("07834 386459");
    }

    @Test
    void recordsAreContemporaneousApprovedAndDated_clause1_9() {
        assertThat(kr.recording()).contains("contemporaneously").contains("approve and date");
    }

    @Test
    void professionalsActWithoutDelayToSafeguardTheChild_clause3_3() {
        assertThat(kr.immediateRisk().instruction()).contains("without delay").contains("strategy meeting");
    }
}
