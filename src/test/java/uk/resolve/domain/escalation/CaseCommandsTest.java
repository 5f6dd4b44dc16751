/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.time.DueAt;
import uk.resolve.testing.CaseRun;

/** The commands' own refusals and what each writes, without a database. */
class CaseCommandsTest {

    private final CaseRun run = new CaseRun(CaseRun.load("/procedures/joint-protocol.yaml"));

    private CaseState opened() {
        return run.open("2027-01-11T09:00", null, false, 1, Map.of("decision", CaseRun.at("2027-01-08T15:00")),
                Map.of("iro", "yes"));
    }

    private UUID opening(CaseState c) {
        return c.chronology().get(0).entry().id();
    }

    @ParameterizedTest
    @CsvSource({"A Worker", "a worker", "' A Worker '"})
    void nobodyApprovesTheirOwnEntryWhateverTheCaseOrSpacesOfTheirName(String who) {
        CaseState c = opened();
        assertThatThrownBy(() -> new CaseCommands(who, CaseRun.at("2027-01-11T10:00")).approve(c, opening(c), null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("cannot approve it yourself");
    }

    @Test
    void anotherPersonsApprovalPointsAtTheEntry() {
        CaseState c = opened();
        NewEntry n = new CaseCommands("Sam", CaseRun.at("2027-01-11T10:00")).approve(c, opening(c), "Agreed");
        assertThat(n.type()).isEqualTo(EntryType.RECORD_APPROVED);
        assertThat(n.data()).containsEntry(EntryText.ENTRY, opening(c).toString()).containsEntry(EntryText.NOTE, "Agreed");
    }

    @Test
    void aCorrectionIsOfTheOriginalNeverOfAnotherCorrection() {
        CaseState c = opened();
        run.now("2027-01-11T10:00");
        c = run.act(x -> run.cmd().correct(x, opening(x), "Typo", "The corrected concern"));
        UUID correction = c.entries().stream().filter(e -> e.type() == EntryType.CORRECTION).findFirst().orElseThrow().id();
        CaseState after = c;
        assertThatThrownBy(() -> run.cmd().correct(after, correction, "Again", "x"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("not the correction");
        assertThatThrownBy(() -> run.cmd().correct(after, opening(after), " ", "x"))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void onlyACompletedFormCanBeSigned() {
        CaseState c = opened();
        assertThatThrownBy(() -> run.cmd().signForm(c, opening(c), null))
                .isInstanceOf(RuleViolation.class).hasMessage("Only a completed form can be signed.");
    }

    @Test
    void aDeadlineIsBroughtForwardNeverPutBack() {
        CaseState c = opened();
        DeadlineStatus raise = c.deadlines().stream().filter(d -> d.id().equals("raise")).findFirst().orElseThrow();
        DueAt later = DueAt.endOf(raise.due().date().plusDays(3));
        assertThatThrownBy(() -> run.cmd().shorten(c, run.policy(), "raise", later, "Sooner"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("never put back");
        NewEntry sooner = run.cmd().shorten(c, run.policy(), "raise", DueAt.endOf(LocalDate.of(2027, 1, 11)), "Risk");
        assertThat(sooner.data()).containsEntry(EntryText.DEADLINE, "raise");
    }

    @Test
    void aDeadlineIsMetOnceAndAnUnknownOneIsNamedAmongThoseInForce() {
        opened();
        run.now("2027-01-11T10:00");
        CaseState c = run.act(x -> run.cmd().meetDeadline(x, "raise", null, null));
        assertThatThrownBy(() -> run.cmd().meetDeadline(c, "raise", null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already met");
        assertThatThrownBy(() -> run.cmd().meetDeadline(c, "nope", null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Deadlines in force: ");
    }

    @Test
    void aClosedCaseTakesNoNewDeadlinesButCanBeReopened() {
        opened();
        run.now("2027-01-11T10:00");
        CaseState c = run.act(x -> run.cmd().withdraw(x, "No longer needed", null));
        assertThatThrownBy(() -> run.cmd().meetDeadline(c, "raise", null, null)).isInstanceOf(RuleViolation.class);
        assertThat(run.cmd().reopen(c, "New information", null).type()).isEqualTo(EntryType.REOPENED);
    }
}
