/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import uk.resolve.app.QuarantineService;
import uk.resolve.app.Services;
import uk.resolve.domain.record.Quarantined;

/**
 * {@code resolve quarantine list|release|discard|clear}: the entries sync set aside because they
 * failed their checks.
 */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "See, release, discard and clear the entries sync set aside because they failed their checks"
                + " (administrators).",
        subcommands = {QuarantineCommand.ListCmd.class, QuarantineCommand.Release.class,
            QuarantineCommand.Discard.class, QuarantineCommand.Clear.class})
final class QuarantineCommand {

    private QuarantineCommand() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the entries set aside, each by its entry id: which device, author and case, where"
                    + " from, and why.")
    static final class ListCmd extends Cli.DbCommand {
        @Option(names = "--json") boolean json;

        @Override
        int run(Services s) {
            List<Quarantined> items = s.quarantine().list();
            if (json) {
                out().println(Json.write(items.stream().map(q -> java.util.Map.of("entry", q.entryId().toString(),
                        "direction", q.direction(), "device", q.device(), "deviceSeq", q.deviceSeq(), "author",
                        q.author(), "case", q.caseId().toString(), "source", q.source(), "reason", q.reason(),
                        "foundAt", q.foundAt().toString(), "kept", q.kept())).toList()));
                return 0;
            }
            if (items.isEmpty()) {
                out().println("The quarantine is empty: no entry has been set aside.");
            }
            // the id first: 'release' and 'discard' take it, or a unique start of it
            items.forEach(q -> out().println(q.entryId() + "  " + q.foundAt() + "  " + q.describe()
                    + (q.kept() ? "" : " [not kept: release forgets it, and the next sync that offers it checks it"
                    + " again]")));
            String discarded = s.quarantine().discardedSummary();
            if (!discarded.isEmpty()) {
                out().println(discarded);
            }
            return 0;
        }
    }

    /** A command acting on one entry in quarantine, named by its id or a unique start of it. */
    abstract static class OnEntry extends Cli.DbCommand {
        @Parameters(paramLabel = "ENTRY", description = "The entry's id as 'resolve quarantine list' shows it, or a"
                + " unique start of it.")
        String entry;

        abstract QuarantineService.Outcome act(QuarantineService quarantine, Quarantined q);

        @Override
        final int run(Services s) {
            QuarantineService quarantine = s.quarantine();
            QuarantineService.Outcome outcome = act(quarantine, quarantine.find(entry));
            if (!outcome.done()) {
                err().println("resolve: " + outcome.message());
                return 1;
            }
            out().println(outcome.message());
            return 0;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Check an entry in quarantine again now (its hash, its place in its chain, its author's"
                    + " signature against the people this computer knows now): taken into the record when it passes,"
                    + " left in quarantine with why when it does not (exit 1). Written to the audit log.")
    static final class Release extends OnEntry {
        @Override
        QuarantineService.Outcome act(QuarantineService quarantine, Quarantined q) {
            return quarantine.release(q);
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true,
            description = "Remove an entry received from the quarantine for good: a sync or import that offers the"
                    + " same entry again skips it; a different version of it is set aside again. This computer's own"
                    + " entries cannot be discarded. Written to the audit log.")
    static final class Discard extends OnEntry {
        @Override
        QuarantineService.Outcome act(QuarantineService quarantine, Quarantined q) {
            return quarantine.discard(q);
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
