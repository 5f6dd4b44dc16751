/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.testing.MutableClock;

class CaseCsvIT {

    @TempDir
    Path dir;

    @Test
    void oneRowPerCaseWithStageStatusAgenciesAndWorkingDaysButNoChildNameReferenceOrConcern() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-14T09:00");
        try (Services s = Laptops.laptop(dir, clock, "Worker")) {
            UUID open = Laptops.openCase(s, "AB-123", clock.instant());
            clock.advance(Duration.ofMinutes(1));
            UUID done = Laptops.openCase(s, "=HYPERLINK(\"x\")", clock.instant());
            clock.set("2026-12-16T11:00");
            s.cases().resolve(done, new ResolveRequest("Assessment agreed", null, null, clock.instant()));
            clock.set("2026-12-17T10:00");
            s.cases().escalate(open, "Not resolved", null, clock.instant());
            // 15 Dec to 4 Jan counts 15 weekdays less 3 bank holidays (25 and 28 Dec, 1 Jan): 12 working days
            clock.set("2027-01-04T10:00");

            Path csv = dir.resolve("cases.csv");
            int rows = s.sync().exportCsv(csv, List.of());
            assertThat(rows).isEqualTo(2);

            byte[] bytes = Files.readAllBytes(csv);
            assertThat(Arrays3.startsWithBom(bytes)).isTrue();
            String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
            assertThat(text).doesNotContain("AB-123").doesNotContain("HYPERLINK").doesNotContain("Child Name");
            // nor the concern, what was tried, what is wanted, the people's names or the resolution's words
            uk.resolve.testing.Plaintext.assertAbsent(bytes, "closed without an assessment", "Three absences",
                    "An assessment.", "Alex Worker", "Sam Social Worker", "Assessment agreed", "Not resolved");
            List<String> lines = text.lines().toList();
            assertThat(lines.get(0)).isEqualTo(String.join(",", CaseCsv.COLUMNS));
            var openState = s.cases().get(open);
            String expectedOpen = String.join(",", open.toString(), "croydon", openState.policyVersion(),
                    openState.trackId(), "2", CaseCsv.cell(openState.stageHeading()), "open", "Oak School",
                    "Children's Social Care", CaseCsv.cell(openState.details().category()), "Child in need", "no",
                    "2026-12-14", "", "12", openState.nextDeadline().orElseThrow().due().iso(),
                    CaseCsv.cell(openState.nextDeadline().orElseThrow().label()), openState.overdue() ? "yes" : "no");
            assertThat(lines).contains(expectedOpen);
            assertThat(lines.stream().filter(l -> l.startsWith(done.toString())).findFirst().orElseThrow())
                    .contains(",resolved,").contains(",2026-12-14,2026-12-16,2,,,no");
        }
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(CaseCsv.cell("=1+2")).isEqualTo("\"'=1+2\"");
        assertThat(CaseCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CaseCsv.cell("Children's Social Care")).isEqualTo("Children's Social Care");
        assertThat(CaseCsv.cell("A, B")).isEqualTo("\"A, B\"");
        assertThat(CaseCsv.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
    }

    private static final class Arrays3 {
        static boolean startsWithBom(byte[] b) {
            return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
        }
    }
}
