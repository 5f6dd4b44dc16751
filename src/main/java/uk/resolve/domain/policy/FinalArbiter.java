/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

/**
 * Who decides when everything else has failed.
 *
 * @param title           "Resolution Panel", "Chair of the HSCB"
 * @param description     how it works
 * @param binding         whether its decision binds every organisation involved
 * @param minimumAgencies the least number of agencies on a panel; 0 when not a panel
 */
public record FinalArbiter(String title, String description, boolean binding, int minimumAgencies) {
}
