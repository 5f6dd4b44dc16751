/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.mail;

import java.util.Objects;

/**
 * An e-mail for the worker to check and send from their own mail program.
 *
 * @param toName     who it is for, in words ("CSCB Business Team")
 * @param toAddress  their e-mail address, or null when the procedure gives none (the worker fills it in)
 * @param subject    the subject line
 * @param body       the plain-text body
 * @param attachment a file to attach, or null
 */
public record MailDraft(String toName, String toAddress, String subject, String body, Attachment attachment) {

    /** A file attached to the draft. */
    public record Attachment(String fileName, String contentType, byte[] bytes) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    public MailDraft {
        toName = Objects.requireNonNullElse(toName, "");
        toAddress = toAddress == null || toAddress.isBlank() ? null : toAddress.strip();
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /** True when the worker must fill in the address. */
    public boolean addressMissing() {
        return toAddress == null;
    }
}
