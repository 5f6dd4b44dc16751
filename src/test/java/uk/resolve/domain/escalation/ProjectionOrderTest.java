/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.time.EnglandWalesCalendar;
import uk.resolve.testing.CaseRun;

/**
 * Two copies holding the same entries show the same case, whatever order the entries arrived in: tried on
 * hundreds of shuffled arrival orders of a record written on two devices, with corrections, approvals,
 * changed answers, met deadlines, a change of route and an escalation.
 */
class ProjectionOrderTest {

    private final Policy policy = CaseRun.load("/procedures/joint-protocol.yaml");
    private final CaseProjector projector = new CaseProjector(new EnglandWalesCalendar(),
            login -> Map.of("alex", "Alex Worker", "sam", "Sam Lee").get(login));
    private final List<Entry> entries = new ArrayList<>();
    private Instant now;
    private long seqA;
    private long seqB;

    private CaseState state() {
        return projector.project(entries, policy, now);
    }

    /** Adds the entry {@code author} makes, written on their own device. */
    private CaseState as(String author, String ukLocal, Function<CaseCommands, NewEntry> action) {
        now = CaseRun.at(ukLocal);
        NewEntry n = action.apply(new CaseCommands(author, now));
        boolean a = author.equals("alex");
        entries.add(new Entry(n.id(), n.caseId(), n.type(), n.author(), a ? "laptop-a" : "laptop-b", a ? ++seqA : ++seqB,
                n.writtenAt(), n.happenedAt(), n.data(), null, "h" + entries.size()));
        return state();
    }

    private List<Entry> aRichRecord(String route) {
        OpenCaseRequest r = new OpenCaseRequest(policy.id(), null, "REF-1", null, ChildStatus.CHILD_IN_NEED,
                "Alex Worker", "Oak School", "Children's Social Care", null, policy.categories().get(0).id(),
                "The concern", "Notes", null, false, 1, null, false, null)
                .with(CaseRun.at("2027-01-08T15:00"), Map.of("decision", CaseRun.at("2027-01-08T15:00")),
                        Map.of("iro", "yes"));
        as("alex", "2027-01-11T09:00", c -> c.open(policy, r));
        now = CaseRun.at("2027-01-11T11:05");
        for (NewEntry n : new CaseCommands("alex", now).discuss(state(), new DiscussionRequest("Jo", "phone",
                "We talked", null, false, CaseRun.at("2027-01-11T11:00")))) {
            as("alex", "2027-01-11T11:05", c -> n);
        }
        UUID talk = discussion(state()).entryId();
        as("sam", "2027-01-11T12:00", c -> c.approve(state(), talk, "Agreed"));
        as("alex", "2027-01-11T12:30", c -> c.correct(state(), talk, "Typo", "We talked at length"));
        as("alex", "2027-01-11T13:00", c -> c.answer(state(), policy, "urgency", "urgent"));
        as("sam", "2027-01-11T13:00", c -> c.answer(state(), policy, "urgency", "not-urgent"));
        as("alex", "2027-01-11T14:00", c -> c.meetDeadline(state(), "raise", "Raised", CaseRun.at("2027-01-11T09:30")));
        as("sam", "2027-01-11T15:00", c -> c.markNotificationSent(state(), "iro", 1, null, null));
        if (route.equals("fast")) {
            as("alex", "2027-01-12T09:00", c -> c.switchTrack(state(), policy, "fast", "Danger", null));
        } else {
            as("sam", "2027-01-12T08:00", c -> c.tick(state(), policy, "justified", null, null));
            as("alex", "2027-01-12T09:00", c -> c.escalate(state(), policy, "Not resolved", "Notes", null));
            as("sam", "2027-01-12T10:00", c -> c.withdraw(state(), "No longer needed", null));
        }
        now = CaseRun.at("2027-01-13T09:00");
        return List.copyOf(entries);
    }

    private static EntryView discussion(CaseState c) {
        return c.chronology().stream().map(ChronologyItem::view)
                .filter(v -> v.type() == EntryType.DISCUSSION_RECORDED).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"escalated", "fast"})
    void everyArrivalOrderGivesTheSameCaseAndTheSameViews(String route) {
        List<Entry> record = aRichRecord(route);
        CaseState expected = projector.project(record, policy, now);
        assertThat(expected.chronology()).extracting(i -> i.view().type()).contains(EntryType.FACT_ANSWERED);
        Random random = new Random(15);
        for (int i = 0; i < 400; i++) {
            List<Entry> shuffled = new ArrayList<>(record);
            Collections.shuffle(shuffled, random);
            CaseState got = projector.project(shuffled, policy, now);
            assertThat(got).as("arrival order %s", shuffled.stream().map(e -> e.type().code()).toList())
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"escalated", "fast"})
    void theViewsCarryCorrectionsApprovalsAndPreviousAnswersWhateverTheOrder(String route) {
        List<Entry> record = new ArrayList<>(aRichRecord(route));
        Collections.reverse(record);
        CaseState c = projector.project(record, policy, now);
        EntryView talk = discussion(c);
        assertThat(talk.currentText()).isEqualTo("We talked at length");
        assertThat(talk.approvals()).extracting(EntryView.Note::heading).singleElement().asString()
                .startsWith("Approved by Sam Lee");
        EntryView changed = c.chronology().stream().map(ChronologyItem::view)
                .filter(v -> v.type() == EntryType.FACT_ANSWERED).reduce((a, b) -> b).orElseThrow();
        assertThat(changed.details()).extracting(EntryView.Line::text).containsExactly("Changed from: Urgent");
    }
}
