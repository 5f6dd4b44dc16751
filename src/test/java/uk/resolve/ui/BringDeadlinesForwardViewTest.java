/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For a child at immediate risk under a procedure with no fast track or shorter timescales, the
 * workspace asks the worker to bring deadlines forward; a met deadline is never offered for it.
 */
class BringDeadlinesForwardViewTest extends EscalationJourney {

    private boolean asAdministrator;
    private final A11yAudit audit = new A11yAudit();

    @Override
    protected uk.resolve.security.Actor actor() {
        return asAdministrator ? new uk.resolve.security.Actor("admin", uk.resolve.security.Role.ADMINISTRATOR, "IT")
                : super.actor();
    }

    private UUID open(String policyId, String trackId, boolean risk) {
        settle();
        var p = services.policies().require(policyId);
        OpenCaseRequest r = new OpenCaseRequest(policyId, trackId, "BF-1", null, ChildStatus.CHILD_IN_NEED, "Worker",
                "Oak Primary School", "Children's Social Care", null, p.categories().get(0).label(),
                "Disclosure of harm at home; no strategy discussion.", null, null, risk, 1, null, false, null);
        if (!p.dates().isEmpty()) {
            r = r.with(Instant.parse("2026-12-14T08:00:00Z"), Map.of("decision", Instant.parse("2026-12-13T00:00:00Z")),
                    Map.of());
        }
        UUID id = services.cases().open(r).id();
        onFx(() -> window.shell().showCase(id));
        settle();
        return id;
    }

    private void importJoint() throws Exception {
        asAdministrator = true;
        restart();
        services.policies().importFile(Path.of("src/test/resources/procedures/joint-protocol.yaml"), "admin");
        asAdministrator = false;
        restart();
    }

    @Test
    void anImmediateRiskCaseWithoutRiskTimescalesIsAskedToBringDeadlinesForwardUntilOneIs() {
        UUID id = open("croydon", null, true);
        assertThat(present("bringForwardPanel")).isTrue();
        assertThat(text("bringForwardText")).contains("no fast track and no shorter timescales");
        assertThat(present("actNowPanel")).as("beside the Act now panel, not instead of it").isTrue();

        press("bringForwardPrompt");
        assertThat(present("submitAction")).as("a form in the page, not a dialog").isTrue();
        DatePicker due = node("field-due");
        onFx(() -> due.setValue(LocalDate.of(2026, 12, 15)));
        fill("field-reason", "The child goes home tonight; managers must speak tomorrow.");
        press("submitAction");
        assertThat(present("submitAction")).as("saved: " + screenText()).isFalse();

        DeadlineStatus d = stored(id).deadlines().get(0);
        assertThat(d.shortenedReason()).isNotNull();
        assertThat(present("bringForwardPanel")).as("the request goes once a deadline is brought forward").isFalse();
        assertThat(text("deadline-" + d.id())).contains("15 Dec 2026", "Brought forward");
    }

    @Test
    void aCaseWithoutImmediateRiskIsNotAsked() {
        open("croydon", null, false);
        assertThat(present("bringForwardPanel")).isFalse();
    }

    @Test
    void aProcedureWithAFastTrackIsNotAsked() throws Exception {
        importJoint();
        open("joint-protocol", "adults", true);
        assertThat(present("switch-fast")).isTrue();
        assertThat(present("bringForwardPanel")).isFalse();
    }

    @Test
    void aMetDeadlineIsNotOfferedToBringForward() throws Exception {
        importJoint();
        UUID id = open("joint-protocol", "adults", false);
        DeadlineStatus raise = stored(id).deadlines().stream().filter(d -> d.id().equals("raise")).findFirst()
                .orElseThrow();
        services.cases().meetDeadline(id, "raise", null, null);
        onFx(() -> window.shell().showCase(id));
        settle();
        press("shortenButton");
        assertThat(shownChoices("field-deadline")).isNotEmpty().doesNotContain(raise.label());
    }

    @Test
    void withEveryDeadlineMetThereIsNothingToBringForward() {
        UUID id = open("croydon", null, true);
        DeadlineStatus d = stored(id).deadlines().get(0);
        services.cases().meetDeadline(id, d.id(), null, null);
        onFx(() -> window.shell().showCase(id));
        settle();
        assertThat(present("shortenButton")).isFalse();
        assertThat(present("bringForwardPanel")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal", "high-contrast", "text-200"})
    void theRequestCanBeReadInEveryLook(String look) {
        settle();
        switch (look) {
            case "high-contrast" -> press("contrastToggle");
            case "text-200" -> {
                for (int i = 0; i < 12; i++) {
                    onFx(window.viewModel()::larger);
                }
                settle();
            }
            default -> { }
        }
        open("croydon", null, true);
        if (look.equals("text-200")) {
            // at large text the case's details fold away so that the record keeps the window
            assertThat(present("bringForwardPanel")).as("folded behind Case details").isFalse();
            press("detailsToggle");
        }
        assertThat(present("bringForwardPanel")).isTrue();
        screenshot("bring-forward-" + look);
        onFx(() -> audit.read(look + ", bring forward", window.stage().getScene()));
        press("bringForwardPrompt");
        screenshot("bring-forward-form-" + look);
        onFx(() -> audit.read(look + ", bring forward form", window.stage().getScene()));
        assertThat(audit.problems()).as(String.join("\n", audit.problems())).isEmpty();
    }
}
