/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.workspace;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.forms.FormCases;
import uk.resolve.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace's chronology, deadlines and forms are lists of rows: a long chronology makes only the
 * cells it shows, a change to the case gives those cells new items rather than new nodes, and each
 * list can be reached, moved through and acted on by keyboard.
 */
class WorkspaceListsViewTest extends UiTestSupport {

    private static final int ENTRIES = 300;

    @Test
    void aLongChronologyIsAVirtualisedListWhoseCellsSurviveAnUpdate() {
        settle();
        UUID id = FormCases.croydonAtStage3(services, clock);
        for (int i = 1; i <= ENTRIES; i++) {
            services.cases().discuss(id, new DiscussionRequest("Duty manager", "phone", "Call number " + i
                    + " about the threshold decision", "", false, null));
        }
        onFx(() -> window.shell().showCase(id));
        settle();
        ListView<?> chronology = node("chronologyList");
        assertThat(chronology.getItems()).hasSizeGreaterThan(ENTRIES);
        List<ListCell<?>> before = cells(chronology);
        assertThat(before).as("only the rows on screen have cells").hasSizeBetween(2, 40);
        assertThat(before.get(0).getAccessibleText()).as("the newest first, read out as one line")
                .contains("Discussion recorded", "Call number " + ENTRIES);
        screenshot("lists-normal-workspace-long-chronology");

        later(java.time.Duration.ofMinutes(5));
        press("discussButton");
        fill("field-with", "Duty manager");
        fill("field-summary", "One more call");
        press("submitAction");
        List<ListCell<?>> after = cells(chronology);
        Set<ListCell<?>> old = Collections.newSetFromMap(new IdentityHashMap<>());
        old.addAll(before);
        assertThat(after).as("the same cells show the new items").allMatch(old::contains);
        assertThat(after.get(0).getAccessibleText()).contains("One more call");
        assertThat(allText("chronologyList")).contains("One more call", "Call number " + ENTRIES);
    }

    @Test
    void atDoubleTextTheCaseDetailsFoldAwayAndTheRecordKeepsHalfTheWindow() {
        settle();
        UUID id = FormCases.croydonAtStage3(services, clock);
        onFx(() -> window.shell().showCase(id));
        settle();
        assertThat(node("detailsToggle").isVisible()).as("no disclosure at normal size").isFalse();
        assertThat(node("subtitleLabel").isVisible()).isTrue();
        assertThat(node("timelineBox").isVisible()).isTrue();

        onFx(() -> window.viewModel().textScaleProperty().set(2.0));
        settle();
        try {
            double height = node("workspaceRoot").getScene().getHeight();
            assertThat(node("chronologyScroll").getLayoutBounds().getHeight())
                    .as("the record's share of a %s px window at 200%% text", height)
                    .isGreaterThanOrEqualTo(height / 2);
            assertThat(node("caseDetails").isVisible()).as("details folded away").isFalse();
            assertThat(node("timelineBox").isVisible()).isFalse();
            assertThat(text("statusLabel")).as("the status stays").isNotBlank();
            ToggleButton details = node("detailsToggle");
            assertThat(details.isVisible()).isTrue();
            assertThat(details.isFocusTraversable()).isTrue();
            assertThat(details.getAccessibleText()).contains("hidden");
            screenshot("lists-200-workspace-details-folded");

            onFx(details::requestFocus);
            press(KeyCode.SPACE);
            release(KeyCode.SPACE);
            settle();
            assertThat(details.isSelected()).as("Space opens the details").isTrue();
            assertThat(details.getAccessibleText()).contains("shown");
            assertThat(node("caseDetails").isVisible()).isTrue();
            assertThat(node("timelineBox").isVisible()).isTrue();
            screenshot("lists-200-workspace-details-shown");
        } finally {
            onFx(() -> window.viewModel().textScaleProperty().set(1.0));
        }
    }

    @Test
    void eachListIsNamedAndItsRowsAreReadAndOpenedByKeyboard() {
        settle();
        UUID id = FormCases.croydonAtStage3(services, clock);
        onFx(() -> window.shell().showCase(id));
        settle();
        for (String list : List.of("chronologyList", "deadlinesList", "formsList")) {
            ListView<?> l = node(list);
            assertThat(l.getAccessibleText()).as(list).isNotBlank();
            assertThat(l.isFocusTraversable()).as(list + " is a Tab stop").isTrue();
            assertThat(cells(l)).as(list).isNotEmpty().allSatisfy(c -> assertThat(c.getAccessibleText()).isNotBlank());
        }
        assertThat(allText("formsList")).contains("Appendix A", "(stage 3): to be completed");

        ListView<?> forms = node("formsList");
        onFx(() -> {
            window.stage().toFront();
            window.stage().requestFocus();
        });
        pointerClick(window.stage().getScene().getRoot().lookup(".app-name"));
        onFx(forms::requestFocus);
        assertThat(forms.isFocused()).isTrue();
        assertThat(forms.getSelectionModel().getSelectedIndex()).as("the row in focus is selected, so it shows").isZero();
        push(KeyCode.ENTER);
        settle();
        assertThat(formsOpened).as("Enter on a form's row opens it").singleElement()
                .satisfies(f -> assertThat(f.formId()).isEqualTo("appendix-a"));

        ListView<?> chronology = node("chronologyList");
        int entries = chronology.getItems().size();
        onFx(chronology::requestFocus);
        push(KeyCode.HOME);
        push(KeyCode.DOWN);
        assertThat(chronology.getSelectionModel().getSelectedIndex()).as("arrows move within").isEqualTo(Math.min(1, entries - 1));
        screenshot("lists-normal-workspace-selected-entry");
    }

    /** The cells of {@code list} on screen that show an item, top to bottom. */
    private List<ListCell<?>> cells(ListView<?> list) {
        settle();
        return list.lookupAll(".list-cell").stream().filter(n -> n instanceof ListCell<?> c && shown(c) && !c.isEmpty())
                .<ListCell<?>>map(n -> (ListCell<?>) n)
                .sorted(java.util.Comparator.comparingDouble(c -> c.localToScene(0, 0).getY())).toList();
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
