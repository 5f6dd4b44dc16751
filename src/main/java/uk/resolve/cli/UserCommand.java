/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import uk.resolve.app.Person;
import uk.resolve.app.Session;
import uk.resolve.domain.time.UkTime;
import uk.resolve.security.Role;

/**
 * {@code resolve user …}: the people who may sign in (administrators), and one's own password.
 * Passwords are typed at the terminal or read from files named by environment variables, never
 * given as arguments.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"The people who may sign in (administrators) and your own password.",
                "A new or reset password is typed twice at the terminal, or read from the file named by"
                        + " RESOLVE_NEW_PASSWORD_FILE."},
        subcommands = {UserCommand.Add.class, UserCommand.ListCmd.class, UserCommand.Change.class,
                UserCommand.Reset.class, UserCommand.Remove.class, UserCommand.Confirm.class, UserCommand.Passwd.class})
final class UserCommand {

    private UserCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a person with a first password, which they must change when they first sign in.")
    static final class Add extends Cli.SessionCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Their sign-in name.") String name;
        @Option(names = "--role", paramLabel = "ROLE", description = ROLES) String role;
        @Option(names = "--admin", description = ADMIN) boolean admin;
        @Option(names = "--team", paramLabel = "TEAM", description = "Their team (managers see their team's cases).") String team;
        @Option(names = "--name", paramLabel = "FULL NAME", description = "Their full name.") String fullName;

        @Override
        int run(Session session) {
            if (role == null && !admin) {
                throw new UserError("Say what they do with --role (" + ROLES + "), and add --admin if they also look"
                        + " after Resolve here.");
            }
            Set<Role> roles = roles(role == null ? Set.of() : role(role), admin ? Boolean.TRUE : null);
            session.actor().require(uk.resolve.security.Permission.MANAGE_USERS); // before asking for a password
            char[] pw = newPassword(root(), "First password for " + name);
            try {
                Person row = session.addUser(name, fullName, roles, team, pw);
                out().println("Added " + row.name() + " (" + Role.describe(roles) + (row.team().isEmpty() ? ""
                        : ", team " + row.team()) + "). Give them their first password in person; they must choose"
                        + " their own when they first sign in.");
            } finally {
                Arrays.fill(pw, '\0');
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the people who may sign in, and those removed.")
    static final class ListCmd extends Cli.SessionCommand {
        @Option(names = "--json") boolean json;

        @Override
        int run(Session session) {
            List<Person> users = session.users();
            if (json) {
                out().println(Json.write(users.stream().map(UserCommand::json).toList()));
                return 0;
            }
            for (Person u : users) {
                out().printf("%-16s %-34s %-20s %-24s %s%n", u.name(), roleLabel(u.role()),
                        u.team().isEmpty() ? "-" : u.team(), u.fullName().isEmpty() ? "-" : u.fullName(),
                        (u.active() ? "added " + UkTime.formatDate(UkTime.date(u.createdAt())) + " by " + u.createdBy()
                                : "removed") + (u.temporaryPassword() ? "; temporary password" : ""));
            }
            return 0;
        }
    }

    @Command(name = "change", mixinStandardHelpOptions = true,
            description = "Change a person's role, whether they administer Resolve, or their team.")
    static final class Change extends Cli.SessionCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--role", paramLabel = "ROLE", description = ROLES + " (default: unchanged)") String role;
        @Option(names = "--admin", negatable = true, description = "They also look after Resolve here (--no-admin:"
                + " they no longer do; default: unchanged).") Boolean admin;
        @Option(names = "--team", paramLabel = "TEAM", description = "Their team (default: unchanged).") String team;

        @Override
        int run(Session session) {
            if (role == null && admin == null && team == null) {
                throw new UserError("Say what to change: --role ROLE, --admin or --no-admin, --team TEAM.");
            }
            Person old = session.users().stream().filter(u -> u.active() && u.name().equalsIgnoreCase(name.strip()))
                    .findFirst().orElseThrow(() -> new UserError("There is no one called '" + name + "' here. Run"
                            + " 'resolve user list' to see who can sign in."));
            Set<Role> given = role == null ? null : role(role);
            Set<Role> now = storedRoles(old.role());
            Set<Role> caseRoles = given != null ? given : now;
            // "--role administrator" alone keeps its old meaning: administration only
            Boolean administers = admin != null ? admin
                    : given != null && given.contains(Role.ADMINISTRATOR) ? Boolean.TRUE
                    : now.contains(Role.ADMINISTRATOR);
            Set<Role> roles = roles(given != null && given.equals(Set.of(Role.ADMINISTRATOR)) ? Set.of() : caseRoles,
                    administers);
            Person row = session.changeUser(name, roles, team);
            out().println(row.name() + " is now " + roleLabel(row.role()).toLowerCase(java.util.Locale.ROOT)
                    + (row.team().isEmpty() ? "" : ", team " + row.team()) + ".");
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Set a temporary password for someone who has forgotten theirs; they must change it at sign-in.")
    static final class Reset extends Cli.SessionCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        int run(Session session) {
            session.actor().require(uk.resolve.security.Permission.MANAGE_USERS);
            char[] pw = newPassword(root(), "Temporary password for " + name);
            try {
                session.resetPassword(name, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            out().println("Set a temporary password for " + name.strip() + "; they must choose their own when they"
                    + " next sign in.");
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Stop a person signing in; their name stays on what they recorded.")
    static final class Remove extends Cli.SessionCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        int run(Session session) {
            session.removeUser(name);
            out().println(name.strip() + " can no longer sign in. What they recorded keeps their name.");
            return 0;
        }
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = {"Confirm, as another administrator, the keys a person registered on their own (the first"
                    + " administrator, or someone's first sign-in after signing began).",
                    "'resolve verify' lists the names still waiting; confirm only people you know."})
    static final class Confirm extends Cli.SessionCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        int run(Session session) {
            int n = session.confirmKeys(name);
            out().println("Confirmed the keys " + name.strip() + " registered on their own (" + n
                    + (n == 1 ? " registration" : " registrations") + "); 'resolve verify' no longer lists them.");
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = {"Change your own password.",
                    "Your current password is the one you sign in with (RESOLVE_PASSWORD_FILE or typed); the new one"
                            + " is typed twice, or read from the file named by RESOLVE_NEW_PASSWORD_FILE."})
    static final class Passwd implements java.util.concurrent.Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Cli root = (Cli) spec.root().userObject();
            char[] current = root.password();
            try (Session session = root.signIn(current)) {
                char[] replacement = newPassword(root, "New password");
                try {
                    session.changePassword(current, replacement);
                } finally {
                    Arrays.fill(replacement, '\0');
                }
                spec.commandLine().getOut().println("Changed the password of " + session.actor().name()
                        + ". Use the new one from now on.");
                return 0;
            } finally {
                Arrays.fill(current, '\0');
            }
        }
    }

    private static final String ROLES = "practitioner, manager, safeguarding-lead, business-team or administrator"
            + " (administration only)";
    private static final String ADMIN = "They also look after Resolve here: people, procedures and settings.";

    /** The role (or roles, "manager,administrator") named on the command line, or a message listing the roles. */
    static Set<Role> role(String text) {
        try {
            return Role.parseSet(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("--role: " + e.getMessage());
        }
    }

    /** {@code given}'s case role with administration added or taken away ({@code admin} null: as given). */
    private static Set<Role> roles(Set<Role> given, Boolean admin) {
        java.util.EnumSet<Role> out = java.util.EnumSet.noneOf(Role.class);
        given.stream().filter(Role::isCaseRole).forEach(out::add);
        if (admin == null ? given.contains(Role.ADMINISTRATOR) : admin) {
            out.add(Role.ADMINISTRATOR);
        }
        if (out.isEmpty()) {
            throw new UserError("Without administration they need a role: --role " + ROLES.replace(" or administrator"
                    + " (administration only)", "") + ".");
        }
        return out;
    }

    private static Set<Role> storedRoles(String codes) {
        try {
            return Role.parseSet(codes);
        } catch (IllegalArgumentException e) {
            return Set.of(); // a role from a newer version: replaced by what is given
        }
    }

    private static String roleLabel(String codes) {
        try {
            return Role.describe(Role.parseSet(codes));
        } catch (IllegalArgumentException e) {
            return codes; // a role from a newer version
        }
    }

    private static char[] newPassword(Cli root, String prompt) {
        return root.secrets().read(Secrets.NEW_PASSWORD_FILE, prompt, true);
    }

    private static Map<String, Object> json(Person u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.name());
        m.put("fullName", u.fullName());
        m.put("role", u.role());
        Set<Role> roles = storedRoles(u.role());
        m.put("roles", roles.stream().map(Role::code).toList());
        m.put("administrator", roles.contains(Role.ADMINISTRATOR));
        m.put("team", u.team());
        m.put("active", u.active());
        m.put("createdAt", u.createdAt().toString());
        m.put("createdBy", u.createdBy());
        m.put("temporaryPassword", u.temporaryPassword());
        return m;
    }
}
