/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks the per-device hash chains of a set of entries; with this device's id and the checkpoints
 * seen, also that nothing this device wrote, nor anything a checkpoint vouched for, has gone, been
 * replaced or rolled back, and that every case still has its opening entry.
 */
public final class ChainVerifier {

    /** What was found wrong, or worth knowing. */
    public record Finding(boolean isBreak, String device, long deviceSeq, String entryId, String message) {
    }

    /** The result of a check. */
    public record Report(int entries, int devices, List<Finding> findings) {

        public List<Finding> breaks() {
            return findings.stream().filter(Finding::isBreak).toList();
        }

        public boolean intact() {
            return breaks().isEmpty();
        }
    }

    private ChainVerifier() {
    }

    /** Checks hashes and chains only; a gap in any chain is a note (as after importing some cases). */
    public static Report verify(Collection<Entry> entries) {
        return verify(entries, null, List.of());
    }

    /**
     * Checks hashes and chains, and against {@code checkpoints}: a gap in the chain of {@code ownDevice}
     * (this database's device, whose every entry it keeps), or below a checkpoint, is a break; so is a
     * chain shorter than a checkpoint, an entry other than the one a checkpoint saw, and a case without
     * its opening entry.
     */
    public static Report verify(Collection<Entry> entries, String ownDevice, Collection<Checkpoint> checkpoints) {
        Map<String, Long> vouched = new TreeMap<>();
        for (Checkpoint cp : checkpoints) {
            vouched.merge(cp.device(), cp.seq(), Math::max);
        }
        Map<String, List<Entry>> byDevice = entries.stream()
                .collect(Collectors.groupingBy(Entry::device, TreeMap::new, Collectors.toList()));
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> chain : byDevice.entrySet()) {
            List<Entry> list = new ArrayList<>(chain.getValue());
            list.sort(Comparator.comparingLong(Entry::deviceSeq));
            Entry previous = null;
            for (Entry e : list) {
                if (!e.hashIsValid()) {
                    findings.add(new Finding(true, e.device(), e.deviceSeq(), e.id().toString(),
                            "entry " + e.id() + " (" + e.type().label() + ", device " + e.device() + " #"
                                    + e.deviceSeq() + ") has been altered: its content no longer matches its hash"));
                }
                if (previous != null && previous.deviceSeq() == e.deviceSeq()) {
                    findings.add(new Finding(true, e.device(), e.deviceSeq(), e.id().toString(),
                            "device " + e.device() + " has two entries numbered #" + e.deviceSeq()));
                } else if (previous != null && previous.deviceSeq() + 1 == e.deviceSeq()) {
                    if (!previous.hash().equals(e.prevHash())) {
                        findings.add(new Finding(true, e.device(), e.deviceSeq(), e.id().toString(),
                                "the chain of device " + e.device() + " is broken before #" + e.deviceSeq()
                                        + ": entry #" + previous.deviceSeq() + " was altered or replaced"));
                    } else if (EntryScreen.datedBefore(e, previous)) {
                        findings.add(new Finding(true, e.device(), e.deviceSeq(), e.id().toString(),
                                "entry " + e.id() + " (device " + e.device() + " #" + e.deviceSeq() + ", "
                                        + whose(e.author(), e.caseId()) + ") is dated " + e.writtenAt()
                                        + ", before the entry before it in that chain (" + previous.writtenAt()
                                        + "): it was backdated"));
                    }
                } else if (previous == null ? e.deviceSeq() > 1 : e.deviceSeq() > previous.deviceSeq() + 1) {
                    long from = previous == null ? 1 : previous.deviceSeq() + 1;
                    String range = from == e.deviceSeq() - 1 ? "entry #" + from : "entries #" + from + " to #"
                            + (e.deviceSeq() - 1);
                    if (chain.getKey().equals(ownDevice)) {
                        findings.add(new Finding(true, e.device(), from, e.id().toString(), range + " of this"
                                + " computer's own chain (device " + e.device() + ") " + (range.startsWith("entry ")
                                ? "is" : "are") + " missing: deleted outside Resolve"));
                    } else if (from <= vouched.getOrDefault(chain.getKey(), 0L)) {
                        findings.add(new Finding(true, e.device(), from, e.id().toString(), range + " of device "
                                + e.device() + (range.startsWith("entry ") ? " is" : " are") + " missing, though a"
                                + " checkpoint had seen them: deleted outside Resolve"));
                    } else {
                        findings.add(new Finding(false, e.device(), e.deviceSeq(), e.id().toString(),
                                range + " of device " + e.device() + (range.startsWith("entry ") ? " is" : " are")
                                        + " not here (normal after importing only some cases)"));
                    }
                } else if (previous == null && e.deviceSeq() == 1 && !e.prevHash().isEmpty()) {
                    findings.add(new Finding(true, e.device(), e.deviceSeq(), e.id().toString(),
                            "the first entry of device " + e.device() + " points at an earlier entry"));
                }
                previous = e;
            }
        }
        checkpoints(byDevice, checkpoints, findings);
        openings(entries, findings);
        signatures(entries, findings);
        return new Report(entries.size(), byDevice.size(), findings);
    }

    private static void checkpoints(Map<String, List<Entry>> byDevice, Collection<Checkpoint> checkpoints,
                                    List<Finding> findings) {
        for (Checkpoint cp : checkpoints) {
            List<Entry> chain = byDevice.getOrDefault(cp.device(), List.of());
            long last = chain.stream().mapToLong(Entry::deviceSeq).max().orElse(0);
            String newest = "its newest entry then was " + whose(cp.author(), cp.caseId());
            String seen = "a checkpoint taken " + cp.seenAt() + " (" + cp.source() + ")";
            if (last < cp.seq()) {
                findings.add(new Finding(true, cp.device(), cp.seq(), cp.entryId() == null ? "" : cp.entryId().toString(),
                        "the chain of device " + cp.device() + " ends at #" + last + ", but " + seen + " saw it reach #"
                                + cp.seq() + "; " + newest + ": " + (cp.seq() - last == 1 ? "entry #" + cp.seq()
                                + " was" : "entries #" + (last + 1) + " to #" + cp.seq() + " were")
                                + " deleted or the record rolled back"));
                continue;
            }
            chain.stream().filter(e -> e.deviceSeq() == cp.seq()).findFirst().ifPresent(e -> {
                if (!e.hash().equals(cp.hash())) {
                    findings.add(new Finding(true, cp.device(), cp.seq(), e.id().toString(),
                            "entry #" + cp.seq() + " of device " + cp.device() + " (" + e.type().label() + ", "
                                    + whose(e.author(), e.caseId()) + ") is not the entry " + seen + " saw there ("
                                    + whose(cp.author(), cp.caseId()) + "): altered or replaced, its hash recomputed"));
                }
            });
        }
    }

    /**
     * Every entry against its author's keys as registered when it was written ({@link KeyDirectory}):
     * a missing or wrong signature is a break; entries from before signing are counted in a note.
     */
    private static void signatures(Collection<Entry> entries, List<Finding> findings) {
        KeyDirectory keys = KeyDirectory.of(entries);
        Map<String, Integer> unsigned = new TreeMap<>();
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::device).thenComparingLong(Entry::deviceSeq));
        for (Entry e : sorted) {
            if (!e.hashIsValid()) {
                continue; // reported already: its signature cannot be checked against content that changed
            }
            KeyDirectory.Verdict v = keys.check(e);
            if (v.status() == KeyDirectory.Status.BAD) {
                findings.add(new Finding(true, e.device(), e.deviceSeq(), e.id().toString(), "entry " + e.id() + " ("
                        + e.type().label() + ", device " + e.device() + " #" + e.deviceSeq() + ", by " + e.author()
                        + (KeyDirectory.PEOPLE.equals(e.caseId()) ? "" : ", case " + e.caseId()) + "): " + v.reason()));
            } else if (v.status() == KeyDirectory.Status.UNSIGNED_BEFORE_KEYS) {
                unsigned.merge(e.device(), 1, Integer::sum);
            }
        }
        if (!unsigned.isEmpty()) {
            int n = unsigned.values().stream().mapToInt(Integer::intValue).sum();
            findings.add(new Finding(false, "", 0, "", n + (n == 1 ? " entry was" : " entries were") + " written"
                    + " before signing began (marked " + Entry.UNSIGNED + "; devices " + String.join(", ",
                    unsigned.keySet()) + "): checked by hash and chain only"));
        }
        List<String> own = keys.ownRegistrations().stream().map(KeyDirectory.Registration::person).distinct()
                .sorted().toList();
        if (!own.isEmpty()) {
            findings.add(new Finding(false, "", 0, "", "the keys of " + String.join(", ", own) + " were registered"
                    + " by " + (own.size() == 1 ? "that person" : "each person") + " on their own (first administrator,"
                    + " or first sign-in after signing began), vouched for by the team's database key only: an"
                    + " administrator should know " + (own.size() == 1 ? "that name" : "every one of these names")
                    + ", then confirm " + (own.size() == 1 ? "it" : "each") + " with 'resolve user confirm NAME'"));
        }
    }

    private static void openings(Collection<Entry> entries, List<Finding> findings) {
        Map<java.util.UUID, List<Entry>> byCase = entries.stream()
                .filter(e -> !KeyDirectory.PEOPLE.equals(e.caseId()))
                .collect(Collectors.groupingBy(Entry::caseId, TreeMap::new, Collectors.toList()));
        for (Map.Entry<java.util.UUID, List<Entry>> c : byCase.entrySet()) {
            boolean opened = c.getValue().stream().anyMatch(e -> e.type() == EntryType.CASE_OPENED);
            if (!opened) {
                List<String> authors = c.getValue().stream().map(Entry::author).distinct().sorted().toList();
                Entry first = c.getValue().get(0);
                findings.add(new Finding(true, first.device(), first.deviceSeq(), first.id().toString(),
                        "case " + c.getKey() + " has " + c.getValue().size() + (c.getValue().size() == 1 ? " entry"
                                : " entries") + " (by " + String.join(", ", authors) + ") but its opening entry is"
                                + " missing: deleted outside Resolve"));
            }
        }
    }

    private static String whose(String author, java.util.UUID caseId) {
        return "by " + (author == null ? "an unknown author" : author) + " on case "
                + (caseId == null ? "(unknown)" : caseId.toString());
    }
}
