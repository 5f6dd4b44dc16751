/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry set aside because it failed its checks: who wrote it, on which device, on which case,
 * where it came from and why. Never its content.
 *
 * @param caseId    null when the entry could not be opened at all (its author and case are unknown)
 * @param direction {@link #INCOMING} (offered by a shared or export file, not taken in) or
 *                  {@link #OUTGOING} (this database's own, not sent)
 */
public record Quarantined(UUID entryId, String direction, String device, long deviceSeq, String author, UUID caseId,
                          String type, String source, String reason, Instant foundAt) {

    public static final String INCOMING = "incoming";
    public static final String OUTGOING = "outgoing";

    /** The quarantine record of {@code rejected}, found now. */
    public static Quarantined of(EntryScreen.Rejected rejected, String direction, String source, Instant now) {
        Entry e = rejected.entry();
        return new Quarantined(e.id(), direction, e.device(), e.deviceSeq(), e.author(), e.caseId(), e.type().code(),
                source, rejected.reason(), now);
    }

    /** One line for people: which entry, whose, which case, why. */
    public String describe() {
        String whose = caseId == null ? " (filed under device " + device + "; author and case unreadable): "
                : " (#" + deviceSeq + " of device " + device + ", by " + author + ", case " + caseId + "): ";
        return (OUTGOING.equals(direction) ? "held back from " : "set aside from ") + source + ": entry " + entryId
                + whose + reason;
    }
}
