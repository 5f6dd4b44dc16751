/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.mail;

import java.util.Optional;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.NotificationStatus;
import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;

/**
 * The words of the e-mails Resolve drafts: to the procedure's contact, with a subject and a short
 * body saying what it is and why. Subjects never name the child (they show in inboxes and on
 * screens); a notification's body never does either, nor does the body for an anonymous form such
 * as Croydon's Appendix A. Only the body sending a form that itself identifies the child (a
 * monitoring form) gives the agency's reference, so that the recipient can match it.
 */
public final class MailDrafts {

    private MailDrafts() {
    }

    /** The case number people see in lists: the first 8 characters of its id. */
    public static String caseNumber(CaseState c) {
        return c.id().toString().substring(0, 8);
    }

    /** A draft sending the completed {@code form} for {@code stage}, with {@code pdf} attached (may be null). */
    public static MailDraft form(CaseState c, Policy p, FormDefinition form, int stage, MailDraft.Attachment pdf) {
        Optional<Contact> to = Optional.ofNullable(form.recipient()).flatMap(p::contact);
        String subject = form.title() + " — Resolve case " + caseNumber(c) + ", stage " + stage;
        StringBuilder body = new StringBuilder();
        body.append(greeting(to.map(Contact::name).orElse(null))).append("\n\n");
        body.append("Please find attached the ").append(form.title()).append(" for ").append(stageHeading(p, c, stage))
                .append(" of a professional disagreement under the ").append(p.name()).append(".\n");
        if (form.description() != null && !form.description().isBlank()) {
            body.append('\n').append(form.description().strip()).append('\n');
        }
        body.append("\nResolve case number: ").append(caseNumber(c)).append('\n');
        if (form.anonymous()) {
            body.append("As the procedure requires, neither this e-mail nor the form gives details of any child or"
                    + " family.\n");
        } else {
            body.append("Child (agency reference): ").append(c.details().childRef()).append('\n');
        }
        return new MailDraft(to.map(Contact::name).orElse(""), to.map(Contact::email).orElse(null), subject,
                body.toString(), pdf);
    }

    /**
     * A draft of the notification {@code n}; {@code form} and {@code pdf} are the completed form that goes
     * with it (same stage, same recipient), or null.
     */
    public static MailDraft notification(CaseState c, Policy p, NotificationStatus n, FormDefinition form,
                                         MailDraft.Attachment pdf) {
        Optional<Contact> contact = Optional.ofNullable(n.contact()).flatMap(p::contact);
        String subject = p.shortName() + " escalation: " + n.to() + " — Resolve case " + caseNumber(c)
                + (n.stage() > 0 ? ", stage " + n.stage() : "");
        StringBuilder body = new StringBuilder();
        body.append(greeting(contact.map(Contact::name).orElse(n.to()))).append("\n\n");
        body.append("I am writing under the ").append(p.name()).append(", at ")
                .append(n.stage() > 0 ? stageHeading(p, c, n.stage()) : "the start of the process").append(".\n\n");
        body.append(n.purpose().strip()).append('\n');
        if (form != null && pdf != null) {
            body.append("\nThe ").append(form.title()).append(" is attached.\n");
        } else if (form != null) {
            body.append("\nThe ").append(form.title()).append(" has not been completed yet; complete it in Resolve"
                    + " and send it too.\n");
        }
        body.append("\nResolve case number: ").append(caseNumber(c)).append('\n');
        return new MailDraft(contact.map(Contact::name).orElse(n.to()), contact.map(Contact::email).orElse(null),
                subject, body.toString(), pdf);
    }

    private static String greeting(String name) {
        return name == null || name.isBlank() ? "Hello," : "Dear " + name + ",";
    }

    private static String stageHeading(Policy p, CaseState c, int stage) {
        return p.track(c.trackId()).flatMap(t -> t.stage(stage)).map(Stage::heading).orElse("stage " + stage);
    }
}
