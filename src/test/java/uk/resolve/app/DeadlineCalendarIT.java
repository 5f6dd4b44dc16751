/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.resolve.testing.Fixtures.instant;
import static uk.resolve.testing.Fixtures.openRequest;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.time.DueAt;
import uk.resolve.security.Actor;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** The person's deadlines written as an iCalendar file from real cases on a real database, read back by ical4j. */
class DeadlineCalendarIT {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");
    private Services s;

    @AfterEach
    void close() {
        if (s != null) {
            s.close();
        }
    }

    private Services services() {
        s = Fixtures.services(dir, clock);
        return s;
    }

    private Map<String, VEvent> export(boolean all) throws Exception {
        Path file = dir.resolve("deadlines.ics");
        s.deadlineCalendar().export(file, all);
        String ics = Files.readString(file);
        var cal = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = cal.getComponents(Component.VEVENT);
        return events.stream().collect(Collectors.toMap(e -> prop(e, Property.UID), Function.identity()));
    }

    private static String prop(PropertyContainer c, String name) {
        return c.getProperty(name).map(p -> ((Property) p).getValue()).orElse(null);
    }

    private static VEvent withLabel(Map<String, VEvent> events, String labelPart) {
        return events.values().stream().filter(e -> prop(e, Property.SUMMARY).contains(labelPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no event for " + labelPart + " in " + events.keySet()));
    }

    private CaseState openNorthSomerset() {
        var r = openRequest(s, "north-somerset", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00");
        return s.cases().open(new uk.resolve.domain.escalation.OpenCaseRequest(r.policyId(), null,
                "CHILDREF-7731", "Marker Childname", r.childStatus(), r.raisedBy(), r.raisedAgency(),
                r.otherAgency(), r.otherProfessional(), r.category(), "CONCERN-MARKER the referral was closed",
                r.evidence(), r.outcomeWanted(), false, 1, null, false, r.happenedAt()));
    }

    @Test
    void eachOpenDeadlineIsAnEventWithCaseNumberProcedureStageAndLabelButNothingAboutTheChild() throws Exception {
        CaseState c = services().cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00"));
        CaseState ns = openNorthSomerset();
        Map<String, VEvent> events = export(false);

        String number = c.id().toString().substring(0, 8);
        VEvent croydon = events.get(c.id() + "-s1-stage@resolve.uk");
        assertThat(croydon).isNotNull();
        assertThat(prop(croydon, Property.SUMMARY)).isEqualTo("Resolve case " + number
                + ": Resolve or escalate to line managers");
        assertThat(prop(croydon, Property.DESCRIPTION)).contains("Resolve case " + number)
                .contains("Procedure: " + s.policies().require("croydon").name())
                .contains("Stage: " + c.stageHeading()).contains("Due: 4 Jan 2027 (by the end of the day)");
        // 7 working days over Christmas and New Year: all day on 4 Jan, reminded at 09:00 on Thursday 31 Dec
        assertThat(prop(croydon, Property.DTSTART)).isEqualTo("20270104");
        assertThat(prop(croydon, Property.DTEND)).isEqualTo("20270105");
        assertThat(prop(croydon, Property.SEQUENCE)).isEqualTo("0");
        assertThat(prop(croydon, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(prop(croydon.getAlarms().get(0), Property.TRIGGER)).isEqualTo("-P3DT15H");
        assertThat(events).containsKey(ns.id() + "-budget-outset-budget@resolve.uk");

        String ics = Files.readString(dir.resolve("deadlines.ics"));
        assertThat(ics).doesNotContain("CHILDREF-7731", "REF-CROYDON", "Marker Childname", "CONCERN-MARKER",
                "closed without an assessment");
    }

    @Test
    void anHourDeadlineIsAnEventAtItsExactMoment() throws Exception {
        services();
        CaseState opened = openNorthSomerset();
        clock.set("2026-12-21T12:00");
        CaseState c = s.cases().discuss(opened.id(), new DiscussionRequest("Duty social worker",
                "phone", "No agreement", null, false, instant("2026-12-21T11:30")));
        DueAt due = c.deadlines().stream().filter(d -> d.id().equals("line-manager-contact")).findFirst()
                .orElseThrow().due();
        VEvent e = withLabel(export(false), "Line managers make contact");
        // 24 hours from 11:30 GMT
        assertThat(due.wholeDay()).isFalse();
        assertThat(prop(e, Property.DTSTART)).isEqualTo("20261222T113000Z");
        assertThat(prop(e, Property.DTEND)).isEqualTo("20261222T120000Z");
    }

    @Test
    void aShortenedDeadlineUpdatesItsEventAndAnEscalatedStagesDeadlineIsCancelled() throws Exception {
        CaseState c = services().cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00"));
        String stage1 = c.id() + "-s1-stage@resolve.uk";
        export(false);

        s.cases().shortenDeadline(c.id(), "stage", DueAt.endOf(java.time.LocalDate.of(2026, 12, 23)), "Child at risk");
        Map<String, VEvent> second = export(false);
        assertThat(prop(second.get(stage1), Property.SEQUENCE)).isEqualTo("1");
        assertThat(prop(second.get(stage1), Property.DTSTART)).isEqualTo("20261223");
        assertThat(Files.readString(dir.resolve("deadlines.ics"))).doesNotContain("Child at risk");

        Map<String, VEvent> same = export(false);
        assertThat(prop(same.get(stage1), Property.SEQUENCE)).as("unchanged: same revision").isEqualTo("1");

        clock.set("2026-12-22T10:00");
        s.cases().escalate(c.id(), "No agreement", null, instant("2026-12-22T10:00"));
        Map<String, VEvent> third = export(false);
        assertThat(prop(third.get(stage1), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(prop(third.get(stage1), Property.SEQUENCE)).isEqualTo("2");
        assertThat(third.get(stage1).getAlarms()).isEmpty();
        VEvent stage2 = third.get(c.id() + "-s2-stage@resolve.uk");
        assertThat(prop(stage2, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(prop(stage2, Property.SEQUENCE)).isEqualTo("0");
    }

    @Test
    void aResolvedCaseCancelsEveryEventOfIt() throws Exception {
        CaseState c = services().cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00"));
        export(false);
        clock.set("2026-12-21T16:00");
        s.cases().resolve(c.id(), new ResolveRequest("Assessment agreed", null, null, instant("2026-12-21T15:00")));
        Map<String, VEvent> after = export(false);
        assertThat(after).isNotEmpty();
        assertThat(after.values()).allSatisfy(e -> assertThat(prop(e, Property.STATUS)).isEqualTo("CANCELLED"));
    }

    @Test
    void aMetDeadlineIsCancelledAndNoLongerReminded() throws Exception {
        CaseState c = services().cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00"));
        String uid = c.id() + "-s1-stage@resolve.uk";
        assertThat(prop(export(false).get(uid), Property.STATUS)).isNotEqualTo("CANCELLED");
        clock.set("2026-12-22T10:00");
        s.cases().meetDeadline(c.id(), "stage", null, instant("2026-12-22T09:30"));
        assertThat(prop(export(false).get(uid), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(s.deadlineCalendar().open(false)).noneMatch(o -> o.event().uid().equals(uid));
    }

    @Test
    void aTeamCaseIsInTheManagersCalendarOnlyWithAll() throws Exception {
        CaseState c = services().cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00"));
        s.close();
        s = Services.openUnencrypted(dir.resolve("resolve.mv.db"), clock, new Actor("Team Manager", Role.MANAGER,
                "Test team"));
        assertThat(export(false)).isEmpty();
        assertThat(export(true)).containsKey(c.id() + "-s1-stage@resolve.uk");
    }

    @Test
    void aFileThatCannotBeWrittenIsRefusedWithWhereAndWhyAndNothingIsRemembered() throws Exception {
        CaseState c = services().cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00"));
        Path missing = dir.resolve("no-such-folder").resolve("deadlines.ics");
        assertThatThrownBy(() -> s.deadlineCalendar().export(missing, false)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining(missing.getParent().toString()).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> s.deadlineCalendar().export(dir, false)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("is a folder");
        // had the refused exports been remembered, a shortened deadline would come out at revision 2 or more
        s.cases().shortenDeadline(c.id(), "stage", DueAt.endOf(java.time.LocalDate.of(2026, 12, 23)), "Sooner");
        assertThat(prop(export(false).get(c.id() + "-s1-stage@resolve.uk"), Property.SEQUENCE)).isEqualTo("0");
    }
}
