/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import uk.resolve.app.Services;
import uk.resolve.domain.record.BoardContent;
import uk.resolve.domain.record.CaseContent;
import uk.resolve.domain.record.CaseKeyGrant;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.record.ReportKeyEntry;
import uk.resolve.security.CaseSeal;
import uk.resolve.security.PersonKeys;
import uk.resolve.testing.MutableClock;

/**
 * Benchmark cases written as a user's are (decision 0012): each case has its own key, wrapped for the
 * benchmark's person as a {@code case-key} entry, and every entry's child content is sealed under it,
 * as {@code CaseKeys} seals what the screens record; the entries are signed by that person when
 * appended. Board free text (a third of the cases are resolved with learning) is sealed a second time
 * as the writer's Resolve does (decision 0017): under a board key of the entry, sealed under the case
 * key and wrapped for the partnership's current report key when one is published (a business-team
 * person exists). Written in large batches (making 50,000 cases one action at a time would take an hour).
 */
final class SealedCases {

    static final String TEAM = "Bench team";

    private SealedCases() {
    }

    static void populate(Services s, PersonKeys keys, MutableClock clock, int n) {
        String[] policies = {"croydon", "havering", "kingston-richmond", "north-somerset", "safety-of-children"};
        String who = keys.person();
        var entries = uk.resolve.app.TestAccess.entries(s);
        ReportKeyEntry.Published report = ReportKeyEntry.current(entries.ofType(EntryType.REPORT_KEY),
                KeyDirectory.of(entries.ofType(EntryType.PERSON_KEYS))).orElse(null);
        List<NewEntry> batch = new ArrayList<>();
        Instant base = clock.instant().minus(Duration.ofDays(400));
        for (int i = 0; i < n; i++) {
            var p = s.policies().require(policies[i % policies.length]);
            UUID caseId = UUID.randomUUID();
            Instant opened = base.plus(Duration.ofMinutes(11L * i));
            byte[] key = CaseSeal.newCaseKey();
            TreeMap<String, String> opening = new TreeMap<>(Map.of("policy", p.id(), "policyVersion", p.version(),
                    "track", p.defaultTrack().id(), "startStage", "1", "childRef", "REF-" + i, "raisedBy",
                    "Worker " + (i % 300), "raisedAgency", "Agency " + (i % 17), "otherAgency", "Agency " + (i % 13),
                    "category", p.categories().get(0).label(), "concern", "Concern number " + i));
            opening.put("childName", "Child " + i);
            opening.put("team", TEAM);
            batch.add(sealed(new NewEntry(caseId, caseId, EntryType.CASE_OPENED, who, opened, opened, opening), key,
                    report));
            batch.add(sealed(NewEntry.of(caseId, EntryType.DISCUSSION_RECORDED, who, opened, opened.plusSeconds(3600),
                    Map.of("stage", "1", "with", "Other worker", "summary", "Discussed", "resolved", "false")), key, report));
            batch.add(sealed(NewEntry.of(caseId, EntryType.ESCALATED, who, opened, opened.plusSeconds(86_400),
                    Map.of("stage", "1", "toStage", "2", "reason", "Unresolved")), key, report));
            if (i % 3 == 0) {
                batch.add(sealed(NewEntry.of(caseId, EntryType.RESOLVED, who, opened, opened.plusSeconds(2 * 86_400),
                        Map.of("stage", "2", "outcome", "Agreed", "learning", "Thresholds")), key, report));
            }
            batch.add(NewEntry.of(caseId, EntryType.CASE_KEY, who, opened, opened, new CaseKeyGrant(caseId,
                    who.toLowerCase(java.util.Locale.ROOT), 1, keys.boxPublic(),
                    CaseSeal.wrap(key, keys.boxPublic(), CaseSeal.wrapContext(caseId, 1, who))).data()));
            if (batch.size() >= 5_000) {
                uk.resolve.app.TestAccess.entries(s).append(batch);
                batch.clear();
            }
        }
        uk.resolve.app.TestAccess.entries(s).append(batch);
    }

    /**
     * {@code n} with its secret fields sealed under generation 1 of the case key, and its board text as
     * the board's copy, as {@code CaseKeys} seals.
     */
    private static NewEntry sealed(NewEntry n, byte[] key, ReportKeyEntry.Published report) {
        TreeMap<String, String> secret = new TreeMap<>(CaseContent.secretPart(n.type(), n.data()));
        if (secret.isEmpty()) {
            return n;
        }
        TreeMap<String, String> data = new TreeMap<>(CaseContent.readablePart(n.type(), n.data()));
        data.put(CaseContent.GENERATION, "1");
        data.put(CaseContent.SEALED, CaseSeal.seal(key, secret, CaseContent.binding(n.caseId(), n.id(), n.type(), 1)));
        TreeMap<String, String> board = new TreeMap<>(CaseContent.boardPart(n.type(), n.data()));
        if (!board.isEmpty()) {
            byte[] boardKey = CaseSeal.newCaseKey();
            data.put(BoardContent.SEALED, CaseSeal.seal(boardKey, board, BoardContent.binding(n.caseId(), n.id(),
                    n.type())));
            data.put(BoardContent.CASE_WRAPPED, CaseSeal.sealKey(key, boardKey, BoardContent.keyBinding(n.caseId(),
                    n.id(), "case 1")));
            if (report != null) {
                data.put(BoardContent.REPORT_KEY, report.keyId());
                data.put(BoardContent.REPORT_WRAPPED, CaseSeal.wrap(boardKey, report.publicKey(),
                        BoardContent.keyBinding(n.caseId(), n.id(), "report " + report.keyId())));
            }
        }
        return new NewEntry(n.id(), n.caseId(), n.type(), n.author(), n.writtenAt(), n.happenedAt(), data);
    }
}
