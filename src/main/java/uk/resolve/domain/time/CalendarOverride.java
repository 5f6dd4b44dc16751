/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import java.time.LocalDate;

/**
 * An administrator's correction to the bank-holiday list: an extra holiday (a state funeral, a
 * coronation) or a day the published list has wrong.
 *
 * @param date       the date
 * @param name       why, as shown to users
 * @param workingDay false for an extra holiday; true to make a listed holiday a working day
 */
public record CalendarOverride(LocalDate date, String name, boolean workingDay) {
}
