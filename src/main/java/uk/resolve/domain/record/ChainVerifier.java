/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Checks the per-device hash chains of a set of entries. */
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

    public static Report verify(Collection<Entry> entries) {
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
                    }
                } else if (previous == null ? e.deviceSeq() > 1 : e.deviceSeq() > previous.deviceSeq() + 1) {
                    long from = previous == null ? 1 : previous.deviceSeq() + 1;
                    findings.add(new Finding(false, e.device(), e.deviceSeq(), e.id().toString(),
                            "entries #" + from + " to #" + (e.deviceSeq() - 1) + " of device " + e.device()
                                    + " are not here (normal after importing only some cases)"));
                } else if (previous == null && e.deviceSeq() == 1 && !e.prevHash().isEmpty()) {
                    findings.add(new Finding(true, e.device(), e.deviceSeq(), e.id().toString(),
                            "the first entry of device " + e.device() + " points at an earlier entry"));
                }
                previous = e;
            }
        }
        return new Report(entries.size(), byDevice.size(), findings);
    }
}
