/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.testing.MutableClock;

/** Every device's chain head and audit-log head travel with the shared file. */
class CheckpointTravelIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");
    private final List<Services> open = new ArrayList<>();

    @AfterEach
    void tearDown() {
        open.forEach(Services::close);
    }

    private Services laptop(String name) {
        Services s = Laptops.laptop(dir.resolve(name), clock, name);
        open.add(s);
        return s;
    }

    private static void sql(Services s, String statement) throws Exception {
        try (var c = TestAccess.database(s).connection(); var st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    @Test
    void theNewestAuditEventsRemovedWithTheirCheckpointAreReportedAfterTheNextSync() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("resolve-shared.mv.db");
        Services a = laptop("a");
        Services b = laptop("b");
        Laptops.openCase(a, "A-1", clock.instant());
        a.audit().record(uk.resolve.domain.audit.AuditAction.REPORT, "r", "");
        a.audit().record(uk.resolve.domain.audit.AuditAction.REPORT, "r", "");
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        assertThat(a.integrity().verify().intact()).isTrue();

        // a thorough attacker on a: the newest audit events and every checkpoint here removed
        sql(a, "DELETE FROM audit_event WHERE seq > (SELECT MAX(seq) - 2 FROM audit_event)");
        sql(a, "DELETE FROM checkpoint");
        assertThat(a.integrity().verify().intact()).as("nothing left here to tell").isTrue();
        sql(a, "DELETE FROM checkpoint"); // the clean check above took a checkpoint of the cut log

        Laptops.openCase(b, "B-1", clock.instant());
        Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY);
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        var result = a.integrity().verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.auditBreaks()).anySatisfy(b1 -> assertThat(b1).contains("The audit log ends at event")
                .contains("removed"));
    }
}
