/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.ReportCalculator;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.report.ReportCasesAccess;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * The report's facts as typed rows ({@link uk.resolve.store.ReportFactStore}): the report read from them
 * equals the report made by replaying every case, and rows that disagree with the cases are made again.
 */
class ReportFactsIT {

    private static final List<String> PROCEDURES = List.of("croydon", "havering", "kingston-richmond",
            "north-somerset", "safety-of-children");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(ReportCasesAccess.NOW);

    private Services open() {
        return Fixtures.services(dir.resolve("a"), clock);
    }

    private static Instant at(String ukLocal) {
        return Fixtures.instant(ukLocal);
    }

    /** In each procedure: open at stage 1, escalated after a meeting with a deadline met, resolved, withdrawn. */
    private static void varied(Services s) {
        for (String p : PROCEDURES) {
            Policy policy = s.policies().require(p);
            s.cases().open(Fixtures.openRequest(s, p, ChildStatus.CHILD_IN_NEED, "2027-04-26T09:00"));

            UUID escalated = s.cases().open(Fixtures.openRequest(s, p, varied(p, ChildStatus.EARLY_HELP), "2027-03-01T10:00")).id();
            s.cases().discuss(escalated, new DiscussionRequest("Duty manager", "meeting", "Not agreed", null, false,
                    at("2027-03-02T11:00")));
            s.cases().escalate(escalated, "Still unresolved", null, at("2027-03-08T09:00"));
            List<DeadlineRule> stage2 = policy.defaultTrack().stage(2).map(st -> st.deadlines()).orElse(List.of());
            if (!stage2.isEmpty()) {
                s.cases().meetDeadline(escalated, stage2.get(0).id(), "Done", at("2027-03-09T09:00"));
            }

            UUID resolved = s.cases().open(Fixtures.openRequest(s, p, null, "2027-02-01T09:00")).id();
            s.cases().escalate(resolved, "Not agreed", null, at("2027-02-10T09:00"));
            s.cases().resolve(resolved, new ResolveRequest("Agreed", null, null, at("2027-02-24T16:00")));

            UUID withdrawn = s.cases().open(Fixtures.openRequest(s, p, varied(p, ChildStatus.CP_PLAN),
                    "2027-01-11T09:00")).id();
            s.cases().withdraw(withdrawn, "Resolved informally", at("2027-01-12T09:00"));
        }
    }

    /** {@code status}, or child in need where the procedure covers only that (Safety of Children). */
    private static ChildStatus varied(String procedure, ChildStatus status) {
        return procedure.equals("safety-of-children") ? ChildStatus.CHILD_IN_NEED : status;
    }

    private static PartnershipReport replayed(Services s, ReportQuery query, Policy selected, Instant now) {
        List<CaseState> every = new ArrayList<>();
        for (UUID id : s.cases().list(CaseState::id)) {
            every.add(s.cases().get(id));
        }
        return new ReportCalculator(s.calendar()).compute(every, query, s.cases()::policyOf, selected, now);
    }

    private static long rows(Services s, String sql) throws Exception {
        try (Connection c = s.database().connection(); Statement st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theReportFromTypedRowsEqualsTheReportFromReplayingEveryCaseOfEveryProcedure() throws Exception {
        try (Services s = open()) {
            ReportCasesAccess.build(s);
            varied(s);
            long cases = s.cases().list(CaseState::id).size();
            // a row per case and per stage visit; only the cases with learning or feedback are read from their state
            assertThat(rows(s, "SELECT COUNT(*) FROM report_case")).isEqualTo(cases);
            assertThat(rows(s, "SELECT COUNT(*) FROM report_stage")).isEqualTo(s.cases().list(CaseState::visits)
                    .stream().mapToInt(List::size).sum());
            assertThat(rows(s, "SELECT COUNT(*) FROM report_case WHERE NOT board_text")).isGreaterThan(cases / 2);

            var whole = new ReportQuery(new ReportPeriod(LocalDate.parse("2026-04-01"), LocalDate.parse("2027-05-31")),
                    null);
            // today, within a few days (stages in progress pass their timescales), and weeks later
            for (Duration later : List.of(Duration.ZERO, Duration.ofDays(3), Duration.ofDays(42))) {
                clock.advance(later);
                PartnershipReport fromRows = s.reports().compute(whole);
                assertThat(fromRows).isEqualTo(replayed(s, whole, null, clock.instant()));
                assertThat(fromRows.summary().raised()).isEqualTo((int) cases - 1); // less the sample
                for (String p : PROCEDURES) {
                    var one = new ReportQuery(new ReportPeriod(LocalDate.parse("2027-01-01"),
                            LocalDate.parse("2027-03-31")), p);
                    assertThat(s.reports().compute(one))
                            .isEqualTo(replayed(s, one, s.policies().require(p), clock.instant()));
                }
            }
            PartnershipReport late = s.reports().compute(whole);
            assertThat(late.summary().openPastDeadline()).isPositive();
            assertThat(late.summary().resolved()).isPositive();
            assertThat(late.summary().withdrawn()).isPositive();
        }
    }

    @Test
    void visitsStoredOutOfTheirOrderAreReadInTheirOrderWithoutBeingMadeAgain() throws Exception {
        try (Services s = open()) {
            varied(s);
            var query = new ReportQuery(new ReportPeriod(LocalDate.parse("2026-04-01"), LocalDate.parse("2027-05-31")),
                    null);
            PartnershipReport truth = s.reports().compute(query);
            String reversed = "SELECT case_id FROM report_stage GROUP BY case_id HAVING COUNT(*) > 1 LIMIT 1";
            UUID many;
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                // every case's visits stored again, the last first (the report reads the table as stored)
                st.executeUpdate("CREATE TABLE kept AS SELECT * FROM report_stage");
                st.executeUpdate("DELETE FROM report_stage");
                st.executeUpdate("INSERT INTO report_stage SELECT * FROM kept ORDER BY case_id, visit DESC");
                st.executeUpdate("DROP TABLE kept");
                try (var rs = st.executeQuery(reversed)) {
                    assertThat(rs.next()).isTrue();
                    many = rs.getObject(1, UUID.class);
                }
            }
            assertThat(storedVisits(s, many)).isSortedAccordingTo(java.util.Comparator.reverseOrder());

            assertThat(s.reports().compute(query)).isEqualTo(truth);
            // read as they are, not taken for damaged and written again
            assertThat(storedVisits(s, many)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(s.summariesRepaired()).isZero();
        }
    }

    /** A case's visit numbers in the order their rows are stored. */
    private static List<Integer> storedVisits(Services s, UUID caseId) throws Exception {
        List<Integer> out = new java.util.ArrayList<>();
        try (Connection c = s.database().connection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT case_id, visit, entered_at FROM report_stage")) { // in stored order: not only the key's columns
            while (rs.next()) {
                if (caseId.equals(rs.getObject(1, UUID.class))) {
                    out.add(rs.getInt(2));
                }
            }
        }
        assertThat(out).hasSizeGreaterThan(1);
        return out;
    }

    @Test
    void anEditedFactRowIsNotTrustedAndIsMadeAgain() throws Exception {
        try (Services s = open()) {
            varied(s);
            var query = new ReportQuery(new ReportPeriod(LocalDate.parse("2026-04-01"), LocalDate.parse("2027-05-31")),
                    null);
            PartnershipReport truth = s.reports().compute(query);
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE report_stage SET working_days = working_days + 40, outcome ="
                        + " 'NOT_MET' WHERE ended")).isPositive();
                st.executeUpdate("UPDATE report_case SET raised_agency = 'Edited' WHERE status = 'RESOLVED'");
            }
            // the checksums do not match: those cases are read from their summaries, and their rows made again
            assertThat(s.reports().compute(query)).isEqualTo(truth);
            assertThat(rows(s, "SELECT COUNT(*) FROM report_case WHERE raised_agency = 'Edited'")).isZero();

            // rows deleted outside Resolve are found by verify, which says which case and makes them again
            UUID withdrawn = s.cases().list(c -> c.status().name().equals("WITHDRAWN") ? c.id() : null).stream()
                    .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM report_stage WHERE case_id = '" + withdrawn + "'");
            }
            assertThat(s.summariesRepaired()).isEqualTo(1);
            assertThat(s.summariesRepaired()).isZero();
            assertThat(s.reports().compute(query)).isEqualTo(truth);
        }
    }

    @Test
    void factsFromAnotherVersionOrMissingAreRebuiltAndRebuildMakesThemAgain() throws Exception {
        try (Services s = open()) {
            varied(s);
            long cases = rows(s, "SELECT COUNT(*) FROM report_case");
            var query = new ReportQuery(new ReportPeriod(LocalDate.parse("2026-04-01"), LocalDate.parse("2027-05-31")),
                    null);
            PartnershipReport truth = s.reports().compute(query);
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE read_model SET version = 'report-fact/0 older' WHERE name = 'report_fact'");
            }
            assertThat(s.summariesMadeCurrent()).contains("another version");
            assertThat(rows(s, "SELECT COUNT(*) FROM report_case")).isEqualTo(cases);
            assertThat(s.reports().compute(query)).isEqualTo(truth);

            // a database from before the facts existed: no rows, no version; made at the next opening
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM report_stage");
                st.executeUpdate("DELETE FROM report_case");
                st.executeUpdate("DELETE FROM read_model WHERE name = 'report_fact'");
            }
        }
        try (Services s = open()) {
            assertThat(rows(s, "SELECT COUNT(*) FROM report_case")).isEqualTo(4L * PROCEDURES.size());
            assertThat(s.summariesMadeCurrent()).isNull();
            // 'resolve rebuild' makes them again with the summaries
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM report_stage");
            }
            s.rebuildSummaries();
            assertThat(rows(s, "SELECT COUNT(*) FROM report_stage")).isEqualTo(s.cases().list(CaseState::visits)
                    .stream().mapToInt(List::size).sum());
        }
    }
    @Test
    void boardTextIsReadFromItsOwnRowsAndNotFromTheCasesSummaries() throws Exception {
        try (Services s = open()) {
            varied(s);
            UUID learned = s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED,
                    "2027-02-01T09:00")).id();
            s.cases().resolve(learned, new ResolveRequest("Agreed", null, "Escalating sooner would have helped.",
                    at("2027-02-03T09:00")));
            UUID monitored = uk.resolve.forms.FormCases.northSomersetResolvedAtStage3(s, clock);
            java.util.Map<String, String> answers = new java.util.HashMap<>(uk.resolve.forms.FormSigningIT.ANSWERS);
            answers.put("effectiveness", "Meeting the managers early helped.");
            s.forms().complete(monitored, "monitoring-form", 0, answers);
            clock.set(ReportCasesAccess.NOW);
            var query = new ReportQuery(new ReportPeriod(LocalDate.parse("2025-04-01"), LocalDate.parse("2027-05-31")),
                    null);
            PartnershipReport truth = replayed(s, query, null, clock.instant());
            assertThat(truth.learning()).extracting(PartnershipReport.LearningItem::learning)
                    .contains("Escalating sooner would have helped.");
            assertThat(truth.feedback()).extracting(PartnershipReport.FeedbackItem::effectiveness)
                    .contains("Meeting the managers early helped.");
            // a row for each of the two resolutions' learning and the form's feedback, and no others
            assertThat(rows(s, "SELECT COUNT(*) FROM report_board")).isEqualTo(3);
            assertThat(rows(s, "SELECT COUNT(*) FROM report_board WHERE entry_type = 'FORM_COMPLETED'"
                    + " AND effectiveness = 'Meeting the managers early helped.'")).isEqualTo(1);
            assertThat(s.reports().compute(query)).isEqualTo(truth);

            // a board row edited outside Resolve fails its case's checksum: read from the summary, made again
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE report_board SET learning = 'Edited' WHERE learning IS NOT NULL"))
                        .isEqualTo(2);
            }
            assertThat(s.reports().compute(query)).isEqualTo(truth);
            assertThat(rows(s, "SELECT COUNT(*) FROM report_board WHERE learning = 'Edited'")).isZero();

            // the summaries' report entries emptied: the report does not read them (so does not find them
            // damaged), and still shows the learning and feedback from the board rows
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE case_summary SET report_entries = '[]'");
            }
            assertThat(s.reports().compute(query)).isEqualTo(truth);
            assertThat(s.summariesRepaired()).isPositive();
            assertThat(s.reports().compute(query)).isEqualTo(truth);
        }
    }

    @Test
    void aFactRowDeletedOutsideResolveIsNoticedByCountingAndTheFactsAreMadeAgain() throws Exception {
        try (Services s = open()) {
            varied(s);
            var query = new ReportQuery(new ReportPeriod(LocalDate.parse("2026-04-01"), LocalDate.parse("2027-05-31")),
                    null);
            PartnershipReport truth = s.reports().compute(query);
            long cases = rows(s, "SELECT COUNT(*) FROM report_case");
            try (Connection c = s.database().connection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM report_case WHERE status = 'WITHDRAWN'");
            }
            assertThat(s.summariesMadeCurrent()).contains("did not cover the summarised cases");
            assertThat(rows(s, "SELECT COUNT(*) FROM report_case")).isEqualTo(cases);
            assertThat(s.reports().compute(query)).isEqualTo(truth);
        }
    }
}
