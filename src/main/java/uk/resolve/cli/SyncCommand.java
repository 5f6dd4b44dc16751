/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import uk.resolve.app.Services;
import uk.resolve.sync.SyncReport;

/** {@code resolve sync --shared PATH}: merge this database with the team's shared file. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Merge this database with the team's shared file on a network drive: each side gets the"
                + " entries it lacks. Safe to run from several computers at once, and to interrupt."})
final class SyncCommand extends Cli.DbCommand {

    @Option(names = "--shared", paramLabel = "PATH",
            description = "The shared file, e.g. S:\\Safeguarding\\resolve-shared.mv.db (default: the one chosen in"
                    + " the sync settings).")
    Path shared;

    @Override
    int run(Services s) {
        Path target = shared != null ? shared : s.sync().sharedFile().orElseThrow(() -> new UserError(
                "No shared file is set up for this database. Name it with --shared PATH."));
        SyncReport r = s.sync().syncWith(target);
        out().println(r.summary() + (r.attempts() > 1 ? " (another computer was syncing too; "
                + r.attempts() + " attempts)" : ""));
        return 0;
    }
}
