/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** The audit log's own check (the Audit screen's) finds its newest events removed after sign-out. */
class AuditCheckpointIT {

    @TempDir
    Path dir;

    @Test
    void theNewestEventsRemovedAfterSignOutAreFoundByTheLogsOwnCheck() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-14T09:00");
        try (Services s = Fixtures.services(dir, clock)) {
            for (int i = 0; i < 4; i++) {
                s.audit().record(AuditAction.REPORT, "report", "");
            }
            assertThat(s.audit().verify()).isEmpty();
        }
        try (Services s = Fixtures.services(dir, clock)) {
            assertThat(s.audit().verify()).as("nothing was removed").isEmpty();
            try (var c = s.database().connection(); var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM audit_event WHERE seq > 2");
            }
            assertThat(s.audit().verify()).anySatisfy(b -> assertThat(b)
                    .startsWith("The audit log ends at event 2, but a checkpoint taken")
                    .endsWith("saw it reach event 4: the newest 2 events were removed."));
        }
    }
}
