/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;

/**
 * How a case ended.
 *
 * @param stage       the stage at which it was resolved or withdrawn
 * @param at          when
 * @param outcome     the agreed outcome (or the reason for withdrawal)
 * @param outstanding how outstanding issues will be pursued; may be null
 * @param learning    learning for the partnership; may be null
 */
public record Resolution(int stage, Instant at, String outcome, String outstanding, String learning) {
}
