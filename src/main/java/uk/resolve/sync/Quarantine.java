/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryHasher;
import uk.resolve.domain.record.EntryScreen;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.store.EntryStore;
import uk.resolve.store.QuarantineStore;

/**
 * The gate every entry passes where one copy of the record takes entries from another, or sends
 * its own: entries that fail {@link EntryScreen} are set aside in this database's quarantine and
 * the rest go through, so one bad entry never stops the team's sync. Each is kept as received, to be
 * checked again and released, or discarded; a discarded entry offered again is skipped.
 */
public final class Quarantine {

    private final QuarantineStore store;
    private final Clock clock;
    private final List<Quarantined> found = new ArrayList<>();
    /** The people this computer knew before the sync or import under way began (null: not yet read). */
    private KeyDirectory knownBefore;
    /** Discarded entries offered again and skipped, not yet reported. */
    private int skipped;

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
        List<EntryScreen.Rejected> rejected = new ArrayList<>();
        List<Entry> offered = candidates;
        if (Quarantined.INCOMING.equals(direction)) {
            offered = withoutDiscarded(candidates, rejected);
        }
        if (Quarantined.INCOMING.equals(direction) && knownBefore == null) {
            knownBefore = KeyDirectory.of(receiver.ofType(EntryType.PERSON_KEYS));
        }
        rejected.addAll(rejections(offered, receiver, direction, knownBefore));
        if (rejected.isEmpty() && offered.size() == candidates.size()) {
            return candidates;
        }
        keep(rejected, direction, source);
        Set<UUID> bad = rejected.stream().map(r -> r.entry().id()).collect(Collectors.toCollection(HashSet::new));
        return offered.stream().filter(e -> !bad.contains(e.id())).toList();
    }

    /**
     * Checks one entry again now, as {@link #admit} would (hash, place in its device's chain, signature
     * against the people {@code receiver} knows now), without setting anything aside.
     *
     * @return why it still fails; empty when it passes
     */
    public static Optional<String> recheck(Entry e, EntryStore receiver, String direction) {
        KeyDirectory now = KeyDirectory.of(receiver.ofType(EntryType.PERSON_KEYS));
        return rejections(List.of(e), receiver, direction, now).stream().map(EntryScreen.Rejected::reason).findFirst();
    }

    /** The candidates that fail their checks against {@code receiver}, with why. */
    private static List<EntryScreen.Rejected> rejections(List<Entry> candidates, EntryStore receiver, String direction,
                                                         KeyDirectory knownBefore) {
        if (candidates.isEmpty()) {
            return List.of();
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
            EntryScreen.lateFromRemoved(candidates, held, knownBefore)
                    .stream().filter(r -> !failed.contains(r.entry().id())).forEach(rejected::add);
        }
        return rejected;
    }

    /**
     * The candidates less those an administrator discarded: the same bytes are skipped and counted;
     * a different version of a discarded entry is added to {@code rejected}, to be set aside again.
     */
    private List<Entry> withoutDiscarded(List<Entry> candidates, List<EntryScreen.Rejected> rejected) {
        Map<UUID, Set<String>> discarded = discarded();
        if (discarded.isEmpty()) {
            return candidates;
        }
        List<Entry> out = new ArrayList<>(candidates.size());
        List<QuarantineStore.Discarded> again = new ArrayList<>();
        for (Entry e : candidates) {
            Set<String> digests = discarded.get(e.id());
            if (digests == null) {
                out.add(e);
                continue;
            }
            String digest = EntryHasher.digest(e);
            if (digests.contains(digest)) {
                again.add(new QuarantineStore.Discarded(e.id(), digest));
            } else {
                rejected.add(new EntryScreen.Rejected(e, "entry #" + e.deviceSeq() + " of device " + e.device()
                        + " is a different version of an entry an administrator discarded from quarantine"));
            }
        }
        countAgain(again);
        return out;
    }

    private Map<UUID, Set<String>> discarded() {
        return store.discarded();
    }

    private synchronized void countAgain(List<QuarantineStore.Discarded> again) {
        if (!again.isEmpty()) {
            store.offeredAgain(again);
            skipped += again.size();
        }
    }

    private void keep(List<EntryScreen.Rejected> rejected, String direction, String source) {
        if (rejected.isEmpty()) {
            return;
        }
        List<QuarantineStore.Item> items = rejected.stream().map(r -> new QuarantineStore.Item(
                Quarantined.of(r, direction, source, clock.instant()), r.entry())).toList();
        store.putAll(items);
        synchronized (this) {
            items.forEach(i -> found.add(i.about()));
        }
    }

    /** Sets {@code entries} aside for {@code reason}, found by a check made elsewhere (incoming). */
    public void setAside(List<Entry> entries, String reason, String source) {
        if (entries.isEmpty()) {
            return;
        }
        List<EntryScreen.Rejected> rejected = new ArrayList<>();
        withoutDiscarded(entries, rejected).forEach(e -> rejected.add(new EntryScreen.Rejected(e,
                "entry #" + e.deviceSeq() + " of device " + e.device() + ": " + reason)));
        keep(rejected, Quarantined.INCOMING, source);
    }

    /**
     * Sets aside an entry that could not even be opened (its sealed bytes were altered): only its id
     * and the device it was filed under are known, never its author or case, and nothing is kept.
     */
    public void setAsideUnreadable(UUID id, String device, String reason, String source) {
        if (discarded().getOrDefault(id, Set.of()).contains("")) {
            countAgain(List.of(new QuarantineStore.Discarded(id, "")));
            return;
        }
        Quarantined q = new Quarantined(id, Quarantined.INCOMING, device == null ? "" : device, 0, "", null, "",
                source, reason, clock.instant());
        store.put(List.of(q));
        synchronized (this) {
            found.add(q);
        }
    }

    /** How many entries were set aside and not yet {@link #reported()}. */
    public synchronized int pending() {
        return found.size();
    }

    /**
     * How many entries discarded earlier were offered again and skipped since this gate was made, or
     * since this was last called.
     */
    public synchronized int skipped() {
        int n = skipped;
        skipped = 0;
        return n;
    }

    /** What was set aside since this gate was made, or since {@link #reported()} was last called. */
    public synchronized List<Quarantined> reported() {
        List<Quarantined> out = List.copyOf(found);
        found.clear();
        return out;
    }
}
