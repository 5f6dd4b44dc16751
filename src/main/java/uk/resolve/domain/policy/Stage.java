/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.List;

/**
 * One stage of a track.
 *
 * @param number        position in the track, from 1
 * @param label         how the procedure names it ("Stage 3"), or the title when unnumbered
 * @param title         what happens ("Escalate to senior managers")
 * @param participants  who takes part
 * @param guidance      what the procedure says to do, in plain words
 * @param checklist     the steps to tick off
 * @param contacts      ids of contacts relevant at this stage
 * @param deadlines     timescales at this stage (may be empty)
 * @param notifications who must be told at this stage
 * @param forms         forms due at this stage
 * @param finalArbiter  true when this stage is the final arbiter's decision
 * @param switches      changes of track the stage offers (a fast track, a branch)
 * @param items         the checklist with its rules ({@code checklist} holds their texts)
 */
public record Stage(int number, String label, String title, List<String> participants, String guidance,
                   List<String> checklist, List<String> contacts, List<DeadlineRule> deadlines,
                   List<NotificationRule> notifications, List<FormRule> forms, boolean finalArbiter,
                   List<TrackSwitch> switches, List<ChecklistItem> items) {

    public Stage {
        switches = switches == null ? List.of() : List.copyOf(switches);
        items = items == null ? checklist.stream().map(ChecklistItem::plain).toList() : List.copyOf(items);
        participants = List.copyOf(participants);
        checklist = List.copyOf(checklist);
        contacts = List.copyOf(contacts);
        deadlines = List.copyOf(deadlines);
        notifications = List.copyOf(notifications);
        forms = List.copyOf(forms);
    }

    public Stage(int number, String label, String title, List<String> participants, String guidance,
                 List<String> checklist, List<String> contacts, List<DeadlineRule> deadlines,
                 List<NotificationRule> notifications, List<FormRule> forms, boolean finalArbiter) {
        this(number, label, title, participants, guidance, checklist, contacts, deadlines, notifications, forms,
                finalArbiter, List.of(), null);
    }

    /** "Stage 3 — Escalate to senior managers". */
    public String heading() {
        return label.equals(title) ? title : label + " — " + title;
    }
}
