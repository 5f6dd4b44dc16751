/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import uk.resolve.app.MailDraftIT;
import uk.resolve.forms.FormCases;
import uk.resolve.ui.UiTestSupport;

/** Prepare e-mail on a notification due: the draft is written off the UI thread and the worker told where. */
class PrepareEmailViewTest extends UiTestSupport {

    @Test
    void prepareEmailOnANotificationWritesTheDraftAndRecordsNothing() throws Exception {
        settle();
        UUID id = FormCases.croydonAtStage3(services, clock);
        int entries = services.cases().get(id).entries().size();
        onFx(() -> window.shell().showCase(id));
        settle();
        press("prepareEmail-cscb-business-team-3");

        // headless here, so no mail program opens: the worker is told where the draft is
        Matcher m = Pattern.compile("Saved the e-mail draft to (.+\\.eml)").matcher(screenText());
        assertThat(m.find()).as(screenText()).isTrue();
        MailDraftIT.Read read = MailDraftIT.read(Path.of(m.group(1)));
        assertThat(read.message().getHeader("X-Unsent")).containsExactly("1");
        assertThat(read.text()).contains("Notify the board").doesNotContain(FormCases.CHILD_REF);
        assertThat(present("markSent-cscb-business-team-3")).as("still to be marked sent by the worker").isTrue();
        assertThat(services.cases().get(id).entries()).hasSize(entries);
    }
}
