/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.resolve.app.CaseService;
import uk.resolve.app.Services;
import uk.resolve.domain.escalation.CaseCommands;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.testing.Fixtures;

/**
 * A known set of cases for report tests, with backdated entries across the Christmas, New Year
 * and Easter bank holidays of 2026/27. The figures they must give are worked out by hand in the
 * tests. The report period is 1 Dec 2026 to 30 Apr 2027; "now" is {@link #NOW}.
 */
final class ReportCases {

    static final String NOW = "2027-05-10T12:00";
    static final String FROM = "2026-12-01";
    static final String TO = "2027-04-30";

    /** Every child reference and name used; none may appear in a report. */
    static final List<String> CHILD_DETAILS = List.of("CR-2001", "Jamie Smith", "Jamie", "CR-2002", "Alex Jones",
            "NS-1001", "Riley Bloggs", "Riley", "Bloggs", "NS-1002", "HV-3001", "HV-3002", "Morgan Price", "SC-4001",
            "CR-SAMPLE", "Sample Child", "CR-1999", "CR-2100");

    final UUID c1;
    final UUID c2;
    final UUID c3;
    final UUID c4;
    final UUID c5;
    final UUID c6;
    final UUID c7;

    private final CaseService cases;

    ReportCases(Services s) {
        cases = s.cases();
        // Croydon (7 working days a stage): stage 1 over Christmas and New Year in exactly 7, stage 2 in 8.
        c1 = open("croydon", "CR-2001", "Jamie Smith", ChildStatus.CHILD_IN_NEED, "School", "Children's Social Care",
                "Levels of need", "2026-12-23T10:00");
        escalate(c1, "2027-01-06T10:00");
        resolve(c1, "2027-01-18T15:00",
                "Agree thresholds at the strategy meeting for CR-2001 (Jamie Smith); Jamie's school was not invited.");

        // North Somerset: stage 1 misses its 1 working day; stage 2 meets 2 only because 1 Jan is a holiday;
        // stage 3 meets its 3 days but the 5-day budget from the outset is gone by then.
        c3 = open("north-somerset", "NS-1001", "Riley Bloggs", ChildStatus.EARLY_HELP, "School", "Health",
                "Thresholds and levels of need", "2026-12-24T09:00");
        cases.discuss(c3, new DiscussionRequest("Health visitor", "phone", "Did not agree about the threshold.", null,
                false, Fixtures.instant("2026-12-29T10:00")));
        escalate(c3, "2026-12-30T09:00");
        escalate(c3, "2027-01-04T09:00");
        resolve(c3, "2027-01-06T11:00", null);
        cases.append(c3, (c, p) -> List.of(new CaseCommands("Test Worker", cases.now()).completeForm(c,
                "monitoring-form", 3, 1, Map.of(
                        "childName", "Riley Bloggs",
                        "effectiveness", "The stages were clear and Riley Bloggs was kept safe.",
                        "suggestions", "Add a flowchart, with \"named\" contacts"))));

        // Havering: stage 1 (5 working days from raising) met; stage 2 has no timescale; then withdrawn.
        c5 = open("havering", "HV-3001", null, null, "Voluntary sector", "Health", "Roles and responsibilities",
                "2027-02-01T09:30");
        escalate(c5, "2027-02-05T16:00");
        cases.withdraw(c5, "The other agency agreed after all.", Fixtures.instant("2027-02-10T12:00"));

        // Havering: stage 1 takes 6 working days (over), resolved at stage 2 (no timescale).
        c6 = open("havering", "HV-3002", "Morgan Price", ChildStatus.CP_PLAN, "school ", "Children's  Social Care",
                "Levels of need", "2027-03-01T09:00");
        escalate(c6, "2027-03-09T09:00");
        resolve(c6, "2027-03-12T10:00", "Escalate sooner; see also NS-1001.");

        // Croydon over Easter: 6 working days from 22 Mar to 1 Apr 2027 (8 without Good Friday and Easter Monday).
        c2 = open("croydon", "CR-2002", "Alex Jones", ChildStatus.CP_PLAN, "Health", "Police", "Communication",
                "2027-03-22T09:00");
        resolve(c2, "2027-04-01T17:00", "Share minutes within two days.");

        // Safety of Children: started at stage 2 for immediate risk; no stage has a timescale.
        c7 = cases.open(new OpenCaseRequest("safety-of-children", null, "SC-4001", null, ChildStatus.CHILD_IN_NEED,
                "Pat Nurse", "Health", "Education", null, "The need for action", "No plan after the disclosure.", null,
                null, true, 2, "Disclosure of harm at home.", false, Fixtures.instant("2027-04-12T08:30"))).id();
        resolve(c7, "2027-04-14T09:00", null);

        // North Somerset, still open at stage 2, past its 2 working days since 22 Apr 2027.
        c4 = open("north-somerset", "NS-1002", null, ChildStatus.LOOKED_AFTER, "Police", "Children's Social Care",
                "A service requested but not provided", "2027-04-19T09:00");
        escalate(c4, "2027-04-20T09:00");

        // Not counted: a sample case, one raised before the period (resolved in it), one raised after it.
        cases.open(new OpenCaseRequest("croydon", null, "CR-SAMPLE", "Sample Child", null, "Sam Sample",
                "Sample Agency", "Other Sample Agency", null, "Levels of need", "A sample.", null, null, false, 1,
                null, true, Fixtures.instant("2027-01-10T09:00")));
        UUID early = open("croydon", "CR-1999", null, null, "Early Agency", "Police", "Levels of need",
                "2026-11-10T09:00");
        resolve(early, "2026-12-03T09:00", "Learning from before the period CR-1999");
        open("croydon", "CR-2100", null, null, "Late Agency", "Police", "Levels of need", "2027-05-05T09:00");
    }

    private UUID open(String policy, String ref, String name, ChildStatus status, String raising, String receiving,
                      String category, String at) {
        return cases.open(new OpenCaseRequest(policy, null, ref, name, status, "A Worker", raising, receiving,
                "B Manager", category, "The concern, about " + ref + ".", null, null, false, 1, null, false,
                Fixtures.instant(at))).id();
    }

    private void escalate(UUID id, String at) {
        cases.escalate(id, "Not resolved at this stage.", null, Fixtures.instant(at));
    }

    private void resolve(UUID id, String at, String learning) {
        cases.resolve(id, new ResolveRequest("Agreed a way forward.", null, learning, Fixtures.instant(at)));
    }

    static String ref(UUID id) {
        return id.toString().substring(0, 8);
    }

    static Instant now() {
        return Fixtures.instant(NOW);
    }
}
