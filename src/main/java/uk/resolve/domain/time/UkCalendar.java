/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days in one of the UK's three bank-holiday calendars: Monday to Friday less bank
 * holidays (jollyday, United Kingdom, the region's subdivision, substitute days included), with
 * the administrator's overrides for that calendar on top.
 */
public class UkCalendar implements WorkingCalendar {

    /** The UK's bank-holiday calendars, as a procedure names them. */
    public enum Region {
        ENGLAND_AND_WALES("england-and-wales", "eng", "England and Wales"),
        SCOTLAND("scotland", "sct", "Scotland"),
        NORTHERN_IRELAND("northern-ireland", "nir", "Northern Ireland");

        private final String code;
        private final String subdivision;
        private final String label;

        Region(String code, String subdivision, String label) {
            this.code = code;
            this.subdivision = subdivision;
            this.label = label;
        }

        /** The spelling used in procedure files and on the command line. */
        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Optional<Region> fromCode(String code) {
            return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
        }

        public static String codes() {
            return String.join(", ", Arrays.stream(values()).map(Region::code).toList());
        }
    }

    /** Loaded on first use: reading jollyday's holiday data takes a moment that start-up should not wait for. */
    private static final class Manager {
        static final HolidayManager INSTANCE =
                HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    }

    private final Region region;
    private final List<CalendarOverride> allOverrides;
    private final Map<LocalDate, CalendarOverride> overrides = new HashMap<>();
    private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();
    private final Map<Region, UkCalendar> siblings = new ConcurrentHashMap<>();

    /**
     * @param region    the calendar
     * @param overrides administrators' additions and removals for every calendar; only those naming
     *                  {@code region} apply
     */
    public UkCalendar(Region region, List<CalendarOverride> overrides) {
        this.region = region;
        this.allOverrides = List.copyOf(overrides);
        overrides.stream().filter(o -> o.region() == region).forEach(o -> this.overrides.put(o.date(), o));
        siblings.put(region, this);
    }

    public Region region() {
        return region;
    }

    @Override
    public WorkingCalendar forCalendar(String code) {
        Region r = code == null ? Region.ENGLAND_AND_WALES : Region.fromCode(code).orElse(Region.ENGLAND_AND_WALES);
        return siblings.computeIfAbsent(r, x -> new UkCalendar(x, allOverrides));
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

    /**
     * Counted from a running total per year rather than day by day: a report counts the working days of
     * every stage of tens of thousands of cases. Same answer as {@link WorkingCalendar#workingDaysBetween}.
     */
    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        if (from.getYear() < 1900 || to.getYear() > 2200) {
            return WorkingCalendar.super.workingDaysBetween(from, to);
        }
        int count = -workingDaysToDate(from.getYear())[from.getDayOfYear()];
        for (int y = from.getYear(); y < to.getYear(); y++) {
            count += workingDaysToDate(y)[java.time.Year.of(y).length()];
        }
        return count + workingDaysToDate(to.getYear())[to.getDayOfYear()];
    }

    private final Map<Integer, int[]> runningTotals = new ConcurrentHashMap<>();

    /** For each day of {@code year} (1-based), the working days from 1 January to it, inclusive. */
    private int[] workingDaysToDate(int year) {
        return runningTotals.computeIfAbsent(year, y -> {
            LocalDate first = LocalDate.of(y, 1, 1);
            int days = first.lengthOfYear();
            int[] total = new int[days + 1];
            for (int i = 1; i <= days; i++) {
                total[i] = total[i - 1] + (isWorkingDay(first.plusDays(i - 1L)) ? 1 : 0);
            }
            return total;
        });
    }

    /** Bank holidays of this calendar in {@code year}, before overrides. */
    public Map<LocalDate, String> bankHolidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> {
            Map<LocalDate, String> days = new HashMap<>();
            for (Holiday h : Manager.INSTANCE.getHolidays(java.time.Year.of(y), region.subdivision)) {
                String name = h.getDescription(Locale.UK);
                // a holiday falling at a weekend is observed on a substitute weekday
                h.getObservedDate().ifPresent(d -> days.put(d, name + " (substitute day)"));
                days.putIfAbsent(h.getActualDate(), name);
            }
            return Map.copyOf(days);
        });
    }
}
