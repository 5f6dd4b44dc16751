/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.store.EntryStore;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** The stored case summaries ({@link uk.resolve.store.CaseSummaryStore}) against the entries they derive from. */
class CaseSummaryIT {

    private static final String PASSPHRASE = "otter lantern gravel seven";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-14T09:00");

    private Services laptop(String name) {
        return Fixtures.services(dir.resolve(name), clock);
    }

    /** Every listed state equals the one a fresh replay of the case's entries gives, and verify finds nothing. */
    private static void assertSummariesMatchEntries(Services s, int cases) {
        List<CaseState> listed = s.cases().list();
        assertThat(listed).hasSize(cases);
        for (CaseState c : listed) {
            assertThat(c).isEqualTo(s.cases().get(c.id()).summary());
        }
        // the typed columns the case list reads say what a fresh replay says, in the same order
        List<CaseListing> listings = s.cases().listings(l -> l);
        assertThat(listings).extracting(CaseListing::id).isEqualTo(listed.stream().map(CaseState::id).toList());
        for (CaseListing l : listings) {
            assertThat(l).isEqualTo(CaseListing.of(s.cases().get(l.id())));
        }
        assertThat(s.summaries().verify()).isEmpty();
        assertThat(s.summaries().ensureCurrent()).isNull();
    }

    private static UUID openCase(Services s, String policy, String at) {
        return s.cases().open(Fixtures.openRequest(s, policy, ChildStatus.CHILD_IN_NEED, at)).id();
    }

    @Test
    void theSummaryEqualsAFreshProjectionAfterAppendsImportsAndMerges() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        Path export = dir.resolve("cases.resolve");
        try (Services a = laptop("a"); Services b = laptop("b"); Services c = laptop("c")) {
            UUID first = openCase(a, "croydon", "2026-12-01T09:00");
            a.cases().discuss(first, new DiscussionRequest("Duty manager", "meeting", "Agreed to assess", null, false,
                    null));
            a.cases().escalate(first, "Still unresolved", "Notes of the call", null);
            UUID second = openCase(a, "havering", "2026-12-10T09:00");
            a.cases().withdraw(second, "Resolved informally", null);
            assertSummariesMatchEntries(a, 2);

            // import: another laptop takes the cases from an export file
            a.sync().export(export, List.of(first, second), PASSPHRASE.toCharArray(), n -> { });
            assertThat(c.sync().importFile(export, PASSPHRASE.toCharArray(), n -> { }).added()).isEqualTo(5);
            assertSummariesMatchEntries(c, 2);

            // sync merge: b's own case goes up, a's cases come down, and a new entry on a case b already holds
            a.sync().saveSettings(new SyncService.Settings(shared, false, false, 0));
            a.sync().setUpTeamKey(shared, PASSPHRASE.toCharArray());
            a.sync().syncNow();
            b.sync().saveSettings(new SyncService.Settings(shared, false, false, 0));
            b.sync().joinTeam(shared, PASSPHRASE.toCharArray());
            openCase(b, "croydon", "2026-12-12T09:00");
            b.sync().syncNow();
            assertSummariesMatchEntries(b, 3);
            a.cases().escalate(first, "Still unresolved at stage 2", null, null);
            a.sync().syncNow();
            b.sync().syncNow();
            assertSummariesMatchEntries(b, 3);
            assertThat(b.cases().list().stream().filter(x -> x.id().equals(first)).findFirst().orElseThrow().stage())
                    .isEqualTo(a.cases().get(first).stage());
            // the list's blocks were written with the entries by every one of those paths, never made again by a list
            for (Services laptop : List.of(a, b, c)) {
                assertThat(laptop.summaries().lastBlocksRemade()).isNull();
            }
        }
    }

    @Test
    void whetherADeadlineHasPassedIsWorkedOutWhenTheListIsRead() {
        try (Services s = laptop("a")) {
            UUID id = openCase(s, "croydon", "2026-12-14T09:00");
            assertThat(s.cases().list().get(0).overdue()).isFalse();
            clock.advance(Duration.ofDays(60)); // nothing written since: the stored summary is as it was
            CaseState listed = s.cases().list().get(0);
            assertThat(listed.overdue()).isTrue();
            assertThat(listed).isEqualTo(s.cases().get(id).summary());
        }
    }

    @Test
    void anEditedSummaryRowIsNoticedAndMadeAgainFromTheEntries() throws Exception {
        try (Services s = laptop("a")) {
            UUID id = openCase(s, "croydon", "2026-12-01T09:00");
            CaseState truth = s.cases().get(id).summary();
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE case_summary SET state = REPLACE(state, 'REF-CROYDON',"
                        + " 'REF-EDITED')")).isEqualTo(1);
            }
            assertThat(s.cases().list()).containsExactly(truth);

            // an edit that also forges the checksum is found by verify, which rebuilds
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE case_summary SET owner = 'someone else'");
            }
            long forged;
            try (Connection c = s.database().connection(); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT checksum FROM case_summary")) {
                rs.next();
                forged = rs.getLong(1);
            }
            assertThat(forged).isNotZero();
            try (Connection c = s.database().connection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE case_summary SET state = REPLACE(state, '\"stage\":1', '\"stage\":3')")) {
                ps.executeUpdate();
            }
            assertThat(s.summaries().verify()).containsExactly(id);
            assertThat(s.summaries().verify()).isEmpty();
            assertThat(s.cases().list()).containsExactly(truth);
        }
    }

    @Test
    void anEditedListingIsNoticedByTheListAndByVerify() throws Exception {
        try (Services s = laptop("a")) {
            UUID id = openCase(s, "croydon", "2026-12-01T09:00");
            s.cases().escalate(id, "Still unresolved", null, null);
            CaseListing truth = CaseListing.of(s.cases().get(id));
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE case_listing SET stage = 4, other_agency = 'Edited'")).isEqualTo(1);
            }
            // the list reads its blocks, which the edit did not touch
            assertThat(s.cases().listings(l -> l)).containsExactly(truth);
            // blocks made again from the listing rows check the columns they read, and make the row again from the entries
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("DELETE FROM case_list_block")).isEqualTo(1);
            }
            assertThat(s.cases().listings(l -> l)).containsExactly(truth);
            try (Connection c = s.database().connection(); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT stage, other_agency FROM case_listing")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getString(2)).isEqualTo(truth.otherAgency());
            }

            // an edit that also forges the listing's checksum is found by verify, which says which case and rebuilds
            long forged = 0;
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE case_listing SET first_unmet_due = NULL");
                try (var rs = st.executeQuery("SELECT checksum FROM case_listing")) {
                    rs.next();
                    forged = rs.getLong(1);
                }
            }
            assertThat(forged).isNotZero();
            assertThat(s.summaries().verify()).containsExactly(id);
            assertThat(s.summaries().verify()).isEmpty();
            assertSummariesMatchEntries(s, 1);

            // a listing row deleted: the case is not left out of the list, the summaries are rebuilt
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("DELETE FROM case_listing")).isEqualTo(1);
            }
            assertThat(s.cases().listings(l -> l)).containsExactly(truth);
            assertThat(s.summaries().lastRebuild()).contains("case list's rows");
        }
    }

    @Test
    void summariesWrittenBeforeTheListingsExistedAreRebuiltWithThem() throws Exception {
        try (Services s = laptop("a")) {
            UUID id = openCase(s, "croydon", "2026-12-01T09:00");
            s.cases().withdraw(openCase(s, "havering", "2026-12-02T09:00"), "Resolved informally", null);
            // as a Resolve before the listings left them: none, made by the earlier format of summaries
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM case_listing");
                st.executeUpdate("UPDATE case_summary SET listing_checksum = NULL");
                st.executeUpdate("UPDATE read_model SET version = REPLACE(version, 'case-summary/3', 'case-summary/2')");
            }
        }
        try (Services s = laptop("a")) {
            assertThat(s.summaries().lastRebuild()).contains("another version");
            assertSummariesMatchEntries(s, 2);
            try (Connection c = s.database().connection(); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*) FROM case_listing l JOIN case_summary s"
                         + " ON s.case_id = l.case_id AND s.listing_checksum = l.checksum"
                         + " WHERE l.status IS NOT NULL AND l.opened IS NOT NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void summariesFromAnotherVersionOrMissingEntriesAreRebuilt() throws Exception {
        try (Services s = laptop("a")) {
            openCase(s, "croydon", "2026-12-01T09:00");
            assertSummariesMatchEntries(s, 1);
            // a crash between versions: the summaries say another projection made them
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE read_model SET version = 'case-summary/0 older'");
                st.executeUpdate("DELETE FROM case_summary");
            }
            assertThat(s.summaries().ensureCurrent()).contains("another version");
            assertSummariesMatchEntries(s, 1);

            // entries written by a Resolve that kept no summaries (a store without them, on the same file)
            UUID other = UUID.randomUUID();
            var now = clock.instant();
            new EntryStore(s.database(), "older-laptop").append(List.of(NewEntry.of(other, EntryType.CASE_OPENED,
                    "Test Worker", now, now, Map.of("policy", "croydon", "team", "Test team"))));
            assertThat(s.summaries().ensureCurrent()).contains("covered 1 entries, and the record holds 2");
            assertThat(s.cases().list(CaseState::id)).contains(other);
            assertSummariesMatchEntries(s, 2);
        }
    }

    @Test
    void theReportFromTheSummariesEqualsTheReportFromReplayingEveryCase() {
        try (Services s = laptop("a")) {
            UUID id = openCase(s, "croydon", "2026-12-01T09:00");
            s.cases().discuss(id, new DiscussionRequest("Duty manager", "meeting", "Agreed", null, false, null));
            s.cases().escalate(id, "Still unresolved", null, null);
            UUID other = openCase(s, "havering", "2026-12-02T09:00");
            s.cases().withdraw(other, "Resolved informally", null);
            clock.advance(Duration.ofDays(30));
            var query = new ReportQuery(new ReportPeriod(java.time.LocalDate.parse("2026-04-01"),
                    java.time.LocalDate.parse("2027-03-31")), null);
            var fromSummaries = s.reports().compute(query);
            List<CaseState> replayed = List.of(s.cases().get(id), s.cases().get(other));
            var fromReplay = new uk.resolve.domain.report.ReportCalculator(s.calendar()).compute(replayed, query,
                    s.cases()::policyOf, null, clock.instant());
            assertThat(fromSummaries).isEqualTo(fromReplay);
            assertThat(fromSummaries.summary().raised()).isEqualTo(2);
            assertThat(fromSummaries.summary().openPastDeadline()).isEqualTo(1);
        }
    }
    @Test
    void aReportOfOneProcedureAndPeriodChoosesTheSameCasesFromTheListingsAsFromReplayingEveryCase() {
        try (Services s = laptop("a")) {
            UUID early = openCase(s, "croydon", "2026-03-02T09:00");
            s.cases().resolve(early, new uk.resolve.domain.escalation.ResolveRequest("Agreed", null, null,
                    Fixtures.instant("2026-04-10T09:00")));
            UUID inPeriod = openCase(s, "croydon", "2026-05-01T09:00");
            UUID otherProcedure = openCase(s, "havering", "2026-05-02T09:00");
            UUID after = openCase(s, "croydon", "2026-12-01T09:00");
            var r = Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-05-03T09:00");
            UUID sampled = s.cases().open(new uk.resolve.domain.escalation.OpenCaseRequest(r.policyId(), r.trackId(),
                    "REF-SAMPLE", r.childName(), r.childStatus(), r.raisedBy(), r.raisedAgency(), r.otherAgency(),
                    r.otherProfessional(), r.category(), r.concern(), r.evidence(), r.outcomeWanted(),
                    r.immediateRisk(), r.startStage(), r.startReason(), true, r.happenedAt(), r.arose(), r.dates(),
                    r.facts())).id();
            var query = new ReportQuery(new ReportPeriod(java.time.LocalDate.parse("2026-04-01"),
                    java.time.LocalDate.parse("2026-09-30")), "croydon");
            var fromSummaries = s.reports().compute(query);
            List<CaseState> replayed = java.util.stream.Stream.of(early, inPeriod, otherProcedure, after, sampled)
                    .map(s.cases()::get).toList();
            var fromReplay = new uk.resolve.domain.report.ReportCalculator(s.calendar()).compute(replayed, query,
                    s.cases()::policyOf, s.policies().require("croydon"), clock.instant());
            assertThat(fromSummaries).isEqualTo(fromReplay);
            assertThat(fromSummaries.summary().raised()).isEqualTo(1);
            assertThat(fromSummaries.summary().resolvedInPeriodRaisedEarlier()).isEqualTo(1);
        }
    }

    private static long coveredEntries(Services s) throws Exception {
        try (Connection c = s.database().connection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT entries FROM read_model WHERE name = 'case_summary'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long summaryRows(Services s) throws Exception {
        try (Connection c = s.database().connection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM case_summary")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void entriesMergedInBulkAreSummarisedOnceWhenTheMergeEnds() throws Exception {
        try (Services a = laptop("a"); Services b = laptop("b")) {
            UUID first = openCase(a, "croydon", "2026-12-01T09:00");
            a.cases().escalate(first, "Still unresolved", null, null);
            UUID second = openCase(a, "havering", "2026-12-10T09:00");
            var all = a.entries().all();
            try (EntryStore.Deferred d = b.entries().deferSummaries()) {
                // in pages, as a sync merges them
                assertThat(b.entries().addMissing(all.subList(0, 2))).isEqualTo(2);
                assertThat(b.entries().addMissing(all.subList(2, all.size()))).isEqualTo(all.size() - 2);
                assertThat(summaryRows(b)).isZero();
                assertThat(coveredEntries(b)).isZero(); // visibly stale until the end
                // one of b's own, recorded meanwhile, is summarised at once and counted alone
                openCase(b, "croydon", "2026-12-11T09:00");
                assertThat(summaryRows(b)).isEqualTo(1);
            }
            assertThat(coveredEntries(b)).isEqualTo(b.entries().count());
            assertSummariesMatchEntries(b, 3);
            assertThat(b.cases().get(second).summary()).isEqualTo(a.cases().get(second).summary());
        }
    }

    @Test
    void aMergeStoppedBeforeItsSummariesWereMadeIsRebuiltAtTheNextOpening() throws Exception {
        try (Services a = laptop("a")) {
            openCase(a, "croydon", "2026-12-01T09:00");
            openCase(a, "havering", "2026-12-10T09:00");
            var all = a.entries().all();
            Services b = laptop("b");
            EntryStore.Deferred never = b.entries().deferSummaries();
            assertThat(b.entries().addMissing(all)).isEqualTo(all.size());
            b.close(); // the process stopped: the deferred summaries were never made
            assertThat(never).isNotNull();
            try (Services again = laptop("b")) {
                assertThat(again.summaries().lastRebuild()).contains("covered 0 entries, and the record holds "
                        + all.size());
                assertSummariesMatchEntries(again, 2);
            }
        }
    }
}
