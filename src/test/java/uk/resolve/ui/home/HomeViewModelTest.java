/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Preferences;
import uk.resolve.app.Services;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.welcome.WelcomeViewModel;

import static org.assertj.core.api.Assertions.assertThat;

class HomeViewModelTest {

    @TempDir
    Path folder;
    MutableClock clock = MutableClock.at("2026-12-14T09:00");
    Services services;
    Background background = new Background(Runnable::run);

    @BeforeEach
    void setUp() {
        services = Fixtures.services(folder, clock);
    }

    @AfterEach
    void tearDown() {
        background.close();
        services.close();
    }

    private HomeViewModel loaded() throws InterruptedException {
        HomeViewModel vm = new HomeViewModel(services.cases(), Preferences.of(services), background);
        vm.load();
        background.awaitIdle(Duration.ofSeconds(10));
        return vm;
    }

    @Test
    void overdueCasesComeFirstAndSayBy_howMuch() throws Exception {
        var late = services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-01T09:00"));
        services.cases().open(Fixtures.openRequest(services, "havering", ChildStatus.CP_PLAN, "2026-12-14T08:00"));
        HomeViewModel vm = loaded();
        CaseRow first = vm.visibleRows().get(0);
        assertThat(first.id()).isEqualTo(late.id());
        assertThat(first.overdue()).isTrue();
        // 7 working days from 1 Dec 2026 is 10 Dec; on 14 Dec it is 4 days overdue.
        assertThat(first.deadline()).isEqualTo("10 Dec 2026 · overdue by 4 days");
        assertThat(vm.visibleRows().get(1).deadline()).isEqualTo("21 Dec 2026 · 5 working days left");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 open cases, 1 overdue");
    }

    @Test
    void searchMatchesEveryWordAnywhereInTheRow() throws Exception {
        services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED, null));
        services.cases().open(Fixtures.openRequest(services, "havering", ChildStatus.CP_PLAN, null));
        HomeViewModel vm = loaded();
        vm.searchProperty().set("HAVERING social");
        assertThat(vm.visibleRows()).extracting(CaseRow::childRef).containsExactly("REF-HAVERING");
        vm.searchProperty().set("nothing like this");
        assertThat(vm.visibleRows()).isEmpty();
        assertThat(vm.summaryProperty().get()).endsWith("showing 0 of 2");
        vm.searchProperty().set("");
        assertThat(vm.visibleRows()).hasSize(2);
    }

    @Test
    void searchLooksAtTheNoticesAndFormsDue() throws Exception {
        uk.resolve.ui.welcome.WelcomeViewModel.addSampleCases(services.cases());
        HomeViewModel vm = loaded();
        CaseRow c3 = vm.visibleRows().stream().filter(r -> r.childRef().equals("SAMPLE-C3")).findFirst().orElseThrow();
        assertThat(c3.due()).contains("Monitoring Form");
        vm.searchProperty().set("monitoring form");
        assertThat(vm.visibleRows()).extracting(CaseRow::childRef).containsExactly("SAMPLE-C3");
    }

    @Test
    void typingNarrowsTheListAndDeletingWidensItAgain() throws Exception {
        services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED, null));
        var havering = services.cases().open(Fixtures.openRequest(services, "havering", ChildStatus.CP_PLAN, null));
        HomeViewModel vm = loaded();
        for (String typed : new String[] {"r", "re", "ref", "ref-", "ref-h", "ref-ha ", "ref-ha  sam"}) {
            vm.searchProperty().set(typed);
        }
        assertThat(vm.visibleRows()).extracting(CaseRow::id).containsExactly(havering.id());
        assertThat(vm.summaryProperty().get()).endsWith("showing 1 of 2");
        vm.searchProperty().set("ref-");
        assertThat(vm.visibleRows()).hasSize(2);
        vm.searchProperty().set("ref-c");
        vm.showProperty().set(HomeViewModel.Show.CLOSED);
        assertThat(vm.visibleRows()).isEmpty();
        vm.showProperty().set(HomeViewModel.Show.OPEN);
        assertThat(vm.visibleRows()).extracting(CaseRow::childRef).containsExactly("REF-CROYDON");
        vm.searchProperty().set("ref-croydon zzz");
        assertThat(vm.visibleRows()).isEmpty();
        vm.searchProperty().set("ref-croydon");
        assertThat(vm.visibleRows()).extracting(CaseRow::childRef).containsExactly("REF-CROYDON");
    }

    @Test
    void closedCasesAreShownOnlyWhenAskedFor() throws Exception {
        var c = services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED, null));
        clock.advance(Duration.ofHours(1));
        services.cases().withdraw(c.id(), "Family moved away", null);
        HomeViewModel vm = loaded();
        assertThat(vm.visibleRows()).isEmpty();
        vm.showProperty().set(HomeViewModel.Show.CLOSED);
        assertThat(vm.visibleRows()).singleElement().satisfies(r -> assertThat(r.status()).startsWith("Withdrawn 14 Dec 2026"));
    }

    @Test
    void removingSamplesWithdrawsThemAndHidesThemButKeepsRealCases() throws Exception {
        WelcomeViewModel.addSampleCases(services.cases());
        services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED, null));
        HomeViewModel vm = loaded();
        vm.showProperty().set(HomeViewModel.Show.ALL);
        assertThat(vm.visibleRows()).hasSize(4);
        assertThat(vm.samplesShownProperty().get()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        vm.removeSamples();
        background.awaitIdle(Duration.ofSeconds(10));
        assertThat(vm.visibleRows()).extracting(CaseRow::childRef).containsExactly("REF-CROYDON");
        assertThat(vm.samplesShownProperty().get()).isFalse();
        assertThat(services.cases().list()).hasSize(4);
    }
}
