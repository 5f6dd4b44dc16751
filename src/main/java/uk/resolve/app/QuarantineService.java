/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.security.Actor;
import uk.resolve.security.Permission;
import uk.resolve.store.EntryStore;
import uk.resolve.store.QuarantineStore;
import uk.resolve.store.SettingsStore;
import uk.resolve.sync.Quarantine;

/**
 * The entries sync set aside because they failed their checks (hash, chain, signature): an
 * administrator sees them, checks one again and releases it into the record when it now passes, or
 * discards it for good; each one set aside is written to the audit log when it is found.
 */
public final class QuarantineService {

    private final QuarantineStore store;
    private final SettingsStore settings;
    private final EntryStore entries;
    private final Actor actor;
    private final AuditLog audit;
    private final Clock clock;

    QuarantineService(QuarantineStore store, EntryStore entries, SettingsStore settings, Actor actor, AuditLog audit,
                      Clock clock) {
        this.store = store;
        this.entries = entries;
        this.settings = settings;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What a release or discard did: {@code done} is false when nothing changed (the entry still fails,
     * or is no longer there), and {@code message} says what happened and what to do.
     */
    public record Outcome(boolean done, String message) {
    }

    /** Everything in quarantine, newest first (administrators). */
    public List<Quarantined> list() {
        actor.require(Permission.MANAGE_SETTINGS);
        return store.list();
    }

    /** How many entries were discarded, and how often a sync or import offered one of them again since. */
    public String discardedSummary() {
        actor.require(Permission.MANAGE_SETTINGS);
        QuarantineStore.DiscardCount n = store.discardCount();
        if (n.entries() == 0) {
            return "";
        }
        return n.entries() + (n.entries() == 1 ? " entry was" : " entries were") + " discarded; syncs and imports"
                + " offered them again " + n.offeredAgain() + (n.offeredAgain() == 1 ? " time" : " times")
                + " and skipped them.";
    }

    /**
     * The entry in quarantine whose id is, or starts with, {@code id} (administrators).
     *
     * @throws RuleViolation when no entry, or more than one, matches
     */
    public Quarantined find(String id) {
        actor.require(Permission.MANAGE_SETTINGS);
        String want = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        if (want.isEmpty() || !want.matches("[0-9a-f-]{1,36}")) {
            throw new RuleViolation("That is not an entry id: an id is made of the digits 0-9, the letters a-f and"
                    + " '-'. Nothing was changed. See the ids with 'resolve quarantine list'.");
        }
        List<Quarantined> match = store.list().stream().filter(q -> q.entryId().toString().startsWith(want)).toList();
        if (match.isEmpty()) {
            throw new RuleViolation("No entry in quarantine has an id starting '" + want + "'. Nothing was changed."
                    + " See the ids with 'resolve quarantine list'.");
        }
        if (match.size() > 1) {
            throw new RuleViolation(match.size() + " entries in quarantine have ids starting '" + want + "'. Nothing"
                    + " was changed. Give more of the id (see 'resolve quarantine list').");
        }
        return match.get(0);
    }

    /** Empties the quarantine (administrators); the clearing is in the audit log. Returns how many were cleared. */
    public int clear() {
        actor.require(Permission.MANAGE_SETTINGS);
        int n = store.clear();
        audit.record(AuditAction.QUARANTINE_CLEARED, "quarantine", n + (n == 1 ? " entry" : " entries"));
        return n;
    }

    /**
     * Checks {@code q} again now (administrators): its hash, its place in its device's chain and its
     * author's signature against the people this computer knows now. An entry received that passes is
     * taken into the record (and syncs on as any other); one that fails stays in quarantine and the
     * outcome says why. This computer's own entry that now passes leaves the quarantine and is sent
     * with the next sync (to the shared file or the server; what follows it is offered again and skipped by
     * those who have it). An entry the quarantine
     * does not hold (unreadable, too large, or set aside by an earlier version) leaves it, for the
     * next sync that offers it to check again. A release is written to the audit log.
     */
    public Outcome release(Quarantined q) {
        actor.require(Permission.MANAGE_SETTINGS);
        String id = "Entry " + q.entryId();
        if (q.outgoing()) {
            Optional<Entry> own = entries.entry(q.entryId());
            if (own.isEmpty()) {
                return released(q, id + " is no longer in this computer's record (the database was restored or"
                        + " synced afresh); it left the quarantine.", "no longer in the record");
            }
            Optional<String> why = Quarantine.recheck(own.get(), entries, q.direction());
            if (why.isPresent()) {
                return new Outcome(false, id + " still fails its checks, so it stays in quarantine and is never sent: "
                        + why.get() + ". Run 'resolve verify' on this computer, then restore its database from a"
                        + " backup (or sync it afresh from the shared file).");
            }
            Outcome out = released(q, id + " passes its checks now and left the quarantine. It is sent with the next"
                    + " sync.", "passes its checks now");
            if (out.done()) {
                entries.localSeqOf(q.entryId()).ifPresent(seq -> uk.resolve.sync.SyncEngine.resendFrom(settings, seq));
            }
            return out;
        }
        Optional<Entry> kept = store.kept(q.entryId(), q.direction());
        if (kept.isEmpty()) {
            return released(q, id + " is not kept in quarantine (" + (q.caseId() == null ? "it could not be opened"
                    : "it was too large to keep, or was set aside by an earlier version of Resolve") + "), so it"
                    + " cannot be checked here. It left the quarantine: the next sync or import that offers it"
                    + " checks it again.", "not kept: checked again when next offered");
        }
        Entry e = kept.get();
        Optional<Entry> here = entries.entry(e.id());
        if (here.isPresent() && here.get().hash().equals(e.hash()) && here.get().hashIsValid() && e.hashIsValid()) {
            return released(q, id + " is already in the record (it arrived again meanwhile); it left the quarantine.",
                    "already in the record");
        }
        if (here.isPresent()) {
            return new Outcome(false, id + " still fails its checks, so it stays in quarantine: this database holds"
                    + " a different version of it; one of them was altered outside Resolve. Run 'resolve verify'.");
        }
        Optional<String> why = Quarantine.recheck(e, entries, q.direction());
        if (why.isPresent()) {
            return new Outcome(false, id + " still fails its checks, so it stays in quarantine: " + why.get() + ".");
        }
        entries.addMissing(List.of(e));
        return released(q, id + " passes its checks now and was taken into the record; it goes on with the next"
                + " sync.", "passes its checks now: taken into the record");
    }

    private Outcome released(Quarantined q, String message, String how) {
        if (store.remove(q.entryId(), q.direction()) == 0 && !entries.entry(q.entryId()).isPresent()) {
            return new Outcome(false, "Entry " + q.entryId() + " was no longer in quarantine (released or cleared"
                    + " meanwhile).");
        }
        audit.record(AuditAction.QUARANTINE_RELEASED, q.entryId().toString(), how + "; " + q.describe());
        return new Outcome(true, message);
    }

    /**
     * Removes {@code q}, an entry received, from the quarantine for good (administrators): a sync or
     * import that offers the same bytes again skips it (and counts it); a different version of it is
     * set aside again. This computer's own entries cannot be discarded: nothing is deleted from a
     * record. The discarding is written to the audit log.
     *
     * @throws RuleViolation for this computer's own entry
     */
    public Outcome discard(Quarantined q) {
        actor.require(Permission.MANAGE_SETTINGS);
        if (q.outgoing()) {
            throw new RuleViolation("Entry " + q.entryId() + " is this computer's own, so it cannot be discarded:"
                    + " nothing is deleted from a record. It is never sent while it fails its checks. Nothing was"
                    + " changed. Run 'resolve verify' on this computer, then restore its database from a backup (or"
                    + " sync it afresh from the shared file).");
        }
        if (!store.discard(q.entryId(), q.direction(), actor.name(), clock.instant())) {
            return new Outcome(false, "Entry " + q.entryId() + " was no longer in quarantine (released or cleared"
                    + " meanwhile).");
        }
        audit.record(AuditAction.QUARANTINE_DISCARDED, q.entryId().toString(), q.describe());
        return new Outcome(true, "Discarded entry " + q.entryId() + ". A sync or import that offers it again skips it;"
                + " a different version of it is set aside again.");
    }

    /**
     * Writes each entry just set aside to the audit log and returns what to tell the person who
     * synced (null when nothing was set aside).
     */
    static String report(Quarantine gate, AuditLog audit) {
        String found = report(gate.reported(), audit);
        int skipped = gate.skipped();
        if (skipped == 0) {
            return found;
        }
        String note = skipped + (skipped == 1 ? " entry" : " entries") + " discarded from quarantine earlier"
                + (skipped == 1 ? " was" : " were") + " offered again and skipped.";
        return found == null ? note : found + " " + note;
    }

    /** As {@link #report(Quarantine, AuditLog)}, for what one gate set aside. */
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
