/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import uk.resolve.app.Services;
import uk.resolve.sync.Transfer;

/** {@code resolve import FILE}: merge an export file into this database. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Add the entries of an export file that this database lacks. The passphrase it was exported"
                + " with is asked for (or read from the file named by RESOLVE_PASSPHRASE_FILE). The whole file is"
                + " checked first; a wrong passphrase or a damaged, altered or incomplete file is refused and nothing"
                + " is imported. Importing the same file again changes nothing."})
final class ImportCommand extends Cli.DbCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "A file made with 'resolve export --out'.")
    Path file;

    @Override
    int run(Services s) {
        Transfer.Imported r = s.sync().importNeedsPassphrase(file)
                ? root().secrets().using(Secrets.PASSPHRASE_FILE, "Passphrase of the file", false,
                        p -> s.sync().importFile(file, p, n -> { }))
                : s.sync().importFile(file, null, n -> { });
        out().println(r.summary());
        return 0;
    }
}
