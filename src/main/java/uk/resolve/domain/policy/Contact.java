/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.List;

/**
 * Someone the procedure tells workers to contact. Any field but {@code id} and {@code name} may be
 * null.
 *
 * @param group a heading to list the contact under ("Health", "Police")
 * @param uses  what the contact is for when a child may be at immediate risk ({@link #FRONT_DOOR},
 *              {@link #OUT_OF_HOURS}, {@link #IMMEDIATE_RISK}); empty for an ordinary contact
 */
public record Contact(String id, String name, String role, String organisation, String group,
                      String email, String phone, String notes, List<String> uses) {

    /** The local children's social care front door (referrals, MASH) in working hours. */
    public static final String FRONT_DOOR = "front-door";
    /** Children's social care out of hours (emergency duty team). */
    public static final String OUT_OF_HOURS = "out-of-hours";
    /** Whom the procedure says to tell at once when a child may be at immediate risk. */
    public static final String IMMEDIATE_RISK = "immediate-risk";
    /** Every {@code use} a contact may have, in the order the Act now panel lists them. */
    public static final List<String> USES = List.of(FRONT_DOOR, OUT_OF_HOURS, IMMEDIATE_RISK);

    public Contact {
        uses = uses == null ? List.of() : List.copyOf(uses);
    }

    public Contact(String id, String name, String role, String organisation, String group, String email,
                   String phone, String notes) {
        this(id, name, role, organisation, group, email, phone, notes, List.of());
    }

    public boolean usedFor(String use) {
        return uses.contains(use);
    }
}
