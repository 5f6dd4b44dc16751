/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.time.Instant;
import java.util.UUID;

/**
 * The head of one device's chain as it was once seen: the record then held entries #1 to
 * {@code seq} of {@code device}, the newest with {@code hash}. Checkpoints only move forward, so a
 * record that later holds less, or something else at {@code seq}, has lost or changed entries.
 *
 * @param entryId  the newest entry (null when not known)
 * @param author   its author (null when not known), to say whose work is missing
 * @param caseId   its case (null when not known)
 * @param seenAt   when the checkpoint was taken
 * @param source   what took it: "sign-out", "sync", "export", "import", "verify"
 */
public record Checkpoint(String device, long seq, String hash, UUID entryId, String author, UUID caseId,
                         Instant seenAt, String source) {
}
