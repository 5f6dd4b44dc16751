/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.policy.Policy;
import uk.resolve.security.Actor;
import uk.resolve.security.Role;
import uk.resolve.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The procedures a registry knows, parsed once per process however many databases are opened. */
class PolicyRegistryIT {

    @TempDir
    Path folder;

    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR, "IT");

    private final MutableClock clock = MutableClock.at("2026-11-29T09:00");

    @Test
    void aBundledProcedureParsedAheadIsTheOneEverySignInReads() throws Exception {
        PolicyRegistry.prepareBundled();
        try (Services a = Services.openUnencrypted(folder.resolve("a.mv.db"), clock, ADMIN);
             Services b = Services.openUnencrypted(folder.resolve("b.mv.db"), clock, ADMIN)) {
            Policy croydonA = a.policies().latest("croydon").orElseThrow();
            Policy croydonB = b.policies().latest("croydon").orElseThrow();
            assertThat(croydonB).as("parsed once, shared by both databases").isSameAs(croydonA);
            assertThat(a.policies().all()).hasSameSizeAs(b.policies().all()).isNotEmpty();
        }
    }

    @Test
    void anImportedProcedureIsReadFromItsOwnTextAndOnlyWhereItWasImported() throws Exception {
        String bundled = new String(PolicyRegistry.class.getResourceAsStream("/policies/croydon.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        Path file = folder.resolve("croydon-2027.yaml");
        Files.writeString(file, bundled.replace("version: \"2018-11\"", "version: \"2027-01\""));
        try (Services a = Services.openUnencrypted(folder.resolve("a.mv.db"), clock, ADMIN);
             Services b = Services.openUnencrypted(folder.resolve("b.mv.db"), clock, ADMIN)) {
            a.policies().importFile(file, "admin");
            assertThat(a.policies().latest("croydon").orElseThrow().version()).isEqualTo("2027-01");
            assertThat(b.policies().latest("croydon").orElseThrow().version()).isEqualTo("2018-11");
        }
        try (Services again = Services.openUnencrypted(folder.resolve("a.mv.db"), clock, ADMIN)) {
            assertThat(again.policies().latest("croydon").orElseThrow().version())
                    .as("read again from the database that holds it").isEqualTo("2027-01");
        }
    }
}
