/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which events a new calendar file holds, given the deadlines open now and the events already
 * issued to the same person. A calendar program that imports the file matches events by UID and
 * keeps the one with the higher SEQUENCE, so: an unchanged deadline keeps its revision, a changed
 * one (shortened, moved to a new date) is raised by one, and one that is no longer open (met,
 * its stage passed, its case resolved or withdrawn) is sent once more as cancelled. Cancelled
 * events stay in later files until {@value #KEEP_CANCELLED_DAYS} days after their date, so that a
 * file imported late still removes them.
 */
public final class CalendarPlan {

    /** How long after its date a cancelled event is still written. */
    public static final int KEEP_CANCELLED_DAYS = 30;

    private CalendarPlan() {
    }

    /**
     * @param open   the deadlines open now (their sequence is ignored)
     * @param issued every event issued before to the same person
     * @param today  today's date in England and Wales
     * @return the events to write and remember, earliest first
     */
    public static List<DeadlineEvent> plan(List<DeadlineEvent> open, List<DeadlineEvent> issued, LocalDate today) {
        Map<String, DeadlineEvent> before = new LinkedHashMap<>();
        issued.forEach(e -> before.put(e.uid(), e));
        Map<String, DeadlineEvent> out = new LinkedHashMap<>();
        for (DeadlineEvent now : open) {
            DeadlineEvent prev = before.get(now.uid());
            DeadlineEvent fresh = new DeadlineEvent(now.uid(), now.caseNumber(), now.procedure(), now.stage(),
                    now.label(), now.due(), 0, false);
            if (prev == null) {
                out.put(now.uid(), fresh);
            } else if (prev.cancelled() || !prev.sameContent(fresh)) {
                out.put(now.uid(), fresh.withSequence(prev.sequence() + 1));
            } else {
                out.put(now.uid(), prev);
            }
        }
        for (DeadlineEvent prev : issued) {
            if (out.containsKey(prev.uid())) {
                continue;
            }
            if (!prev.cancelled()) {
                out.put(prev.uid(), prev.cancel());
            } else if (!prev.due().date().plusDays(KEEP_CANCELLED_DAYS).isBefore(today)) {
                out.put(prev.uid(), prev);
            }
        }
        List<DeadlineEvent> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparing(DeadlineEvent::due).thenComparing(DeadlineEvent::uid));
        return list;
    }
}
