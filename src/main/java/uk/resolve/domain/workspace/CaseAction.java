/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.workspace;

import java.util.UUID;

/**
 * An action a person can take on a case, with what it is about: an entry, a deadline, a notification
 * at a stage, a question of the procedure or a route. Typed, so that nothing is taken apart from a string.
 */
public record CaseAction(Kind kind, Target target) {

    /** The actions on a case. */
    public enum Kind {
        DISCUSS, ESCALATE, RESOLVE, WITHDRAW, REOPEN, SHORTEN, APPROVE, CORRECT, MARK_SENT, SHARE, SIGN_FORM,
        RISK_ACTION, MET, ANSWER, DATE, SWITCH
    }

    /** What an action is about. */
    public sealed interface Target {
        /** A stable text for where its draft is kept; never shown. */
        String key();
    }

    /** The case as a whole. */
    public record OnCase() implements Target {
        @Override
        public String key() {
            return "";
        }
    }

    public record OnEntry(UUID entryId) implements Target {
        @Override
        public String key() {
            return entryId.toString();
        }
    }

    /** A deadline in force, by its rule's id; an unnamed one lets the person choose. */
    public record OnDeadline(String deadlineId) implements Target {
        @Override
        public String key() {
            return deadlineId == null ? "" : deadlineId;
        }
    }

    public record OnNotification(String notificationId, int stage) implements Target {
        @Override
        public String key() {
            return notificationId + "-" + stage;
        }
    }

    /** One of the procedure's questions or dates, by its id. */
    public record OnQuestion(String questionId) implements Target {
        @Override
        public String key() {
            return questionId;
        }
    }

    public record OnRoute(String trackId) implements Target {
        @Override
        public String key() {
            return trackId;
        }
    }

    /** An action on the case as a whole. */
    public static CaseAction of(Kind kind) {
        return new CaseAction(kind, new OnCase());
    }

    public static CaseAction on(Kind kind, Target target) {
        return new CaseAction(kind, target);
    }

    /** The entry it is about; fails for an action about anything else. */
    public UUID entryId() {
        return ((OnEntry) target).entryId();
    }
}
