/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.resolve.app.Services;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.pdf.PdfText;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * The written confirmation of the agreed outcome (Croydon, North Somerset) ends with a sign-off: a
 * signature block for the agency that raised the concern, which a signature made in Resolve fills.
 */
class OutcomeLetterSignOffIT {

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-02-02T09:00");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"croydon", "north-somerset"})
    void theOutcomeLetterEndsWithASignOffThatASignatureInResolveFills(String policy) throws Exception {
        try (Services s = Fixtures.services(dir, clock)) {
            UUID id = FormCases.open(s, clock, policy, uk.resolve.domain.policy.ChildStatus.CHILD_IN_NEED,
                    "2026-02-02T09:00");
            clock.set("2026-02-03T16:00");
            s.cases().resolve(id, new ResolveRequest("Children's Social Care will complete an assessment.",
                    "Attendance to be reviewed at the next network meeting.", "The timescales helped.",
                    Fixtures.instant("2026-02-03T15:00")));
            var details = s.cases().get(id).details();
            s.forms().complete(id, "outcome-confirmation", 0, Map.of());

            String unsigned = letter(s, id);
            assertThat(unsigned).contains("Signature", "Signed for the agency raising the concern",
                    "Not yet signed in Resolve.", "Still to sign: Signed for the agency raising the concern.");
            assertThat(unsigned.substring(unsigned.lastIndexOf("Signed for the agency raising the concern")))
                    .as("the block is pre-filled from the case and comes after the letter's body")
                    .contains(details.raisedBy(), details.raisedAgency());
            assertThat(unsigned.indexOf("Signed for the agency raising the concern"))
                    .isGreaterThan(unsigned.indexOf("How outstanding issues will be pursued"));

            var signed = s.forms().sign(id, "outcome-confirmation", 0, null);
            Entry sig = signed.entries().stream().filter(e -> e.type() == EntryType.FORM_SIGNED).findFirst()
                    .orElseThrow();
            assertThat(sig.get("block")).isEqualTo("sender");
            String after = letter(s, id);
            assertThat(after).contains("Every signature block is signed.", "Signed in Resolve by Test Worker",
                    "record entry " + sig.id().toString().substring(0, 8)).doesNotContain("Still to sign");
        }
    }

    private static String letter(Services s, UUID id) throws Exception {
        byte[] pdf = s.forms().render(s.forms().fill(id, "outcome-confirmation", 0, Map.of()), false, false).pdf();
        if (System.getenv("RESOLVE_SCREENSHOTS") != null) {
            java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
            java.nio.file.Files.write(Path.of("target", "screenshots", "outcome-letter-" + id + ".pdf"), pdf);
        }
        return PdfText.all(pdf);
    }
}
