/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import uk.resolve.forms.FormCases;
import uk.resolve.ui.UiTestSupport;

/** A document on the record is listed in the case's chronology and opened from a temporary copy. */
class AttachmentViewTest extends UiTestSupport {

    @Test
    void anAttachedDocumentIsListedAndOpenWritesACopyNamedByTheCaseNumber() throws Exception {
        settle();
        UUID id = FormCases.croydonAtStage3(services, clock);
        byte[] pdf = "%PDF-1.4\nThe reply".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.createDirectories(folder.resolve("in")).resolve("reply.pdf");
        Files.write(file, pdf);
        services.attachments().attach(id, file, "Reply from the Head of Service");
        int entries = services.cases().get(id).entries().size();

        onFx(() -> window.shell().showCase(id));
        settle();
        assertThat(present("attachButton")).isTrue();
        assertThat(screenText()).contains("Document attached").contains("reply.pdf (1 KB): Reply from the Head of Service");
        press("open-attachment-1");
        settle();

        // headless here, so no viewer opens: the worker is told where the copy is
        Matcher m = Pattern.compile("a temporary copy is at (.+\\.pdf) until").matcher(screenText());
        assertThat(m.find()).as(screenText()).isTrue();
        Path copy = Path.of(m.group(1));
        assertThat(copy.getFileName().toString()).isEqualTo("case-" + id.toString().substring(0, 8) + "-1.pdf")
                .doesNotContain(FormCases.CHILD_REF);
        assertThat(Files.readAllBytes(copy)).isEqualTo(pdf);
        assertThat(services.cases().get(id).entries()).hasSize(entries);
    }
}
