/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.UkCalendar;
import uk.resolve.domain.workspace.CaseAction.Kind;
import uk.resolve.domain.workspace.CaseScreen.EntryRow;
import uk.resolve.domain.workspace.CaseScreen.StageState;
import uk.resolve.testing.CaseRun;

/** What the workspace shows of a case, worked out without a window. */
class WorkspacePresenterTest {

    private final CaseRun run = new CaseRun(CaseRun.load("/procedures/joint-protocol.yaml"));
    private final WorkspacePresenter presenter = new WorkspacePresenter(
            new UkCalendar(UkCalendar.Region.ENGLAND_AND_WALES, List.of()));
    private static final WorkspacePresenter.Viewer WORKER = new WorkspacePresenter.Viewer("A Worker", false, false);
    private static final WorkspacePresenter.Viewer MANAGER = new WorkspacePresenter.Viewer("Sam", true, true);

    private CaseState opened() {
        return run.open("2027-01-11T09:00", null, false, 1, Map.of("decision", CaseRun.at("2027-01-08T15:00")),
                Map.of("iro", "yes"));
    }

    private CaseScreen screen(CaseState c, WorkspacePresenter.Viewer viewer) {
        return presenter.present(c, run.policy(), viewer, CaseRun.at("2027-01-11T10:00"), Set.of());
    }

    private static EntryRow row(CaseScreen s, EntryType type) {
        return s.chronology().stream().filter(r -> r.view().type() == type).findFirst().orElseThrow();
    }

    @Test
    void anOpenCaseSaysWhereItIsAndOffersToEscalateToTheNextStage() {
        CaseScreen s = screen(opened(), WORKER);
        assertThat(s.header().title()).isEqualTo("Child REF-1");
        assertThat(s.header().status()).startsWith("Open · stage 1 of ");
        assertThat(s.header().canEscalate()).isTrue();
        assertThat(s.header().escalateLabel()).isEqualTo("_Escalate to stage 2");
        assertThat(s.now().heading()).startsWith("Now: Stage 1");
        assertThat(s.stages()).extracting(CaseScreen.StageItem::state)
                .startsWith(StageState.CURRENT, StageState.TO_COME);
        assertThat(s.stages().get(0).heading()).isEqualTo(s.stages().get(0).label() + " · Now");
        assertThat(s.stages().get(1).detail()).isEqualTo("3 working days");
    }

    @Test
    void aResolvedCaseShowsWhenAndAtWhichStageAndTheStagesLeftAreNotNeeded() {
        opened();
        run.now("2027-01-12T09:00");
        CaseState c = run.act(x -> run.cmd().resolve(x, run.policy(), new ResolveRequest("Agreed a plan", null, null,
                CaseRun.at("2027-01-12T08:30"))));
        CaseScreen s = screen(c, WORKER);
        assertThat(s.header().status()).isEqualTo("Resolved on 12 Jan 2027, 08:30 at stage 1");
        assertThat(s.header().open()).isFalse();
        assertThat(s.now().heading()).startsWith("Closed at: ");
        assertThat(s.stages().get(1).detail()).isEqualTo("Not needed");
        assertThat(s.deadlines()).isEmpty();
    }

    @Test
    void nobodyIsOfferedToApproveTheirOwnEntryAndOnlyThoseWhoMayApproveAreOfferedIt() {
        CaseState c = opened();
        assertThat(row(screen(c, WORKER), EntryType.CASE_OPENED).approve()).as("no permission").isNull();
        assertThat(row(screen(c, new WorkspacePresenter.Viewer("a worker", true, true)), EntryType.CASE_OPENED)
                .approve()).as("their own entry, whatever the case of the name").isNull();
        EntryRow forManager = row(screen(c, MANAGER), EntryType.CASE_OPENED);
        assertThat(forManager.approve()).isEqualTo(CaseAction.on(Kind.APPROVE,
                new CaseAction.OnEntry(forManager.entryId())));
        assertThat(forManager.correct().kind()).isEqualTo(Kind.CORRECT);
        assertThat(forManager.sign()).isNull();
    }

    @Test
    void deadlinesInForceCanBeMarkedMetByTheirIdAndSayWhenTheyAreDue() {
        CaseScreen s = screen(opened(), WORKER);
        CaseScreen.Deadline raise = s.deadlines().stream().filter(d -> d.id().equals("raise")).findFirst().orElseThrow();
        assertThat(raise.done()).isEqualTo(CaseAction.on(Kind.MET, new CaseAction.OnDeadline("raise")));
        assertThat(raise.text()).startsWith("Raise it within 2 working days of the decision: ").contains(" (");
    }

    @Test
    void aMetDeadlineSaysWhenAndOffersNothingMore() {
        opened();
        run.now("2027-01-11T09:30");
        CaseState c = run.act(x -> run.cmd().meetDeadline(x, "raise", null, CaseRun.at("2027-01-11T09:15")));
        CaseScreen.Deadline raise = screen(c, WORKER).deadlines().stream().filter(d -> d.id().equals("raise"))
                .findFirst().orElseThrow();
        assertThat(raise.isMet()).isTrue();
        assertThat(raise.met()).isEqualTo("met on 11 Jan 2027, 09:15 (on time)");
        assertThat(raise.done()).isNull();
    }

    @Test
    void aNotificationDueIsMarkedSentByItsIdAndStageNotByAString() {
        CaseScreen s = screen(opened(), WORKER);
        CaseScreen.Notification iro = s.notifications().stream().filter(n -> n.id().equals("iro")).findFirst()
                .orElseThrow();
        assertThat(iro.markSent()).isEqualTo(CaseAction.on(Kind.MARK_SENT, new CaseAction.OnNotification("iro", 1)));
        assertThat(iro.text()).startsWith("IRO service manager (stage 1): Tell the IRO\nDue ");
    }

    @ParameterizedTest
    @CsvSource({"urgency, false, 'How urgent is the disagreement?', Answer",
            "iro, false, 'Is an Independent Reviewing Officer involved? Yes', Change",
            "conference, true, 'Date and time of the child protection conference Not given yet.', Give date"})
    void questionsSayTheirAnswerAndWhatTheirButtonDoes(String id, boolean date, String text, String verb) {
        CaseScreen.Question q = screen(opened(), WORKER).questions().stream().filter(x -> x.id().equals(id))
                .findFirst().orElseThrow();
        assertThat(q.text()).isEqualTo(text);
        assertThat(q.verb()).isEqualTo(verb);
        assertThat(q.action()).isEqualTo(CaseAction.on(date ? Kind.DATE : Kind.ANSWER, new CaseAction.OnQuestion(id)));
    }

    @Test
    void routesOfferedAreTypedAndTheRouteTakenStaysInView() {
        CaseState c = opened();
        CaseScreen s = screen(c, WORKER);
        assertThat(s.switches()).extracting(CaseScreen.RouteChange::action)
                .contains(CaseAction.on(Kind.SWITCH, new CaseAction.OnRoute("fast")));
        run.now("2027-01-11T11:00");
        c = run.act(x -> run.cmd().switchTrack(x, run.policy(), "fast", "Danger", null));
        assertThat(screen(c, WORKER).header().route()).startsWith("Route taken: ").contains(" → ");
    }

    @Test
    void checklistStepsInTheRecordAndTicksKeptOnThisComputerAreBothShown() {
        CaseState c = opened();
        CaseScreen s = presenter.present(c, run.policy(), WORKER, CaseRun.at("2027-01-11T10:00"), Set.of("1:0"));
        assertThat(s.checklist()).anyMatch(x -> !x.recorded() && x.key().equals("1:0") && x.done()
                && x.text().equals("Record the discussion."));
        assertThat(s.checklist()).anyMatch(x -> x.recorded() && x.key().equals("justified") && !x.done()
                && x.text().endsWith("(to tick before escalating)"));
        run.now("2027-01-11T10:30");
        c = run.act(x -> run.cmd().tick(x, run.policy(), "justified", null, null));
        assertThat(screen(c, WORKER).checklist()).anyMatch(x -> x.key().equals("justified") && x.done());
    }

    @Test
    void theChronologyIsWordedByTheEntriesViews() {
        CaseScreen s = screen(opened(), WORKER);
        EntryRow first = s.chronology().get(0);
        assertThat(first.view().what()).isEqualTo("The concern");
        assertThat(first.heading()).isEqualTo("11 Jan 2027, 09:00 · Concern raised · stage 1 · A Worker");
        assertThat(first.attachment()).isZero();
        Instant at = first.view().happenedAt();
        assertThat(first.when()).isEqualTo("11 Jan 2027, 09:00");
        assertThat(at).isEqualTo(CaseRun.at("2027-01-11T09:00"));
    }
}
