/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.newcase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Preferences;
import uk.resolve.app.Services;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.support.DraftStore;

import static org.assertj.core.api.Assertions.assertThat;

class NewCaseViewModelTest {

    @TempDir
    Path folder;
    Services services;
    Background background;
    DraftStore drafts;

    @BeforeEach
    void setUp() {
        services = Fixtures.services(folder, MutableClock.at("2026-12-14T09:00"));
        background = new Background(Runnable::run);
        drafts = new DraftStore(Preferences.of(services), 10);
    }

    @AfterEach
    void tearDown() {
        drafts.close();
        background.close();
        services.close();
    }

    private NewCaseViewModel loaded() throws InterruptedException {
        NewCaseViewModel vm = new NewCaseViewModel(services.cases(), services.policies(), Preferences.of(services),
                drafts, background);
        vm.load();
        background.awaitIdle(Duration.ofSeconds(10));
        return vm;
    }

    @Test
    void theImmediateRiskQuestionMustBeAnsweredBeforeGoingOn() throws Exception {
        NewCaseViewModel vm = loaded();
        assertThat(vm.risk.shownErrorBinding().get()).as("no complaint before the user tries").isEmpty();
        assertThat(vm.next()).isFalse();
        assertThat(vm.stepProperty().get()).isZero();
        assertThat(vm.risk.shownErrorBinding().get()).startsWith("Required");
        vm.risk.set(NewCaseViewModel.Risk.NO);
        assertThat(vm.next()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(1);
    }

    @Test
    void theNeedsAttentionBannerGoesOnceTheAnswersAreFixedAndPointsAtTheFirstOne() throws Exception {
        NewCaseViewModel vm = loaded();
        vm.risk.set(NewCaseViewModel.Risk.NO);
        assertThat(vm.next()).isTrue();
        assertThat(vm.next()).as("step 2 has required answers").isFalse();
        assertThat(vm.errorProperty().get()).contains("need attention");
        assertThat(vm.firstInError()).containsSame(vm.childRef);
        vm.childRef.set("AB-1");
        assertThat(vm.errorProperty().get()).as("some answers still need attention").contains("need attention");
        assertThat(vm.firstInError()).isPresent().get().isNotSameAs(vm.childRef);
        vm.childStatus.set(uk.resolve.domain.policy.ChildStatus.CHILD_IN_NEED);
        vm.raisedBy.set("Sam Lee");
        vm.raisedAgency.set("Oak Primary School");
        vm.otherAgency.set("Children's Social Care");
        assertThat(vm.firstInError()).isEmpty();
        assertThat(vm.errorProperty().get()).as("the banner goes as soon as the step is right").isEmpty();
    }

    @Test
    void startingAboveStageOneNeedsAReasonAndOnlyTheProcedureAllowedStages() throws Exception {
        NewCaseViewModel vm = loaded();
        vm.policy.set(services.policies().require("north-somerset"));
        vm.risk.set(NewCaseViewModel.Risk.YES);
        assertThat(vm.startStageChoices()).containsExactly(1, 2, 3, 4);
        assertThat(vm.riskInstructionBinding().get()).isEqualTo(
                services.policies().require("north-somerset").immediateRisk().instruction());
        vm.startStage.set(4);
        assertThat(vm.startReason.valid()).isFalse();
        vm.startReason.set("Eviction tonight.");
        assertThat(vm.stepValid(0)).isTrue();
        vm.policy.set(services.policies().require("havering"));
        assertThat(vm.startStageChoices()).containsExactly(1);
        assertThat(vm.startStage.get()).isEqualTo(1);
        vm.risk.set(NewCaseViewModel.Risk.NO);
        assertThat(vm.request().startStage()).isEqualTo(1);
    }

    @Test
    void statusesAndCategoriesComeFromTheChosenProcedure() throws Exception {
        NewCaseViewModel vm = loaded();
        vm.policy.set(services.policies().require("havering"));
        assertThat(vm.statusChoices()).doesNotContain(ChildStatus.ADULT_AT_RISK);
        assertThat(vm.categoryChoices()).containsExactlyElementsOf(services.policies().require("havering").categories());
    }

    @Test
    void openingTheCaseStoresItAndForgetsTheDraft() throws Exception {
        NewCaseViewModel vm = loaded();
        vm.risk.set(NewCaseViewModel.Risk.NO);
        vm.policy.set(services.policies().require("croydon"));
        vm.next();
        vm.childRef.set("  AB-1 ");
        vm.childStatus.set(ChildStatus.CP_PLAN);
        vm.raisedAgency.set("Oak School");
        vm.otherAgency.set("Children's Social Care");
        vm.next();
        vm.aroseDate.set("14/12/2026");
        vm.category.set(vm.categoryChoices().get(0));
        vm.concern.set("Closed without assessment.");
        Thread.sleep(100);
        background.awaitIdle(Duration.ofSeconds(5));
        assertThat(drafts.load(NewCaseViewModel.DRAFT_KEY)).isPresent();
        vm.next();
        List<UUID> opened = new ArrayList<>();
        vm.submit(opened::add);
        background.awaitIdle(Duration.ofSeconds(10));
        assertThat(vm.errorProperty().get()).isEmpty();
        CaseState c = services.cases().get(opened.get(0));
        assertThat(c.details().childRef()).isEqualTo("AB-1");
        assertThat(c.details().childStatus()).isEqualTo(ChildStatus.CP_PLAN);
        assertThat(drafts.load(NewCaseViewModel.DRAFT_KEY)).isEmpty();
        assertThat(Preferences.of(services).get(NewCaseViewModel.LAST_AGENCY)).contains("Oak School");
    }

    @Test
    void theDisagreementDateStartsEmptyAndIsRequired() throws Exception {
        NewCaseViewModel vm = loaded();
        assertThat(vm.aroseDate.get()).as("today is not assumed").isNull();
        assertThat(vm.aroseDate.valid()).isFalse();
        assertThat(vm.aroseDate.errorBinding().get()).isEqualTo("Required: when the disagreement arose.");
        assertThat(vm.aroseTime.valid()).as("the time is optional").isTrue();
        vm.aroseDate.set("14/12/2026");
        assertThat(vm.aroseDate.valid()).isTrue();
    }

    @Test
    void aDraftSurvivesWithoutAnOrderlyCloseOnceTypingPauses() throws Exception {
        NewCaseViewModel vm = loaded();
        vm.risk.set(NewCaseViewModel.Risk.NO);
        vm.concern.set("Half a thought");
        Thread.sleep(200);
        // No flush: as after a crash, only what the debounced save wrote is there.
        String stored = Preferences.of(services).get("draft." + NewCaseViewModel.DRAFT_KEY).orElseThrow();
        assertThat(stored).contains("Half a thought");
        NewCaseViewModel again = loaded();
        assertThat(again.concern.get()).isEqualTo("Half a thought");
        assertThat(again.draftNoteProperty().get()).startsWith("Draft restored");
    }

    @Test
    void aProcedureWithTwoRoutesAsksWhichOneAndOpensTheCaseOnIt() throws Exception {
        NewCaseViewModel vm = loaded();
        var kr = services.policies().require("kingston-richmond");
        vm.risk.set(NewCaseViewModel.Risk.NO);
        vm.policy.set(kr);
        assertThat(vm.tracksOfferedBinding().get()).isTrue();
        assertThat(vm.trackChoices()).extracting(t -> t.id()).containsExactly("referral-and-enquiry", "protection-plan");
        assertThat(vm.trackChoices()).allSatisfy(t -> assertThat(t.description()).isNotBlank());
        assertThat(vm.next()).as("the route must be chosen").isFalse();
        assertThat(vm.track.shownErrorBinding().get()).isEqualTo("Required: choose which kind of disagreement this is.");
        vm.track.set(kr.track("protection-plan").orElseThrow());
        assertThat(vm.track.shownErrorBinding().get()).isEmpty();
        assertThat(vm.next()).isTrue();
        vm.childRef.set("KR-9");
        vm.childStatus.set(ChildStatus.CP_PLAN);
        vm.raisedAgency.set("Oak School");
        vm.otherAgency.set("Children's Social Care");
        vm.next();
        vm.aroseDate.set("14/12/2026");
        vm.category.set(vm.categoryChoices().get(0));
        vm.concern.set("The core group has not met.");
        vm.next();
        assertThat(vm.review()).contains(new NewCaseViewModel.ReviewLine("Kind of disagreement",
                "Dissent about the implementation of a child protection plan", 0));
        assertThat(vm.request().trackId()).isEqualTo("protection-plan");
        List<UUID> opened = new ArrayList<>();
        vm.submit(opened::add);
        background.awaitIdle(Duration.ofSeconds(10));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(services.cases().get(opened.get(0)).trackId()).isEqualTo("protection-plan");
    }

    @Test
    void aProcedureWithOneRouteDoesNotAskAndTheChosenRouteSurvivesInTheDraft() throws Exception {
        NewCaseViewModel vm = loaded();
        vm.risk.set(NewCaseViewModel.Risk.NO);
        vm.policy.set(services.policies().require("croydon"));
        assertThat(vm.tracksOfferedBinding().get()).isFalse();
        assertThat(vm.track.valid()).isTrue();
        assertThat(vm.request().trackId()).isEqualTo(services.policies().require("croydon").defaultTrack().id());
        assertThat(vm.review()).noneSatisfy(r -> assertThat(r.key()).isEqualTo("Kind of disagreement"));

        var kr = services.policies().require("kingston-richmond");
        vm.policy.set(kr);
        assertThat(vm.track.get()).as("no route chosen for the worker").isNull();
        vm.track.set(kr.track("protection-plan").orElseThrow());
        vm.concern.set("Core group cancelled twice");
        Thread.sleep(200);
        background.awaitIdle(Duration.ofSeconds(5));
        NewCaseViewModel again = loaded();
        assertThat(again.policy.get().id()).isEqualTo("kingston-richmond");
        assertThat(again.track.get().id()).isEqualTo("protection-plan");
    }
}
