/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.ChronologyItem;
import uk.resolve.domain.escalation.RuleViolation;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.pdf.PdfText;
import uk.resolve.security.AccessDenied;
import uk.resolve.security.Actor;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** Managers sign monitoring forms in the record; practitioners cannot. */
public class FormSigningIT {

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-02-02T09:00");

    public static final Map<String, String> ANSWERS = Map.of(
            "initiating-manager.name", "Pat Senior", "initiating-manager.designation", "Head of Safeguarding",
            "receiving-manager.name", "Robin Receiver", "receiving-manager.designation", "Service Manager",
            "receiving-manager.date", "6/2/2026", "notes", "Reviewed at the network meeting.");

    @Test
    void aManagerSignsTheCompletedMonitoringFormOnceAndTheSignatureShowsInTheRecord() {
        UUID id;
        try (Services s = Fixtures.services(dir, clock)) {
            id = FormCases.northSomersetResolvedAtStage3(s, clock);
            assertThatThrownBy(() -> s.forms().sign(caseId(s, id), "monitoring-form", 0, null))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("complete it first");
            CaseState completed = s.forms().complete(id, "monitoring-form", 0, ANSWERS);
            Entry version = completed.entries().stream().filter(e -> e.type() == EntryType.FORM_COMPLETED)
                    .reduce((a, b) -> b).orElseThrow();

            CaseState signed = s.forms().sign(id, "monitoring-form", 0, "Signed after the network meeting");
            Entry signature = signed.entries().stream().filter(e -> e.type() == EntryType.FORM_SIGNED).findFirst()
                    .orElseThrow();
            assertThat(signature.author()).isEqualTo("Test Worker");
            assertThat(signature.get("entry")).isEqualTo(version.id().toString());
            ChronologyItem item = signed.chronology().stream().filter(i -> i.entry().id().equals(version.id()))
                    .findFirst().orElseThrow();
            assertThat(item.approvals()).containsExactly(signature);
            assertThat(s.forms().sign(id, "monitoring-form", 0, "again").entries()).hasSameSizeAs(signed.entries());

            byte[] pdf = s.forms().chronology(id, false).pdf();
            String chronology = PdfText.all(pdf);
            assertThat(chronology).contains("Signed on").contains("Signed after the network meeting");
        }
        try (Services practitioner = Services.openUnencrypted(dir.resolve("resolve.mv.db"), clock,
                new Actor("Test Worker", Role.PRACTITIONER, "Test team"))) {
            assertThatThrownBy(() -> practitioner.forms().sign(id, "monitoring-form", 0, null))
                    .isInstanceOf(AccessDenied.class).hasMessageContaining("sign monitoring forms");
        }
    }

    private static UUID caseId(Services s, UUID id) {
        return s.cases().get(id).id();
    }
}
