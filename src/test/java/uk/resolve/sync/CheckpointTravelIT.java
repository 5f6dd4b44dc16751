/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.testing.MutableClock;

/** Every device's chain head and audit-log head travel with the shared file. */
class CheckpointTravelIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");

    @RegisterExtension
    final Laptops laptops = new Laptops(() -> dir, clock);

    @Test
    void theNewestAuditEventsRemovedWithTheirCheckpointAreReportedAfterTheNextSync() throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        Laptops.openCase(a, "A-1", clock.instant());
        a.audit().record(uk.resolve.domain.audit.AuditAction.REPORT, "r", "");
        a.audit().record(uk.resolve.domain.audit.AuditAction.REPORT, "r", "");
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        assertThat(a.integrity().verify().intact()).isTrue();

        // a thorough attacker on a: the newest audit events and every checkpoint here removed
        Laptops.sql(a, "DELETE FROM audit_event WHERE seq > (SELECT MAX(seq) - 2 FROM audit_event)");
        Laptops.sql(a, "DELETE FROM checkpoint");
        assertThat(a.integrity().verify().intact()).as("nothing left here to tell").isTrue();
        Laptops.sql(a, "DELETE FROM checkpoint"); // the clean check above took a checkpoint of the cut log

        Laptops.openCase(b, "B-1", clock.instant());
        Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY);
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        var result = a.integrity().verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.auditBreaks()).anySatisfy(b1 -> assertThat(b1).contains("The audit log ends at event")
                .contains("removed"));
    }
}
