/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.audit;

import java.util.ArrayList;
import java.util.List;

/** Checks the audit log's chain: every hash right, every event pointing at the one before, no gap. */
public final class AuditVerifier {

    private AuditVerifier() {
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
