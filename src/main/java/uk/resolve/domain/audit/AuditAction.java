/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an audit event records. */
public enum AuditAction {
    SIGN_IN("sign-in", "Signed in"),
    SIGN_OUT("sign-out", "Signed out"),
    SIGN_IN_FAILED("sign-in-failed", "Failed sign-in"),
    SESSION_LOCKED("locked", "Session locked"),
    SESSION_UNLOCKED("unlocked", "Session unlocked"),
    PASSWORD_CHANGED("password-changed", "Password changed"),
    CASE_VIEWED("case-viewed", "Case opened for viewing"),
    CASE_OPENED("case-opened", "Case opened"),
    CASE_SHARED("case-shared", "Case shared"),
    FORM_PRINTED("form-printed", "Form printed"),
    FORM_SAVED("form-saved", "Form saved as PDF"),
    EXPORT("export", "Export"),
    IMPORT("import", "Import"),
    SYNC("sync", "Sync"),
    TEAM_KEY_SET_UP("team-key-set-up", "Team key set up"),
    TEAM_JOINED("team-joined", "Joined the team's shared file"),
    TEAM_JOIN_FAILED("team-join-failed", "Failed to join the team's shared file"),
    REPORT("report", "Report produced"),
    PROCEDURE_IMPORTED("procedure-imported", "Procedure imported"),
    PROCEDURE_REMOVED("procedure-removed", "Procedure removed"),
    SETTINGS_CHANGED("settings-changed", "Settings changed"),
    USER_ADDED("user-added", "User added"),
    USER_CHANGED("user-changed", "User changed"),
    USER_REMOVED("user-removed", "User removed"),
    PASSWORD_RESET("password-reset", "Password reset"),
    DATABASE_ENCRYPTED("database-encrypted", "Database encrypted"),
    AUDIT_EXPORTED("audit-exported", "Audit log exported"),
    ENTRY_QUARANTINED("entry-quarantined", "Entry set aside in quarantine"),
    QUARANTINE_CLEARED("quarantine-cleared", "Quarantine cleared"),
    QUARANTINE_RELEASED("quarantine-released", "Entry released from quarantine"),
    QUARANTINE_DISCARDED("quarantine-discarded", "Entry discarded from quarantine"),
    ATTACHMENT_SAVED("attachment-saved", "Attached document saved or opened");

    private final String code;
    private final String label;

    AuditAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    private static final Map<String, AuditAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::code, a -> a));

    public static Optional<AuditAction> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
