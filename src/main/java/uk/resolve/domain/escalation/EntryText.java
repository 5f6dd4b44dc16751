/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import uk.resolve.domain.record.Entry;

/** The fields of each kind of entry, and which one holds its main text. */
public final class EntryText {

    public static final String POLICY = "policy";
    public static final String POLICY_VERSION = "policyVersion";
    public static final String TRACK = "track";
    public static final String START_STAGE = "startStage";
    public static final String CHILD_REF = "childRef";
    public static final String CHILD_NAME = "childName";
    public static final String CHILD_STATUS = "childStatus";
    public static final String RAISED_BY = "raisedBy";
    public static final String RAISED_AGENCY = "raisedAgency";
    public static final String OTHER_AGENCY = "otherAgency";
    public static final String OTHER_PROFESSIONAL = "otherProfessional";
    public static final String CATEGORY = "category";
    public static final String CONCERN = "concern";
    public static final String EVIDENCE = "evidence";
    public static final String OUTCOME_WANTED = "outcomeWanted";
    public static final String IMMEDIATE_RISK = "immediateRisk";
    public static final String REASON = "reason";
    public static final String SAMPLE = "sample";

    public static final String STAGE = "stage";
    public static final String TO_STAGE = "toStage";
    public static final String WITH = "with";
    public static final String METHOD = "method";
    public static final String SUMMARY = "summary";
    public static final String ACTIONS = "actions";
    public static final String RESOLVED = "resolved";
    public static final String ENTRY = "entry";
    /** On a form signature: the signature block it fills, its title, and the signer's role and agency. */
    public static final String BLOCK = "block";
    public static final String BLOCK_TITLE = "block-title";
    public static final String SIGNER_ROLE = "signer-role";
    public static final String SIGNER_AGENCY = "signer-agency";
    public static final String NOTE = "note";
    public static final String DEADLINE = "deadline";
    public static final String DUE = "due";
    public static final String NOTIFICATION = "notification";
    public static final String FORM = "form";
    public static final String VERSION = "version";
    public static final String CONTENT = "content";
    public static final String SIGNER = "signer";
    public static final String OUTCOME = "outcome";
    public static final String OUTSTANDING = "outstanding";
    public static final String LEARNING = "learning";
    public static final String TEXT = "text";
    /** When the disagreement arose: the decision or action challenged (ISO instant). */
    public static final String AROSE = "arose";
    /** Prefix of a dated fact given at opening: {@code date.decision}. */
    public static final String DATE_PREFIX = "date.";
    /** Prefix of a fact answered at opening: {@code fact.iro}. */
    public static final String FACT_PREFIX = "fact.";
    public static final String ID = "id";
    public static final String VALUE = "value";
    public static final String ITEM = "item";
    /** The meeting (its entry id) a step asked for at every meeting was ticked for. */
    public static final String MEETING = "meeting";

    private EntryText() {
    }

    /** The field a correction replaces: the main text of each kind of entry. */
    public static String primaryField(Entry e) {
        return switch (e.type()) {
            case CASE_OPENED -> CONCERN;
            case DISCUSSION_RECORDED -> SUMMARY;
            case ESCALATED, DEADLINE_SHORTENED, WITHDRAWN, REOPENED -> REASON;
            case CORRECTION -> TEXT;
            case RESOLVED -> OUTCOME;
            case RECORD_APPROVED, NOTIFICATION_SENT, FORM_SIGNED, CASE_SHARED, DEADLINE_MET, CHECKLIST_TICKED,
                    ATTACHMENT_ADDED, PERSON_KEYS, CASE_KEY, REPORT_KEY -> NOTE;
            case DATE_RECORDED, FACT_ANSWERED -> VALUE;
            case TRACK_SWITCHED -> REASON;
            case RISK_ACTION -> TEXT;
            case FORM_COMPLETED -> FORM;
        };
    }

    public static String primary(Entry e) {
        return e.get(primaryField(e), "");
    }
}
