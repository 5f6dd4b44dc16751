/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;

/**
 * How a case was resolved.
 *
 * @param outcome     the agreed outcome
 * @param outstanding how outstanding issues will be pursued; may be null
 * @param learning    learning for the partnership; may be null
 */
public record ResolveRequest(String outcome, String outstanding, String learning, Instant happenedAt,
                             String outcomeId) {

    public ResolveRequest(String outcome, String outstanding, String learning, Instant happenedAt) {
        this(outcome, outstanding, learning, happenedAt, null);
    }
}
