/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person does in Resolve, which decides what they may see and do (see {@link Permission}).
 * The roles follow the people in the escalation procedures: the worker who raises a concern, their
 * line manager, the named or designated safeguarding lead, the partnership's business team who
 * report on escalations, and the administrator who looks after the installation.
 *
 * <p>A person holds a set of roles: at most one <em>case role</em> (every role but
 * {@link #ADMINISTRATOR}) and, optionally, administration, so that someone alone on their own laptop
 * can both work on cases and look after Resolve with one account. An administrator-only account has
 * no case role.
 */
public enum Role {
    PRACTITIONER("practitioner", "Practitioner"),
    MANAGER("manager", "Manager"),
    SAFEGUARDING_LEAD("safeguarding-lead", "Safeguarding lead"),
    BUSINESS_TEAM("business-team", "Partnership business team"),
    ADMINISTRATOR("administrator", "Administrator");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The stable name stored in the database and typed on the command line. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean may(Permission p) {
        return p.grantedTo(this);
    }

    /** True for the roles that say what one does on cases; false for {@link #ADMINISTRATOR}. */
    public boolean isCaseRole() {
        return this != ADMINISTRATOR;
    }

    /** The case roles, in the order the screens offer them. */
    public static java.util.List<Role> caseRoles() {
        return Arrays.stream(values()).filter(Role::isCaseRole).toList();
    }

    /**
     * Checks that {@code roles} is a set a person may hold: not empty, and at most one case role.
     *
     * @return an unmodifiable copy
     */
    public static Set<Role> requireValid(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Give a role: " + caseRoleCodes() + ", or administrator.");
        }
        EnumSet<Role> copy = EnumSet.copyOf(roles);
        if (copy.stream().filter(Role::isCaseRole).count() > 1) {
            throw new IllegalArgumentException("A person has one role on cases, not "
                    + copy.stream().filter(Role::isCaseRole).map(Role::code).collect(Collectors.joining(" and "))
                    + ". Choose one; administration can be added to it.");
        }
        return Collections.unmodifiableSet(copy);
    }

    /**
     * The roles stored as {@code text}: one code, or several joined by commas ("manager,administrator").
     * A person stored before roles became a set has one code, which reads as that role alone.
     */
    public static Set<Role> parseSet(String text) {
        EnumSet<Role> out = EnumSet.noneOf(Role.class);
        for (String part : (text == null ? "" : text).split("[,+]")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        return requireValid(out);
    }

    /** How {@code roles} are stored and typed: the case role first, then "administrator" ("manager,administrator"). */
    public static String codes(Set<Role> roles) {
        return requireValid(roles).stream().map(Role::code).collect(Collectors.joining(","));
    }

    /** The roles in words, as the screens show them ("Manager and administrator", "Administrator"). */
    public static String describe(Set<Role> roles) {
        Set<Role> set = requireValid(roles);
        String caseRole = set.stream().filter(Role::isCaseRole).map(Role::label).findFirst().orElse(null);
        if (caseRole == null) {
            return ADMINISTRATOR.label();
        }
        return set.contains(ADMINISTRATOR) ? caseRole + " and administrator" : caseRole;
    }

    private static String caseRoleCodes() {
        return caseRoles().stream().map(Role::code).collect(Collectors.joining(", "));
    }

    /** The role named {@code text} ("manager", "safeguarding-lead", "admin" …), or a message listing them. */
    public static Role parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        if (t.equals("admin")) {
            return ADMINISTRATOR;
        }
        for (Role r : values()) {
            if (r.code.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("There is no role '" + text + "'. Use one of: "
                + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", ")) + ".");
    }

    @Override
    public String toString() {
        return label;
    }
}
