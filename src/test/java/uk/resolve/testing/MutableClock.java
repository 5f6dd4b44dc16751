/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import uk.resolve.domain.time.UkTime;

/** A clock tests can set and move on. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    /** A clock at a UK local time, e.g. {@code at("2026-12-21T10:00")}. */
    public static MutableClock at(String ukLocal) {
        return new MutableClock(UkTime.instant(LocalDateTime.parse(ukLocal)));
    }

    public void set(String ukLocal) {
        now = UkTime.instant(LocalDateTime.parse(ukLocal));
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
