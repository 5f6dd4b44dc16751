/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An entry about to be written: everything but its place in the device's chain, which the store
 * assigns in the same transaction that appends it.
 */
public record NewEntry(UUID id, UUID caseId, EntryType type, String author, Instant writtenAt,
                       Instant happenedAt, SortedMap<String, String> data) {

    public static NewEntry of(UUID caseId, EntryType type, String author, Instant writtenAt, Instant happenedAt,
                              Map<String, String> data) {
        TreeMap<String, String> clean = new TreeMap<>();
        data.forEach((k, v) -> {
            if (v != null) {
                clean.put(k, v);
            }
        });
        return new NewEntry(UUID.randomUUID(), caseId, type, author, writtenAt, happenedAt, clean);
    }

    /** Seals this entry into the chain of {@code device}, after the entry whose hash is {@code prevHash}. */
    public Entry seal(String device, long deviceSeq, String prevHash) {
        Entry unsealed = new Entry(id, caseId, type, author, device, deviceSeq, writtenAt, happenedAt, data,
                prevHash, "");
        return new Entry(id, caseId, type, author, device, deviceSeq, writtenAt, happenedAt, data, prevHash,
                EntryHasher.hash(unsealed));
    }
}
