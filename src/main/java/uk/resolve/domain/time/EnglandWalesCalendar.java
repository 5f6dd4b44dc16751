/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * England and Wales working days: Monday to Friday less bank holidays (jollyday, United Kingdom,
 * subdivision {@code eng}, substitute days included), with administrator overrides on top.
 */
public final class EnglandWalesCalendar implements WorkingCalendar {

    /** Loaded on first use: reading jollyday's holiday data takes a moment that start-up should not wait for. */
    private static final class Manager {
        static final HolidayManager INSTANCE =
                HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    }

    private final Map<LocalDate, CalendarOverride> overrides = new HashMap<>();
    private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();

    public EnglandWalesCalendar(List<CalendarOverride> overrides) {
        overrides.forEach(o -> this.overrides.put(o.date(), o));
    }

    public EnglandWalesCalendar() {
        this(List.of());
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        CalendarOverride o = overrides.get(date);
        if (o != null) {
            return o.workingDay();
        }
        return !WorkingCalendar.isWeekend(date) && !bankHolidays(date.getYear()).containsKey(date);
    }

    @Override
    public String holidayName(LocalDate date) {
        CalendarOverride o = overrides.get(date);
        if (o != null) {
            return o.workingDay() ? null : o.name();
        }
        return bankHolidays(date.getYear()).get(date);
    }

    /** Bank holidays in England and Wales in {@code year}, before overrides. */
    public Map<LocalDate, String> bankHolidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> {
            Map<LocalDate, String> days = new HashMap<>();
            for (Holiday h : Manager.INSTANCE.getHolidays(java.time.Year.of(y), "eng")) {
                String name = h.getDescription(Locale.UK);
                // a holiday falling at a weekend is observed on a substitute weekday
                h.getObservedDate().ifPresent(d -> days.put(d, name + " (substitute day)"));
                days.putIfAbsent(h.getActualDate(), name);
            }
            return Map.copyOf(days);
        });
    }
}
