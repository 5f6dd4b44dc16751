/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import javafx.scene.control.ListView;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.EntryType;
import uk.resolve.ui.procedures.ProceduresController;
import uk.resolve.ui.procedures.ProceduresViewModel;
import uk.resolve.ui.welcome.WelcomeViewModel;

import static org.assertj.core.api.Assertions.assertThat;

/** The Procedures screen, corrections and approvals, and a look at every screen. */
class ScreensViewTest extends EscalationJourney {

    /** Only an administrator changes procedures; the other journeys here work on cases as a manager. */
    private boolean asAdministrator;
    /** Nobody approves their own entry: a second manager of the team approves. */
    private boolean asSecondManager;

    @Override
    protected uk.resolve.security.Actor actor() {
        if (asSecondManager) {
            return uk.resolve.testing.Fixtures.actor("Second Manager");
        }
        return asAdministrator ? new uk.resolve.security.Actor("admin", uk.resolve.security.Role.ADMINISTRATOR, "IT")
                : super.actor();
    }

    @Test
    void proceduresCanBeReadImportedAndMadeTheDefault() throws Exception {
        press("proceduresNav");
        assertThat(present("makeDefaultButton")).as("a manager reads procedures but does not change them").isFalse();
        assertThat(present("importButton")).isFalse();
        asAdministrator = true;
        restart();
        assertThat(window.services().actor().role()).isEqualTo(uk.resolve.security.Role.ADMINISTRATOR);
        press("proceduresNav");
        ListView<ProceduresViewModel.Item> list = node("list");
        assertThat(list.getItems()).extracting(i -> i.policy().id())
                .containsExactlyInAnyOrder("croydon", "havering", "kingston-richmond", "north-somerset", "safety-of-children");
        onFx(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(i -> i.policy().id().equals("havering")).findFirst().orElseThrow()));
        settle();
        assertThat(allText("details")).contains("Stage 4 — Resolution by the HSCB Chair",
                "If a child is at immediate risk: If a child is thought to be at immediate risk");
        screenshot("08-procedures");

        press("makeDefaultButton");
        assertThat(services.policies().defaultPolicy().orElseThrow().id()).isEqualTo("havering");
        assertThat(list.getItems()).filteredOn(ProceduresViewModel.Item::isDefault)
                .extracting(i -> i.policy().id()).containsExactly("havering");

        Path broken = folder.resolve("broken.yaml");
        Files.writeString(broken, "format: resolve-policy/1\nid: broken\nname: Broken\n");
        ProceduresController c = (ProceduresController) window.shell().current();
        onFx(() -> c.viewModel().importFile(broken));
        settle();
        assertThat(text("errorLabel")).contains("broken.yaml was not imported", "Nothing has changed");
        ListView<String> problems = node("problemsList");
        assertThat(problems.getItems()).isNotEmpty().allMatch(p -> !p.isBlank());
        screenshot("09-procedures-import-problems");
        assertThat(services.policies().latest()).hasSize(5);

        asAdministrator = false;
        restart();
        press("newNav");
        assertThat(screenText()).contains("Havering: Resolving Professional Differences");
    }

    @Test
    void correctionsAppearBesideWhatTheyCorrectAndApprovalsAreShown() throws Exception {
        UUID id = openCase("croydon", ChildStatus.CP_PLAN, "CR-700");
        discuss("Duty social worker", "We met on Tuesday.");
        CaseState c = stored(id);
        UUID discussion = c.entries().stream().filter(e -> e.type() == EntryType.DISCUSSION_RECORDED)
                .findFirst().orElseThrow().id();
        later(Duration.ofMinutes(10));
        press("correct-" + discussion);
        assertThat(text("field-text")).isEqualTo("We met on Tuesday.");
        fill("field-text", "We spoke by phone on Monday.");
        fill("field-reason", "Wrong day and method given.");
        press("submitAction");
        String entry = allText("entry-" + discussion);
        assertThat(entry).contains("We met on Tuesday.", "Corrected", "We spoke by phone on Monday.",
                "Reason: Wrong day and method given.");

        assertThat(present("approve-" + discussion)).as("nobody is offered to approve their own entry").isFalse();
        asSecondManager = true;
        restart();
        onFx(() -> window.shell().showCase(id));
        settle();
        press("approve-" + discussion);
        fill("field-note", "Read and agreed.");
        press("submitAction");
        assertThat(allText("entry-" + discussion)).contains("Approved by Second Manager", "Read and agreed.");

        press("shortenButton");
        fill("field-reason", "The child is seen at school on Friday.");
        onFx(() -> ((javafx.scene.control.DatePicker) lookup("#field-due").query())
                .setValue(java.time.LocalDate.of(2026, 12, 30)));
        press("submitAction");
        assertThat(present("submitAction")).as("a later date is refused beside the field").isTrue();
        assertThat(screenText()).contains("a deadline can only be brought forward");
        onFx(() -> ((javafx.scene.control.DatePicker) lookup("#field-due").query())
                .setValue(java.time.LocalDate.of(2026, 12, 18)));
        press("submitAction");
        assertThat(allText("deadlinesList")).contains("18 Dec 2026", "Brought forward: The child is seen at school");
        screenshot("05-workspace-corrections");

        CaseState after = stored(id);
        assertThat(after.chronology()).filteredOn(i -> i.entry().id().equals(discussion)).singleElement()
                .satisfies(i -> {
                    assertThat(i.currentText()).isEqualTo("We spoke by phone on Monday.");
                    assertThat(i.entry().get("summary")).isEqualTo("We met on Tuesday.");
                    assertThat(i.approved()).isTrue();
                });
        assertThat(after.nextDeadline().orElseThrow().shortenedReason()).isEqualTo("The child is seen at school on Friday.");
    }

    @Test
    void everyScreenAtLaptopSize() {
        onFx(() -> { });
        settle();
        WelcomeViewModel.addSampleCases(services.cases());
        press("proceduresNav");
        press("homeNav");
        screenshot("03-home");
        press("newNav");
        press("riskYes");
        choose("policy", policy("croydon"));
        choose("startStage", 3);
        screenshot("04-new-escalation-risk");
        press("riskNo");
        press("nextButton");
        press("nextButton");
        screenshot("04b-new-escalation-validation");
        UUID id = services.cases().list().stream().filter(c -> c.details().childRef().equals("SAMPLE-A1"))
                .findFirst().orElseThrow().id();
        onFx(() -> window.shell().showCase(id));
        settle();
        assertThat(screenText()).contains("SAMPLE", "Child SAMPLE-A1");
        screenshot("06-workspace");
        press("discussButton");
        screenshot("07-workspace-discussion-form");
        press("cancelAction");
        press("contrastToggle");
        screenshot("10-high-contrast");
        press("largerButton");
        press("largerButton");
        screenshot("11-larger-text");
        assertThat(window.viewModel().textScaleProperty().get()).isEqualTo(1.2);
    }
}
