/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.audit;

import java.util.ArrayList;
import java.util.List;

/** Checks the audit log's chain: every hash right, every event pointing at the one before, no gap. */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /**
     * The breaks found, as {@link #breaks(List)}, and against the newest checkpoint of the log: fewer
     * events than it saw means the newest were removed; another event at its place means one was replaced.
     *
     * @param checkpoint the log's head once seen (its seq, hash and when), or null
     */
    public static List<String> breaks(List<AuditEvent> events, uk.resolve.domain.record.Checkpoint checkpoint) {
        List<String> out = breaks(events);
        if (checkpoint == null) {
            return out;
        }
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
        if (last < checkpoint.seq()) {
            out.add("The audit log ends at event " + last + ", but a checkpoint taken " + checkpoint.seenAt() + " ("
                    + checkpoint.source() + ") saw it reach event " + checkpoint.seq() + ": the newest "
                    + (checkpoint.seq() - last == 1 ? "event was" : (checkpoint.seq() - last) + " events were")
                    + " removed.");
        } else {
            events.stream().filter(e -> e.seq() == checkpoint.seq() && !e.hash().equals(checkpoint.hash())).findFirst()
                    .ifPresent(e -> out.add("Audit event " + e.seq() + " is not the event a checkpoint taken "
                            + checkpoint.seenAt() + " saw there: it was replaced."));
        }
        return out;
    }

    /** The breaks found, in order; empty when the log is intact. */
    public static List<String> breaks(List<AuditEvent> events) {
        List<String> out = new ArrayList<>();
        AuditEvent previous = null;
        for (AuditEvent e : events) {
            long expectedSeq = previous == null ? 1 : previous.seq() + 1;
            if (e.seq() != expectedSeq) {
                out.add("Audit event " + expectedSeq + (e.seq() > expectedSeq ? " is missing" : " appears twice")
                        + " (found " + e.seq() + " next).");
            }
            String expectedPrev = previous == null ? "" : previous.hash();
            if (!e.prevHash().equals(expectedPrev)) {
                out.add("Audit event " + e.seq() + " does not follow the event before it: the log was cut or reordered.");
            }
            if (!e.hash().equals(e.expectedHash())) {
                out.add("Audit event " + e.seq() + " (" + e.actionLabel() + " by " + e.actor() + " at " + e.at()
                        + ") has been altered.");
            }
            previous = e;
        }
        return out;
    }
}
