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
import uk.resolve.domain.rules.RuleViolation;
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
            assertThat(chronology).contains("Signed by").contains("Signed after the network meeting");
        }
        try (Services practitioner = Services.openUnencrypted(dir.resolve("resolve.mv.db"), clock,
                new Actor("Test Worker", Role.PRACTITIONER, "Test team"))) {
            assertThatThrownBy(() -> practitioner.forms().sign(id, "monitoring-form", 0, null))
                    .isInstanceOf(AccessDenied.class).hasMessageContaining("sign monitoring forms");
        }
    }

    @Test
    void eachSignatureMadeInResolveFillsItsBlockOnTheFormsPdfAndThePdfSaysWhoStillHasToSign() {
        UUID id;
        try (Services s = Fixtures.services(dir, clock)) {
            id = FormCases.northSomersetResolvedAtStage3(s, clock);
            s.forms().complete(id, "monitoring-form", 0, ANSWERS);
            String unsigned = PdfText.all(s.forms().render(s.forms().fill(id, "monitoring-form", 0, ANSWERS), false,
                    false).pdf());
            assertThat(unsigned).contains("Not yet signed in Resolve.", "Still to sign: Signature of initiating"
                    + " manager; Signature of receiving manager.").doesNotContain("Signed in Resolve by");

            CaseState signed = s.forms().sign(id, "monitoring-form", 0, null);
            Entry first = signed.entries().stream().filter(e -> e.type() == EntryType.FORM_SIGNED).findFirst()
                    .orElseThrow();
            assertThat(first.get("block")).isEqualTo("initiating-manager");
            String once = PdfText.all(s.forms().render(s.forms().fill(id, "monitoring-form", 0, ANSWERS), false,
                    false).pdf());
            assertThat(once).contains("Signed in Resolve: Signature of initiating manager.",
                    "Still to sign: Signature of receiving manager.",
                    "Signed in Resolve by Test Worker, Manager, Test team, 5 Feb 2026",
                    "record entry " + first.id().toString().substring(0, 8));
            assertThat(once.indexOf("Signed in Resolve by")).as("in the initiating manager's block")
                    .isGreaterThan(once.lastIndexOf("Signature of initiating manager"))
                    .isLessThan(once.lastIndexOf("Signature of receiving manager"));
        }
        try (Services other = Fixtures.servicesAs(dir, clock, "Robin Receiver")) {
            CaseState both = other.forms().sign(id, "monitoring-form", 0, null);
            Entry second = both.entries().stream().filter(e -> e.type() == EntryType.FORM_SIGNED)
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(second.get("block")).isEqualTo("receiving-manager");
            String twice = PdfText.all(other.forms().render(other.forms().fill(id, "monitoring-form", 0, ANSWERS),
                    false, false).pdf());
            assertThat(twice).contains("Every signature block is signed.", "Signed in Resolve by Robin Receiver",
                    "record entry " + second.id().toString().substring(0, 8)).doesNotContain("Still to sign");
        }
        try (Services third = Fixtures.servicesAs(dir, clock, "Third Manager")) {
            assertThatThrownBy(() -> third.forms().sign(id, "monitoring-form", 0, null))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("already signed");
        }
    }

    private static UUID caseId(Services s, UUID id) {
        return s.cases().get(id).id();
    }
}
