/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.EnglandWalesCalendar;
import uk.resolve.domain.time.UkTime;
import uk.resolve.policy.PolicyLoader;

/** The procedure's rules on when things happened, anchors, met deadlines, facts, switches and gates. */
class EscalationRulesTest {

    static Policy joint() {
        try (InputStream in = EscalationRulesTest.class.getResourceAsStream("/procedures/joint-protocol.yaml")) {
            return PolicyLoader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), "joint-protocol.yaml");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final Policy policy = joint();
    private final CaseProjector projector = new CaseProjector(new EnglandWalesCalendar());
    private final List<Entry> entries = new ArrayList<>();
    private Instant now;
    private long seq;

    private static Instant at(String local) {
        return UkTime.instant(LocalDateTime.parse(local));
    }

    private CaseCommands cmd() {
        return new CaseCommands("A Worker", now);
    }

    private CaseState state() {
        return projector.project(entries, policy, now);
    }

    private void add(NewEntry n) {
        entries.add(new Entry(n.id(), n.caseId(), n.type(), n.author(), "device", ++seq, n.writtenAt(), n.happenedAt(),
                n.data(), null, "h" + seq));
    }

    private OpenCaseRequest request(boolean risk, int start) {
        return new OpenCaseRequest("joint-protocol", "adults", "REF-1", null, ChildStatus.CHILD_IN_NEED, "A Worker",
                "School", "Social care", null, "thresholds", "The concern", null, null, risk, start,
                start > 1 ? "Danger now" : null, false, null);
    }

    private CaseState open(String nowLocal, String arose, Map<String, Instant> dates, Map<String, String> facts) {
        now = at(nowLocal);
        add(cmd().open(policy, request(false, 1).with(arose == null ? null : at(arose), dates, facts)));
        return state();
    }

    private CaseState openPlain(String nowLocal) {
        return open(nowLocal, "2027-01-11T09:00", Map.of("decision", at("2027-01-08T15:00")), Map.of("iro", "no"));
    }

    private DeadlineStatus deadline(CaseState c, String id) {
        return c.deadlines().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private DiscussionRequest talk(String method, String when) {
        return new DiscussionRequest("Social worker", method, "Talked it through", null, false,
                when == null ? null : at(when));
    }

    @Test
    void aDiscussionHeldThisMorningCanBeRecordedAfterOpeningThisAfternoon() {
        CaseState c = openPlain("2027-01-11T15:00");
        add(cmd().discuss(c, talk("phone", "2027-01-11T10:00")).get(0));
        assertThat(state().chronology()).hasSize(2);
        assertThatThrownBy(() -> cmd().discuss(state(), talk("phone", "2027-01-11T08:59")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("before the disagreement arose");
        assertThatThrownBy(() -> cmd().discuss(state(), talk("phone", "2027-01-12T10:00")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("future");
    }

    @Test
    void anEntryWrittenMoreThanADayAfterTheEventShowsAsRecordedLater() {
        CaseState c = openPlain("2027-01-13T15:00");
        add(cmd().discuss(c, talk("phone", "2027-01-11T10:00")).get(0));
        add(cmd().discuss(state(), talk("phone", "2027-01-13T09:00")).get(0));
        var items = state().chronology();
        assertThat(items.get(0).recordedLater()).isFalse();
        assertThat(items.stream().filter(i -> i.entry().type() == EntryType.DISCUSSION_RECORDED)
                .map(ChronologyItem::recordedLater).toList()).containsExactly(true, false);
    }

    @Test
    void aRequiredDateMustBeGivenAtOpening() {
        now = at("2027-01-11T15:00");
        assertThatThrownBy(() -> cmd().open(policy, request(false, 1))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("decision");
    }

    @Test
    void anAnswerNotAmongTheChoicesIsRefused() {
        now = at("2027-01-11T15:00");
        assertThatThrownBy(() -> cmd().open(policy, request(false, 1).with(null,
                Map.of("decision", at("2027-01-08T15:00")), Map.of("iro", "perhaps"))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("yes, no");
    }

    @ParameterizedTest(name = "{0}: due {1}")
    @CsvSource({
            // date:decision, Friday 8 January 2027: 2 working days is Tuesday 12
            "raise,   2027-01-12",
            // first discussion Monday 11 January 10:00: 1 working day is Tuesday 12
            "reply,   2027-01-12",
            // the shared budget: 5 working days from opening on Monday 11 January
            "overall, 2027-01-18",
    })
    void deadlinesCountFromTheirNamedAnchor(String id, String due) {
        CaseState c = openPlain("2027-01-11T15:00");
        add(cmd().discuss(c, talk("phone", "2027-01-11T10:00")).get(0));
        assertThat(deadline(state(), id).due().iso()).isEqualTo(due);
    }

    @Test
    void aDeadlineFromAnotherDeadlineStartsWhenThatOneIsMetAndAMetDeadlineStaysMet() {
        CaseState c = openPlain("2027-01-11T15:00");
        add(cmd().discuss(c, talk("phone", "2027-01-11T10:00")).get(0));
        assertThat(state().deadlines()).extracting(DeadlineStatus::id).doesNotContain("follow-up");
        now = at("2027-01-12T16:00");
        add(cmd().meetDeadline(state(), "reply", "They replied", at("2027-01-12T11:00")));
        DeadlineStatus reply = deadline(state(), "reply");
        assertThat(reply.met()).isTrue();
        assertThat(reply.metOnTime()).isTrue();
        assertThat(deadline(state(), "follow-up").due()).isEqualTo(DueAt.at(LocalDateTime.parse("2027-01-13T11:00")));
        // well past the reply deadline: never overdue, and later discussions do not move it
        now = at("2027-01-20T12:00");
        add(cmd().discuss(state(), talk("phone", null)).get(0));
        reply = deadline(state(), "reply");
        assertThat(reply.overdue()).isFalse();
        assertThat(reply.due().iso()).isEqualTo("2027-01-12");
        assertThatThrownBy(() -> cmd().meetDeadline(state(), "reply", null, null)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already met");
        assertThatThrownBy(() -> cmd().meetDeadline(state(), "nope", null, null)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("no deadline 'nope'");
    }

    @Test
    void aDeadlineMetLateShowsAsNotOnTimeButNotOverdue() {
        openPlain("2027-01-11T15:00");
        now = at("2027-01-15T12:00");
        add(cmd().meetDeadline(state(), "raise", null, at("2027-01-14T12:00")));
        assertThat(deadline(state(), "raise").metOnTime()).isFalse();
        assertThat(deadline(state(), "raise").overdue()).isFalse();
    }

    @ParameterizedTest(name = "iro={0}: IRO deadline and notification apply: {1}")
    @CsvSource({"yes, true", "no, false"})
    void rulesTestingAFactApplyOnlyWhenItHolds(String iro, boolean applies) {
        open("2027-01-11T15:00", null, Map.of("decision", at("2027-01-08T15:00")), Map.of("iro", iro));
        assertThat(state().deadlines().stream().anyMatch(d -> d.id().equals("iro-view"))).isEqualTo(applies);
        assertThat(state().notifications().stream().anyMatch(n -> n.id().equals("iro"))).isEqualTo(applies);
    }

    @Test
    void anAnswerChangedLaterChangesTheRules() {
        openPlain("2027-01-11T15:00");
        assertThat(state().notifications()).extracting(NotificationStatus::id).doesNotContain("iro");
        add(cmd().answer(state(), policy, "iro", "Yes"));
        assertThat(state().context().facts()).containsEntry("iro", "yes");
        assertThat(state().notifications()).extracting(NotificationStatus::id).contains("iro");
    }

    @Test
    void escalationIsRefusedUntilTheRequiredStepIsTicked() {
        openPlain("2027-01-11T15:00");
        assertThatThrownBy(() -> cmd().escalate(state(), policy, "Not agreed", null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("The line manager checks the concern is justified");
        add(cmd().tick(state(), policy, "justified", null, null));
        assertThatThrownBy(() -> cmd().tick(state(), policy, "justified", null, null)).isInstanceOf(RuleViolation.class);
        add(cmd().escalate(state(), policy, "Not agreed", null, null));
        assertThat(state().stage()).isEqualTo(2);
    }

    @Test
    void aFastTrackSwitchIsAnEntryWithItsReasonAndTheRouteIsKept() {
        openPlain("2027-01-11T15:00");
        assertThat(state().context().switches()).extracting(s -> s.to()).containsExactly("fast");
        assertThatThrownBy(() -> cmd().switchTrack(state(), policy, "fast", " ", null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> cmd().switchTrack(state(), policy, "children", "x", null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("no switch to 'children'");
        add(cmd().switchTrack(state(), policy, "fast", "Significant risk", null));
        CaseState c = state();
        assertThat(c.trackId()).isEqualTo("fast");
        assertThat(c.context().route()).containsExactly("adults", "fast");
        assertThat(c.visits()).extracting(StageVisit::trackId).containsExactly("adults", "fast");
        assertThat(deadline(c, "senior").due()).isEqualTo(DueAt.at(LocalDateTime.parse("2027-01-12T15:00")));
        // immediately: due at once, overdue only after the end of the working day
        assertThat(deadline(c, "act").overdue()).isFalse();
        now = at("2027-01-12T00:01");
        assertThat(deadline(state(), "act").overdue()).isTrue();
    }

    @Test
    void aSwitchTestingAFactIsOfferedOnceItIsAnsweredAndEachTrackHasItsFinalArbiter() {
        openPlain("2027-01-11T15:00");
        add(cmd().answer(state(), policy, "urgency", "urgent"));
        assertThat(state().context().switches()).extracting(s -> s.to()).containsExactly("fast", "children");
        add(cmd().switchTrack(state(), policy, "children", null, null));
        assertThat(state().deadlines()).isEmpty();
        // counted in elapsed hours from the conference, across the spring clock change
        add(cmd().recordDate(state(), policy, "conference", at("2027-03-27T14:00")));
        assertThat(deadline(state(), "respond").due()).isEqualTo(DueAt.at(LocalDateTime.parse("2027-03-28T15:00")));
        assertThat(policy.finalArbiter(policy.track(state().trackId()).orElseThrow()).title())
                .isEqualTo("Children's Safeguarding Partnership executive");
        assertThat(policy.finalArbiter(policy.track("adults").orElseThrow()).title())
                .isEqualTo("Safeguarding Adults Board chair");
    }

    @Test
    void aMeetingRecordedAtTheStageRequiresTheStatementNotification() {
        CaseState c = openPlain("2027-01-11T15:00");
        assertThat(c.notifications()).extracting(NotificationStatus::id).doesNotContain("statement");
        add(cmd().discuss(c, talk("meeting", "2027-01-11T14:00")).get(0));
        assertThat(state().notifications()).extracting(NotificationStatus::id).contains("statement");
    }

    @Test
    void anImmediateRiskCaseAsksToActNowUntilTheActionIsRecorded() {
        now = at("2027-01-11T15:00");
        add(cmd().open(policy, request(true, 2).with(null, Map.of("decision", at("2027-01-11T09:00")), Map.of())));
        assertThat(state().actNow()).isTrue();
        add(cmd().riskAction(state(), "Rang the police and the front door", null));
        assertThat(state().actNow()).isFalse();
        assertThat(state().chronology()).extracting(i -> i.entry().type()).contains(EntryType.RISK_ACTION);
    }

    @ParameterizedTest(name = "outcome {0}: outcome letter due {1}")
    @CsvSource({"resolved-stage-3, true", "resolved-stage-1, false"})
    void aFormTestingTheOutcomeIsDueOnlyForThatOutcome(String outcome, boolean letter) {
        openPlain("2027-01-11T15:00");
        add(cmd().tick(state(), policy, "justified", null, null));
        add(cmd().escalate(state(), policy, "No agreement", null, null));
        add(cmd().escalate(state(), policy, "Still none", null, null));
        add(cmd().resolve(state(), policy, new ResolveRequest("Agreed", null, null, null, outcome)));
        assertThat(state().forms().stream().anyMatch(f -> f.form().equals("outcome-letter"))).isEqualTo(letter);
        assertThatThrownBy(() -> cmd().resolve(state(), policy, new ResolveRequest("x", null, null, null, "nonesuch")))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void unknownDatesAndFactsAreRefusedNamingThem() {
        openPlain("2027-01-11T15:00");
        assertThatThrownBy(() -> cmd().recordDate(state(), policy, "hearing", now)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("'hearing'").hasMessageContaining("decision, conference");
        assertThatThrownBy(() -> cmd().answer(state(), policy, "colour", "red")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("'colour'");
    }
}
