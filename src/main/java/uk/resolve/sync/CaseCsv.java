/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import uk.resolve.domain.escalation.CaseMetrics;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;

/**
 * One row per case for the board's spreadsheets: procedure, stage, status, agencies, category,
 * child's status, dates and working days taken. It never holds the child's name, the child's
 * reference, the concern or any other free text written about the child or the people involved
 * (no names of workers either): only the columns the business team may see. The monitoring the
 * board reports is anonymised, and a spreadsheet is not encrypted and travels further than the
 * database; the case id leads back to the case for those allowed to see it. So it needs no
 * passphrase and no confirmation.
 */
public final class CaseCsv {

    /** The header row, in order. */
    public static final List<String> COLUMNS = List.of("case_id", "policy", "policy_version", "track", "stage",
            "stage_title", "status", "raised_by_agency", "other_agency", "category", "child_status",
            "immediate_risk", "opened", "resolved", "working_days_taken", "next_deadline", "next_deadline_for",
            "overdue");

    private CaseCsv() {
    }

    /**
     * Writes the rows (UTF-8 with a byte-order mark, so that Excel shows every character; dates as
     * ISO {@code 2026-12-21} so that they sort) to {@code file}, replacing it whole.
     */
    public static void write(Path file, List<CaseState> cases, WorkingCalendar calendar, Instant now) {
        Path abs = file.toAbsolutePath();
        Path temp = abs.resolveSibling(abs.getFileName() + ".part");
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                row(w, COLUMNS);
                for (CaseState c : cases) {
                    row(w, row(c, calendar, now));
                }
            }
            Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.REFUSED, "The spreadsheet could not be written to " + abs + " ("
                    + e.getMessage() + "). Choose a folder you can write to; if the file is open in a spreadsheet,"
                    + " close it first.", e);
        }
    }

    static List<String> row(CaseState c, WorkingCalendar calendar, Instant now) {
        DeadlineStatus next = c.nextDeadline().orElse(null);
        return List.of(c.id().toString(), c.policyId(), nz(c.policyVersion()), nz(c.trackId()),
                Integer.toString(c.stage()), nz(c.stageHeading()), c.status().code(),
                nz(c.details().raisedAgency()), nz(c.details().otherAgency()), nz(c.details().category()),
                c.details().childStatus() == null ? "" : c.details().childStatus().label(),
                c.details().immediateRisk() ? "yes" : "no",
                UkTime.date(c.openedAt()).toString(),
                c.resolution() == null ? "" : UkTime.date(c.resolution().at()).toString(),
                Integer.toString(CaseMetrics.workingDaysTaken(c, calendar, now)),
                next == null ? "" : next.due().iso(), next == null ? "" : nz(next.label()),
                c.overdue() ? "yes" : "no");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        w.write(sb.append("\r\n").toString());
    }

    /** Quotes where needed, and defuses text a spreadsheet would run as a formula. */
    static String cell(String v) {
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || !s.equals(v)) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
