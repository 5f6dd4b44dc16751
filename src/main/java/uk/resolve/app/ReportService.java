/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.resolve.domain.escalation.CaseProjector;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.ReportCalculator;
import uk.resolve.domain.report.ReportFacts;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.domain.report.ReportTables;
import uk.resolve.domain.time.WorkingCalendar;
import uk.resolve.report.CsvExport;
import uk.resolve.report.ReportPdf;
import uk.resolve.domain.audit.AuditAction;
import uk.resolve.security.Actor;
import uk.resolve.security.Permission;
import uk.resolve.store.CaseSummaryStore;
import uk.resolve.store.EntryStore;
import uk.resolve.store.ReportFactStore;
import uk.resolve.store.StoreException;

import static uk.resolve.domain.escalation.EntryText.POLICY;
import static uk.resolve.domain.escalation.EntryText.POLICY_VERSION;
import static uk.resolve.domain.escalation.EntryText.SAMPLE;

/**
 * The partnership's monitoring report over every record in this database: this laptop's own
 * and, once synced, the whole team's. Reads each case's report facts from their typed rows, its board text
 * from its own narrow rows (the sealed copies opened with this person's keys, decision 0017), and hands
 * them one at a time to a {@link ReportCalculator} accumulator (whose figures do not depend on the order of
 * the cases), which keeps only their figures. Call it from any thread but the JavaFX application thread.
 */
public final class ReportService {

    /** Told how far a report has got; may throw to stop it (a cancelled task). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, message) -> {
        };

        void update(long done, long total, String message);
    }

    private final EntryStore entries;
    private final CaseSummaryStore summaries;
    private final ReportFactStore facts;
    private final PolicyRegistry policies;
    private final WorkingCalendar calendar;
    private final Clock clock;

    private final Actor actor;
    private final AuditLog audit;
    private BoardText board;

    ReportService(EntryStore entries, CaseSummaryStore summaries, ReportFactStore facts, PolicyRegistry policies,
                  WorkingCalendar calendar, Clock clock, Actor actor, AuditLog audit) {
        this.entries = entries;
        this.summaries = summaries;
        this.facts = facts;
        this.policies = policies;
        this.calendar = calendar;
        this.clock = clock;
        this.actor = actor;
        this.audit = audit;
    }

    /** How the board's sealed free text is opened for this person (decision 0017). */
    void board(BoardText b) {
        this.board = b;
    }

    /** The procedures a report can be limited to. */
    public List<Policy> procedures() {
        return policies.latest();
    }

    public PartnershipReport compute(ReportQuery query) {
        return compute(query, Progress.NONE);
    }

    /** The report now; throws {@link RuleViolation} for a procedure this installation does not know. */
    public PartnershipReport compute(ReportQuery query, Progress progress) {
        actor.require(Permission.VIEW_REPORTS);
        Policy selected = query.policyId() == null ? null : policies.require(query.policyId());
        Instant now = clock.instant();
        progress.update(0, 1, "Reading the records…");
        summaries.ensureCurrent();
        long total = Math.max(1, summaries.count());
        Instant periodEnd = query.period().end();
        ReportCalculator.Accumulator report = new ReportCalculator(calendar).accumulator(query, policies::forCase,
                selected, now);
        long step = Math.max(1, total / 100);
        long[] read = {0};
        Runnable told = () -> {
            if (read[0]++ % step == 0) {
                progress.update(read[0] - 1, total, "Working out " + total + " cases…");
            }
        };
        // each case's facts from its typed rows, in the order they are stored, handed to the report as read; cases
        // raised after the period, samples and other procedures' are left out by their columns, unread
        facts.ensureCurrent();
        List<UUID> fromSummary = new ArrayList<>(facts.withoutFacts());
        // a case with sealed board text (learning, feedback) waits for it to be opened for this person, a few
        // hundred cases at a time, from its narrow board rows
        List<ReportFacts> sealed = new ArrayList<>();
        Runnable open = () -> {
            Map<UUID, ? extends Map<String, String>> text = board == null ? Map.of() : board.openBoard(sealed);
            sealed.forEach(f -> report.add(f, text));
            sealed.clear();
        };
        facts.forEach(periodEnd, query.policyId(), f -> {
            told.run();
            if (f.board().stream().anyMatch(ReportFacts.Board::isSealed)) {
                sealed.add(f);
                if (sealed.size() >= 500) {
                    open.run();
                }
            } else {
                report.add(f);
            }
        }, fromSummary::add);
        open.run();
        // a damaged row from its stored summary; a case that could not be summarised (its procedure is not
        // installed) from its entries, as before
        List<CaseState> pending = new ArrayList<>();
        Runnable flush = () -> {
            (board == null ? pending : board.open(pending)).forEach(report::add);
            pending.clear();
        };
        summaries.forEachOf(fromSummary, row -> {
            told.run();
            CaseSummaryStore.Summary s = row.summary();
            // a case raised after the period, a sample, or another procedure's cannot count
            if (s.openedAt().isBefore(periodEnd) && !s.sample()
                    && (query.policyId() == null || query.policyId().equals(s.policyId()))) {
                pending.add(s.state() != null ? s.state().asOf(now).keeping(s.reportEntries())
                        : forReport(replay(row.caseId(), now)));
                if (pending.size() >= 500) {
                    flush.run();
                }
            }
        });
        flush.run();
        progress.update(total, total, "Counting…");
        return report.report();
    }

    /**
     * {@code c} with only the entries the report reads ({@link ReportCalculator}: discussions, for
     * timescales counted from the last discussion or meeting, and completed forms, for feedback) and
     * without its chronology: a report over 50,000 cases holds them all at once.
     */
    private static CaseState forReport(CaseState c) {
        return c.keeping(c.entries().stream().filter(CaseSummaries::readByReport).toList());
    }

    private CaseState replay(UUID caseId, Instant now) {
        List<Entry> list = entries.caseEntries(caseId);
        Entry opening = list.stream().filter(e -> e.type() == EntryType.CASE_OPENED).findFirst().orElseThrow();
        return new CaseProjector(calendar).project(list, policies.forCase(opening.get(POLICY),
                opening.get(POLICY_VERSION)), now);
    }

    /** Writes one CSV file per table into {@code folder}; returns the files. */
    public List<Path> exportCsv(PartnershipReport report, Path folder) {
        actor.require(Permission.VIEW_REPORTS);
        try {
            List<Path> files = CsvExport.write(ReportTables.of(report), folder);
            audit.record(AuditAction.REPORT, folder.getFileName() == null ? folder.toString()
                    : folder.getFileName().toString(), "CSV, " + files.size() + " files");
            return files;
        } catch (IOException e) {
            throw new StoreException("Could not write the CSV files to " + folder + " (" + e.getMessage()
                    + "). Choose a folder you can write to.", e);
        }
    }

    /** Writes the PDF summary to {@code file}. */
    public Path exportPdf(PartnershipReport report, Path file) {
        actor.require(Permission.VIEW_REPORTS);
        try {
            ReportPdf.write(report, file);
            audit.record(AuditAction.REPORT, file.getFileName().toString(), "PDF");
            return file;
        } catch (IOException e) {
            throw new StoreException("Could not write the PDF " + file + " (" + e.getMessage()
                    + "). Choose a folder you can write to, and close the file if it is open elsewhere.", e);
        }
    }
}
