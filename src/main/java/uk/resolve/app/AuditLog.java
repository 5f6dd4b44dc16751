/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.audit.AuditEvent;
import uk.resolve.domain.audit.AuditVerifier;
import uk.resolve.domain.time.UkTime;
import uk.resolve.report.CsvExport;
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
    private final uk.resolve.store.CheckpointStore checkpoints;

    public AuditLog(AuditStore store, Actor actor, Clock clock) {
        this(store, actor, clock, null);
    }

    /** @param checkpoints where the log's checkpoint is kept, so that removed newest events are found (may be null) */
    public AuditLog(AuditStore store, Actor actor, Clock clock, uk.resolve.store.CheckpointStore checkpoints) {
        this.store = store;
        this.actor = actor;
        this.clock = clock;
        this.checkpoints = checkpoints;
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

    /** The breaks in the log's chain and against its newest checkpoint (empty when intact); anyone may check. */
    public List<String> verify() {
        return checkpoints == null ? AuditVerifier.breaks(store.all())
                : AuditVerifier.breaks(store.all(), checkpoints.audit().orElse(null));
    }

    /**
     * Writes every event to {@code file} as CSV (seq, UTC time, UK time, who, action, subject, detail,
     * hash), for an auditor; the export itself is recorded. Administrators and the business team only.
     */
    public Path exportCsv(Path file) throws IOException {
        actor.require(Permission.VIEW_AUDIT);
        List<AuditEvent> events = store.all();
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("seq,at_utc,at_uk,actor,action,subject,detail,hash\r\n");
        for (AuditEvent e : events) {
            sb.append(e.seq()).append(',').append(e.at()).append(',')
                    .append(CsvExport.field(UkTime.format(e.at()))).append(',')
                    .append(CsvExport.field(e.actor())).append(',').append(CsvExport.field(e.actionLabel())).append(',')
                    .append(CsvExport.field(e.subject())).append(',').append(CsvExport.field(e.detail())).append(',')
                    .append(e.hash()).append("\r\n");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".audit", ".csv.part");
        try {
            Files.writeString(temp, sb, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        record(AuditAction.AUDIT_EXPORTED, file.getFileName().toString(), events.size() + " events");
        return file;
    }

    public long count() {
        return store.count();
    }
}
