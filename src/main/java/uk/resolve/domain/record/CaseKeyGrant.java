/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A case key wrapped for one person, as a {@code case-key} entry of the case: the generation of the
 * key, the person, the X25519 public key it was wrapped for and the wrapped key. Signed like every
 * entry, so it syncs, exports and is checked with the case.
 */
public record CaseKeyGrant(UUID caseId, String person, int generation, String boxKey, String wrapped) {

    public static final String PERSON = "person";
    public static final String GENERATION = "generation";
    public static final String BOX_KEY = "boxKey";
    public static final String WRAPPED = "wrapped";

    /** The grant an entry records, if it is a well-formed {@code case-key} entry. */
    public static Optional<CaseKeyGrant> of(Entry e) {
        if (e.type() != EntryType.CASE_KEY || e.get(PERSON) == null || e.get(WRAPPED) == null) {
            return Optional.empty();
        }
        int g = e.intValue(GENERATION, 0);
        return g < 1 ? Optional.empty()
                : Optional.of(new CaseKeyGrant(e.caseId(), e.get(PERSON), g, e.get(BOX_KEY, ""), e.get(WRAPPED)));
    }

    /** The data of the entry that records this grant. */
    public Map<String, String> data() {
        TreeMap<String, String> m = new TreeMap<>();
        m.put(PERSON, person);
        m.put(GENERATION, Integer.toString(generation));
        m.put(BOX_KEY, boxKey);
        m.put(WRAPPED, wrapped);
        return m;
    }

    /** The newest generation among the grants in {@code entries}, or 0 when the case has no key. */
    public static int newest(Collection<Entry> entries) {
        return entries.stream().map(CaseKeyGrant::of).flatMap(Optional::stream).mapToInt(CaseKeyGrant::generation)
                .max().orElse(0);
    }

    /** Who holds generation {@code g} among the grants in {@code entries} (names as written). */
    public static Set<String> holders(Collection<Entry> entries, int g) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        entries.stream().map(CaseKeyGrant::of).flatMap(Optional::stream).filter(k -> k.generation() == g)
                .forEach(k -> out.add(k.person()));
        return out;
    }
}
