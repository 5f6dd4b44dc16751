/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

/**
 * A change of route a stage offers: a 24-hour fast track for significant risk, or a branch
 * (urgent / not urgent) taken when the stage is reached.
 *
 * @param to             the track switched to
 * @param label          what the worker chooses ("Significant risk: use the fast track")
 * @param reasonRequired true when the worker must say why
 * @param toStage        the stage of the new track the case moves to (from 1)
 * @param when           when the switch is offered
 */
public record TrackSwitch(String to, String label, boolean reasonRequired, int toStage, Condition when) {

    public TrackSwitch {
        when = when == null ? Condition.ALWAYS : when;
        toStage = Math.max(1, toStage);
    }
}
