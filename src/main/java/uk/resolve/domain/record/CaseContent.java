/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which fields of a case entry stay readable without the case's key: what the partnership's report,
 * the read model and the checks on who may see a case need (procedure, stage, dates, agencies,
 * category, child status, outcome codes, ids of steps and deadlines). Everything else an entry of a
 * case holds (the child's reference and name, the concern, evidence, every note, reason and summary,
 * the contents of forms, names of documents) is sealed under the case key. The list is of what stays
 * clear, so a field added later is sealed unless it is named here.
 */
public final class CaseContent {

    /** The data field holding the sealed fields of an entry (base64). */
    public static final String SEALED = "sealed";
    /** The data field naming the generation of the case key the entry is sealed under. */
    public static final String GENERATION = "keyGeneration";

    /** Readable in an entry of any type of a case. */
    private static final Set<String> ANY = Set.of("policy", "policyVersion", "track", "fromTrack", "startStage", "stage",
            "toStage", "category", "childStatus", "raisedAgency", "otherAgency", "immediateRisk", "sample", "arose",
            "entry", "id", "deadline", "due", "notification", "to", "form", "version", "item", "meeting", "block",
            "outcomeId", "method", "resolved", "field", "signer", "signer-role", "signer-agency", "block-title",
            "size", "sha256", "kind", SEALED, GENERATION, BoardContent.SEALED, BoardContent.CASE_WRAPPED,
            BoardContent.REPORT_WRAPPED, BoardContent.REPORT_KEY);
    /** Prefixes of readable fields: dates and answers that decide the route and deadlines (yes/no, dates). */
    private static final Set<String> PREFIXES = Set.of("date.", "fact.");
    /**
     * Free text meant for the board, which the partnership report shows: learning at resolution, and
     * what monitoring forms say of the procedure's effectiveness (the field ids {@code ReportCalculator}
     * reads). Sealed under the case key like everything else, and a second time, redacted, for the
     * partnership's report key ({@link BoardContent}, decision 0017).
     */
    public static final Set<String> BOARD_FORM_FIELDS = Set.of("effectiveness", "policyeffectiveness", "effective",
            "suggestions", "improvements", "policysuggestions");

    /** Readable only in entries of one type. */
    private static final Map<EntryType, Set<String>> BY_TYPE = Map.of(
            EntryType.CASE_OPENED, Set.of("team"),
            EntryType.CASE_SHARED, Set.of("with"),
            EntryType.DATE_RECORDED, Set.of("value"),
            EntryType.FACT_ANSWERED, Set.of("value"),
            EntryType.CASE_KEY, Set.of(CaseKeyGrant.PERSON, CaseKeyGrant.GENERATION, CaseKeyGrant.WRAPPED,
                    CaseKeyGrant.BOX_KEY));

    private CaseContent() {
    }

    /** Whether {@code field} of an entry of {@code type} stays readable without the case key. */
    public static boolean readable(EntryType type, String field) {
        if (type == EntryType.PERSON_KEYS || type == EntryType.REPORT_KEY) {
            return true; // public keys and wrapped keys, not about any case
        }
        if (ANY.contains(field) || BY_TYPE.getOrDefault(type, Set.of()).contains(field)) {
            return true;
        }
        return PREFIXES.stream().anyMatch(field::startsWith);
    }

    /** Whether entries of {@code type} carry anything to seal at all. */
    public static boolean sealable(EntryType type) {
        return type != EntryType.PERSON_KEYS && type != EntryType.CASE_KEY && type != EntryType.REPORT_KEY;
    }

    /** The fields of {@code data} that stay readable. */
    public static SortedMap<String, String> readablePart(EntryType type, Map<String, String> data) {
        TreeMap<String, String> out = new TreeMap<>();
        data.forEach((k, v) -> {
            if (readable(type, k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The fields of {@code data} to be sealed. */
    public static SortedMap<String, String> secretPart(EntryType type, Map<String, String> data) {
        TreeMap<String, String> out = new TreeMap<>();
        data.forEach((k, v) -> {
            if (!readable(type, k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * Whether {@code field} of an entry of {@code type} is free text meant for the board: learning at
     * resolution, and a monitoring form's answers on the procedure's effectiveness and suggestions.
     */
    public static boolean forBoard(EntryType type, String field) {
        if (type == EntryType.RESOLVED) {
            return field.equals("learning");
        }
        return type == EntryType.FORM_COMPLETED && field.startsWith("field.")
                && BOARD_FORM_FIELDS.contains(field.substring("field.".length()).toLowerCase(java.util.Locale.ROOT));
    }

    /** The board's free text among {@code data} (non-blank values only). */
    public static SortedMap<String, String> boardPart(EntryType type, Map<String, String> data) {
        TreeMap<String, String> out = new TreeMap<>();
        data.forEach((k, v) -> {
            if (forBoard(type, k) && v != null && !v.isBlank()) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Whether {@code e} holds sealed fields. */
    public static boolean isSealed(Entry e) {
        return e.get(SEALED) != null;
    }

    /** The generation of the case key {@code e} is sealed under, or 0 when it is not sealed. */
    public static int generation(Entry e) {
        return isSealed(e) ? e.intValue(GENERATION, 0) : 0;
    }

    /**
     * What is bound to a sealed value as associated data: the case, the entry, its type and the key
     * generation, so that sealed content cannot be moved to another entry or case.
     */
    public static String binding(java.util.UUID caseId, java.util.UUID entryId, EntryType type, int generation) {
        return "resolve case content|" + caseId + "|" + entryId + "|" + type.code() + "|" + generation;
    }
}
