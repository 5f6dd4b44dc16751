/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;
import java.util.UUID;

/**
 * A checklist step the procedure asks for at every meeting ({@code on: meeting-recorded}), for one
 * meeting recorded at the current stage: "read out the professional difference statement".
 *
 * @param itemId    the checklist item's id
 * @param text      the step, as shown
 * @param meetingId the entry that recorded the meeting
 * @param meetingAt when the meeting happened
 * @param ticked    true once the step has been ticked for this meeting
 */
public record MeetingStep(String itemId, String text, UUID meetingId, Instant meetingAt, boolean ticked) {
}
