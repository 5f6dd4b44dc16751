/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.domain.policy.TrackSwitch;
import uk.resolve.domain.time.TimeUnit;

/** Whether a procedure gives shorter timescales when a child is at immediate risk. */
public final class RiskTimescales {

    private RiskTimescales() {
    }

    /**
     * True when {@code track} has its own answer to immediate risk: a deadline that applies only to
     * immediate-risk cases ({@code when: {immediateRisk: true}}), or a switch from one of its stages to a
     * fast track, one whose first stage counts in hours or is due immediately.
     */
    public static boolean provides(Policy policy, Track track) {
        for (Stage s : track.stages()) {
            for (DeadlineRule d : s.deadlines()) {
                if (Boolean.TRUE.equals(d.when().immediateRisk())) {
                    return true;
                }
            }
            for (TrackSwitch w : s.switches()) {
                Track to = policy.track(w.to()).orElse(null);
                if (to != null && to != track && fast(to, w.toStage())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the worker should be asked to bring the case's deadlines forward: it is open, was opened as
     * immediate risk, its track has no timescales of its own for that ({@link #provides}), and a deadline in
     * force is neither met nor already brought forward.
     */
    public static boolean askToBringDeadlinesForward(Policy policy, CaseState c) {
        if (!c.open() || !c.details().immediateRisk()) {
            return false;
        }
        Track track = policy.track(c.trackId()).orElse(policy.defaultTrack());
        return !provides(policy, track)
                && c.deadlines().stream().anyMatch(d -> !d.met() && d.shortenedReason() == null);
    }

    private static boolean fast(Track track, int stage) {
        return track.stage(stage).map(s -> s.deadlines().stream().anyMatch(d -> d.within().unit() == TimeUnit.HOURS
                || d.within().unit() == TimeUnit.IMMEDIATELY)).orElse(false);
    }
}
