/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import uk.resolve.domain.escalation.CaseProjector;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.CalendarOverride;
import uk.resolve.domain.time.WorkingCalendar;
import uk.resolve.domain.report.ReportCalculator;
import uk.resolve.domain.report.ReportFacts;
import uk.resolve.store.CaseSummaryStore;
import uk.resolve.store.ReportFactStore;

import static uk.resolve.domain.escalation.EntryText.POLICY;
import static uk.resolve.domain.escalation.EntryText.POLICY_VERSION;
import static uk.resolve.domain.escalation.EntryText.SAMPLE;

/**
 * Makes a case's stored summary: the state {@link CaseProjector} derives when a case is opened, kept
 * as data so that lists and reports need not replay every entry. Nothing here decides anything about
 * the procedure; the summary is exactly what the projection gives.
 */
final class CaseSummaries implements CaseSummaryStore.Summariser {

    private final PolicyRegistry policies;
    private final WorkingCalendar calendar;
    private final String calendarVersion;
    private final Clock clock;

    CaseSummaries(PolicyRegistry policies, WorkingCalendar calendar, List<CalendarOverride> overrides, Clock clock) {
        this.policies = policies;
        this.calendar = calendar;
        this.calendarVersion = overrides.stream().map(CalendarOverride::toString).collect(Collectors.joining(","));
        this.clock = clock;
    }

    /**
     * True for the entries the report reads besides the state: discussions and completed forms, and
     * the resolution, whose learning the record holds sealed for the board (decision 0017).
     */
    static boolean readByReport(Entry e) {
        return e.type() == EntryType.DISCUSSION_RECORDED || e.type() == EntryType.DEADLINE_MET
                || e.type() == EntryType.FORM_COMPLETED || e.type() == EntryType.RESOLVED;
    }

    @Override
    public String version() {
        String procedures = policies.all().stream().map(k -> k.policy().id() + "@" + k.policy().version())
                .sorted().collect(Collectors.joining(","));
        return fingerprint(procedures + "|" + calendarVersion);
    }

    /** A case key's grant, or a board key's wrap, is not part of what the projection reads. */
    @Override
    public boolean changes(Entry e) {
        return e.type() != EntryType.CASE_KEY;
    }

    @Override
    public CaseSummaryStore.Summary summarise(List<Entry> entries) {
        Entry opening = entries.stream().filter(e -> e.type() == EntryType.CASE_OPENED).findFirst().orElse(null);
        if (opening == null) {
            return null;
        }
        CaseAccess access = CaseAccess.of(entries);
        CaseState state;
        try {
            Policy policy = policies.forCase(opening.get(POLICY), opening.get(POLICY_VERSION));
            state = new CaseProjector(calendar).project(entries, policy, clock.instant());
        } catch (RuntimeException e) {
            // a procedure not installed here (or a record the projection refuses): readers replay this case, as
            // they did before there were summaries, and meet the same message; recording is never stopped by it
            state = null;
        }
        List<Entry> forReport = state == null ? List.of() : state.entries().stream()
                .filter(CaseSummaries::readByReport).toList();
        return new CaseSummaryStore.Summary(state == null ? null : state.summary(), forReport, access.owner(),
                access.team(), access.sharedWith(), opening.get(POLICY, ""), opening.happenedAt(), opening.flag(SAMPLE));
    }

    /** Makes the report's facts of a summarised case, with the same procedures and calendar. */
    ReportFactStore.Maker reportFacts() {
        ReportCalculator calculator = new ReportCalculator(calendar);
        return new ReportFactStore.Maker() {
            @Override
            public String version() {
                return CaseSummaries.this.version();
            }

            @Override
            public ReportFacts facts(CaseSummaryStore.Summary s) {
                CaseState state = s.state();
                return calculator.facts(state.keeping(s.reportEntries()),
                        policies.forCase(state.policyId(), state.policyVersion()));
            }
        };
    }

    private static String fingerprint(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
