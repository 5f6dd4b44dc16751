/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.EntryType;
import uk.resolve.ui.workspace.ActionForm;
import uk.resolve.ui.workspace.WorkspaceController;

import static org.assertj.core.api.Assertions.assertThat;

/** Events are recorded with when they happened, from the disagreement's date on; late write-ups are shown. */
class WhenItHappenedViewTest extends EscalationJourney {

    private UUID openArisenYesterday() {
        settle();
        UUID id = services.cases().open(new OpenCaseRequest("croydon", null, "WH-1", null, ChildStatus.CHILD_IN_NEED,
                "Worker", "Oak Primary School", "Children's Social Care", null,
                services.policies().require("croydon").categories().get(0).label(),
                "The referral was closed without an assessment.", null, null, false, 1, null, false, null)
                .with(Instant.parse("2026-12-13T08:00:00Z"), Map.of(), Map.of())).id();
        onFx(() -> window.shell().showCase(id));
        settle();
        return id;
    }

    private ActionForm form() {
        return ((WorkspaceController) window.shell().current()).viewModel().actionProperty().get();
    }

    private void when(String date, String time) {
        onFx(() -> {
            form().set("date", date);
            form().set("time", time);
        });
        settle();
    }

    @Test
    void aDiscussionBeforeTheDisagreementOrInTheFutureIsRefusedAndOneWrittenUpADayLaterIsShownAsRecordedLater() {
        UUID id = openArisenYesterday();
        press("discussButton");
        type("field-with", "Duty social worker");
        type("field-summary", "We talked through the threshold decision.");
        when("2026-12-12", "16:00");
        press("submitAction");
        assertThat(allText("actionPanel")).contains("That is before the disagreement arose (13 Dec 2026, 08:00)");
        when("2026-12-14", "11:00");
        assertThat(allText("actionPanel")).contains("That is in the future.");
        assertThat(stored(id).entries()).noneMatch(e -> e.type() == EntryType.DISCUSSION_RECORDED);

        when("2026-12-13", "08:30");
        press("submitAction");
        assertThat(present("submitAction")).isFalse();
        var held = stored(id).entries().stream().filter(e -> e.type() == EntryType.DISCUSSION_RECORDED).findFirst()
                .orElseThrow();
        assertThat(held.happenedAt()).isEqualTo(Instant.parse("2026-12-13T08:30:00Z"));
        assertThat(allText("entry-" + held.id())).contains("13 Dec 2026, 08:30 (recorded later, on 14 Dec 2026, 09:00)");
    }

    @Test
    void aDiscussionWrittenUpTheSameDayIsNotMarkedRecordedLater() {
        UUID id = openArisenYesterday();
        press("discussButton");
        type("field-with", "Duty social worker");
        type("field-summary", "We talked this morning.");
        when("2026-12-14", "08:00");
        press("submitAction");
        var held = stored(id).entries().stream().filter(e -> e.type() == EntryType.DISCUSSION_RECORDED).findFirst()
                .orElseThrow();
        assertThat(allText("entry-" + held.id())).contains("14 Dec 2026, 08:00").doesNotContain("recorded later");
    }
}
