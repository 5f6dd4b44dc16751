/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import uk.resolve.app.DataLocation;
import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.app.Vault;
import uk.resolve.security.AccessDenied;
import uk.resolve.security.ProtectionException;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.policy.PolicyFileException;
import uk.resolve.store.StoreException;

/**
 * The headless command line: the same services as the window, for administrators, the board's
 * business team and scripts. Exit codes: 0 done, 1 a user error (one line on stderr saying what is
 * wrong and what to do), 2 a usage error.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Resolve: resolution of professional differences, headless.",
        subcommands = {InitCommand.class, UserCommand.class, PolicyCommand.class, CaseCommand.class,
                Cli.VerifyCommand.class, Cli.RebuildCommand.class, AuditCommand.class, CalendarCommand.class,
                FormCommand.class, ReportCommand.class, SyncCommand.class, ExportCommand.class, ImportCommand.class,
                QuarantineCommand.class, DeadlinesCommand.class})
public final class Cli implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "PATH",
            description = "The H2 database file (default: resolve.mv.db in your data folder).")
    Path db;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Act as this person (default: RESOLVE_USER, else your operating-system user name)."
                    + " The password is asked for on the terminal, or read from the file named by RESOLVE_PASSWORD_FILE.")
    String user;

    Map<String, String> env = System.getenv();
    Console console = System.console();
    java.io.InputStream in = System.in;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a command, for example 'case list'.");
    }

    /** The database's vault. */
    Vault vault() {
        return Vault.at(db != null ? db : DataLocation.defaultDatabase(), Services.clockFromEnvironment());
    }

    /** The person acting: {@code --user}, else {@code RESOLVE_USER}, else the operating-system user. */
    String userName() {
        if (user != null && !user.isBlank()) {
            return user;
        }
        String fromEnv = env.get("RESOLVE_USER");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : Services.defaultAuthor();
    }

    Secrets secrets() {
        return new Secrets(env, console);
    }

    /** Signs in and opens the session on the chosen database; the caller closes it. */
    Session signIn() {
        char[] password = password();
        try {
            return signIn(password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** The signing-in person's password: from the file named by RESOLVE_PASSWORD_FILE, else typed. */
    char[] password() {
        Vault v = vault();
        Vault.State state = v.state();
        if (state == Vault.State.UNPROTECTED) {
            requireDatabaseFile(v.databaseFile());
        }
        if (state != Vault.State.PROTECTED) {
            v.signIn(userName(), new char[0]); // refused before any password is asked for: says to run 'init'
        }
        return secrets().read(Secrets.PASSWORD_FILE, "Password for " + userName(), false);
    }

    /** Signs in with {@code password} (which the caller wipes). */
    Session signIn(char[] password) {
        return vault().signIn(userName(), password);
    }

    /** Refuses a file that is neither an encrypted database nor an H2 database of an earlier version. */
    static void requireDatabaseFile(Path file) {
        byte[] head;
        try (var in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(4);
        } catch (java.io.IOException e) {
            throw new UserError("Cannot read the database " + file + " (" + e.getMessage() + "). Check the --db path"
                    + " and that you can read it.");
        }
        if (!new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("H:2,")) {
            throw new UserError("The file " + file + " is not a Resolve database, or it is damaged. Nothing was"
                    + " changed. Check the --db path; if it is your database, restore it from a backup.");
        }
    }

    /** One line on stderr while the signed-in person still has the temporary password an administrator set. */
    static void remindOfTemporaryPassword(Session session, PrintWriter err) {
        if (session.mustChangePassword()) {
            err.println("resolve: " + session.actor().name() + ", you are still using the temporary password your"
                    + " administrator set. Choose your own now: resolve user passwd");
            err.flush();
        }
    }

    /** Runs {@code args} and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv(), System.console());
    }

    /** Runs {@code args} with {@code env} as the environment and {@code console} (may be null) as the terminal. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Console console) {
        return run(args, out, err, env, console, System.in);
    }

    /** Runs {@code args} as above, with {@code in} as standard input (read by free-text options given as '-'). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Console console,
                          java.io.InputStream in) {
        Cli cli = new Cli();
        cli.env = env;
        cli.console = console;
        cli.in = in;
        CommandLine cmd = new CommandLine(cli);
        // text starting with '@' is text: never the contents of a file it happens to name
        cmd.setExpandAtFiles(false);
        TextOptions texts = TextOptions.install(cmd);
        cmd.setExecutionStrategy(parsed -> {
            try {
                texts.resolve(parsed, cli.in);
            } catch (UserError e) {
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cmd.setOut(out);
        cmd.setErr(err);
        // a usage error is the message and where to read more, not the whole usage text after it
        cmd.setParameterExceptionHandler((ex, args0) -> {
            CommandLine at = ex.getCommandLine();
            at.getErr().println("resolve: " + oneLine(ex.getMessage()));
            at.getErr().println("Run '" + at.getCommandSpec().qualifiedName() + " --help' to see its options.");
            return 2;
        });
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
        if (ex instanceof UserError || ex instanceof RuleViolation || ex instanceof StoreException
                || ex instanceof ProtectionException || ex instanceof AccessDenied) {
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

    /** Base for commands that need the person signed in: their session (users, own password). */
    abstract static class SessionCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        Cli root() {
            return (Cli) spec.root().userObject();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public Integer call() throws Exception {
            try (Session session = root().signIn()) {
                remindOfTemporaryPassword(session, err());
                return run(session);
            }
        }

        abstract int run(Session session) throws Exception;
    }

    /** Base for commands that work on the database through the signed-in person's services. */
    abstract static class DbCommand extends SessionCommand {

        @Override
        final int run(Session session) throws Exception {
            return run(session.services());
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

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Make the case summaries that lists and reports read again from the entries, and empty the case list caches.")
    static final class RebuildCommand extends DbCommand {

        @Override
        int run(Services s) {
            int cases = s.rebuildSummaries();
            long entries = s.entryCount();
            out().println("Rebuilt the summaries of " + cases + (cases == 1 ? " case" : " cases") + " from " + entries
                    + (entries == 1 ? " entry." : " entries."));
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every entry's hash, every device's chain and the audit log's chain; report any break.")
    static final class VerifyCommand extends DbCommand {

        @Override
        int run(Services s) {
            var result = s.integrity().verify();
            var report = result.record();
            List<String> auditBreaks = result.auditBreaks();
            long events = result.auditEvents();
            PrintWriter out = out();
            report.findings().forEach(f -> out.println((f.isBreak() ? "BREAK: " : "note: ") + f.message()));
            auditBreaks.forEach(b -> out.println("BREAK: " + b));
            result.peopleBreaks().forEach(b -> out.println("BREAK: " + b));
            result.contentBreaks().forEach(b -> out.println("BREAK: " + b));
            // the summaries lists and reports read are derived: a disagreement is repaired, not a break
            String stale = s.summariesMadeCurrent(); // perhaps already at sign-in
            if (stale != null) {
                out.println("note: the case summaries were rebuilt from the entries (" + stale + ").");
            }
            int differ = s.summariesRepaired();
            if (differ > 0) {
                out.println("note: the case summaries of " + differ + (differ == 1 ? " case" : " cases")
                        + " disagreed with the entries (edited outside Resolve, or left by a crash); they were"
                        + " rebuilt from the entries.");
            }
            s.listCachesRepaired().forEach(note -> out.println("note: " + note + "."));
            if (result.intact()) {
                out.println("Verified " + report.entries() + " entries from " + report.devices()
                        + (report.devices() == 1 ? " device" : " devices") + " and " + events
                        + (events == 1 ? " audit event" : " audit events") + ": every chain is intact.");
                return 0;
            }
            List<String> where = new ArrayList<>();
            if (!report.intact()) {
                where.add(breaks(report.breaks().size()) + " in the record (entries altered outside Resolve)");
            }
            if (!auditBreaks.isEmpty()) {
                where.add(breaks(auditBreaks.size()) + " in the audit log (events altered or removed outside Resolve)");
            }
            if (!result.peopleBreaks().isEmpty()) {
                where.add("a break in the people and their roles (changed outside Resolve)");
            }
            if (!result.contentBreaks().isEmpty()) {
                where.add(breaks(result.contentBreaks().size()) + " in the attached documents (contents missing or"
                        + " altered)");
            }
            throw new UserError(String.join(" and ", where) + ", listed above. Restore the database from a backup"
                    + (report.intact() && result.contentBreaks().isEmpty() ? ""
                    : " or sync it again from your team's shared file")
                    + ", and tell your administrator.");
        }

        private static String breaks(int n) {
            return n + (n == 1 ? " break" : " breaks");
        }
    }
}
