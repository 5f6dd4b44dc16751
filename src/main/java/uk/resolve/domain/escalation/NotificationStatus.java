/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;

import uk.resolve.domain.time.DueAt;

/**
 * A notification the procedure requires for this case.
 *
 * @param id      the rule's id
 * @param stage   the stage that made it due (0 when on opening)
 * @param to      who must be told
 * @param contact the contact id, or null
 * @param purpose what to tell them
 * @param due     by when
 * @param sentAt  when it was marked sent, or null
 */
public record NotificationStatus(String id, int stage, String to, String contact, String purpose, DueAt due,
                                 Instant sentAt) {

    public boolean sent() {
        return sentAt != null;
    }
}
