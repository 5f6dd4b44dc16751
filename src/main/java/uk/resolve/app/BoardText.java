/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.EntryText;
import uk.resolve.domain.escalation.Resolution;
import uk.resolve.domain.record.BoardContent;
import uk.resolve.domain.record.CaseContent;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.report.ReportFacts;

/**
 * The board free text of cases for the partnership report (decision 0017): learning at resolution
 * and monitoring forms' feedback, which the record holds sealed. A business-team person opens it with
 * the report key they hold; anyone else only where they hold the case's key. What opens is the
 * board's copy, from which the writer's Resolve removed the child's own reference and name.
 */
final class BoardText {

    private final CaseKeys caseKeys;
    private final ReportKeys reportKeys;

    BoardText(CaseKeys caseKeys, ReportKeys reportKeys) {
        this.caseKeys = caseKeys;
        this.reportKeys = reportKeys;
    }

    /**
     * {@code cases} (each carrying the entries a report reads) with the board text this person can
     * open put back in place: in the resolution's learning and in the completed forms' fields. Text
     * that does not open here stays absent, so the report shows none.
     */
    List<CaseState> open(List<CaseState> cases) {
        List<Entry> sealed = new ArrayList<>();
        for (CaseState c : cases) {
            c.entries().stream().filter(BoardContent::has).forEach(sealed::add);
        }
        if (sealed.isEmpty()) {
            return cases;
        }
        Map<UUID, SortedMap<String, String>> opened = opened(sealed);
        if (opened.isEmpty()) {
            return cases;
        }
        List<CaseState> out = new ArrayList<>(cases.size());
        for (CaseState c : cases) {
            out.add(withText(c, opened));
        }
        return out;
    }

    /**
     * The sealed board text of {@code facts} this person can open, by entry id: with a report key they
     * hold, or else with the case's key. Text that does not open here is absent, so the report shows none.
     */
    Map<UUID, SortedMap<String, String>> openBoard(Collection<ReportFacts> facts) {
        List<Entry> sealed = new ArrayList<>();
        for (ReportFacts f : facts) {
            for (ReportFacts.Board b : f.board()) {
                if (b.isSealed()) {
                    sealed.add(asEntry(f.id(), b));
                }
            }
        }
        if (sealed.isEmpty()) {
            return Map.of();
        }
        return opened(sealed);
    }

    /** What the keys read of a stored board row: the entry's ids and its board fields, nothing else. */
    private static Entry asEntry(UUID caseId, ReportFacts.Board b) {
        TreeMap<String, String> data = new TreeMap<>();
        data.put(BoardContent.SEALED, b.sealed());
        putIf(data, BoardContent.CASE_WRAPPED, b.caseWrapped());
        putIf(data, BoardContent.REPORT_WRAPPED, b.reportWrapped());
        putIf(data, BoardContent.REPORT_KEY, b.reportKeyId());
        // the generation is read only of an entry marked sealed; its sealed content is not needed here
        data.put(CaseContent.SEALED, "");
        data.put(CaseContent.GENERATION, Integer.toString(b.generation()));
        return new Entry(b.entryId(), caseId, b.type(), "", "", 0, Instant.EPOCH, Instant.EPOCH, data, "", "");
    }

    private static void putIf(Map<String, String> data, String field, String value) {
        if (value != null) {
            data.put(field, value);
        }
    }

    private Map<UUID, SortedMap<String, String>> opened(List<Entry> sealed) {
        Map<UUID, SortedMap<String, String>> opened = new HashMap<>();
        ReportKeys.ReportSet held = reportKeys.held();
        // board text written before the report key was current is wrapped for it in an entry of its own, later
        Map<UUID, List<BoardContent.Wrap>> later = held.isEmpty() ? Map.of() : reportKeys.laterWraps(sealed.stream()
                .filter(e -> !held.has(e.get(BoardContent.REPORT_KEY))).map(Entry::caseId)
                .collect(java.util.stream.Collectors.toSet()));
        List<Entry> rest = new ArrayList<>();
        // one X25519 agreement per entry (its board key is wrapped for the report key on its own): on every core
        List<java.util.Optional<SortedMap<String, String>>> texts = held.isEmpty() ? null
                : sealed.parallelStream().map(e -> reportKeys.open(e, held, later.getOrDefault(e.id(), List.of())))
                .toList();
        for (int i = 0; i < sealed.size(); i++) {
            Entry e = sealed.get(i);
            if (texts != null && texts.get(i).isPresent()) {
                opened.put(e.id(), texts.get(i).get());
            } else {
                rest.add(e);
            }
        }
        opened.putAll(caseKeys.openBoard(rest));
        return opened;
    }

    private static CaseState withText(CaseState c, Map<UUID, SortedMap<String, String>> opened) {
        if (c.entries().stream().noneMatch(e -> opened.containsKey(e.id()))) {
            return c;
        }
        List<Entry> entries = new ArrayList<>(c.entries().size());
        Entry resolved = null;
        for (Entry e : c.entries()) {
            SortedMap<String, String> text = opened.get(e.id());
            Entry now = e;
            if (text != null) {
                TreeMap<String, String> data = new TreeMap<>(e.data());
                data.putAll(text);
                now = e.withData(data);
            }
            if (now.type() == EntryType.RESOLVED) {
                resolved = now;
            }
            entries.add(now);
        }
        CaseState out = c.keeping(entries);
        Resolution r = c.resolution();
        if (r != null && resolved != null && opened.containsKey(resolved.id()) && r.learning() == null) {
            out = out.withResolution(new Resolution(r.stage(), r.at(), r.outcome(), r.outstanding(),
                    resolved.get(EntryText.LEARNING)));
        }
        return out;
    }
}
