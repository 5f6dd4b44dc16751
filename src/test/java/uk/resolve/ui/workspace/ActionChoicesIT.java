/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.ComboBox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.Services;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.workspace.CaseAction;
import uk.resolve.security.Actor;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.support.Controls;
import uk.resolve.ui.support.Field;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every choice in an action's form keeps the code the record and the procedure use, whichever words
 * it shows: picked in the control the form is built with, the field holds the code, and submitting
 * records it. Real services on an H2 file.
 */
class ActionChoicesIT {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-12-14T09:00");

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyActionsChoiceReturnsItsCode() throws Exception {
        Path db = dir.resolve("resolve.mv.db");
        try (Services admin = Services.openUnencrypted(db, clock, new Actor("admin", Role.ADMINISTRATOR, "IT"))) {
            admin.policies().importFile(Path.of("src/test/resources/procedures/joint-protocol.yaml"), "admin");
        }
        try (Services s = Services.openUnencrypted(db, clock, Fixtures.actor("Test Worker"))) {
            UUID id = s.cases().open(new OpenCaseRequest("joint-protocol", "adults", "Q-1", null,
                    ChildStatus.CHILD_IN_NEED, "Worker", "GP practice", "Adult social care", null, "Thresholds",
                    "The safeguarding enquiry was closed.", null, null, false, 1, null, false, null)
                    .with(Fixtures.instant("2026-12-14T08:00"), Map.of("decision", Fixtures.instant("2026-12-13T09:00")),
                            Map.of())).id();
            CaseState c = s.cases().get(id);
            var policy = s.cases().policyOf(c);
            ActionForms forms = new ActionForms(s.cases(), null, policy);

            ActionForm discuss = forms.form(CaseAction.of(CaseAction.Kind.DISCUSS), c, clock.instant(), "k");
            assertThat(picked(discuss.field("method"))).containsExactly("phone", "meeting", "e-mail", "video", "other");

            ActionForm shorten = forms.form(CaseAction.of(CaseAction.Kind.SHORTEN), c, clock.instant(), "k");
            assertThat(picked(shorten.field("deadline"))).isNotEmpty().containsExactlyElementsOf(
                    c.deadlines().stream().filter(d -> !d.met()).map(DeadlineStatus::id).toList());

            ActionForm answer = forms.form(new CaseAction(CaseAction.Kind.ANSWER, new CaseAction.OnQuestion("urgency")),
                    c, clock.instant(), "k");
            assertThat(picked(answer.field("answer"))).containsExactly("urgent", "not-urgent");
            assertThat(answer.field("answer").choices()).extracting(Field.Choice::label).doesNotContain("urgent");

            // what is picked is what is recorded, with no words mapped back
            discuss.set("with", "Duty manager");
            discuss.set("summary", "Talked it through by video.");
            discuss.set("method", "video");
            assertThat(discuss.validate()).isTrue();
            CaseState after = forms.perform(id, discuss, c);
            assertThat(after.entries()).filteredOn(e -> e.type() == EntryType.DISCUSSION_RECORDED).last()
                    .satisfies(e -> assertThat(e.get("method")).isEqualTo("video"));
            answer.set("answer", "not-urgent");
            assertThat(answer.validate()).isTrue();
            assertThat(forms.perform(id, answer, after).context().facts()).containsEntry("urgency", "not-urgent");
        }
    }

    /** Picks each entry of the drop-down the form's field is shown with, and returns what the field held each time. */
    private static List<String> picked(Field<String> field) {
        List<String> codes = new java.util.ArrayList<>();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Field.Choice> box = (ComboBox<Field.Choice>) Controls.control(field);
            for (Field.Choice choice : box.getItems()) {
                box.setValue(choice);
                assertThat(box.getConverter().toString(choice)).isEqualTo(choice.label());
                codes.add(field.get());
            }
        }));
        return codes;
    }
}
