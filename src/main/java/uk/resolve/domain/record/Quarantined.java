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
 * @param kept      whether the quarantine holds the entry itself (sealed as received), so that it can
 *                  be checked again and released; false when it could not be opened, was larger than
 *                  {@link #MAX_KEPT_CHARS}, or was set aside by a version of Resolve that kept none
 */
public record Quarantined(UUID entryId, String direction, String device, long deviceSeq, String author, UUID caseId,
                          String type, String source, String reason, Instant foundAt, boolean kept) {

    /** The largest entry the quarantine keeps (its stored form, in characters); larger ones keep the description only. */
    public static final int MAX_KEPT_CHARS = 1 << 20;

    /** A record of an entry the quarantine does not (yet) hold. */
    public Quarantined(UUID entryId, String direction, String device, long deviceSeq, String author, UUID caseId,
                       String type, String source, String reason, Instant foundAt) {
        this(entryId, direction, device, deviceSeq, author, caseId, type, source, reason, foundAt, false);
    }

    public static final String INCOMING = "incoming";
    public static final String OUTGOING = "outgoing";

    /** The quarantine record of {@code rejected}, found now. */
    public static Quarantined of(EntryScreen.Rejected rejected, String direction, String source, Instant now) {
        Entry e = rejected.entry();
        return new Quarantined(e.id(), direction, e.device(), e.deviceSeq(), e.author(), e.caseId(), e.type().code(),
                source, rejected.reason(), now);
    }

    /** True for this database's own entry, held back from sending. */
    public boolean outgoing() {
        return OUTGOING.equals(direction);
    }

    /** One line for people: which entry, whose, which case, why. */
    public String describe() {
        String whose = caseId == null ? " (filed under device " + device + "; author and case unreadable): "
                : " (#" + deviceSeq + " of device " + device + ", by " + author + ", case " + caseId + "): ";
        return (OUTGOING.equals(direction) ? "held back from " : "set aside from ") + source + ": entry " + entryId
                + whose + reason;
    }
}
