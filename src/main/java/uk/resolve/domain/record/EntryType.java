/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
    CORRECTION("correction", "Correction"),
    CASE_SHARED("shared", "Shared with a colleague"),
    DATE_RECORDED("date", "Date recorded"),
    DEADLINE_MET("deadline-met", "Deadline met"),
    FACT_ANSWERED("fact", "Question answered"),
    TRACK_SWITCHED("track-switched", "Route changed"),
    CHECKLIST_TICKED("ticked", "Step done"),
    RISK_ACTION("risk-action", "Action taken for immediate risk"),
    ATTACHMENT_ADDED("attachment", "Document attached"),
    /** A person's public keys registered (or withdrawn); not about any case, see {@link KeyDirectory}. */
    PERSON_KEYS("person-keys", "Keys registered"),
    /** A case key wrapped for one person entitled to the case, see {@link CaseKeyGrant}. */
    CASE_KEY("case-key", "Case key granted"),
    /** The partnership's report key published, or wrapped for one business-team person, see {@link ReportKeyEntry}. */
    REPORT_KEY("report-key", "Report key");

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

    private static final Map<String, EntryType> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EntryType::code, t -> t));

    public static Optional<EntryType> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
