/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

/**
 * Someone the procedure tells workers to contact. Any field but {@code id} and {@code name} may be
 * null.
 *
 * @param group a heading to list the contact under ("Health", "Police")
 */
public record Contact(String id, String name, String role, String organisation, String group,
                      String email, String phone, String notes) {
}
