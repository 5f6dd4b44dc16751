/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a person does in Resolve, which decides what they may see and do (see {@link Permission}).
 * The roles follow the people in the escalation procedures: the worker who raises a concern, their
 * line manager, the named or designated safeguarding lead, the partnership's business team who
 * report on escalations, and the administrator who looks after the installation.
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
