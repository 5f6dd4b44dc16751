/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.resolve.domain.policy.ChecklistItem;
import uk.resolve.domain.policy.TrackSwitch;

/**
 * What the procedure's rules read in a case beyond its stage: when the disagreement arose, the
 * dates and answers given, the route taken, the steps ticked and what was done for immediate risk.
 *
 * @param arose             when the disagreement arose (the decision or action challenged); events may
 *                          be dated from then on
 * @param dates             dates given, by the procedure's date id
 * @param facts             answers given, by the procedure's fact id
 * @param route             the tracks taken, in order (the first is the opening track)
 * @param ticked            checklist items ticked, as {@code stage/item} on the track they were ticked on
 * @param gates             checklist items still to tick before the case may be escalated from this stage
 * @param switches          track switches the current stage offers now
 * @param riskActionAt      when the worker recorded what was done for an immediate-risk case; null until then
 * @param meetingSteps      for each meeting recorded at the current stage, each step the procedure asks for at
 *                          every meeting, ticked or not (empty unless open)
 */
public record CaseContext(Instant arose, Map<String, Instant> dates, Map<String, String> facts, List<String> route,
                          Set<String> ticked, List<ChecklistItem> gates, List<TrackSwitch> switches,
                          Instant riskActionAt, List<MeetingStep> meetingSteps) {

    public CaseContext(Instant arose, Map<String, Instant> dates, Map<String, String> facts, List<String> route,
                       Set<String> ticked, List<ChecklistItem> gates, List<TrackSwitch> switches, Instant riskActionAt) {
        this(arose, dates, facts, route, ticked, gates, switches, riskActionAt, List.of());
    }

    public CaseContext {
        dates = Map.copyOf(dates);
        facts = Map.copyOf(facts);
        route = List.copyOf(route);
        ticked = Set.copyOf(ticked);
        gates = List.copyOf(gates);
        switches = List.copyOf(switches);
        meetingSteps = meetingSteps == null ? List.of() : List.copyOf(meetingSteps);
    }

    /** The meeting steps still to tick. */
    public List<MeetingStep> meetingStepsDue() {
        return meetingSteps.stream().filter(m -> !m.ticked()).toList();
    }
}
