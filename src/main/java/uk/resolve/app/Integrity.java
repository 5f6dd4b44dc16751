/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Clock;
import java.util.List;

import uk.resolve.domain.audit.AuditVerifier;
import uk.resolve.domain.record.ChainVerifier;
import uk.resolve.store.AuditStore;
import uk.resolve.store.CheckpointStore;
import uk.resolve.store.EntryStore;

/**
 * Whether the record and the audit log are whole: checks every hash and chain against the newest
 * checkpoints seen, and takes checkpoints (at sign-out, after each sync, export and import, and
 * after a clean check), so that entries or audit events removed, replaced or rolled back outside
 * Resolve are reported.
 */
public final class Integrity {

    /** What a check found. */
    public record Result(ChainVerifier.Report record, List<String> auditBreaks, long auditEvents,
                         List<String> peopleBreaks) {

        public boolean intact() {
            return record.intact() && auditBreaks.isEmpty() && peopleBreaks.isEmpty();
        }
    }

    private final EntryStore entries;
    private final AuditStore audit;
    private final CheckpointStore checkpoints;
    private final Clock clock;

    Integrity(EntryStore entries, AuditStore audit, CheckpointStore checkpoints, Clock clock) {
        this.entries = entries;
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** Checks the record and the audit log; a clean result is then checkpointed. */
    public Result verify() {
        var events = audit.all();
        Result r = new Result(ChainVerifier.verify(entries.all(), entries.device(), checkpoints.record()),
                AuditVerifier.breaks(events, checkpoints.audit().orElse(null)), events.size(),
                checkpoints.peopleUnchanged(clock.instant()) ? List.of() : List.of("The people who may sign in, or"
                        + " their roles, teams or names, were changed outside Resolve since its last change to them:"
                        + " roles may have been raised. Check them with 'resolve user list'."));
        if (r.intact()) {
            checkpoint("verify");
        }
        return r;
    }

    /** Records the present heads of every chain and of the audit log (only ever forward). */
    public void checkpoint(String source) {
        checkpoints.take(source, clock.instant());
    }
}
