/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.util.EnumSet;
import java.util.Set;

import static uk.resolve.security.Role.ADMINISTRATOR;
import static uk.resolve.security.Role.BUSINESS_TEAM;
import static uk.resolve.security.Role.MANAGER;
import static uk.resolve.security.Role.PRACTITIONER;
import static uk.resolve.security.Role.SAFEGUARDING_LEAD;

/**
 * Everything a role may or may not do: one table, read by the services before they act. Which
 * <em>cases</em> a person sees is decided case by case ({@code CaseAccess}); these permissions say
 * what kind of thing they may do at all.
 */
public enum Permission {
    /** Open cases and record discussions, escalations, notifications and forms on the cases one may see. */
    WORK_ON_CASES("work on cases", PRACTITIONER, MANAGER, SAFEGUARDING_LEAD),
    /** See every case of one's team, not only one's own and those shared with one. */
    SEE_TEAM_CASES("see the team's cases", MANAGER, SAFEGUARDING_LEAD),
    /** Approve a discussion record and sign monitoring forms as the manager. */
    APPROVE_RECORDS("approve records and sign monitoring forms", MANAGER),
    /** Share a case with another named person. */
    SHARE_CASES("share cases", PRACTITIONER, MANAGER, SAFEGUARDING_LEAD),
    /** Anonymised monitoring figures: never a child's name or reference. */
    VIEW_REPORTS("view the partnership's anonymised reports", MANAGER, SAFEGUARDING_LEAD, BUSINESS_TEAM),
    /** Read and export the audit log. */
    VIEW_AUDIT("view the audit log", BUSINESS_TEAM, ADMINISTRATOR),
    /** Add and remove people, reset passwords. */
    MANAGE_USERS("manage users", ADMINISTRATOR),
    /** Import and remove procedure files, change the working-day calendar and security settings. */
    MANAGE_SETTINGS("change procedures and settings", ADMINISTRATOR),
    /** Sync with the team's shared file, export and import case records. */
    SYNC_AND_EXPORT("sync, export and import case records", PRACTITIONER, MANAGER, SAFEGUARDING_LEAD),
    /** Set up the team's shared-file key and hand it on. */
    MANAGE_TEAM_KEY("set up the team's shared-file key", MANAGER, ADMINISTRATOR);

    private final String description;
    private final Set<Role> roles;

    Permission(String description, Role first, Role... rest) {
        this.description = description;
        this.roles = EnumSet.of(first, rest);
    }

    /** What this permission lets one do, as a phrase ("approve records …"). */
    public String description() {
        return description;
    }

    boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
