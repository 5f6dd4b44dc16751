/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.util.List;

import uk.resolve.store.UserStore.UserRow;

/**
 * Someone who may sign in (or was removed), as the screens show them; the desktop does not reach
 * into the store.
 *
 * @param name     sign-in name
 * @param fullName as they like to be shown; may be empty
 * @param role     role code ({@link uk.resolve.security.Role#parse})
 * @param team     team or agency; may be empty
 * @param active   false once removed
 * @param temporaryPassword true while they have a password an administrator set and have not yet chosen their own
 */
public record Person(String name, String fullName, String role, String team, boolean active,
                     boolean temporaryPassword) {

    /** Everyone who may sign in here, and those removed (administrators only; blocking). */
    public static List<Person> all(Session session) {
        java.util.Set<String> temporary = session.withTemporaryPassword();
        return session.users().stream().map(u -> new Person(u.name(), u.fullName(), u.role(), u.team(), u.active(),
                u.active() && temporary.contains(u.name()))).toList();
    }
}
