/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;

import uk.resolve.app.AttachmentService;
import uk.resolve.domain.attachment.Attachment;
import uk.resolve.ui.support.Background;

/**
 * Attach a document and Open an attached one, off the JavaFX thread. Opening hands a temporary copy
 * (named by the case number, removed when Resolve closes) to the system's viewer for its kind of
 * file; Resolve never runs it.
 */
public final class AttachmentOpener {

    private final AttachmentService attachments;
    private final Background background;

    public AttachmentOpener(AttachmentService attachments, Background background) {
        this.attachments = attachments;
        this.background = background;
    }

    /** Puts {@code file} on the case's record; {@code done} hears what happened, {@code failed} why not. */
    public void attach(UUID caseId, Path file, String note, Consumer<String> done, Consumer<String> failed) {
        background.run(() -> {
            Attachment a = attachments.attach(caseId, file, note);
            return "Attached " + a.describe() + " to the case's record.";
        }, done, failed);
    }

    /** Opens attachment {@code number} with the system's viewer; {@code said} hears what happened. */
    public void open(UUID caseId, int number, Consumer<String> said) {
        background.run(() -> {
            Path copy = attachments.temporaryCopy(caseId, number);
            return view(copy);
        }, said, said);
    }

    private static String view(Path copy) {
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(copy.toFile());
                return "The document is open in your viewer. Its temporary copy is removed when Resolve closes.";
            } catch (IOException | RuntimeException e) {
                // no viewer for this kind of file: say where the copy is instead
            }
        }
        return "No viewer opened it; a temporary copy is at " + copy + " until Resolve closes.";
    }
}
