/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

/**
 * Someone to contact now about a child who may be at immediate risk, as the Act now panel lists them.
 *
 * @param use     {@link UrgentContacts#EMERGENCY} for the police, else the contact's use
 *                ({@code front-door}, {@code out-of-hours}, {@code immediate-risk})
 * @param name    who ("Police", "Children's Services Front Door")
 * @param phone   the number to ring, or null
 * @param details when and why, as one line ("In an emergency", the procedure's notes), or ""
 */
public record UrgentContact(String use, String name, String phone, String details) {

    /** "Police: 999 · In an emergency". */
    public String line() {
        StringBuilder b = new StringBuilder(name);
        if (phone != null && !phone.isBlank()) {
            b.append(": ").append(phone);
        }
        if (details != null && !details.isBlank()) {
            b.append(phone == null || phone.isBlank() ? ": " : " · ").append(details);
        }
        return b.toString();
    }
}
