/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import java.util.UUID;

import uk.resolve.app.Services;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** Cases that have reached the stages at which each procedure's forms are due. */
public final class FormCases {

    public static final String CHILD_NAME = "Jamie Marlowe";
    public static final String CHILD_REF = "CR-2026-0417";

    private FormCases() {
    }

    /** A Croydon case at stage 3, where Appendix A is due. The clock ends on 19 Jan 2026. */
    public static UUID croydonAtStage3(Services s, MutableClock clock) {
        UUID id = open(s, clock, "croydon", ChildStatus.CHILD_IN_NEED, "2026-01-05T09:00");
        discuss(s, clock, id, "2026-01-06T10:00", "Sam Social Worker",
                "Sam explained the referral was closed as below threshold; we did not agree.");
        escalate(s, clock, id, "2026-01-08T09:00", "Front line workers could not agree on the threshold.");
        escalate(s, clock, id, "2026-01-14T09:00", "Line managers could not agree; the school still holds concerns.");
        clock.set("2026-01-19T12:00");
        return id;
    }

    /** A North Somerset case resolved at stage 3, where the Monitoring Form is due. */
    public static UUID northSomersetResolvedAtStage3(Services s, MutableClock clock) {
        UUID id = open(s, clock, "north-somerset", ChildStatus.CHILD_IN_NEED, "2026-02-02T09:00");
        escalate(s, clock, id, "2026-02-02T15:00", "Practitioners could not agree.");
        escalate(s, clock, id, "2026-02-03T11:00", "Second tier managers could not agree.");
        clock.set("2026-02-05T16:00");
        s.cases().resolve(id, new ResolveRequest("Children's Social Care will complete a child and family"
                + " assessment within 10 working days; the school will share attendance records.",
                "Attendance to be reviewed at the next network meeting.",
                "The policy worked well once senior managers met; the timescales were tight but helpful.",
                Fixtures.instant("2026-02-05T15:00")));
        return id;
    }

    /** A case under the Safety of Children policy at stage 2, where its monitoring form is due. */
    public static UUID safetyOfChildrenAtStage2(Services s, MutableClock clock) {
        UUID id = open(s, clock, "safety-of-children", ChildStatus.CP_PLAN, "2026-03-02T09:00");
        discuss(s, clock, id, "2026-03-02T14:00", "Dr Lee, GP", "The GP declined to attend the core group.");
        escalate(s, clock, id, "2026-03-04T09:00", "The GP still declines; the plan needs health input.");
        clock.set("2026-03-05T10:00");
        return id;
    }

    static UUID open(Services s, MutableClock clock, String policy, ChildStatus status, String at) {
        clock.set(at);
        OpenCaseRequest base = Fixtures.openRequest(s, policy, status, at);
        OpenCaseRequest r = new OpenCaseRequest(base.policyId(), null, CHILD_REF, CHILD_NAME, status,
                base.raisedBy(), base.raisedAgency(), base.otherAgency(), base.otherProfessional(), base.category(),
                base.concern(), base.evidence(), base.outcomeWanted(), false, 1, null, false, base.happenedAt());
        return s.cases().open(r).id();
    }

    static void discuss(Services s, MutableClock clock, UUID id, String at, String with, String summary) {
        clock.set(at);
        s.cases().discuss(id, new DiscussionRequest(with, "phone", summary, null, false, Fixtures.instant(at)));
    }

    static void escalate(Services s, MutableClock clock, UUID id, String at, String reason) {
        clock.set(at);
        s.cases().escalate(id, reason, null, Fixtures.instant(at));
    }
}
