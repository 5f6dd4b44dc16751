/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.util.Arrays;
import java.util.Optional;

/** What an entry in a case record says happened. */
public enum EntryType {
    CASE_OPENED("case-opened", "Concern raised"),
    DISCUSSION_RECORDED("discussion", "Discussion recorded"),
    RECORD_APPROVED("approved", "Record approved"),
    DEADLINE_SHORTENED("deadline-shortened", "Deadline shortened"),
    ESCALATED("escalated", "Escalated"),
    NOTIFICATION_SENT("notification-sent", "Notification sent"),
    FORM_COMPLETED("form-completed", "Form completed"),
    FORM_SIGNED("form-signed", "Form signed"),
    RESOLVED("resolved", "Resolved"),
    WITHDRAWN("withdrawn", "Withdrawn"),
    REOPENED("reopened", "Reopened"),
    CORRECTION("correction", "Correction");

    private final String code;
    private final String label;

    EntryType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The stable name stored in the database and in exports. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<EntryType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
