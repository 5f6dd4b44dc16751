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
import uk.resolve.domain.record.CaseContent;
import uk.resolve.domain.record.CaseKeyGrant;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.security.CaseSeal;
import uk.resolve.security.PersonKeys;
import uk.resolve.testing.MutableClock;

/**
 * Benchmark cases written as a user's are (decision 0012): each case has its own key, wrapped for the
 * benchmark's person as a {@code case-key} entry, and every entry's child content is sealed under it,
 * as {@code CaseKeys} seals what the screens record; the entries are signed by that person when
 * appended. Written in large batches (making 50,000 cases one action at a time would take an hour).
 */
final class SealedCases {

    static final String TEAM = "Bench team";

    private SealedCases() {
    }

    static void populate(Services s, PersonKeys keys, MutableClock clock, int n) {
        String[] policies = {"croydon", "havering", "kingston-richmond", "north-somerset", "safety-of-children"};
        String who = keys.person();
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
            batch.add(sealed(new NewEntry(caseId, caseId, EntryType.CASE_OPENED, who, opened, opened, opening), key));
            batch.add(sealed(NewEntry.of(caseId, EntryType.DISCUSSION_RECORDED, who, opened, opened.plusSeconds(3600),
                    Map.of("stage", "1", "with", "Other worker", "summary", "Discussed", "resolved", "false")), key));
            batch.add(sealed(NewEntry.of(caseId, EntryType.ESCALATED, who, opened, opened.plusSeconds(86_400),
                    Map.of("stage", "1", "toStage", "2", "reason", "Unresolved")), key));
            if (i % 3 == 0) {
                batch.add(sealed(NewEntry.of(caseId, EntryType.RESOLVED, who, opened, opened.plusSeconds(2 * 86_400),
                        Map.of("stage", "2", "outcome", "Agreed", "learning", "Thresholds")), key));
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

    /** {@code n} with its secret fields sealed under generation 1 of the case key, as {@code CaseKeys} seals. */
    private static NewEntry sealed(NewEntry n, byte[] key) {
        TreeMap<String, String> secret = new TreeMap<>(CaseContent.secretPart(n.type(), n.data()));
        if (secret.isEmpty()) {
            return n;
        }
        TreeMap<String, String> data = new TreeMap<>(CaseContent.readablePart(n.type(), n.data()));
        data.put(CaseContent.GENERATION, "1");
        data.put(CaseContent.SEALED, CaseSeal.seal(key, secret, CaseContent.binding(n.caseId(), n.id(), n.type(), 1)));
        return new NewEntry(n.id(), n.caseId(), n.type(), n.author(), n.writtenAt(), n.happenedAt(), data);
    }
}
