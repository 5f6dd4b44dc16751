/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.util.Objects;

/**
 * The person signed in and acting: every service call is made on their behalf and checked against
 * their role.
 *
 * @param name the name they sign in with (also the author of what they record)
 * @param role what they do
 * @param team their team (the agency or service they work in); managers and safeguarding leads
 *             see the cases raised by their team
 */
public record Actor(String name, Role role, String team) {

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        team = team == null ? "" : team.strip();
    }

    public boolean may(Permission p) {
        return role.may(p);
    }

    /** Throws {@link AccessDenied} unless this person's role has {@code p}. */
    public void require(Permission p) {
        if (!may(p)) {
            throw new AccessDenied(name + " signed in as " + role.label().toLowerCase(java.util.Locale.ROOT)
                    + " cannot " + p.description() + ". If you need to, ask an administrator for a sign-in with a role that"
                    + " allows it.");
        }
    }
}
