/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.NotificationRule;
import uk.resolve.domain.policy.Policy;

/** Whom to contact now when a child may be at immediate risk of harm. */
public final class UrgentContacts {

    /** The use of the entry every list starts with: the police on 999. */
    public static final String EMERGENCY = "emergency";

    private static final UrgentContact POLICE = new UrgentContact(EMERGENCY, "Police", "999",
            "In an emergency, if a child is in danger now");

    private UrgentContacts() {
    }

    /**
     * The Act now panel's list for a case under {@code policy}: always the police on 999 first; then the
     * procedure's contacts marked {@code use: front-door}, {@code out-of-hours} and {@code immediate-risk},
     * in that order; then anyone its immediate-risk notifications name. Each contact appears once.
     */
    public static List<UrgentContact> forPolicy(Policy policy) {
        Map<String, UrgentContact> out = new LinkedHashMap<>();
        out.put(EMERGENCY, POLICE);
        for (String use : Contact.USES) {
            for (Contact c : policy.contacts()) {
                if (c.usedFor(use)) {
                    out.putIfAbsent(c.id(), of(use, c));
                }
            }
        }
        List<NotificationRule> rules = new ArrayList<>(policy.notifications());
        policy.tracks().forEach(t -> t.stages().forEach(s -> rules.addAll(s.notifications())));
        for (NotificationRule r : rules) {
            if (r.when() != null && Boolean.TRUE.equals(r.when().immediateRisk())) {
                Contact c = r.contact() == null ? null : policy.contact(r.contact()).orElse(null);
                if (c != null) {
                    out.putIfAbsent(c.id(), of(Contact.IMMEDIATE_RISK, c));
                } else {
                    out.putIfAbsent("to:" + r.to(), new UrgentContact(Contact.IMMEDIATE_RISK, r.to(), null, r.purpose()));
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static UrgentContact of(String use, Contact c) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {c.role(), c.organisation(), c.email(), c.notes()}) {
            if (s != null && !s.isBlank() && !s.equals(c.name())) {
                parts.add(s.strip());
            }
        }
        return new UrgentContact(use, c.name(), c.phone(), String.join(" · ", parts));
    }
}
