/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;

/**
 * A form the procedure requires for this case.
 *
 * @param form        the form's id
 * @param title       its title
 * @param stage       the stage that made it due
 * @param action      "complete" or "update"
 * @param completedAt when a version for this stage was completed, or null
 * @param entryId     the entry holding that version, or null
 */
public record FormStatus(String form, String title, int stage, String action, Instant completedAt, String entryId) {

    public boolean completed() {
        return completedAt != null;
    }

    /**
     * What is due, in words that cannot be read as a contradiction: "Appendix A (stage 3): to be
     * completed", "… an update is due", "… completed", "… updated".
     */
    public static String describe(String title, int stage, String action, boolean completed) {
        boolean update = "update".equals(action);
        String state = completed ? (update ? "updated" : "completed") : (update ? "an update is due" : "to be completed");
        return title + " (stage " + stage + "): " + state;
    }
}
