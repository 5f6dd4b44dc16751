/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import uk.resolve.app.Services;
import uk.resolve.sync.Transfer;

/** {@code resolve export --out FILE [--case ID…]} and {@code resolve export --csv FILE}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write entries to one file that another copy of Resolve imports (--out), encrypted under a"
                + " passphrase typed twice (or read from the file named by RESOLVE_PASSPHRASE_FILE); or one row per"
                + " case for spreadsheets (--csv; never the child's name, reference or concern)."})
final class ExportCommand extends Cli.DbCommand {

    static final class Target {
        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "The encrypted export file to write (e.g. cases.resolve).")
        Path out;

        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file to write.")
        Path csv;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--case", paramLabel = "ID", arity = "1..*",
            description = "Only these cases (their ids or first characters); all when absent.")
    List<String> caseIds = new ArrayList<>();

    @Override
    int run(Services s) {
        List<UUID> ids = caseIds.stream().map(s.cases()::findId).toList();
        if (target.csv != null) {
            int rows = s.sync().exportCsv(target.csv, ids);
            out().println("Wrote " + rows + (rows == 1 ? " case" : " cases") + " to " + target.csv + ".");
            return 0;
        }
        Transfer.Exported e = root().secrets().using(Secrets.PASSPHRASE_FILE, "Passphrase for the export file", true,
                p -> s.sync().export(target.out, ids, p, n -> { }));
        out().println("Exported " + e.entries() + (e.entries() == 1 ? " entry" : " entries") + " of " + e.cases()
                + (e.cases() == 1 ? " case" : " cases") + " to " + e.file() + ", encrypted (SHA-256 " + e.sha256()
                + "). Give the passphrase to the receiver by another route than the file (by telephone, not in the"
                + " same e-mail).");
        return 0;
    }
}
