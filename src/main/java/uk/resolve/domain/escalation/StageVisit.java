/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;

/**
 * A period the case spent at a stage.
 *
 * @param stage     the stage number
 * @param heading   "Stage 2 — Discussion between line managers"
 * @param enteredAt when the case reached it
 * @param leftAt    when it moved on or closed; null while current
 * @param reason    why it was escalated to this stage (null for the starting stage unless immediate risk)
 * @param trackId   the track the stage belongs to
 */
public record StageVisit(int stage, String heading, Instant enteredAt, Instant leftAt, String reason, String trackId) {

    public StageVisit(int stage, String heading, Instant enteredAt, Instant leftAt, String reason) {
        this(stage, heading, enteredAt, leftAt, reason, null);
    }
}
