/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import java.util.List;

/**
 * England and Wales working days, the default calendar; {@link #forCalendar} gives Scotland's and
 * Northern Ireland's with the same administrator overrides.
 */
public final class EnglandWalesCalendar extends UkCalendar {

    public EnglandWalesCalendar(List<CalendarOverride> overrides) {
        super(Region.ENGLAND_AND_WALES, overrides);
    }

    public EnglandWalesCalendar() {
        this(List.of());
    }
}
