/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The person signed in and acting: every service call is made on their behalf and checked against
 * their roles.
 *
 * @param name  the name they sign in with (also the author of what they record)
 * @param roles what they do: at most one case role and, optionally, administration (see {@link Role})
 * @param team  their team (the agency or service they work in); managers and safeguarding leads
 *              see the cases raised by their team
 */
public record Actor(String name, Set<Role> roles, String team) {

    public Actor {
        Objects.requireNonNull(name, "name");
        roles = Role.requireValid(roles);
        team = team == null ? "" : team.strip();
    }

    /** Someone with one role. */
    public Actor(String name, Role role, String team) {
        this(name, Set.of(Objects.requireNonNull(role, "role")), team);
    }

    /** True when one of their roles has {@code p}. */
    public boolean may(Permission p) {
        return roles.stream().anyMatch(r -> r.may(p));
    }

    /** What they do on cases; empty for an administrator-only account. */
    public Optional<Role> caseRole() {
        return roles.stream().filter(Role::isCaseRole).findFirst();
    }

    /** True when they also look after Resolve (people, procedures, settings). */
    public boolean administers() {
        return roles.contains(Role.ADMINISTRATOR);
    }

    /** The role to name them by (on a signature, say): their case role, or administrator if they have none. */
    public Role role() {
        return caseRole().orElse(Role.ADMINISTRATOR);
    }

    /** Their roles in words ("Manager and administrator"). */
    public String rolesLabel() {
        return Role.describe(roles);
    }

    /** Throws {@link AccessDenied} unless one of this person's roles has {@code p}. */
    public void require(Permission p) {
        if (!may(p)) {
            throw new AccessDenied(name + " signed in as " + rolesLabel().toLowerCase(Locale.ROOT)
                    + " cannot " + p.description() + ". If you need to, ask an administrator for a sign-in with a role that"
                    + " allows it.");
        }
    }
}
