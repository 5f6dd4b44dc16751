/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

/** A category of disagreement named by the procedure ("Levels of need"). */
public record Category(String id, String label) {
}
