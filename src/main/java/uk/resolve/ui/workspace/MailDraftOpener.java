/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;

import uk.resolve.app.MailDraftService;
import uk.resolve.domain.mail.MailDraft;
import uk.resolve.ui.support.Background;

/**
 * Prepare e-mail: writes the draft of a notification or a completed form to a temporary file (removed
 * when Resolve closes) and opens it with the system's mail program, all off the JavaFX thread.
 * Sending, and marking the notification sent, stay the worker's acts.
 */
public final class MailDraftOpener {

    private final MailDraftService drafts;
    private final Background background;

    public MailDraftOpener(MailDraftService drafts, Background background) {
        this.drafts = drafts;
        this.background = background;
    }

    /** The draft of notification {@code id} at {@code stage}; what happened goes to {@code said}. */
    public void notification(UUID caseId, String id, int stage, Consumer<String> said) {
        run(caseId, "notice-" + id, () -> drafts.notificationDraft(caseId, id, stage), said);
    }

    /** The draft sending the completed {@code formId} for {@code stage}. */
    public void form(UUID caseId, String formId, int stage, Consumer<String> said) {
        run(caseId, formId, () -> drafts.formDraft(caseId, formId, stage), said);
    }

    private void run(UUID caseId, String what, java.util.concurrent.Callable<MailDraft> make, Consumer<String> said) {
        background.run(() -> {
            MailDraft mail = make.call();
            Path dir = Files.createTempDirectory("resolve-mail-");
            dir.toFile().deleteOnExit();
            String name = "resolve-" + caseId.toString().substring(0, 8) + "-" + what.replaceAll("[^A-Za-z0-9-]+", "-")
                    + ".eml";
            MailDraftService.Draft d = drafts.write(caseId, mail, dir.resolve(name));
            d.file().toFile().deleteOnExit();
            return open(d);
        }, said, said);
    }

    private static String open(MailDraftService.Draft d) {
        String missing = d.mail().addressMissing() ? " The procedure gives no e-mail address for "
                + (d.mail().toName().isBlank() ? "the recipient" : d.mail().toName()) + ": fill in the To line." : "";
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(d.file().toFile());
                return "The e-mail draft is open in your mail program; check it and send it, then mark it sent."
                        + missing;
            } catch (IOException | RuntimeException e) {
                // no program for .eml files: say where the draft is instead
            }
        }
        return "Saved the e-mail draft to " + d.file() + "; open it with your mail program." + missing;
    }
}
