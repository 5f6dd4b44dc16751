/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import java.time.Duration;
import java.time.Instant;

/**
 * How failed sign-ins are slowed and limited. The first {@value #FREE} failures cost nothing more
 * than the password hashing; after that each one doubles the wait before the next attempt (2 s,
 * 4 s, 8 s … up to a minute); after {@value #LOCK_AFTER} in a row the name is locked for
 * {@link #LOCK} or until an administrator resets the password.
 */
public final class Throttle {

    public static final int FREE = 3;
    public static final int LOCK_AFTER = 10;
    public static final Duration LOCK = Duration.ofMinutes(15);
    private static final long MAX_WAIT_SECONDS = 60;

    private Throttle() {
    }

    /** When the next attempt may be made after {@code failures} failures in a row, or null at once. */
    public static Instant nextAttempt(int failures, Instant now) {
        if (failures >= LOCK_AFTER) {
            return now.plus(LOCK);
        }
        if (failures < FREE) {
            return null;
        }
        long wait = Math.min(MAX_WAIT_SECONDS, 1L << Math.min(30, failures - FREE + 1));
        return now.plusSeconds(wait);
    }
}
