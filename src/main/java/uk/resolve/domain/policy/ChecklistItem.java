/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

/**
 * A step at a stage.
 *
 * @param id               how ticks name it (null for a plain item that cannot be ticked)
 * @param text             the step, as shown
 * @param beforeEscalating true when the case cannot be escalated from this stage until it is ticked
 * @param onMeeting        true when the step applies each time a meeting is recorded
 * @param when             when the step applies
 */
public record ChecklistItem(String id, String text, boolean beforeEscalating, boolean onMeeting, Condition when) {

    public ChecklistItem {
        when = when == null ? Condition.ALWAYS : when;
    }

    static ChecklistItem plain(String text) {
        return new ChecklistItem(null, text, false, false, Condition.ALWAYS);
    }
}
