/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.util.List;

import uk.resolve.domain.record.Entry;

/**
 * An entry as shown in the case chronology, with the corrections that point at it and the
 * approvals it has received, and its {@link EntryView}: how every screen and document words it.
 */
public record ChronologyItem(Entry entry, int stage, List<Entry> corrections, List<Entry> approvals, EntryView view) {

    public ChronologyItem {
        corrections = List.copyOf(corrections);
        approvals = List.copyOf(approvals);
    }

    /** The entry's main text after the latest correction. */
    public String currentText() {
        if (!corrections.isEmpty()) {
            return corrections.get(corrections.size() - 1).get("text");
        }
        return EntryText.primary(entry);
    }

    /**
     * True when the entry was written more than a day after the event it records: shown as
     * "recorded later", so that lateness is visible.
     */
    public boolean recordedLater() {
        return entry.writtenAt().isAfter(entry.happenedAt().plus(java.time.Duration.ofDays(1)));
    }

    public boolean approved() {
        return !approvals.isEmpty();
    }
}
