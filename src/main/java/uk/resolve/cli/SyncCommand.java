/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import uk.resolve.app.Services;
import uk.resolve.sync.SyncReport;

/**
 * {@code resolve sync --shared PATH}: merge this database with the team's shared file, encrypted
 * with the team key; {@code sync setup-key} (a manager, once) and {@code sync join} (everyone else)
 * put the team key on this computer.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        subcommands = {SyncCommand.SetUpKey.class, SyncCommand.Join.class},
        description = {"Merge this database with the team's shared file on a network drive: each side gets the"
                + " entries it lacks. Safe to run from several computers at once, and to interrupt. The shared"
                + " file is encrypted with the team key: a manager sets it up once ('sync setup-key'), everyone"
                + " else joins with the passphrase ('sync join')."})
final class SyncCommand extends Cli.DbCommand {

    @Option(names = "--shared", paramLabel = "PATH",
            description = "The shared file, e.g. S:\\Safeguarding\\resolve-shared.mv.db (default: the one chosen in"
                    + " the sync settings).")
    Path shared;

    @Option(names = "--server", paramLabel = "URL",
            description = "Sync with a PostgreSQL server instead, e.g. jdbc:postgresql://db.example.org/resolve"
                    + "?sslmode=verify-full. The password is read from the file named by RESOLVE_SERVER_PASSWORD_FILE,"
                    + " or asked for; never give it on the command line.")
    String server;

    @Option(names = "--user", paramLabel = "NAME", description = "The server's user name (with --server).")
    String user;

    @Override
    int run(Services s) {
        if (server != null) {
            if (user == null || user.isBlank()) {
                throw new UserError("Give the server's user name with --user NAME (the password is asked for, or read"
                        + " from the file named by " + Secrets.SERVER_PASSWORD_FILE + ").");
            }
            SyncReport r = root().secrets().using(Secrets.SERVER_PASSWORD_FILE, "Server password", false,
                    p -> s.sync().syncWithServer(server, user, p.clone()));
            out().println(r.summary());
            String setAside = s.sync().status().message();
            if (setAside != null) {
                err().println("resolve: " + setAside);
            }
            return 0;
        }
        Path target = target(shared, s);
        SyncReport r = s.sync().syncWith(target);
        out().println(r.summary() + (r.attempts() > 1 ? " (another computer was syncing too; "
                + r.attempts() + " attempts)" : ""));
        String setAside = s.sync().status().message();
        if (setAside != null) {
            err().println("resolve: " + setAside);
        }
        return 0;
    }

    /** The shared file named on the command line, else the one in the settings. */
    static Path target(Path given, Services s) {
        return given != null ? given : s.sync().sharedFile().orElseThrow(() -> new UserError(
                "No shared file is set up for this database. Name it with --shared PATH."));
    }

    @Command(name = "setup-key", mixinStandardHelpOptions = true,
            description = {"Set up the team key of the shared file, once, as a manager: a new random key, written"
                    + " beside the shared file (NAME.key.json) wrapped under a passphrase typed twice (or read from"
                    + " the file named by RESOLVE_PASSPHRASE_FILE). Then syncs, which creates the shared file"
                    + " encrypted, or encrypts one made by an earlier version of Resolve. Give the passphrase to"
                    + " the team by another route; they run 'sync join'."})
    static final class SetUpKey extends Cli.DbCommand {

        @Option(names = "--shared", paramLabel = "PATH", description = "The shared file (default: the one chosen"
                + " in the sync settings).")
        Path shared;

        @Override
        int run(Services s) {
            Path target = target(shared, s);
            String id = root().secrets().using(Secrets.PASSPHRASE_FILE, "Team passphrase", true,
                    p -> s.sync().setUpTeamKey(target, p));
            out().println("Team key " + id + " set up for " + target + ". Give the passphrase to your team by"
                    + " another route (not in an e-mail with the path); each person runs 'resolve sync join --shared "
                    + target + "'.");
            if (s.actor().may(uk.resolve.security.Permission.SYNC_AND_EXPORT)) {
                out().println(s.sync().syncWith(target).summary());
            }
            return 0;
        }
    }

    @Command(name = "join", mixinStandardHelpOptions = true,
            description = {"Join the team that shares the shared file: the passphrase your manager gives you (asked"
                    + " for, or read from the file named by RESOLVE_PASSPHRASE_FILE) unlocks the team key, which is"
                    + " then kept in this database. Then syncs."})
    static final class Join extends Cli.DbCommand {

        @Option(names = "--shared", paramLabel = "PATH", description = "The shared file (default: the one chosen"
                + " in the sync settings).")
        Path shared;

        @Override
        int run(Services s) {
            Path target = target(shared, s);
            String id = root().secrets().using(Secrets.PASSPHRASE_FILE, "Team passphrase", false,
                    p -> s.sync().joinTeam(target, p));
            out().println("Joined: this computer holds team key " + id + " for " + target + ".");
            out().println(s.sync().syncWith(target).summary());
            return 0;
        }
    }
}
