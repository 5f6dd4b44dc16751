/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.workspace;

import java.util.List;
import java.util.UUID;

import uk.resolve.domain.escalation.EntryView;
import uk.resolve.domain.escalation.FormStatus;

/**
 * Everything the case workspace shows, in words, made by {@link WorkspacePresenter}: the header, the
 * stage now, the stages as a timeline, what is due, the questions and routes the procedure offers, and
 * the chronology, each item with the actions the person may take on it.
 */
public record CaseScreen(Header header, Now now, List<StageItem> stages, List<Step> checklist, List<Contact> contacts,
                         List<Question> questions, List<RouteChange> switches, List<Deadline> deadlines,
                         List<Notification> notifications, List<Form> forms, List<EntryRow> chronology) {

    public CaseScreen {
        stages = List.copyOf(stages);
        checklist = List.copyOf(checklist);
        contacts = List.copyOf(contacts);
        questions = List.copyOf(questions);
        switches = List.copyOf(switches);
        deadlines = List.copyOf(deadlines);
        notifications = List.copyOf(notifications);
        forms = List.copyOf(forms);
        chronology = List.copyOf(chronology);
    }

    /** The case at a glance; {@code route} is empty when the procedure has one route only. */
    public record Header(String title, String subtitle, String route, String status, String concern, boolean open,
                         boolean canEscalate, String escalateLabel, boolean sample, boolean immediateRisk,
                         boolean overdue) {
    }

    /**
     * The stage the case is at: its heading, who takes part, guidance, the final arbiter's words on the last
     * stage, and what an immediate-risk case asks for now.
     */
    public record Now(String heading, String participants, String guidance, String arbiter, boolean actNow,
                      String actNowInstruction, List<Contact> actNowContacts, boolean bringForward) {

        public Now {
            actNowContacts = List.copyOf(actNowContacts);
        }
    }

    /** Where a stage stands on the timeline. */
    public enum StageState {
        DONE("Done"), CURRENT("Now"), SKIPPED("Skipped"), TO_COME("To come");

        private final String word;

        StageState(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public record StageItem(int number, String label, String title, StageState state, String detail) {

        /** "Stage 2 · Now". */
        public String heading() {
            return label + " · " + state.word();
        }

        public String accessibleText() {
            return label + ", " + state.word() + ": " + title + ". " + detail;
        }
    }

    /**
     * A step of the stage's checklist: {@code key} is the procedure's step id for a step kept in the
     * record ({@code recorded}), else where the person's own tick is kept on this computer.
     */
    public record Step(String key, String text, boolean done, boolean recorded) {
    }

    public record Contact(String name, String details) {

        public String text() {
            return details.isBlank() ? name : name + ": " + details;
        }
    }

    /** A question or date of the procedure; {@code due} when it is asked at this stage and not yet answered. */
    public record Question(String id, String label, boolean date, String answer, boolean due, CaseAction action) {

        /** How it reads in the list: the label and the answer, or that none is given yet. */
        public String text() {
            return due ? label : label + " " + (answer.isEmpty() ? (date ? "Not given yet." : "Not answered yet.")
                    : answer);
        }

        /** What its button says: Answer, Give date or Change. */
        public String verb() {
            return answer.isEmpty() ? (date ? "Give date" : "Answer") : "Change";
        }
    }

    public record RouteChange(String to, String label, String trackName, boolean reasonRequired, CaseAction action) {
    }

    /**
     * A deadline in force: {@code met} says when it was met and whether on time, empty while open;
     * {@code done} is the action that marks it met, or null when it cannot be.
     */
    public record Deadline(String id, String label, String due, String describe, boolean overdue,
                           String shortenedReason, String met, CaseAction done) {

        public boolean isMet() {
            return !met.isEmpty();
        }

        public String text() {
            return label + ": " + due + (isMet() ? ", " + met : " (" + describe + ")")
                    + (shortenedReason == null ? "" : "\nBrought forward: " + shortenedReason);
        }
    }

    public record Notification(String id, int stage, String to, String purpose, String due, boolean sent,
                               String sentText, CaseAction markSent) {

        public String text() {
            return to + (stage > 0 ? " (stage " + stage + ")" : "") + ": " + purpose
                    + (sent ? "\n" + sentText : "\nDue " + due);
        }
    }

    public record Form(String form, String title, int stage, String action, boolean completed) {

        /** "Appendix A (stage 3): to be completed". */
        public String text() {
            return FormStatus.describe(title, stage, action, completed);
        }
    }

    /**
     * An entry of the chronology with the actions the person may take on it ({@code approve},
     * {@code sign}, {@code correct}: null when not open to them) and its attachment's number (0: none).
     */
    public record EntryRow(EntryView view, String when, CaseAction approve, CaseAction sign, CaseAction correct,
                           int attachment) {

        public UUID entryId() {
            return view.entryId();
        }

        /** "12 Jan 2027, 10:00 · Discussion recorded · stage 1 · Sam Lee". */
        public String heading() {
            return when + " · " + view.kind() + " · stage " + view.stage() + " · " + view.author();
        }
    }
}
