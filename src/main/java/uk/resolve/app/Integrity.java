/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.resolve.domain.attachment.Attachment;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;

import uk.resolve.domain.audit.AuditVerifier;
import uk.resolve.domain.record.ChainVerifier;
import uk.resolve.store.AuditStore;
import uk.resolve.store.CheckpointStore;
import uk.resolve.store.ContentStore;
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
                         List<String> peopleBreaks, List<String> contentBreaks) {

        public boolean intact() {
            return record.intact() && auditBreaks.isEmpty() && peopleBreaks.isEmpty() && contentBreaks.isEmpty();
        }
    }

    private final EntryStore entries;
    private final AuditStore audit;
    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final ContentStore contents;

    Integrity(EntryStore entries, AuditStore audit, CheckpointStore checkpoints, Clock clock, ContentStore contents) {
        this.entries = entries;
        this.contents = contents;
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** Checks the record and the audit log; a clean result is then checkpointed. */
    public Result verify() {
        var events = audit.all();
        List<Entry> all = entries.all();
        Result r = new Result(ChainVerifier.verify(all, entries.device(), checkpoints.record()),
                AuditVerifier.breaks(events, checkpoints.audit().orElse(null)), events.size(),
                checkpoints.peopleUnchanged(clock.instant()) ? List.of() : List.of("The people who may sign in, or"
                        + " their roles, teams or names, were changed outside Resolve since its last change to them:"
                        + " roles may have been raised. Check them with 'resolve user list'."), contentBreaks(all));
        if (r.intact()) {
            checkpoint("verify");
        }
        return r;
    }

    /**
     * Each document on the record whose bytes are not here or do not match the SHA-256 its entry
     * holds, named by case number and attachment number (nothing about the child). The bytes are
     * streamed through the hash, one document at a time.
     */
    private List<String> contentBreaks(List<Entry> all) {
        Map<UUID, List<Entry>> byCase = new LinkedHashMap<>();
        for (Entry e : all) {
            if (e.type() == EntryType.ATTACHMENT_ADDED) {
                byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
            }
        }
        List<String> breaks = new ArrayList<>();
        byCase.forEach((caseId, list) -> {
            for (int i = 0; i < list.size(); i++) {
                Entry e = list.get(i);
                String where = "Case " + caseId + ", attachment " + (i + 1) + " (entry " + e.id() + ")";
                if (Attachment.holdsBytes(e)) {
                    try {
                        Attachment.content(e);
                    } catch (RuntimeException bad) {
                        breaks.add(where + ": its contents do not match the SHA-256 its entry holds.");
                    }
                    continue;
                }
                // sealed bytes are checked as kept, against the sealed form's SHA-256: no case key needed
                Attachment.Stored a = Attachment.stored(e).orElse(new Attachment.Stored("", -1));
                switch (contents.check(a.sha256(), a.size())) {
                    case MISSING -> breaks.add(where + ": its contents are not in this database. Sync again, or"
                            + " ask the colleague who attached it to sync.");
                    case ALTERED -> breaks.add(where + ": its contents do not match the SHA-256 its entry holds"
                            + " (altered outside Resolve). Restore from a backup or the shared file.");
                    case INTACT -> { }
                }
            }
        });
        return breaks;
    }

    /** Records the present heads of every chain and of the audit log (only ever forward). */
    public void checkpoint(String source) {
        checkpoints.take(source, clock.instant());
    }
}
