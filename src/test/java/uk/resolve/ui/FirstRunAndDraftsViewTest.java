/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.ui.home.CaseRow;
import uk.resolve.ui.home.HomeViewModel;

import static org.assertj.core.api.Assertions.assertThat;

/** The first run, sample cases and their removal, and drafts that survive closing the window. */
class FirstRunAndDraftsViewTest extends EscalationJourney {

    private boolean welcomed;

    @Override
    protected boolean welcomed() {
        return welcomed;
    }

    @Test
    void firstRunOffersSampleCasesThatCanBeRemovedWithoutDeletingTheRecord() throws TimeoutException {
        assertThat(screenText()).contains("Welcome to Resolve");
        screenshot("01-welcome");
        press("samplesButton");
        TableView<CaseRow> table = node("table");
        assertThat(table.getItems()).hasSize(3).allMatch(CaseRow::sample);
        assertThat(screenText()).contains("SAMPLE-A1  (SAMPLE)");
        screenshot("02-home-samples");

        fill("searchField", "havering");
        assertThat(table.getItems()).extracting(CaseRow::childRef).containsExactly("SAMPLE-B2");
        fill("searchField", "");

        press("removeSamplesButton");
        assertThat(table.getItems()).isEmpty();
        assertThat(screenText()).contains("You have no escalations yet");
        assertThat(services.cases().list()).hasSize(3).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CaseStatus.WITHDRAWN);
            assertThat(c.resolution().outcome()).isEqualTo(HomeViewModel.SAMPLE_REMOVED);
        });

        welcomed = true;
        restart();
        assertThat(screenText()).doesNotContain("Welcome to Resolve").contains("My escalations");
        assertThat(((TableView<?>) node("table")).getItems()).isEmpty();
    }

    @Test
    void halfFilledNewEscalationSurvivesClosingTheWindow() throws TimeoutException {
        welcomed = true;
        restart();
        press("newNav");
        press("riskNo");
        choose("policy", policy("havering"));
        press("nextButton");
        fill("childRef", "DRAFT-1");
        choose("childStatus", ChildStatus.CP_PLAN);
        fill("otherAgency", "Housing");
        restart();
        press("newNav");
        assertThat(text("draftNote")).startsWith("Draft restored");
        assertThat(text("stepLabel")).startsWith("Step 2 of 4");
        assertThat(text("childRef")).isEqualTo("DRAFT-1");
        assertThat(text("otherAgency")).isEqualTo("Housing");
        press("backButton");
        assertThat(screenText()).contains("Havering: Resolving Professional Differences");
        javafx.scene.control.RadioButton no = node("riskNo");
        assertThat(no.isSelected()).isTrue();

        press("discardDraftButton");
        assertThat(present("draftNote")).isFalse();
        assertThat(text("childRef")).isNullOrEmpty();
    }

    @Test
    void halfWrittenDiscussionComesBackWhenTheCaseIsOpenedAgain() throws TimeoutException {
        welcomed = true;
        restart();
        UUID id = openCase("croydon", ChildStatus.EARLY_HELP, "DRAFT-2");
        press("discussButton");
        fill("field-with", "Duty manager");
        fill("field-summary", "We spoke about the referral and");
        restart();
        onFx(() -> window.shell().showCase(id));
        settle();
        assertThat(text("actionDraftNote")).startsWith("Draft restored");
        assertThat(text("field-summary")).isEqualTo("We spoke about the referral and");
        fill("field-summary", "We spoke about the referral and agreed a joint visit.");
        later(Duration.ofHours(1));
        press("submitAction");
        CaseState c = stored(id);
        assertThat(c.chronology()).extracting(i -> i.currentText()).contains("We spoke about the referral and agreed a joint visit.");
        restart();
        onFx(() -> window.shell().showCase(id));
        settle();
        assertThat(present("submitAction")).as("a saved discussion leaves no draft behind").isFalse();
    }
}
