/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.resolve.testing.Fixtures.instant;
import static uk.resolve.testing.Fixtures.openRequest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseProjector;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.FormStatus;
import uk.resolve.domain.escalation.NotificationStatus;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.ChainVerifier;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.DueAt;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** The case record and the rules of the procedures, through the services and a real database. */
class CaseLifecycleIT {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-25T09:00");
    private Services s;
    private CaseService cases;

    @BeforeEach
    void open() {
        s = Fixtures.services(dir, clock);
        cases = s.cases();
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void aCaseWalksThroughEveryStageAndIsResolvedWithEachStepRecorded() {
        CaseState c = cases.open(openRequest(s, "croydon", ChildStatus.CP_PLAN, "2026-11-20T10:00"));
        for (int stage = 1; stage < 5; stage++) {
            c = cases.discuss(c.id(), new DiscussionRequest("Other agency", "phone", "Discussed at stage " + stage, null,
                    false, null));
            c = cases.escalate(c.id(), "Still unresolved at stage " + stage, "Notes of the call", null);
        }
        assertThat(c.stage()).isEqualTo(5);
        c = cases.resolve(c.id(), new ResolveRequest("Assessment agreed", "Review in four weeks", "Thresholds need training", null));
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.resolution().stage()).isEqualTo(5);
        assertThat(c.deadlines()).isEmpty();
        assertThat(c.visits()).extracting(v -> v.stage()).containsExactly(1, 2, 3, 4, 5);
        assertThat(c.entries()).extracting(Entry::type).containsExactly(EntryType.CASE_OPENED,
                EntryType.DISCUSSION_RECORDED, EntryType.ESCALATED, EntryType.DISCUSSION_RECORDED, EntryType.ESCALATED,
                EntryType.DISCUSSION_RECORDED, EntryType.ESCALATED, EntryType.DISCUSSION_RECORDED, EntryType.ESCALATED,
                EntryType.RESOLVED);
        // Appendix A at stage 3 (complete) and 4 and 5 (update); board notified at each
        assertThat(c.formsDue()).filteredOn(f -> f.form().equals("appendix-a")).extracting(FormStatus::stage, FormStatus::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "complete"),
                        org.assertj.core.groups.Tuple.tuple(4, "update"), org.assertj.core.groups.Tuple.tuple(5, "update"));
        // and the written confirmation of the agreed outcome to the other agency, at the stage it was reached
        assertThat(c.formsDue()).filteredOn(f -> f.form().equals("outcome-confirmation")).extracting(FormStatus::stage)
                .containsExactly(5);
        assertThat(c.notificationsDue()).extracting(NotificationStatus::stage).containsExactly(3, 4, 5);
        assertThat(ChainVerifier.verify(s.entries().all()).intact()).isTrue();
    }

    @Test
    void escalatingPastTheLastStageIsRefusedAndChangesNothing() {
        CaseState c = cases.open(openRequest(s, "havering", null, null));
        for (int i = 0; i < 3; i++) {
            if (i == 2) { // Havering 2.8: board members engaged before the Chair
                c = cases.tick(c.id(), "hscb-members-engaged", null, null);
            }
            c = cases.escalate(c.id(), "unresolved", null, null);
        }
        long before = s.entries().count();
        UUIDHolder id = new UUIDHolder(c);
        assertThatThrownBy(() -> cases.escalate(id.c.id(), "again", null, null))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already at the last stage")
                .hasMessageContaining("Resolution by the HSCB Chair");
        assertThat(s.entries().count()).isEqualTo(before);
    }

    private record UUIDHolder(CaseState c) {
    }

    @Test
    void resolvingAResolvedCaseIsRefused() {
        CaseState c = cases.open(openRequest(s, "croydon", null, null));
        cases.resolve(c.id(), new ResolveRequest("Agreed", null, null, null));
        long before = s.entries().count();
        assertThatThrownBy(() -> cases.resolve(c.id(), new ResolveRequest("Agreed again", null, null, null)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("was resolved on").hasMessageContaining("Reopen");
        assertThat(s.entries().count()).isEqualTo(before);
        CaseState reopened = cases.reopen(c.id(), "The decision was not carried out", null);
        assertThat(reopened.open()).isTrue();
        assertThat(reopened.deadlines()).isNotEmpty();
    }

    @Test
    void aDiscussionThatResolvesTheDisagreementResolvesTheCase() {
        CaseState c = cases.open(openRequest(s, "croydon", null, null));
        c = cases.discuss(c.id(), new DiscussionRequest("Duty manager", "meeting", "Agreed to assess", "Assessment by Friday",
                true, null));
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.resolution().outcome()).isEqualTo("Agreed to assess");
        assertThat(c.resolution().stage()).isEqualTo(1);
    }

    @Test
    void theIroIsDueAtHaveringStage2OnlyForAChildWithAPlanOrLookedAfter() {
        CaseState plan = cases.open(openRequest(s, "havering", ChildStatus.CP_PLAN, null));
        CaseState cin = cases.open(openRequest(s, "havering", ChildStatus.CHILD_IN_NEED, null));
        assertThat(plan.notificationsDue()).isEmpty();
        plan = cases.escalate(plan.id(), "unresolved", null, null);
        cin = cases.escalate(cin.id(), "unresolved", null, null);
        assertThat(plan.notificationsDue()).extracting(NotificationStatus::id).containsExactly("iro");
        assertThat(cin.notificationsDue()).isEmpty();

        plan = cases.markNotificationSent(plan.id(), "iro", 2, "E-mailed the IRO", null);
        assertThat(plan.notificationsDue()).isEmpty();
        assertThat(plan.notifications()).singleElement().satisfies(n -> assertThat(n.sent()).isTrue());
        CaseState p = plan;
        assertThatThrownBy(() -> cases.markNotificationSent(p.id(), "iro", 2, null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("No notification 'iro' is waiting");
    }

    @Test
    void immediateRiskStartsAtAHigherStageWithItsReasonAndFormsDue() {
        var base = openRequest(s, "croydon", ChildStatus.CP_PLAN, null);
        CaseState c = cases.open(withStart(base, true, 3, "Child seen with injuries; manager refused a strategy discussion"));
        assertThat(c.stage()).isEqualTo(3);
        assertThat(c.details().immediateRisk()).isTrue();
        assertThat(c.visits()).singleElement().satisfies(v -> assertThat(v.reason()).contains("injuries"));
        assertThat(c.formsDue()).extracting(FormStatus::form).containsExactly("appendix-a");
        assertThat(c.notificationsDue()).extracting(NotificationStatus::to).containsExactly("CSCB Business Team");
    }

    @Test
    void aHigherStartNeedsImmediateRiskAReasonAndAStageTheProcedureAllows() {
        var base = openRequest(s, "croydon", null, null);
        assertThatThrownBy(() -> cases.open(withStart(base, false, 3, "why")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("starts at stage 1 unless");
        assertThatThrownBy(() -> cases.open(withStart(base, true, 3, " ")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("reason for starting at stage 3");
        var havering = openRequest(s, "havering", null, null);
        assertThatThrownBy(() -> cases.open(withStart(havering, true, 2, "urgent")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("does not allow a case to start at stage 2")
                .hasMessageContaining("designated safeguarding lead");
        assertThat(s.entries().count()).isZero();
    }

    @Test
    void haveringsImmediateRiskNoticeToTheDslIsDueOnOpening() {
        CaseState c = cases.open(withStart(openRequest(s, "havering", null, null), true, 1, null));
        assertThat(c.notificationsDue()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("dsl-immediate-risk");
            assertThat(n.stage()).isZero();
        });
    }

    @Test
    void aDeadlineCanBeBroughtForwardToProtectTheChildButNeverPutBack() {
        CaseState c = cases.open(openRequest(s, "croydon", null, "2026-11-25T09:00"));
        assertThat(c.deadlines().get(0).due().iso()).isEqualTo("2026-12-04");
        assertThatThrownBy(() -> cases.shortenDeadline(c.id(), "stage", DueAt.endOf(LocalDate.of(2026, 12, 8)), "more time"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("never put back");
        CaseState shorter = cases.shortenDeadline(c.id(), "stage", DueAt.endOf(LocalDate.of(2026, 11, 27)),
                "Child due home from hospital on Friday");
        assertThat(shorter.deadlines().get(0).due().iso()).isEqualTo("2026-11-27");
        assertThat(shorter.deadlines().get(0).procedureDue().iso()).isEqualTo("2026-12-04");
        assertThat(shorter.deadlines().get(0).shortenedReason()).contains("hospital");
        // a second shortening later than the first does not lengthen it
        assertThatThrownBy(() -> cases.shortenDeadline(c.id(), "stage", DueAt.endOf(LocalDate.of(2026, 12, 1)), "x"))
                .isInstanceOf(RuleViolation.class);
        // the next stage has its own deadline again
        CaseState next = cases.escalate(c.id(), "unresolved", null, null);
        assertThat(next.deadlines().get(0).shortenedReason()).isNull();
    }

    @Test
    void aCorrectionStandsBesideWhatItCorrectsAndTheOriginalIsKept() {
        CaseState c = cases.open(openRequest(s, "croydon", null, null));
        c = cases.discuss(c.id(), new DiscussionRequest("Duty SW", "phone", "Spoke on Monday", null, false, null));
        Entry discussion = c.entries().get(1);
        c = cases.correct(c.id(), discussion.id(), "Wrong day", "Spoke on Tuesday");
        var item = c.chronology().stream().filter(i -> i.entry().id().equals(discussion.id())).findFirst().orElseThrow();
        assertThat(item.entry().get("summary")).isEqualTo("Spoke on Monday");
        assertThat(item.currentText()).isEqualTo("Spoke on Tuesday");
        assertThat(item.corrections()).singleElement().satisfies(e -> assertThat(e.get("reason")).isEqualTo("Wrong day"));

        c = cases.correct(c.id(), c.id(), "Typo", "The referral was closed without any assessment.");
        assertThat(c.details().concern()).isEqualTo("The referral was closed without any assessment.");
        assertThat(c.entries().get(0).get("concern")).isEqualTo("The referral was closed without an assessment.");
    }

    @Test
    void aManagerApprovesARecord() {
        CaseState c = cases.open(openRequest(s, "kingston-richmond", null, null));
        c = cases.discuss(c.id(), new DiscussionRequest("Health visitor", "meeting", "Met to discuss", null, false, null));
        Entry discussion = c.entries().get(1);
        s.close();
        s = Fixtures.servicesAs(dir, clock, "Second Manager");
        c = s.cases().approve(c.id(), discussion.id(), "Approved and dated");
        assertThat(c.chronology()).filteredOn(i -> i.entry().id().equals(discussion.id()))
                .singleElement().satisfies(i -> {
                    assertThat(i.approved()).isTrue();
                    assertThat(i.approvals()).extracting(Entry::author).containsExactly("Second Manager");
                });
    }

    @Test
    void aManagerCannotApproveTheirOwnEntry() {
        CaseState c = cases.open(openRequest(s, "kingston-richmond", null, null));
        CaseState withDiscussion = cases.discuss(c.id(), new DiscussionRequest("Health visitor", "meeting",
                "Met to discuss", null, false, null));
        Entry discussion = withDiscussion.entries().get(1);
        int before = s.entries().all().size();
        assertThatThrownBy(() -> cases.approve(c.id(), discussion.id(), "Looks right"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("another manager must approve it");
        assertThat(s.entries().all()).hasSize(before);
    }

    @Test
    void anEventCannotBeDatedInTheFutureOrBeforeTheConcernWasRaised() {
        CaseState c = cases.open(openRequest(s, "croydon", null, "2026-11-24T10:00"));
        assertThatThrownBy(() -> cases.discuss(c.id(), new DiscussionRequest("x", null, "y", null, false,
                instant("2026-11-26T10:00")))).isInstanceOf(RuleViolation.class).hasMessageContaining("in the future");
        assertThatThrownBy(() -> cases.discuss(c.id(), new DiscussionRequest("x", null, "y", null, false,
                instant("2026-11-23T10:00")))).isInstanceOf(RuleViolation.class).hasMessageContaining("before the disagreement arose");
    }

    @Test
    void aCategoryNotInTheProcedureIsRefusedWithTheListOfCategories() {
        var r = openRequest(s, "havering", null, null);
        var wrong = new OpenCaseRequest(r.policyId(), null, r.childRef(), null, null, r.raisedBy(), r.raisedAgency(),
                r.otherAgency(), null, "Housing", r.concern(), null, null, false, 1, null, false, null);
        assertThatThrownBy(() -> cases.open(wrong)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("'Housing' is not one of").hasMessageContaining("The need for action");
    }

    @Test
    void theStateIsTheSameWhateverOrderTheEntriesArrived() {
        CaseState c = cases.open(openRequest(s, "north-somerset", ChildStatus.LOOKED_AFTER, "2026-11-20T09:00"));
        cases.discuss(c.id(), new DiscussionRequest("a", "phone", "b", null, false, instant("2026-11-20T11:00")));
        cases.escalate(c.id(), "r", null, instant("2026-11-21T09:00"));
        cases.escalate(c.id(), "r", null, instant("2026-11-23T09:00"));
        CaseState expected = cases.get(c.id());
        List<Entry> reversed = new java.util.ArrayList<>(expected.entries());
        java.util.Collections.reverse(reversed);
        CaseState again = new CaseProjector(s.calendar()).project(reversed, cases.policyOf(expected), clock.instant());
        assertThat(again).isEqualTo(expected);
    }

    @Test
    void everyEntryCarriesItsAuthorDeviceTimesAndAChainedHash() {
        CaseState c = cases.open(openRequest(s, "croydon", null, "2026-11-24T15:30"));
        c = cases.escalate(c.id(), "unresolved", null, null);
        Entry first = c.entries().get(0);
        Entry second = c.entries().get(1);
        assertThat(first.author()).isEqualTo("Test Worker");
        assertThat(first.device()).isEqualTo(s.settings().deviceId());
        assertThat(first.happenedAt()).isEqualTo(instant("2026-11-24T15:30"));
        assertThat(first.writtenAt()).isEqualTo(clock.instant());
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.deviceSeq()).isEqualTo(first.deviceSeq() + 1);
        assertThat(first.hashIsValid()).isTrue();
    }

    private static OpenCaseRequest withStart(OpenCaseRequest r, boolean risk, int stage, String reason) {
        return new OpenCaseRequest(r.policyId(), r.trackId(), r.childRef(), r.childName(), r.childStatus(), r.raisedBy(),
                r.raisedAgency(), r.otherAgency(), r.otherProfessional(), r.category(), r.concern(), r.evidence(),
                r.outcomeWanted(), risk, stage, reason, false, r.happenedAt());
    }
}
