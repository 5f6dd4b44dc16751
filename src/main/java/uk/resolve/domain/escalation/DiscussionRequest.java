/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;

/**
 * A discussion to record.
 *
 * @param with     who took part
 * @param method   phone, meeting, e-mail, video or other
 * @param summary  what was said
 * @param actions  agreed actions; may be null
 * @param resolved whether it resolved the disagreement
 */
public record DiscussionRequest(String with, String method, String summary, String actions, boolean resolved,
                                Instant happenedAt) {
}
