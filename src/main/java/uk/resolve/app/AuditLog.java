/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Clock;
import java.util.List;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.audit.AuditEvent;
import uk.resolve.domain.audit.AuditVerifier;
import uk.resolve.security.Actor;
import uk.resolve.security.Permission;
import uk.resolve.store.AuditStore;

/**
 * Writes what the signed-in person does to the audit log, and lets those allowed read it. Subjects
 * are ids and file names, never a child's name, reference or concern.
 */
public final class AuditLog {

    private final AuditStore store;
    private final Actor actor;
    private final Clock clock;

    public AuditLog(AuditStore store, Actor actor, Clock clock) {
        this.store = store;
        this.actor = actor;
        this.clock = clock;
    }

    /** Records that the signed-in person did {@code action} to {@code subject}. */
    public void record(AuditAction action, String subject, String detail) {
        store.append(clock.instant(), actor.name(), action, subject, detail);
    }

    /** Records an event on behalf of someone else (a failed sign-in before anyone was signed in). */
    void recordFor(String who, java.time.Instant at, AuditAction action, String subject, String detail) {
        store.append(at, who, action, subject, detail);
    }

    /** Every event, oldest first: administrators and the business team only. */
    public List<AuditEvent> all() {
        actor.require(Permission.VIEW_AUDIT);
        return store.all();
    }

    /** The newest {@code limit} events, oldest first. */
    public List<AuditEvent> latest(int limit) {
        actor.require(Permission.VIEW_AUDIT);
        return store.latest(limit);
    }

    /** The breaks in the log's chain (empty when intact); anyone may check. */
    public List<String> verify() {
        return AuditVerifier.breaks(store.all());
    }

    public long count() {
        return store.count();
    }
}
