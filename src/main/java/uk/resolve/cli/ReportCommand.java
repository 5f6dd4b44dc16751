/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import uk.resolve.app.Services;
import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.domain.report.ReportTables;
import uk.resolve.domain.time.DueAt;
import uk.resolve.report.ReportText;

/** {@code resolve report}: the partnership's anonymised monitoring report, as text, CSV or PDF. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The partnership's monitoring report over the cases raised in a period: counts by agency,"
                + " category, child status and stage, working days against the procedure's timescales, open cases"
                + " past their deadline, learning and feedback. Anonymised; sample cases are left out.",
                "Prints a summary unless --csv or --pdf is given."})
final class ReportCommand extends Cli.DbCommand {

    @Option(names = "--from", required = true, paramLabel = "DATE",
            description = "The first day of the period, e.g. 2026-04-01 or 1/4/2026 (UK time).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "The last day of the period (included).")
    String to;

    @Option(names = "--policy", paramLabel = "ID", description = "Only cases under this procedure (default: all).")
    String policy;

    @ArgGroup(exclusive = true)
    Output output;

    static final class Output {
        @Option(names = "--csv", paramLabel = "DIR", description = "Write one CSV file per table into this folder.")
        Path csv;

        @Option(names = "--pdf", paramLabel = "FILE", description = "Write the annual summary as a PDF.")
        Path pdf;
    }

    @Override
    int run(Services s) {
        LocalDate first = date(from, "--from");
        LocalDate last = date(to, "--to");
        if (last.isBefore(first)) {
            throw new UserError("--to (" + to + ") is before --from (" + from + "). Give the first day of the period"
                    + " with --from and the last with --to.");
        }
        PartnershipReport report = s.reports().compute(new ReportQuery(new ReportPeriod(first, last), policy));
        if (output != null && output.csv != null) {
            List<Path> files = s.reports().exportCsv(report, output.csv);
            out().println("Wrote " + files.size() + " CSV files to " + output.csv + ".");
        } else if (output != null && output.pdf != null) {
            s.reports().exportPdf(report, output.pdf);
            out().println("Wrote the report to " + output.pdf + ".");
        } else {
            out().print(ReportText.render(ReportTables.of(report)));
        }
        return 0;
    }

    /** A day, read as the other commands read dates; a time of day is refused. */
    private static LocalDate date(String text, String option) {
        DueAt due = Times.due(text, option);
        if (!due.wholeDay()) {
            throw new UserError(option + ": '" + text + "' has a time of day; a report period is whole days. Give"
                    + " a date alone, such as 2026-04-01 or 1/4/2026.");
        }
        return due.date();
    }
}
