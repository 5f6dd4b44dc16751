/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.ui.home.CaseRow;
import uk.resolve.ui.workspace.FormOpener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks through every screen with a realistic set of cases and writes a PNG of each (at the
 * 1366 x 768 the screens are designed for) to target/screenshots; the pictures in docs/screenshots
 * come from here. Runs only when RESOLVE_SCREENSHOTS is set:
 * {@code RESOLVE_SCREENSHOTS=1 mvn -q -B -o test -Dtest=ScreenshotTourViewTest}.
 */
@EnabledIfEnvironmentVariable(named = "RESOLVE_SCREENSHOTS", matches = ".+")
class ScreenshotTourViewTest extends EscalationJourney {

    private final boolean welcomed;

    ScreenshotTourViewTest(org.junit.jupiter.api.TestInfo test) {
        welcomed = !test.getTestMethod().orElseThrow().getName().equals("welcome");
    }

    @Override
    protected boolean welcomed() {
        return welcomed;
    }

    @Override
    protected FormOpener formOpener() {
        return null; // the form editor itself
    }

    private UUID open(String policy, String track, String ref, ChildStatus status, String agency, String other,
                      boolean risk, int start, String concern) {
        Policy p = policy(policy);
        return services.cases().open(new OpenCaseRequest(policy, track, ref, null, status, "Sam Patel",
                agency, other, null, p.categories().get(0).label(), concern, "Recorded in the log.",
                "An assessment of the child's needs.", risk, start, start > 1 ? "Disclosure of harm today." : null,
                false, null)).id();
    }

    /** Next, pressed as the keyboard does (Alt+X): the tour is for looking, the journeys test the pointer. */
    private void next() {
        onFx(() -> ((javafx.scene.control.Button) node("nextButton")).fire());
        settle();
    }

    @Test
    void everyScreen() throws Exception {
        settle();
        UUID croydon = open("croydon", null, "CR-2291", ChildStatus.CHILD_IN_NEED, "Oak Primary School",
                "Children's Social Care", false, 1, "The referral was closed without an assessment.");
        open("havering", null, "HV-1043", ChildStatus.CP_PLAN, "Havering Health Visiting",
                "Children's Social Care", false, 1, "The plan's actions are not being carried out.");
        later(Duration.ofDays(8));
        services.cases().escalate(croydon, "Not resolved between the workers.", "Notes on file.", null);
        services.cases().escalate(croydon, "Managers could not agree.", "Notes on file.", null);
        open("north-somerset", null, "NS-0077", ChildStatus.EARLY_HELP, "Weston College",
                "Early Help Service", true, 3, "A disclosure of violence at home.");
        open("kingston-richmond", "protection-plan", "KR-5120", ChildStatus.CP_PLAN, "Kingston Hospital",
                "Achieving for Children", false, 1, "Core group meetings keep being cancelled.");
        open("safety-of-children", null, "SC-3318", ChildStatus.LOOKED_AFTER, "Riverside Academy",
                "Virtual School", false, 1, "The placement move was agreed without the school.");

        clickButton("homeNav");
        TableView<CaseRow> table = node("table");
        assertThat(table.getItems()).hasSize(5);
        assertThat(screenText()).contains("overdue");
        screenshot("tour-01-home");

        clickButton("newNav");
        clickButton("riskYes");
        pick("policy", shown(policy("croydon")));
        screenshot("tour-02-new-escalation-immediate-risk");
        clickButton("riskNo");
        pick("policy", shown(policy("kingston-richmond")));
        clickButton("track-protection-plan");
        screenshot("tour-03-new-escalation-route");
        next();
        type("childRef", "KR-5200");
        pick("childStatus", ChildStatus.CP_PLAN.label());
        type("raisedAgency", "Kingston Hospital");
        type("otherAgency", "Achieving for Children");
        screenshot("tour-04-new-escalation-child");
        next();
        type("aroseDate", "11/12/2026");
        pick("category", policy("kingston-richmond").categories().get(0).label());
        type("concern", "The core group has not met for eight weeks, and two visits were missed.");
        screenshot("tour-05-new-escalation-disagreement");
        next();
        screenshot("tour-06-new-escalation-check");
        clickButton("cancelButton");

        onFx(() -> window.shell().showCase(croydon));
        settle();
        assertThat(allText("formsList")).contains("Appendix A");
        screenshot("tour-07-workspace-stage-3");
        clickButton("discussButton");
        screenshot("tour-08-workspace-record-discussion");
        clickButton("cancelAction");

        pointerClick(node("openForm-appendix-a-3"));
        Stage editor = editor();
        Button save = from(editor.getScene().getRoot()).lookup("#saveButton").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !save.isDisabled()
                && !from(editor.getScene().getRoot()).lookup(".preview-page").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.getHeight()).isLessThanOrEqualTo(768);
        shoot(editor, "tour-09-form-editor");
        onFx(editor::hide);
        settle();

        clickButton("proceduresNav");
        screenshot("tour-10-procedures");
        clickButton("reportsNav");
        screenshot("tour-11-reports-before-running");
        clickButton("runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> node("summaryTable").isVisible());
        Thread.sleep(300);
        settle();
        screenshot("tour-11-reports");
        onFx(() -> window.viewModel().highContrastProperty().set(true));
        clickButton("homeNav");
        screenshot("tour-12-home-high-contrast");
        onFx(() -> window.viewModel().highContrastProperty().set(false));
    }

    /** The screens at 200% text, then in high contrast as well: nothing cut off, nothing split mid-word. */
    @Test
    void everyScreenAtDoubleText() throws Exception {
        settle();
        UUID croydon = open("croydon", null, "CR-2291", ChildStatus.CHILD_IN_NEED, "Oak Primary School",
                "Children's Social Care", false, 1, "The referral was closed without an assessment.");
        UUID risk = open("north-somerset", null, "NS-0077", ChildStatus.EARLY_HELP, "Weston College",
                "Early Help Service", true, 3, "A disclosure of violence at home.");
        onFx(() -> window.viewModel().textScaleProperty().set(2.0));
        for (boolean contrast : new boolean[] {false, true}) {
            onFx(() -> window.viewModel().highContrastProperty().set(contrast));
            String look = contrast ? "200-high-contrast-" : "200-";
            clickButton("homeNav");
            screenshot("tour-" + look + "01-home");
            clickButton("newNav");
            clickButton("riskNo");
            if (!contrast) { // the wizard keeps the first pass's choice
                pick("policy", shown(policy("croydon")));
            }
            screenshot("tour-" + look + "02-new-escalation");
            next();
            screenshot("tour-" + look + "04-new-escalation-child");
            clickButton("cancelButton");
            clickButton("proceduresNav");
            screenshot("tour-" + look + "10-procedures");
            clickButton("reportsNav");
            clickButton("runButton");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> node("summaryTable").isVisible());
            settle();
            screenshot("tour-" + look + "11-reports");
            onFx(() -> window.shell().showCase(croydon));
            settle();
            screenshot("tour-" + look + "07-workspace");
            onFx(() -> window.shell().showCase(risk));
            settle();
            screenshot("tour-" + look + "07-workspace-immediate-risk");
        }
        onFx(() -> {
            window.viewModel().highContrastProperty().set(false);
            window.viewModel().textScaleProperty().set(1.0);
        });
    }

    @Test
    void welcome() {
        assertThat(screenText()).contains("Welcome to Resolve");
        screenshot("tour-00-welcome");
    }

    private Stage editor() throws Exception {
        Stage[] found = new Stage[1];
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage s && s != window.stage() && s.isShowing() && s.getTitle() != null
                        && s.getTitle().contains("Appendix A")) {
                    found[0] = s;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private void shoot(Stage stage, String name) throws Exception {
        WritableImage[] img = new WritableImage[1];
        onFx(() -> img[0] = stage.getScene().snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(uk.resolve.testing.Png.awt(img[0]), "png", dir.resolve(name + ".png").toFile());
    }
}
