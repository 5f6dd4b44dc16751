/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import uk.resolve.app.Services;
import uk.resolve.domain.record.Quarantined;

/** {@code resolve quarantine list|clear}: the entries sync set aside because they failed their checks. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "See and clear the entries sync set aside because they failed their checks (administrators).",
        subcommands = {QuarantineCommand.ListCmd.class, QuarantineCommand.Clear.class})
final class QuarantineCommand {

    private QuarantineCommand() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the entries set aside: which device, author and case, where from, and why.")
    static final class ListCmd extends Cli.DbCommand {
        @Option(names = "--json") boolean json;

        @Override
        int run(Services s) {
            List<Quarantined> items = s.quarantine().list();
            if (json) {
                out().println(Json.write(items.stream().map(q -> java.util.Map.of("entry", q.entryId().toString(),
                        "direction", q.direction(), "device", q.device(), "deviceSeq", q.deviceSeq(), "author",
                        q.author(), "case", q.caseId().toString(), "source", q.source(), "reason", q.reason(),
                        "foundAt", q.foundAt().toString())).toList()));
                return 0;
            }
            if (items.isEmpty()) {
                out().println("The quarantine is empty: no entry has been set aside.");
            }
            items.forEach(q -> out().println(q.foundAt() + "  " + q.describe()));
            return 0;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Empty the quarantine once its entries have been looked into (written to the audit log).")
    static final class Clear extends Cli.DbCommand {
        @Override
        int run(Services s) {
            int n = s.quarantine().clear();
            out().println("Cleared " + n + (n == 1 ? " entry" : " entries") + " from the quarantine.");
            return 0;
        }
    }
}
