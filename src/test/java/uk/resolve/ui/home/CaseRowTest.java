/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.EnglandWalesCalendar;
import uk.resolve.domain.time.WorkingCalendar;

/** A row of My escalations as {@link CaseRow.Maker} makes it, many at a time. */
class CaseRowTest {

    private static final Instant NOW = Instant.parse("2026-12-14T09:00:00Z");
    private static final WorkingCalendar CALENDAR = new EnglandWalesCalendar();

    private static CaseListing listing(String ref, CaseStatus status, DueAt next, DueAt unmet, Instant ended) {
        return new CaseListing(UUID.randomUUID(), "croydon", "1", "main", 2, 4, 2, "Stage 2 — Managers talk", status,
                ref, "Child Ŵ", null, "Pat Worker", "Croydon CSC", "Met Police", "DS Other", "Threshold", false, false,
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:00:00Z"), next, unmet,
                List.of("Tell Met Police", "Appendix A"), ended, ended == null ? 0 : 2, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "open, due in three working days | OPEN      | 2026-12-17 |            | 17 Dec 2026 | 3 working days left | Open",
            "open, overdue since Friday      | OPEN      | 2026-12-11 | 2026-12-11 | 11 Dec 2026 | overdue by 3 days   | Overdue",
            "resolved on the 3rd             | RESOLVED  | 2026-12-11 |            |             |                     | Resolved 3 Dec 2026",
            "withdrawn on the 3rd            | WITHDRAWN |            |            |             |                     | Withdrawn 3 Dec 2026",
    })
    void aRowSaysWhatTheListShows(String what, CaseStatus status, LocalDate next, LocalDate unmet, String date,
                                  String text, String shown) {
        Instant ended = status == CaseStatus.OPEN ? null : Instant.parse("2026-12-03T15:00:00Z");
        CaseRow r = new CaseRow.Maker(NOW).row(listing("REF-1", status, next == null ? null : DueAt.endOf(next),
                unmet == null ? null : DueAt.endOf(unmet), ended), "Croydon", CALENDAR);
        assertThat(r.agencies()).isEqualTo("Croydon CSC → Met Police");
        assertThat(r.stage()).isEqualTo("Stage 2 of 4: Managers talk");
        assertThat(r.deadlineDate()).isEqualTo(date == null ? "" : date);
        assertThat(r.deadlineText()).isEqualTo(text == null ? "" : text);
        assertThat(r.status()).isEqualTo(shown);
        assertThat(r.overdue()).isEqualTo("Overdue".equals(shown));
        assertThat(r.due()).isEqualTo("Tell Met Police; Appendix A");
        assertThat(r.search()).isEqualTo(String.join("\n", "ref-1", "child ŵ", "croydon", "croydon csc → met police",
                "ds other", "threshold", "stage 2 of 4: managers talk", "tell met police; appendix a",
                shown.toLowerCase(java.util.Locale.UK), "pat worker", "", ""));
    }

    @Test
    void rowsOfOneLoadingShareTheTextsTheyHaveAlike() {
        CaseRow.Maker maker = new CaseRow.Maker(NOW);
        DueAt due = DueAt.endOf(LocalDate.of(2026, 12, 17));
        CaseRow a = maker.row(listing("REF-1", CaseStatus.OPEN, due, due, null), "Croydon", CALENDAR);
        CaseRow b = maker.row(listing("REF-2", CaseStatus.OPEN, DueAt.endOf(LocalDate.of(2026, 12, 17)), null, null),
                "Croydon", CALENDAR);
        assertThat(b.agencies()).isSameAs(a.agencies());
        assertThat(b.stage()).isSameAs(a.stage());
        assertThat(b.deadlineDate()).isSameAs(a.deadlineDate());
        assertThat(b.deadlineText()).isSameAs(a.deadlineText());
        assertThat(b.due()).isSameAs(a.due());
        assertThat(a.search()).startsWith("ref-1\n");
        assertThat(b.search()).startsWith("ref-2\n");
        // as CaseRow.of makes it alone
        assertThat(CaseRow.of(listing("REF-1", CaseStatus.OPEN, due, due, null), "Croydon", NOW, CALENDAR))
                .usingRecursiveComparison().ignoringFields("id").isEqualTo(a);
    }
}
