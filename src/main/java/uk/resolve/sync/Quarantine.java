/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryScreen;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.store.EntryStore;
import uk.resolve.store.QuarantineStore;

/**
 * The gate every entry passes where one copy of the record takes entries from another, or sends
 * its own: entries that fail {@link EntryScreen} are set aside in this database's quarantine and
 * the rest go through, so one bad entry never stops the team's sync.
 */
public final class Quarantine {

    private final QuarantineStore store;
    private final Clock clock;
    private final List<Quarantined> found = new ArrayList<>();
    /** The people this computer knew before the sync or import under way began (null: not yet read). */
    private KeyDirectory knownBefore;

    public Quarantine(QuarantineStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Marks the start of a sync or import: removals this computer learns during it do not count
     * against entries arriving in the same sync (they may come in any order).
     */
    public synchronized void begin() {
        knownBefore = null;
    }

    /**
     * The entries of {@code candidates} that {@code receiver} may take; the others are quarantined.
     *
     * @param direction {@link Quarantined#INCOMING} when this database receives, {@link Quarantined#OUTGOING}
     *                  when it sends its own
     * @param source    where they come from or go to (a file name), for the report
     */
    public List<Entry> admit(List<Entry> candidates, EntryStore receiver, String direction, String source) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<Entry> held = new ArrayList<>();
        candidates.stream().collect(Collectors.groupingBy(Entry::device)).forEach((device, list) -> {
            long from = list.stream().mapToLong(Entry::deviceSeq).min().orElse(1) - 1;
            long to = list.stream().mapToLong(Entry::deviceSeq).max().orElse(0);
            held.addAll(receiver.chainPlaces(device, from, to));
        });
        // the signatures are checked against the registrations both sides hold
        List<Entry> ownRegistrations = receiver.ofType(EntryType.PERSON_KEYS);
        List<Entry> registrations = new ArrayList<>(ownRegistrations);
        Set<UUID> known = registrations.stream().map(Entry::id).collect(Collectors.toCollection(HashSet::new));
        candidates.stream().filter(e -> e.type() == EntryType.PERSON_KEYS && !known.contains(e.id()))
                .forEach(registrations::add);
        List<EntryScreen.Rejected> rejected = new ArrayList<>(EntryScreen.screen(candidates, held,
                KeyDirectory.of(registrations)));
        if (Quarantined.INCOMING.equals(direction)) {
            // judged by what this computer knew before these arrived: removals it already held
            Set<UUID> failed = rejected.stream().map(r -> r.entry().id()).collect(Collectors.toSet());
            if (knownBefore == null) {
                knownBefore = KeyDirectory.of(ownRegistrations);
            }
            EntryScreen.lateFromRemoved(candidates, held, knownBefore)
                    .stream().filter(r -> !failed.contains(r.entry().id())).forEach(rejected::add);
        }
        if (rejected.isEmpty()) {
            return candidates;
        }
        List<Quarantined> items = rejected.stream()
                .map(r -> Quarantined.of(r, direction, source, clock.instant())).toList();
        store.put(items);
        found.addAll(items);
        Set<UUID> bad = rejected.stream().map(r -> r.entry().id()).collect(Collectors.toCollection(HashSet::new));
        return candidates.stream().filter(e -> !bad.contains(e.id())).toList();
    }

    /** Sets {@code entries} aside for {@code reason}, found by a check made elsewhere. */
    public void setAside(List<Entry> entries, String reason, String source) {
        if (entries.isEmpty()) {
            return;
        }
        List<Quarantined> items = entries.stream().map(e -> Quarantined.of(new EntryScreen.Rejected(e,
                "entry #" + e.deviceSeq() + " of device " + e.device() + ": " + reason), Quarantined.INCOMING, source,
                clock.instant())).toList();
        store.put(items);
        found.addAll(items);
    }

    /**
     * Sets aside an entry that could not even be opened (its sealed bytes were altered): only its id
     * and the device it was filed under are known, never its author or case.
     */
    public void setAsideUnreadable(UUID id, String device, String reason, String source) {
        Quarantined q = new Quarantined(id, Quarantined.INCOMING, device == null ? "" : device, 0, "", null, "",
                source, reason, clock.instant());
        store.put(List.of(q));
        found.add(q);
    }

    /** How many entries were set aside and not yet {@link #reported()}. */
    public synchronized int pending() {
        return found.size();
    }

    /** What was set aside since this gate was made, or since {@link #reported()} was last called. */
    public synchronized List<Quarantined> reported() {
        List<Quarantined> out = List.copyOf(found);
        found.clear();
        return out;
    }
}
