/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import uk.resolve.app.DataLocation;
import uk.resolve.app.Services;
import uk.resolve.domain.escalation.RuleViolation;
import uk.resolve.policy.PolicyFileException;
import uk.resolve.store.StoreException;

/**
 * The headless command line: the same services as the window, for administrators, the board's
 * business team and scripts. Exit codes: 0 done, 1 a user error (one line on stderr saying what is
 * wrong and what to do), 2 a usage error.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Resolve: resolution of professional differences, headless.",
        subcommands = {PolicyCommand.class, CaseCommand.class, Cli.VerifyCommand.class, CalendarCommand.class,
                FormCommand.class, ReportCommand.class, SyncCommand.class, ExportCommand.class, ImportCommand.class})
public final class Cli implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "PATH",
            description = "The H2 database file (default: resolve.mv.db in your data folder).")
    Path db;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a command, for example 'case list'.");
    }

    /** Opens the services on the chosen database; the caller closes them. */
    Services open() {
        return Services.open(db != null ? db : DataLocation.defaultDatabase(), Services.clockFromEnvironment(),
                Services.defaultAuthor());
    }

    /** Runs {@code args} and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Cli());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = userMessage(ex);
            if (message == null) {
                commandLine.getErr().println("resolve: unexpected error: " + ex);
                ex.printStackTrace(commandLine.getErr());
                return 3;
            }
            commandLine.getErr().println("resolve: " + message);
            return 1;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String userMessage(Throwable ex) {
        if (ex instanceof UserError || ex instanceof RuleViolation || ex instanceof StoreException) {
            return oneLine(ex.getMessage());
        }
        if (ex instanceof PolicyFileException p) {
            return oneLine(p.oneLine());
        }
        return null;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Base for commands that work on the database. */
    abstract static class DbCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        Cli root() {
            return (Cli) spec.root().userObject();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public final Integer call() throws Exception {
            try (Services s = root().open()) {
                return run(s);
            }
        }

        abstract int run(Services s) throws Exception;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"Resolve " + (v == null ? "(development build)" : v)};
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every entry's hash and every device's chain; report any break.")
    static final class VerifyCommand extends DbCommand {

        @Override
        int run(Services s) {
            var report = uk.resolve.domain.record.ChainVerifier.verify(s.entries().all());
            PrintWriter out = out();
            report.findings().forEach(f -> out.println((f.isBreak() ? "BREAK: " : "note: ") + f.message()));
            if (report.intact()) {
                out.println("Verified " + report.entries() + " entries from " + report.devices()
                        + (report.devices() == 1 ? " device" : " devices") + ": every chain is intact.");
                return 0;
            }
            throw new UserError(report.breaks().size() + (report.breaks().size() == 1 ? " break" : " breaks")
                    + " found in the record (listed above): entries have been altered outside Resolve."
                    + " Restore the database from a backup or sync it again from your team's shared file.");
        }
    }
}
