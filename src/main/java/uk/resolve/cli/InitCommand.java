/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.app.Vault;
import uk.resolve.security.Role;

/**
 * {@code resolve init --admin NAME [--role ROLE]}: the first administrator of a new database (with a
 * case role, one account that also works on cases), which is created
 * encrypted; or of a database from an earlier version, which is encrypted on the way. No one signs
 * in before: there is no one yet.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the first administrator of a new database (it is created encrypted), or of a database"
                + " from an earlier version of Resolve (it is encrypted).",
                "The password is typed twice at the terminal, or read from the file named by RESOLVE_PASSWORD_FILE."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--admin", required = true, paramLabel = "NAME", description = "The administrator's sign-in name.")
    String admin;

    @Option(names = "--role", paramLabel = "ROLE", description = "What they also do on cases, so that one account"
            + " both works on cases and looks after Resolve: practitioner, manager, safeguarding-lead or business-team"
            + " (default: administration only).")
    String role;

    @Option(names = "--name", paramLabel = "FULL NAME", description = "The administrator's full name (optional).")
    String fullName;

    @Option(names = "--team", paramLabel = "TEAM", description = "The administrator's team (optional).")
    String team;

    @Override
    public Integer call() {
        Cli root = (Cli) spec.root().userObject();
        Vault vault = root.vault();
        Vault.State before = vault.state();
        if (before == Vault.State.PROTECTED) {
            throw new UserError("The database " + vault.databaseFile() + " already has people who sign in; 'init' is"
                    + " only for a new database or one from an earlier version. Ask an administrator to add you"
                    + " ('resolve user add').");
        }
        if (before == Vault.State.UNPROTECTED) {
            Cli.requireDatabaseFile(vault.databaseFile());
        }
        Role caseRole = caseRole();
        char[] password = root.secrets().read(Secrets.PASSWORD_FILE, "New password for " + admin, true);
        String message;
        String who;
        String roles;
        try (Session session = vault.createFirstAccount(admin, fullName, caseRole, password, team)) {
            who = session.actor().name();
            roles = session.actor().rolesLabel().toLowerCase(java.util.Locale.ROOT);
            Services services = session.services();
            message = before == Vault.State.NEW
                    ? "Created the database " + vault.databaseFile() + " with " + (caseRole == null
                    ? "the administrator " + who : who + " (" + roles + ")") + "; the database is encrypted."
                    : "Encrypted the database " + vault.databaseFile() + " (" + services.caseCount()
                    + (services.caseCount() == 1 ? " case, " : " cases, ") + services.entryCount()
                    + (services.entryCount() == 1 ? " entry" : " entries") + " kept) and made " + who
                    + " its first administrator" + (caseRole == null ? "" : " (" + roles + ")") + ".";
        } finally {
            Arrays.fill(password, '\0');
        }
        var out = spec.commandLine().getOut();
        out.println(message);
        out.println("Key file: " + vault.keyFile() + " — back it up with the database: without it the database"
                + " cannot be opened.");
        out.println(caseRole == null
                ? "Next, add the people who will use it: resolve --user " + who + " user add NAME --role ROLE"
                : "You can work on cases with this account now; to add others: resolve --user " + who
                + " user add NAME --role ROLE");
        return 0;
    }

    /** The case role given with --role, or null for administration only. */
    private Role caseRole() {
        if (role == null) {
            return null;
        }
        Role r;
        try {
            r = Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new UserError("--role: " + e.getMessage());
        }
        return r == Role.ADMINISTRATOR ? null : r;
    }
}
