/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.escalation.CaseCommands;
import uk.resolve.domain.escalation.CaseProjector;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.report.PartnershipReport.CategoryCount;
import uk.resolve.domain.report.PartnershipReport.DeadlinesKept;
import uk.resolve.domain.report.PartnershipReport.StageTime;
import uk.resolve.domain.time.UkCalendar;
import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;
import uk.resolve.policy.PolicyLoader;

/** The report's own rules: categories per procedure, deadlines met on time, each procedure's calendar. */
class ReportCalculatorTest {

    private static final WorkingCalendar CALENDAR = new UkCalendar(UkCalendar.Region.ENGLAND_AND_WALES, List.of());
    private static final ReportQuery WINTER = new ReportQuery(
            new ReportPeriod(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-03-31")), null);

    private final Map<String, Policy> policies = new HashMap<>();
    private final List<Case> cases = new ArrayList<>();

    /** One case's entries, written by commands at the moments given. */
    private final class Case {
        final Policy policy;
        final List<Entry> entries = new ArrayList<>();
        long seq;

        Case(Policy policy, String category, String openedAt) {
            this.policy = policy;
            OpenCaseRequest r = new OpenCaseRequest(policy.id(), null, "REF-" + cases.size(), null,
                    ChildStatus.CHILD_IN_NEED, "A Worker", "School", "Social care", null, category, "The concern",
                    null, null, false, 1, null, false, at(openedAt));
            add(new CaseCommands("A Worker", at(openedAt)).open(policy, r));
            cases.add(this);
        }

        void add(NewEntry n) {
            entries.add(new Entry(n.id(), n.caseId(), n.type(), n.author(), "device", ++seq, n.writtenAt(),
                    n.happenedAt(), n.data(), null, "h" + seq));
        }

        CaseState state(Instant now) {
            return new CaseProjector(CALENDAR).project(entries, policy, now);
        }

        Case met(String deadline, String when) {
            add(new CaseCommands("A Worker", at(when)).meetDeadline(state(at(when)), deadline, null, at(when)));
            return this;
        }

        Case escalate(String when) {
            add(new CaseCommands("A Worker", at(when)).escalate(state(at(when)), policy, "No agreement", null,
                    at(when)));
            return this;
        }

        Case resolve(String when) {
            add(new CaseCommands("A Worker", at(when)).resolve(state(at(when)), policy,
                    new ResolveRequest("Agreed", null, null, at(when))));
            return this;
        }
    }

    private static Instant at(String local) {
        return UkTime.instant(LocalDateTime.parse(local));
    }

    private Policy policy(String resource, String from, String to) {
        try (InputStream in = ReportCalculatorTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(from, to);
            Policy p = PolicyLoader.load(text, resource);
            policies.put(p.id(), p);
            return p;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Policy bundled(String id) {
        return policy("/policies/" + id + ".yaml", "", "");
    }

    private PartnershipReport report(ReportQuery query, String now) {
        Instant n = at(now);
        Policy selected = query.policyId() == null ? null : policies.get(query.policyId());
        return new ReportCalculator(CALENDAR).compute(cases.stream().map(c -> c.state(n)).toList(), query,
                c -> policies.get(c.policyId()), selected, n);
    }

    private static CategoryCount category(PartnershipReport r, String procedure, String categoryId) {
        return r.categories().stream().filter(c -> c.procedure().equals(procedure) && c.categoryId().equals(categoryId))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + procedure + " / " + categoryId));
    }

    @Test
    void categoriesWithTheSameLabelInTwoProceduresAreCountedApart() {
        Policy croydon = bundled("croydon");
        Policy havering = bundled("havering");
        Policy northSomerset = bundled("north-somerset");
        new Case(croydon, "Levels of need", "2027-01-11T09:00");
        new Case(croydon, "levels-of-need", "2027-01-12T09:00");
        new Case(havering, "Levels of need", "2027-01-13T09:00");
        new Case(northSomerset, "Thresholds and levels of need", "2027-01-14T09:00");

        PartnershipReport r = report(WINTER, "2027-01-20T12:00");

        assertThat(category(r, "Croydon", "levels-of-need").raised()).isEqualTo(2);
        assertThat(category(r, "Havering", "levels-of-need").raised()).isEqualTo(1);
        assertThat(category(r, "North Somerset", "thresholds").raised()).isEqualTo(1);
        assertThat(category(r, "Croydon", "levels-of-need").label()).isEqualTo("Levels of need (Croydon)");
        assertThat(category(r, "North Somerset", "thresholds").label())
                .isEqualTo("Thresholds and levels of need (North Somerset)");
        // every listed category of each procedure is shown once, counted or not
        assertThat(r.categories()).hasSize(croydon.categories().size() + havering.categories().size()
                + northSomerset.categories().size());
        assertThat(r.categories().stream().mapToInt(CategoryCount::raised).sum()).isEqualTo(4);
    }

    @Test
    void aReportOnOneProcedureShowsItsCategoriesWithoutTheProcedureName() {
        Policy croydon = bundled("croydon");
        bundled("havering");
        new Case(croydon, "Communication", "2027-01-11T09:00");
        new Case(policies.get("havering"), "Levels of need", "2027-01-11T09:00");

        PartnershipReport r = report(new ReportQuery(WINTER.period(), "croydon"), "2027-01-20T12:00");

        assertThat(r.categories()).extracting(CategoryCount::label)
                .containsExactlyElementsOf(croydon.categories().stream().map(c -> c.label()).toList());
        assertThat(category(r, "Croydon", "communication").raised()).isEqualTo(1);
        assertThat(category(r, "Croydon", "levels-of-need").raised()).isZero();
    }

    @ParameterizedTest(name = "met {0}, figures at {1}: on time {2}, late {3}, open overdue {4}")
    @CsvSource({
            // Croydon stage 1: 7 working days from Monday 11 January 2027, so by Wednesday 20 January
            "2027-01-15T10:00, 2027-01-25T12:00, 1, 0, 0",
            "2027-01-20T16:00, 2027-01-25T12:00, 1, 0, 0",
            "2027-01-21T10:00, 2027-01-25T12:00, 0, 1, 0",
            "'',               2027-01-25T12:00, 0, 0, 1",
            "'',               2027-01-19T12:00, 0, 0, 0",
    })
    void deadlinesAreCountedMetOnTimeMetLateOrOpenAndOverdue(String metAt, String now, int onTime, int late,
                                                            int overdue) {
        Case c = new Case(bundled("croydon"), "Communication", "2027-01-11T09:00");
        if (!metAt.isEmpty()) {
            c.met("stage", metAt);
        }

        PartnershipReport r = report(WINTER, now);

        StageTime stage1 = r.stageTimes().stream().filter(t -> t.stage() == 1).findFirst().orElseThrow();
        assertThat(stage1.deadlines()).isEqualTo(new DeadlinesKept(onTime, late, overdue));
        assertThat(r.totalTimes().get(0).deadlines()).isEqualTo(new DeadlinesKept(onTime, late, overdue));
    }

    @Test
    void aDeadlineNotMetAtAStageTheCaseHasLeftIsNotCountedAsOpen() {
        Case c = new Case(bundled("croydon"), "Communication", "2027-01-11T09:00");
        c.escalate("2027-01-25T10:00").met("stage", "2027-01-26T10:00");

        PartnershipReport r = report(WINTER, "2027-02-15T12:00");

        assertThat(r.stageTimes().stream().filter(t -> t.stage() == 1).findFirst().orElseThrow().deadlines())
                .isEqualTo(DeadlinesKept.NONE);
        // stage 2 entered Monday 25 January: its 7 working days end Wednesday 3 February
        assertThat(r.stageTimes().stream().filter(t -> t.stage() == 2).findFirst().orElseThrow().deadlines())
                .isEqualTo(new DeadlinesKept(1, 0, 0));
    }

    @ParameterizedTest(name = "{0}: {1} working days, stage 1 timescale {2}")
    @CsvSource({
            // opened Thursday 31 December 2026, resolved Wednesday 6 January 2027. England and Wales: only
            // 1 January is a holiday, so 4, 5 and 6 January count; Scotland also keeps Monday 4 January (the
            // substitute for Saturday 2 January), so only 5 and 6 count
            "scotland,          2, met",
            "england-and-wales, 3, not met",
            "northern-ireland,  3, not met",
    })
    void workingDaysAreCountedOnTheCalendarTheProcedureNames(String calendar, int days, String timescales) {
        Policy p = policy("/procedures/scottish-procedure.yaml", "calendar: scotland", "calendar: " + calendar);
        Case c = new Case(p, "A decision about a child", "2026-12-31T10:00");
        c.met("speak", "2027-01-01T10:00").resolve("2027-01-06T10:00");

        PartnershipReport r = report(WINTER, "2027-01-20T12:00");

        assertThat(r.cases().get(0).workingDays()).isEqualTo(days);
        assertThat(r.cases().get(0).timescales()).isEqualTo(timescales);
    }

    @Test
    void theFiguresDoNotDependOnTheOrderOfTheCases() {
        Policy croydon = bundled("croydon");
        Policy havering = bundled("havering");
        new Case(croydon, "Levels of need", "2027-01-11T09:00").met("stage", "2027-01-21T10:00");
        new Case(havering, "Levels of need", "2027-01-12T09:00").escalate("2027-01-14T09:00");
        new Case(croydon, "Communication", "2027-01-13T09:00").resolve("2027-01-15T09:00");
        PartnershipReport forward = report(WINTER, "2027-02-01T12:00");
        java.util.Collections.reverse(cases);
        PartnershipReport backward = report(WINTER, "2027-02-01T12:00");
        assertThat(backward.categories()).isEqualTo(forward.categories());
        assertThat(backward.stageTimes()).isEqualTo(forward.stageTimes());
        assertThat(backward.totalTimes()).isEqualTo(forward.totalTimes());
    }

    @Test
    void sealedLearningShowsOnlyAsOpenedForTheReportAndClearLearningWithoutItsOwnChildsReference() {
        Policy croydon = bundled("croydon");
        Case sealed = new Case(croydon, "Levels of need", "2027-01-11T09:00");
        sealed.add(new CaseCommands("A Worker", at("2027-01-13T09:00")).resolve(sealed.state(at("2027-01-13T09:00")),
                croydon, new ResolveRequest("Agreed", null, "Meet sooner.", at("2027-01-13T09:00"))));
        // as a sealed case's record holds it: the learning only in the board's sealed copy (decision 0017)
        Entry resolved = sealed.entries.remove(sealed.entries.size() - 1);
        java.util.TreeMap<String, String> data = new java.util.TreeMap<>(resolved.data());
        data.remove("learning");
        data.put(uk.resolve.domain.record.BoardContent.SEALED, "c2VhbGVk");
        data.put(uk.resolve.domain.record.BoardContent.REPORT_KEY, "key-1");
        data.put(uk.resolve.domain.record.BoardContent.REPORT_WRAPPED, "d3JhcHBlZA==");
        sealed.entries.add(resolved.withData(data));
        Case clear = new Case(croydon, "Communication", "2027-01-12T09:00");
        clear.add(new CaseCommands("A Worker", at("2027-01-14T09:00")).resolve(clear.state(at("2027-01-14T09:00")),
                croydon, new ResolveRequest("Agreed", null, "REF-1 showed us the pangolin route.",
                        at("2027-01-14T09:00"))));
        Instant now = at("2027-02-01T12:00");
        ReportCalculator calculator = new ReportCalculator(CALENDAR);

        ReportFacts sealedFacts = calculator.facts(sealed.state(now), croydon);
        assertThat(sealedFacts.boardText()).isTrue();
        assertThat(sealedFacts.board()).singleElement().satisfies(b -> {
            assertThat(b.isSealed()).isTrue();
            assertThat(b.learning()).isNull();
            assertThat(b.reportKeyId()).isEqualTo("key-1");
        });
        ReportFacts clearFacts = calculator.facts(clear.state(now), croydon);
        assertThat(clearFacts.board()).singleElement().satisfies(b -> {
            assertThat(b.isSealed()).isFalse();
            assertThat(b.learning()).contains("pangolin route").doesNotContain("REF-1");
        });

        // without the sealed copy opened, only the clear learning shows; opened, both do
        ReportCalculator.Accumulator shut = calculator.accumulator(WINTER, (id, v) -> croydon, null, now);
        shut.add(sealedFacts);
        shut.add(clearFacts);
        assertThat(shut.report().learning()).extracting(PartnershipReport.LearningItem::learning)
                .singleElement().asString().contains("pangolin route");
        ReportCalculator.Accumulator opened = calculator.accumulator(WINTER, (id, v) -> croydon, null, now);
        opened.add(sealedFacts, Map.of(sealedFacts.board().get(0).entryId(), Map.of("learning", "Meet sooner.")));
        opened.add(clearFacts, Map.of());
        assertThat(opened.report().learning()).extracting(PartnershipReport.LearningItem::learning)
                .hasSize(2).contains("Meet sooner.");
    }
}
