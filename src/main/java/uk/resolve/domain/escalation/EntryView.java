/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.resolve.domain.record.EntryType;

/**
 * An entry of the case record as people read it, worded once ({@link EntryWording}) for the workspace,
 * the chronology PDF and the command line alike: people by their display names, the procedure's own
 * titles rather than its internal ids.
 *
 * @param entryId       the entry
 * @param type          what kind of entry it is
 * @param title         what kind of entry it is, as a heading: "Discussion recorded", "Escalated to stage 3"
 * @param happenedAt    when the event happened
 * @param writtenAt     when it was written down
 * @param stage         the stage the entry belongs to: the stage it was written at (an escalation: the stage
 *                      it left)
 * @param authorLogin   the author's sign-in name (to compare with the person signed in; never shown)
 * @param author        the author's display name
 * @param what          what happened, in one sentence or the entry's own text as first written
 * @param details       further lines, each a label and a value ("Evidence", "…")
 * @param corrections   corrections pointing at this entry, oldest first
 * @param approvals     approvals and signatures of this entry, oldest first
 * @param recordedLater true when written more than a day after the event it records
 */
public record EntryView(UUID entryId, EntryType type, String title, Instant happenedAt, Instant writtenAt, int stage,
                        String authorLogin, String author, String what, List<Line> details,
                        List<Note> corrections, List<Note> approvals, boolean recordedLater) {

    public EntryView {
        details = List.copyOf(details);
        corrections = List.copyOf(corrections);
        approvals = List.copyOf(approvals);
    }

    /** A line of detail: "Evidence: …"; a line with an empty label is a statement on its own. */
    public record Line(String label, String value) {

        /** How the line reads on its own. */
        public String text() {
            return label.isEmpty() ? value : label + ": " + value;
        }
    }

    /**
     * A correction or an approval: who, when and why in {@code heading}, any text it adds in
     * {@code text} (empty when none); {@code byLogin} is its author's sign-in name.
     */
    public record Note(String heading, String text, String byLogin) {
    }

    /** The kind of entry as a heading: "Discussion recorded"; the same as {@link #title()}. */
    public String kind() {
        return title;
    }

    /** The entry's main text after its latest correction. */
    public String currentText() {
        return corrections.isEmpty() ? what : corrections.get(corrections.size() - 1).text();
    }

    public boolean corrected() {
        return !corrections.isEmpty();
    }
}
