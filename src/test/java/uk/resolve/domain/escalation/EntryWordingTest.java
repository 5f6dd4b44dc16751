/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.EnglandWalesCalendar;
import uk.resolve.testing.CaseRun;

/** The one wording of each kind of entry, as the projector builds it into the entries' views. */
class EntryWordingTest {

    private static final Map<String, String> PEOPLE = Map.of("sam", "Sam Lee", "alex", "Alex Worker", "bea", "Bea Khan");

    private final List<Entry> entries = new ArrayList<>();
    private Policy policy = CaseRun.load("/procedures/joint-protocol.yaml");
    private Instant now = CaseRun.at("2027-01-11T09:00");
    private long seq;

    private CaseState state() {
        return new CaseProjector(new EnglandWalesCalendar(), login -> PEOPLE.get(login)).project(entries, policy, now);
    }

    private CaseState as(String author, Function<CaseCommands, NewEntry> action) {
        NewEntry n = action.apply(new CaseCommands(author, now));
        entries.add(new Entry(n.id(), n.caseId(), n.type(), n.author(), "device", ++seq, n.writtenAt(), n.happenedAt(),
                n.data(), null, "h" + seq));
        return state();
    }

    private CaseState open(String category) {
        OpenCaseRequest r = new OpenCaseRequest(policy.id(), null, "REF-1", null, ChildStatus.CHILD_IN_NEED,
                "Alex Worker", "Oak School", "Children's Social Care", null, category, "The concern", "Notes on file",
                "A plan agreed", false, 1, null, false, null)
                .with(CaseRun.at("2027-01-08T15:00"), policy.date("decision").isPresent()
                        ? Map.of("decision", CaseRun.at("2027-01-08T15:00")) : Map.of(),
                        policy.fact("iro").isPresent() ? Map.of("iro", "yes") : Map.of());
        return as("alex", c -> c.open(policy, r));
    }

    private EntryView last(CaseState c, EntryType type) {
        return c.chronology().stream().map(ChronologyItem::view).filter(v -> v.type() == type)
                .reduce((a, b) -> b).orElseThrow();
    }

    private static List<String> lines(EntryView v) {
        return v.details().stream().map(EntryView.Line::text).toList();
    }

    @Test
    void theConcernReadsAsWrittenWithItsCategoryByLabelAndItsAuthorByName() {
        CaseState c = open(policy.categories().get(0).id());
        EntryView v = last(c, EntryType.CASE_OPENED);
        assertThat(v.what()).isEqualTo("The concern");
        assertThat(v.author()).isEqualTo("Alex Worker");
        assertThat(v.authorLogin()).isEqualTo("alex");
        assertThat(lines(v)).containsExactly("Category: " + policy.categories().get(0).label(),
                "Evidence: Notes on file", "Outcome wanted: A plan agreed");
        assertThat(v.kind()).isEqualTo("Concern raised");
    }

    @ParameterizedTest
    @CsvSource({"phone, by phone", "meeting, at a meeting", "e-mail, by e-mail", "video, by video call",
            "other, by other means"})
    void aDiscussionSaysWithWhomAndHowInWords(String method, String words) {
        open(policy.categories().get(0).id());
        CaseState c = null;
        for (NewEntry n : new CaseCommands("alex", now).discuss(state(), new DiscussionRequest("Jo Smith, social worker",
                method, "We talked", "Jo sends the plan", false, now))) {
            c = as("alex", x -> n);
        }
        EntryView v = last(c, EntryType.DISCUSSION_RECORDED);
        assertThat(v.what()).isEqualTo("We talked");
        assertThat(lines(v)).containsExactly("With: Jo Smith, social worker, " + words,
                "Agreed actions: Jo sends the plan", "Not resolved by this discussion.");
    }

    @Test
    void aFormIsNamedByItsTitleAndItsFieldsByTheirLabelsNeverByIds() {
        policy = CaseRun.load("/policies/croydon.yaml");
        CaseState c = open(policy.categories().get(0).id());
        c = as("alex", x -> x.completeForm(state(), "appendix-a", 3, 2, Map.of("concern", "A dispute about thresholds")));
        EntryView v = last(c, EntryType.FORM_COMPLETED);
        String title = policy.form("appendix-a").orElseThrow().title();
        assertThat(v.what()).isEqualTo(title + " completed (version 2)").doesNotContain("appendix-a");
        assertThat(lines(v)).containsExactly("Brief description of your concern about a decision made: A dispute about"
                + " thresholds");
    }

    @Test
    void approvalsAndSignaturesNameThePersonAndTheBlock() {
        policy = CaseRun.load("/policies/croydon.yaml");
        open(policy.categories().get(0).id());
        CaseState c = as("alex", x -> x.completeForm(state(), "appendix-a", 3, 1, Map.of()));
        UUID form = last(c, EntryType.FORM_COMPLETED).entryId();
        c = as("sam", x -> x.signForm(state(), form, "initiating", "Signature of initiating manager", "Manager",
                "Oak School", "Read it"));
        EntryView v = last(c, EntryType.FORM_COMPLETED);
        assertThat(v.approvals()).hasSize(1);
        assertThat(v.approvals().get(0).heading()).startsWith("Signed by Sam Lee on ")
                .endsWith(" in the block “Signature of initiating manager”");
        assertThat(v.approvals().get(0).text()).isEqualTo("Read it");
        assertThat(v.approvals().get(0).byLogin()).isEqualTo("sam");
    }

    @Test
    void aCorrectionIsBesideTheEntryWithWhoAndWhyAndTheEntryKeepsItsFirstWording() {
        CaseState c = open(policy.categories().get(0).id());
        UUID opened = last(c, EntryType.CASE_OPENED).entryId();
        c = as("bea", x -> x.correct(state(), opened, "Wrong school named", "The corrected concern"));
        EntryView v = last(c, EntryType.CASE_OPENED);
        assertThat(v.what()).isEqualTo("The concern");
        assertThat(v.currentText()).isEqualTo("The corrected concern");
        assertThat(v.corrections().get(0).heading()).startsWith("Corrected on ").contains("by Bea Khan")
                .endsWith("Reason: Wrong school named");
        assertThat(c.chronology()).noneMatch(i -> i.view().type() == EntryType.CORRECTION);
    }

    @Test
    void aChangedAnswerSaysWhatItWasBeforeInTheProceduresWords() {
        open(policy.categories().get(0).id());
        as("alex", x -> x.answer(state(), policy, "urgency", "urgent"));
        CaseState c = as("alex", x -> x.answer(state(), policy, "urgency", "not-urgent"));
        EntryView v = last(c, EntryType.FACT_ANSWERED);
        assertThat(v.what()).isEqualTo("How urgent is the disagreement? Not urgent");
        assertThat(lines(v)).containsExactly("Changed from: Urgent");
    }

    @Test
    void anAnswerGivenAtOpeningCountsAsTheEarlierAnswer() {
        open(policy.categories().get(0).id());
        CaseState c = as("alex", x -> x.answer(state(), policy, "iro", "no"));
        assertThat(lines(last(c, EntryType.FACT_ANSWERED))).containsExactly("Changed from: Yes");
    }

    @Test
    void deadlinesMetAndBroughtForwardAreNamedByTheProceduresLabel() {
        open(policy.categories().get(0).id());
        CaseState c = as("alex", x -> x.meetDeadline(state(), "raise", "Phoned", now));
        assertThat(last(c, EntryType.DEADLINE_MET).what()).isEqualTo("Done: Raise it within 2 working days of the decision");
        DueAt sooner = DueAt.endOf(java.time.LocalDate.of(2027, 1, 12));
        c = as("alex", x -> x.shorten(state(), policy, "overall", sooner, "The child is at risk"));
        EntryView v = last(c, EntryType.DEADLINE_SHORTENED);
        assertThat(v.what()).isEqualTo("The child is at risk");
        assertThat(lines(v)).contains("Deadline: Resolve or reach stage 3").anyMatch(l -> l.startsWith("New deadline: 12"));
    }

    @Test
    void sharingAndNotificationsSayWhoInWords() {
        open(policy.categories().get(0).id());
        CaseState c = as("alex", x -> NewEntry.of(state().id(), EntryType.CASE_SHARED, "alex", now, now,
                Map.of(EntryText.WITH, "bea", EntryText.NOTE, "Covering my leave")));
        assertThat(last(c, EntryType.CASE_SHARED).what()).isEqualTo("Shared with Bea Khan");
        c = as("alex", x -> x.markNotificationSent(state(), "iro", 1, "E-mailed", now));
        EntryView v = last(c, EntryType.NOTIFICATION_SENT);
        assertThat(v.what()).isEqualTo("Told IRO service manager (required at stage 1)");
        assertThat(lines(v)).containsExactly("How it was sent: E-mailed");
    }

    @Test
    void aChangeOfRouteNamesBothRoutes() {
        open(policy.categories().get(0).id());
        CaseState c = as("alex", x -> x.switchTrack(state(), policy, "fast", "Danger now", now));
        EntryView v = last(c, EntryType.TRACK_SWITCHED);
        assertThat(v.what()).startsWith("Route changed to " + policy.track("fast").orElseThrow().name());
        assertThat(lines(v)).contains("Reason: Danger now").anyMatch(l -> l.startsWith("From: "
                + policy.defaultTrack().name()));
    }

    @Test
    void unknownPeopleAreShownByTheirSignInName() {
        open(policy.categories().get(0).id());
        CaseState c = as("casual", x -> x.withdraw(state(), "No longer needed", now));
        EntryView v = last(c, EntryType.WITHDRAWN);
        assertThat(v.author()).isEqualTo("casual");
        assertThat(v.what()).isEqualTo("No longer needed");
    }

    @Test
    void anEntryWrittenMoreThanADayAfterTheEventIsRecordedLater() {
        open(policy.categories().get(0).id());
        now = CaseRun.at("2027-01-14T09:00");
        CaseState c = as("alex", x -> x.withdraw(state(), "No longer needed", CaseRun.at("2027-01-11T10:00")));
        assertThat(last(c, EntryType.WITHDRAWN).recordedLater()).isTrue();
        assertThat(last(c, EntryType.CASE_OPENED).recordedLater()).isFalse();
    }
}
