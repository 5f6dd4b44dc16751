/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.audit.AuditVerifier;

class AuditStoreIT {

    @TempDir
    Path dir;

    @Test
    void anEventTimedToTheNanosecondReadsBackIntact() {
        try (Database db = Database.open(dir.resolve("a"))) {
            AuditStore store = new AuditStore(db);
            store.append(Instant.parse("2026-10-25T01:30:00.123456789Z"), "admin", AuditAction.SIGN_IN, "admin", "");
            store.append(Instant.parse("2026-10-25T01:30:01.000000001Z"), "admin", AuditAction.SIGN_OUT, "admin", "");

            assertThat(store.all()).extracting(e -> e.at().toString())
                    .containsExactly("2026-10-25T01:30:00.123Z", "2026-10-25T01:30:01Z");
            assertThat(AuditVerifier.breaks(store.all())).isEmpty();
        }
    }
}
