/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;

/**
 * The reports screen as a person uses it: run at 200% text, read every chart label in full, move
 * to another screen and come back to the same results.
 */
class ReportsScreenViewTest extends EscalationJourney {

    private final A11yAudit audit = new A11yAudit();

    private void open(String policyId, String category, String ref) {
        services.cases().open(new OpenCaseRequest(policyId, null, ref, null, ChildStatus.CHILD_IN_NEED, "Worker",
                "Oak Primary School", "Children's Social Care", null, category,
                "Referral closed without an assessment.", null, null, false, 1, null, false, null));
    }

    private List<String> chartLabels(String id) {
        List<String> out = new java.util.ArrayList<>();
        onFx(() -> lookup("#" + id).query().lookupAll(".bar-rows-label")
                .forEach(n -> out.add(((Label) n).getText())));
        return out;
    }

    private void waitForTables() throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> lookup("#tablesPane").queryAs(TabPane.class).getTabs().size() == 10);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no report; the screen says: " + lookup("#statusLabel").queryLabeled().getText(),
                    e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aReportRunAtDoubleTextShowsEveryLabelInFullAndStaysWhileThePersonMovesAround() throws Exception {
        onFx(() -> { });
        settle();
        for (int i = 0; i < 12; i++) {
            onFx(window.viewModel()::larger);
        }
        settle();
        open("croydon", "Levels of need", "RS-1");
        open("havering", "Levels of need", "RS-2");
        open("north-somerset", "Thresholds and levels of need", "RS-3");
        open("croydon", "Quality and progression of plans (early help, child in need, child protection, looked after)",
                "RS-4");

        press("reportsNav");
        press("runButton");
        waitForTables();

        List<String> labels = chartLabels("categoryChart");
        assertThat(labels).contains("Levels of need (Croydon)", "Levels of need (Havering)",
                "Thresholds and levels of need (North Somerset)",
                "Quality and progression of plans (early help, child in need, child protection, looked after) (Croydon)");
        assertThat(labels).noneMatch(l -> l.endsWith("…"));
        Object shown = node("categoryChart");
        screenshot("reports-text-200");
        onFx(() -> audit.read("200% text, reports", window.stage().getScene()));
        assertThat(audit.problems()).as(String.join("\n", audit.problems())).isEmpty();

        press("homeNav");
        assertThat(present("categoryChart")).isFalse();
        press("reportsNav");
        // the same results, at once: nothing is worked out again on the way back
        assertThat(lookup("#tablesPane").queryAs(TabPane.class).getTabs()).hasSize(10);
        assertThat((Object) node("categoryChart")).isSameAs(shown);
        assertThat(chartLabels("categoryChart")).isEqualTo(labels);
        assertThat(lookup("#pdfButton").queryButton().isDisabled()).isFalse();
        Node status = node("statusLabel");
        assertThat(((Label) status).getText()).isEqualTo("4 cases raised in 1 Apr 2026 to 31 Mar 2027.");
    }
}
