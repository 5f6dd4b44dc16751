/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

/**
 * A form the procedure requires (Appendix A, a monitoring form).
 *
 * @param id          unique within the procedure
 * @param title       the form's title
 * @param description what it is for
 * @param completedBy who completes it
 * @param recipient   contact id of where it is sent, or null when it stays on file
 * @param anonymous   true when it must contain no details of any child or family
 */
public record FormDefinition(String id, String title, String description, String completedBy,
                             String recipient, boolean anonymous) {
}
