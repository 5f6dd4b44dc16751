/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.FormStatus;
import uk.resolve.domain.escalation.NotificationStatus;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.mail.EmlWriter;
import uk.resolve.domain.mail.MailDraft;
import uk.resolve.domain.mail.MailDrafts;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.time.UkTime;
import uk.resolve.forms.FilledForm;

/**
 * E-mail drafts (.eml) of a completed form or a notification due, to the procedure's contact, with
 * the form's PDF attached, for the worker to check and send from their own mail program. Writing a
 * draft records nothing in the case: marking the notification sent stays the worker's act.
 */
public final class MailDraftService {

    /** A draft written to {@code file}. */
    public record Draft(Path file, MailDraft mail) {

        /** What to tell the worker: where it is, and when they must fill in the address. */
        public String message() {
            return "Wrote the e-mail draft to " + file + "." + (mail.addressMissing()
                    ? " The procedure gives no e-mail address for " + (mail.toName().isBlank() ? "the recipient"
                    : mail.toName()) + ": fill in the To line before sending." : "");
        }
    }

    private final CaseService cases;
    private final FormService forms;
    private final AuditLog audit;

    public MailDraftService(CaseService cases, FormService forms, AuditLog audit) {
        this.cases = cases;
        this.forms = forms;
        this.audit = audit;
    }

    /** The draft sending the latest completed version of {@code formId} for {@code stage} (0: the usual stage). */
    public MailDraft formDraft(UUID caseId, String formId, int stage) {
        CaseState c = cases.get(caseId);
        Policy p = cases.policyOf(c);
        FormDefinition def = forms.definition(caseId, formId);
        FilledForm filled = forms.completedVersion(caseId, formId, stage).orElseThrow(() -> new RuleViolation(
                "The " + def.title() + " has not been completed" + (stage > 0 ? " for stage " + stage : "")
                        + " yet, so there is nothing to e-mail. Complete it first."));
        return MailDrafts.form(c, p, def, filled.stage(), attachment(c, filled));
    }

    /**
     * The draft of notification {@code notificationId} (at {@code stage}, or 0 for the latest one due),
     * with the completed form that goes to the same contact at that stage attached.
     */
    public MailDraft notificationDraft(UUID caseId, String notificationId, int stage) {
        CaseState c = cases.get(caseId);
        Policy p = cases.policyOf(c);
        List<NotificationStatus> matching = c.notifications().stream().filter(n -> n.id().equals(notificationId))
                .filter(n -> stage <= 0 || n.stage() == stage).toList();
        NotificationStatus n = matching.stream().filter(x -> !x.sent()).max(Comparator.comparingInt(NotificationStatus::stage))
                .or(() -> matching.stream().max(Comparator.comparingInt(NotificationStatus::stage)))
                .orElseThrow(() -> new RuleViolation("This case has no notification '" + notificationId + "'"
                        + (stage > 0 ? " at stage " + stage : "") + ". Its notifications are: "
                        + String.join(", ", c.notifications().stream().map(x -> x.id() + " (stage " + x.stage() + ")")
                        .distinct().toList()) + (c.notifications().isEmpty() ? "none yet" : "") + "."));
        Optional<FormDefinition> form = c.forms().stream().filter(f -> f.stage() == n.stage())
                .map(f -> p.form(f.form())).flatMap(Optional::stream)
                .filter(d -> d.recipient() != null && d.recipient().equals(n.contact())).findFirst();
        MailDraft.Attachment pdf = form.flatMap(d -> c.forms().stream()
                        .filter(f -> f.form().equals(d.id()) && f.stage() == n.stage()).filter(FormStatus::completed)
                        .findFirst())
                .flatMap(f -> forms.completedVersion(caseId, f.form(), f.stage()))
                .map(filled -> attachment(c, filled)).orElse(null);
        return MailDrafts.notification(c, p, n, form.orElse(null), pdf);
    }

    /** Writes {@code draft} of case {@code caseId} to {@code file}; a file that cannot be written is refused. */
    public Draft write(UUID caseId, MailDraft draft, Path file) {
        byte[] eml = EmlWriter.write(draft, cases.now().atZone(UkTime.ZONE));
        Path written = OutputFiles.write(file, eml, "the e-mail draft");
        audit.record(AuditAction.EXPORT, caseId.toString(), "e-mail draft: " + draft.subject());
        return new Draft(written, draft);
    }

    /** A file name for a draft that says nothing about the child: {@code resolve-1a2b3c4d-appendix-a.eml}. */
    public static String fileName(CaseState c, String what) {
        return "resolve-" + MailDrafts.caseNumber(c) + "-" + what.replaceAll("[^A-Za-z0-9-]+", "-") + ".eml";
    }

    private MailDraft.Attachment attachment(CaseState c, FilledForm filled) {
        FormService.Rendered r = forms.render(filled, false, false);
        String name = filled.definition().id() + "_" + MailDrafts.caseNumber(c) + "_" + filled.date() + ".pdf";
        return new MailDraft.Attachment(name, "application/pdf", r.pdf());
    }
}
