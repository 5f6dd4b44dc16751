/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import uk.resolve.app.Services;
import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.audit.AuditEvent;
import uk.resolve.domain.time.UkTime;
import uk.resolve.report.CsvExport;

/** {@code resolve audit}: who signed in, and who saw, changed, printed or exported what (administrators, business team). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"The audit log: sign-ins, cases viewed, forms printed, exports, changes to people and settings."
                + " For administrators and the partnership's business team.",
                "With --out FILE it is written to the file (CSV, or JSON with --json or a .json name); that export"
                        + " is itself recorded in the log."})
final class AuditCommand extends Cli.DbCommand {

    @Option(names = "--json", description = "One JSON array instead of lines of text.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Only the newest N events.")
    Integer limit;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the events to this file instead of printing them.")
    Path file;

    private static final List<String> HEADINGS = List.of("seq", "time", "who", "action", "subject", "detail");

    @Override
    int run(Services s) throws IOException {
        if (limit != null && limit < 1) {
            throw new UserError("--limit: give a number of events of 1 or more (" + limit + " given).");
        }
        List<AuditEvent> events = limit == null ? s.audit().all() : s.audit().latest(limit);
        if (file == null) {
            if (json) {
                out().println(Json.write(events.stream().map(AuditCommand::json).toList()));
            } else {
                for (AuditEvent e : events) {
                    out().printf("%6d  %s  %-16s %-24s %s%s%n", e.seq(), UkTime.format(e.at()), e.actor(),
                            e.actionLabel(), e.subject(), e.detail().isEmpty() ? "" : "  (" + e.detail() + ")");
                }
            }
            return 0;
        }
        boolean asJson = json || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        String text = asJson ? Json.write(events.stream().map(AuditCommand::json).toList()) + "\n" : csv(events);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("Cannot write " + file + " (" + e.getMessage() + "). Check the folder exists and you"
                    + " may write to it.");
        }
        s.audit().record(AuditAction.AUDIT_EXPORTED, file.getFileName().toString(),
                events.size() + (events.size() == 1 ? " event" : " events") + (asJson ? ", JSON" : ", CSV"));
        out().println("Wrote " + events.size() + (events.size() == 1 ? " audit event" : " audit events") + " to "
                + file + ".");
        return 0;
    }

    private static String csv(List<AuditEvent> events) {
        StringBuilder sb = new StringBuilder("\uFEFF"); // so that spreadsheet programs read it as UTF-8
        line(sb, HEADINGS);
        for (AuditEvent e : events) {
            line(sb, List.of(Long.toString(e.seq()), UkTime.format(e.at()), e.actor(), e.actionLabel(), e.subject(),
                    e.detail()));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append(String.join(",", cells.stream().map(CsvExport::field).toList())).append("\r\n");
    }

    private static Map<String, Object> json(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("time", UkTime.format(e.at()));
        m.put("who", e.actor());
        m.put("action", e.action());
        m.put("label", e.actionLabel());
        m.put("subject", e.subject());
        m.put("detail", e.detail());
        m.put("hash", e.hash());
        return m;
    }
}
