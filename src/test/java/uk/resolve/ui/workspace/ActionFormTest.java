/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.workspace.CaseAction;
import uk.resolve.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

class ActionFormTest {

    private final java.time.Instant now = Fixtures.instant("2026-12-14T15:20");

    @Test
    void whenDefaultsToNowAndRefusesTheFuture() {
        ActionForm f = new ActionForm(CaseAction.of(CaseAction.Kind.DISCUSS), "t", "i", "Save", "k").when("When", now, false);
        assertThat(f.value("date")).isEqualTo("2026-12-14");
        assertThat(f.value("time")).isEqualTo("15:20");
        assertThat(f.happenedAt()).isEqualTo(now);
        f.set("time", "18:00");
        assertThat(f.validate()).isFalse();
        assertThat(f.field("time").shownErrorBinding().get()).contains("in the future");
        f.set("time", "9.30");
        assertThat(f.validate()).isTrue();
        assertThat(f.happenedAt()).isEqualTo(UkTime.instant(LocalDate.of(2026, 12, 14).atTime(9, 30)));
    }

    @Test
    void requiredFieldsSayWhatIsMissingAndTheFormSaysWhy() {
        ActionForm f = new ActionForm(CaseAction.of(CaseAction.Kind.ESCALATE), "t", "i", "Escalate", "k")
                .area("reason", "Reason for escalating", true, null)
                .area("evidence", "Evidence", true, null);
        assertThat(f.field("reason").shownErrorBinding().get()).isEmpty();
        assertThat(f.validate()).isFalse();
        assertThat(f.field("reason").shownErrorBinding().get()).isEqualTo("Required: reason for escalating.");
        assertThat(f.errorProperty().get()).contains("need attention");
        f.set("reason", "Not resolved");
        f.set("evidence", "Notes");
        assertThat(f.validate()).isTrue();
        assertThat(f.values()).containsEntry("reason", "Not resolved");
    }

    @Test
    void aDraftRestoresOnlyTheFieldsTheFormHas() {
        ActionForm f = new ActionForm(CaseAction.of(CaseAction.Kind.WITHDRAW), "t", "i", "Withdraw", "k")
                .area("reason", "Reason", true, null);
        f.restore(java.util.Map.of("reason", "Moved away", "other", "x"));
        assertThat(f.values()).containsExactly(java.util.Map.entry("reason", "Moved away"));
    }
}
