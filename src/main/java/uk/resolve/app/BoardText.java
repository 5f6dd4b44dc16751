/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.util.ArrayList;
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
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;

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
        Map<UUID, SortedMap<String, String>> opened = new HashMap<>();
        ReportKeys.ReportSet held = reportKeys.held();
        // board text written before the report key was current is wrapped for it in an entry of its own, later
        Map<UUID, List<BoardContent.Wrap>> later = held.isEmpty() ? Map.of() : reportKeys.laterWraps(sealed.stream()
                .filter(e -> !held.has(e.get(BoardContent.REPORT_KEY))).map(Entry::caseId)
                .collect(java.util.stream.Collectors.toSet()));
        List<Entry> rest = new ArrayList<>();
        for (Entry e : sealed) {
            var text = held.isEmpty() ? java.util.Optional.<SortedMap<String, String>>empty()
                    : reportKeys.open(e, held, later.getOrDefault(e.id(), List.of()));
            if (text.isPresent()) {
                opened.put(e.id(), text.get());
            } else {
                rest.add(e);
            }
        }
        opened.putAll(caseKeys.openBoard(rest));
        if (opened.isEmpty()) {
            return cases;
        }
        List<CaseState> out = new ArrayList<>(cases.size());
        for (CaseState c : cases) {
            out.add(withText(c, opened));
        }
        return out;
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
