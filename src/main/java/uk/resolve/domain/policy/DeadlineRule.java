/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import uk.resolve.domain.time.TimeSpan;

/**
 * A timescale at a stage: "resolve or escalate within 7 working days of the stage starting".
 *
 * @param id     unique within the stage
 * @param label  what must be done by then, in the words shown to users
 * @param within how long
 * @param from   measured from
 */
public record DeadlineRule(String id, String label, TimeSpan within, Anchor from) {
}
