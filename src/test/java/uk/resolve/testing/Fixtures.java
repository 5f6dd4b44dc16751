/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.testing;

import java.nio.file.Path;
import java.time.LocalDateTime;

import uk.resolve.app.Services;
import uk.resolve.security.Actor;
import uk.resolve.security.Role;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.time.UkTime;

/** Real services on a real H2 database in a temporary folder. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Services services(Path folder, MutableClock clock) {
        return Services.openUnencrypted(folder.resolve("resolve.mv.db"), clock, actor("Test Worker"));
    }

    /** The services on the same database as {@link #services}, signed in as another manager of the team. */
    public static Services servicesAs(Path folder, MutableClock clock, String name) {
        return Services.openUnencrypted(folder.resolve("resolve.mv.db"), clock, actor(name));
    }

    /**
     * A manager of the "Test team": the role that may do everything with cases and reports, for tests
     * about cases rather than about who may do what ({@code RolesIT} tests each role).
     */
    public static Actor actor(String name) {
        return new Actor(name, Role.MANAGER, "Test team");
    }

    /** A request to open a case under {@code policy} at a UK local time, with the first category. */
    public static OpenCaseRequest openRequest(Services s, String policy, ChildStatus status, String ukLocal) {
        var p = s.policies().require(policy);
        return new OpenCaseRequest(policy, null, "REF-" + policy.toUpperCase(), null, status, "Alex Worker", "School",
                "Children's Social Care", "Sam Social Worker", p.categories().get(0).label(),
                "The referral was closed without an assessment.", "Three absences and a disclosure.",
                "An assessment of the child's needs.", false, 1, null, false, instant(ukLocal));
    }

    public static java.time.Instant instant(String ukLocal) {
        return ukLocal == null ? null : UkTime.instant(LocalDateTime.parse(ukLocal));
    }
}
