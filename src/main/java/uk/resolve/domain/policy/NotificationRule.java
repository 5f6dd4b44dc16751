/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import uk.resolve.domain.time.TimeSpan;

/**
 * Someone who must be told, and when: "the IRO must be notified at stage 2 when the child has a
 * child protection plan or is looked after".
 *
 * @param id      unique within the procedure
 * @param to      who, in words ("Independent Reviewing Officer")
 * @param contact a contact id from the procedure, or null
 * @param purpose what to tell them
 * @param on      the event that makes it due
 * @param when    the condition under which it applies
 * @param within  how soon after the event
 */
public record NotificationRule(String id, String to, String contact, String purpose, Trigger on,
                               Condition when, TimeSpan within) {
}
