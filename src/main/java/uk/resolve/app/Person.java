/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.resolve.security.Role;
/**
 * Someone who may sign in (or was removed), as the screens show them; the desktop does not reach
 * into the store.
 *
 * @param name     sign-in name
 * @param fullName as they like to be shown; may be empty
 * @param role     role codes as stored: a case role and/or "administrator" ({@link Role#parseSet})
 * @param team     team or agency; may be empty
 * @param active   false once removed
 * @param temporaryPassword true while they have a password an administrator set and have not yet chosen their own
 * @param createdAt when they were added
 * @param createdBy who added them (a sign-in name)
 */
public record Person(String name, String fullName, String role, String team, boolean active,
                     boolean temporaryPassword, Instant createdAt, String createdBy) {

    /** Everyone who may sign in here, and those removed (administrators only; blocking). */
    public static List<Person> all(Session session) {
        return session.users();
    }

    /** Their roles; empty when a newer version of Resolve stored one this version does not know. */
    public Set<Role> roles() {
        try {
            return Role.parseSet(role);
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
    }

    /** What they do on cases; empty for an administrator-only account. */
    public Optional<Role> caseRole() {
        return roles().stream().filter(Role::isCaseRole).findFirst();
    }

    /** True when they also look after Resolve here. */
    public boolean administers() {
        return roles().contains(Role.ADMINISTRATOR);
    }

    /** Their roles in words ("Safeguarding lead and administrator"), or the stored code if unknown. */
    public String rolesLabel() {
        Set<Role> r = roles();
        return r.isEmpty() ? role : Role.describe(r);
    }
}
