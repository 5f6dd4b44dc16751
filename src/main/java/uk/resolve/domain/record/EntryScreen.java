/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks an entry passes before one copy of the record accepts it from another (sync, import)
 * or sends it on: its content matches its hash, it is the only entry at its place in its device's
 * chain, and it follows the entry before it there. An entry that fails is set aside, never allowed
 * to stop the rest.
 */
public final class EntryScreen {

    /** An entry that failed, and why (in words for an administrator; never its content). */
    public record Rejected(Entry entry, String reason) {
    }

    /**
     * How far an entry may be dated before the entry before it in its device's chain (a computer's
     * clock set back a little); further is a backdated entry. See decision 0013.
     */
    public static final java.time.Duration CLOCK_SLACK = java.time.Duration.ofMinutes(10);

    private EntryScreen() {
    }

    /** Whether {@code e}, which follows {@code before} in its device's chain, is dated too far before it. */
    public static boolean datedBefore(Entry e, Entry before) {
        return e.writtenAt().isBefore(before.writtenAt().minus(CLOCK_SLACK));
    }

    /**
     * Candidates new to the receiver written by someone whose removal the receiver already knew
     * ({@code known}: the receiver's own registrations, without the candidates'): signed with a key
     * still valid at the date they bear, they may have been backdated by someone holding an old key
     * file. Their author's own laptop still holds them. See decision 0013.
     */
    public static List<Rejected> lateFromRemoved(Collection<Entry> candidates, Collection<Entry> held,
                                                 KeyDirectory known) {
        java.util.Set<java.util.UUID> have = new java.util.HashSet<>();
        held.forEach(e -> have.add(e.id()));
        List<Rejected> out = new ArrayList<>();
        for (Entry e : candidates) {
            java.time.Instant removed = known.removedAt(e.author());
            if (removed != null && !have.contains(e.id()) && e.writtenAt().isBefore(removed)) {
                out.add(new Rejected(e, "entry #" + e.deviceSeq() + " of device " + e.device() + " is by " + e.author()
                        + ", dated before their removal (" + removed + "), but arrived after this computer knew of"
                        + " the removal: it may have been backdated with an old key file. If it is genuine, the"
                        + " laptop it was written on still holds it"));
            }
        }
        return out;
    }

    /**
     * @param candidates the entries about to be accepted
     * @param held       entries the receiving side already holds at the candidates' places and just
     *                   before them (more is harmless)
     * @return the candidates that fail, each once, in the candidates' order
     */
    public static List<Rejected> screen(Collection<Entry> candidates, Collection<Entry> held) {
        return screen(candidates, held, null);
    }

    /**
     * As {@link #screen(Collection, Collection)}, and each candidate's signature against {@code keys}
     * (the receiver's registrations with the candidates'): an entry not signed by its author's key as
     * registered when it was written fails. One whose author has no registration here at all passes,
     * as the registration may come in a later batch; {@code verify} reports it if it never does.
     */
    public static List<Rejected> screen(Collection<Entry> candidates, Collection<Entry> held, KeyDirectory keys) {
        Map<String, Entry> atPlace = new HashMap<>();
        for (Entry e : held) {
            atPlace.put(place(e.device(), e.deviceSeq()), e);
        }
        Map<String, List<Entry>> claims = new HashMap<>();
        for (Entry e : candidates) {
            claims.computeIfAbsent(place(e.device(), e.deviceSeq()), k -> new ArrayList<>()).add(e);
        }
        Map<java.util.UUID, Rejected> out = new LinkedHashMap<>();
        for (Entry e : candidates) {
            String where = "entry #" + e.deviceSeq() + " of device " + e.device();
            Entry there = atPlace.get(place(e.device(), e.deviceSeq()));
            boolean twice = claims.get(place(e.device(), e.deviceSeq())).stream().anyMatch(o -> !o.id().equals(e.id()));
            if (!e.hashIsValid()) {
                out.put(e.id(), new Rejected(e, where + " does not match its hash: it was altered outside Resolve"));
            } else if ((there != null && !there.id().equals(e.id())) || twice) {
                out.put(e.id(), new Rejected(e, "two different entries claim to be " + where
                        + ": one was made outside Resolve"));
            } else if (e.deviceSeq() == 1 && !e.prevHash().isEmpty()) {
                out.put(e.id(), new Rejected(e, where + " is its first, yet points at an earlier entry"));
            } else {
                Entry before = atPlace.get(place(e.device(), e.deviceSeq() - 1));
                if (before == null) {
                    List<Entry> c = claims.get(place(e.device(), e.deviceSeq() - 1));
                    before = c == null || c.size() != 1 ? null : c.get(0);
                }
                if (before != null && !before.hash().equals(e.prevHash())) {
                    out.put(e.id(), new Rejected(e, where + " does not follow the entry before it in that chain:"
                            + " the chain was altered outside Resolve"));
                } else if (before != null && datedBefore(e, before)) {
                    out.put(e.id(), new Rejected(e, where + " is dated before the entry before it in that chain:"
                            + " it was backdated"));
                } else if (keys != null && (keys.knows(e.author()) || e.type() == EntryType.PERSON_KEYS)) {
                    KeyDirectory.Verdict v = keys.check(e);
                    if (v.status() == KeyDirectory.Status.BAD) {
                        out.put(e.id(), new Rejected(e, where + " fails its signature check: " + v.reason()));
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static String place(String device, long seq) {
        return device + "#" + seq;
    }
}
