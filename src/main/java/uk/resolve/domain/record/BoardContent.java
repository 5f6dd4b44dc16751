/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Where an entry keeps its board free text sealed (decision 0017). The board's fields
 * ({@link CaseContent#forBoard}), redacted of the child's reference and name by the writer's Resolve,
 * are sealed under a key of their own, the <em>board key</em> of the entry ({@link #SEALED}). That key
 * is sealed under the case key ({@link #CASE_WRAPPED}), so whoever reads the case reads it, and
 * wrapped for the partnership's report key ({@link #REPORT_WRAPPED}, {@link #REPORT_KEY}), so the
 * business team's report reads it without any case key. All four fields are cipher text or ids:
 * readable fields of the entry, covered by its hash and signature.
 *
 * <p>Board text written while no report key was current, or for a report key since replaced, is
 * wrapped for the current one later by a case-key holder's Resolve, in a {@link Wrap}: a
 * {@code case-key} entry of the case that names no person, only the entry ({@link #ENTRY}), the
 * report key and the board key wrapped for it.
 */
public final class BoardContent {

    /** The board fields, redacted, sealed under the entry's board key (base64). */
    public static final String SEALED = "boardSealed";
    /** The entry's board key sealed under the case key of the entry's generation (base64). */
    public static final String CASE_WRAPPED = "boardCaseKey";
    /** The entry's board key wrapped for the report key {@link #REPORT_KEY} (base64). */
    public static final String REPORT_WRAPPED = "boardReportKey";
    /** The id of the report key the board key is wrapped for. */
    public static final String REPORT_KEY = "reportKeyId";

    /** In a {@link Wrap}: the id of the entry whose board key it wraps. */
    public static final String ENTRY = "boardEntry";

    /**
     * The board key of entry {@code entryId} of a case wrapped for report key {@code keyId}, written
     * after the entry itself (as a {@code case-key} entry, signed by a case-key holder).
     */
    public record Wrap(UUID caseId, UUID entryId, String keyId, String wrapped) {

        /** The wrap {@code e} records, if it is one. */
        public static Optional<Wrap> of(Entry e) {
            if (e.type() != EntryType.CASE_KEY || e.get(ENTRY) == null || e.get(REPORT_KEY) == null
                    || e.get(REPORT_WRAPPED) == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Wrap(e.caseId(), UUID.fromString(e.get(ENTRY)), e.get(REPORT_KEY),
                        e.get(REPORT_WRAPPED)));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }

        /** The data of the entry that records this wrap. */
        public Map<String, String> data() {
            TreeMap<String, String> m = new TreeMap<>();
            m.put(ENTRY, entryId.toString());
            m.put(REPORT_KEY, keyId);
            m.put(REPORT_WRAPPED, wrapped);
            return m;
        }
    }

    private BoardContent() {
    }

    /** Whether {@code e} carries sealed board text. */
    public static boolean has(Entry e) {
        return e.get(SEALED) != null;
    }

    /** What the sealed board text is bound to: the case, the entry and its type. */
    public static String binding(UUID caseId, UUID entryId, EntryType type) {
        return "resolve board text|" + caseId + "|" + entryId + "|" + type.code();
    }

    /** What the board key is bound to when sealed under the case key, or wrapped for a report key. */
    public static String keyBinding(UUID caseId, UUID entryId, String holder) {
        return "resolve board key|" + caseId + "|" + entryId + "|" + holder;
    }
}
