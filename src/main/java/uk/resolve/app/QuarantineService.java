/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.util.List;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.security.Actor;
import uk.resolve.security.Permission;
import uk.resolve.store.QuarantineStore;

/**
 * The entries sync set aside because they failed their checks (hash, chain): an administrator sees
 * and clears them; each one set aside is written to the audit log when it is found.
 */
public final class QuarantineService {

    private final QuarantineStore store;
    private final Actor actor;
    private final AuditLog audit;

    QuarantineService(QuarantineStore store, Actor actor, AuditLog audit) {
        this.store = store;
        this.actor = actor;
        this.audit = audit;
    }

    /** Everything in quarantine, newest first (administrators). */
    public List<Quarantined> list() {
        actor.require(Permission.MANAGE_SETTINGS);
        return store.list();
    }

    /** Empties the quarantine (administrators); the clearing is in the audit log. Returns how many were cleared. */
    public int clear() {
        actor.require(Permission.MANAGE_SETTINGS);
        int n = store.clear();
        audit.record(AuditAction.QUARANTINE_CLEARED, "quarantine", n + (n == 1 ? " entry" : " entries"));
        return n;
    }

    /**
     * Takes {@code q} out of the quarantine (administrators), once its cause is looked into: the
     * quarantine holds no copy of the entry, so the next sync or import that offers it checks it again,
     * takes it in if it now passes and sets it aside again if not. The release is in the audit log.
     *
     * @return false when it was no longer there (released or cleared meanwhile)
     */
    public boolean release(Quarantined q) {
        actor.require(Permission.MANAGE_SETTINGS);
        boolean was = store.remove(q.entryId(), q.direction()) > 0;
        if (was) {
            audit.record(AuditAction.QUARANTINE_RELEASED, q.entryId().toString(), q.describe());
        }
        return was;
    }

    /**
     * Writes each entry just set aside to the audit log and returns what to tell the person who
     * synced (null when nothing was set aside).
     */
    static String report(List<Quarantined> found, AuditLog audit) {
        if (found.isEmpty()) {
            return null;
        }
        for (Quarantined q : found) {
            audit.record(AuditAction.ENTRY_QUARANTINED, q.entryId().toString(), q.describe());
        }
        long ours = found.stream().filter(q -> Quarantined.OUTGOING.equals(q.direction())).count();
        long theirs = found.size() - ours;
        StringBuilder sb = new StringBuilder();
        if (theirs > 0) {
            sb.append(theirs).append(theirs == 1 ? " entry" : " entries").append(" received failed"
                    + " their checks and were set aside; everything else was synced. ");
        }
        if (ours > 0) {
            sb.append(ours).append(ours == 1 ? " entry" : " entries").append(" on this computer failed"
                    + " their checks and were not sent. Run 'resolve verify', restore this computer's database"
                    + " from a backup (or sync it afresh), and tell your administrator. ");
        }
        return sb.append("An administrator can see them with 'resolve quarantine list'.").toString();
    }
}
