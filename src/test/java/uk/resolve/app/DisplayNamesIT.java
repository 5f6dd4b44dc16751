/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.record.EntryType;
import uk.resolve.forms.FormCases;
import uk.resolve.forms.FormSigningIT;
import uk.resolve.pdf.PdfText;
import uk.resolve.store.UserStore.UserRow;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** People are shown by their full name from the users on this computer, by sign-in name when unknown. */
class DisplayNamesIT {

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-02-02T09:00");

    @Test
    void peopleKnownOnThisComputerAreShownByFullNameInThePdfsAndOthersBySignInName() {
        UUID id;
        try (Services s = Fixtures.services(dir, clock)) {
            s.users().save(new UserRow("sam", "Sam Lee", "manager", "Test team", true, Instant.now(), "admin"));
        }
        try (Services sam = Fixtures.servicesAs(dir, clock, "sam")) {
            assertThat(sam.cases().displayName("sam")).isEqualTo("Sam Lee");
            assertThat(sam.cases().displayName("visitor")).as("unknown here").isEqualTo("visitor");
            id = FormCases.northSomersetResolvedAtStage3(sam, clock);
            sam.forms().complete(id, "monitoring-form", 0, FormSigningIT.ANSWERS);
            sam.forms().sign(id, "monitoring-form", 0, null);
            assertThat(sam.cases().get(id).entries()).filteredOn(e -> e.type() == EntryType.FORM_SIGNED)
                    .singleElement().satisfies(e -> assertThat(e.author()).isEqualTo("sam"));

            String form = PdfText.all(sam.forms().render(sam.forms().fill(id, "monitoring-form", 0,
                    FormSigningIT.ANSWERS), false, false).pdf());
            assertThat(form).contains("Signed in Resolve by Sam Lee, Manager").doesNotContain("by sam,");
            String chronology = PdfText.all(sam.forms().chronology(id, false).pdf());
            assertThat(chronology).contains("Recorded by Sam Lee", "by Sam Lee").doesNotContain("Recorded by sam ");
        }
    }
}
