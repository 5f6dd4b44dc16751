/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;

import uk.resolve.app.ReminderService;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.testing.Fixtures;
import uk.resolve.ui.UiTestSupport;

/** The reminder of a deadline due today: on My escalations and as a desktop notification, without the child. */
class DueSoonViewTest extends UiTestSupport {

    @Test
    void aDeadlineDueTodayIsShownAndNotifiedAndOpensItsCase() throws Exception {
        settle();
        // the clock reads Monday 14 Dec 2026, 09:00; 7 working days from Thursday 3 Dec end today
        CaseState c = services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED,
                "2026-12-03T09:00"));
        restart();
        String number = c.id().toString().substring(0, 8);

        ListView<ReminderService.Reminder> list = node("dueSoonList");
        assertThat(list.getItems()).singleElement().satisfies(r ->
                assertThat(r.line()).startsWith("Due today: case " + number + ", ")
                        .contains("Resolve or escalate to line managers (14 Dec 2026)"));

        List<String> notified = notificationTexts();
        assertThat(notified).anySatisfy(t -> assertThat(t).contains("Due today: case " + number));
        assertThat(String.join("\n", notified)).doesNotContain("REF-CROYDON", c.details().concern());

        onFx(() -> {
            list.requestFocus();
            list.getSelectionModel().select(0);
        });
        press("dueSoonOpenButton");
        assertThat(lookup("Child REF-CROYDON").tryQuery()).as("the case is open").isPresent();
    }

    @Test
    void reminderSettingsAreThePersonsOwnAndBadQuietHoursAreRefusedInTheDialog() {
        settle();
        press("reminderSettingsButton");
        javafx.scene.control.TextField quiet = node("reminderQuietHours");
        javafx.scene.control.Button save = lookup(".dialog-pane .button").match(
                (javafx.scene.control.Button b) -> "Save".equals(b.getText())).query();
        onFx(() -> quiet.setText("evenings"));
        onFx(save::fire);
        settle();
        assertThat(screenTextOf(save)).contains("Quiet hours: give two times");
        assertThat(services.reminders().settings().quiet().text()).isEmpty();

        javafx.scene.control.Spinner<Integer> ahead = node("reminderAhead");
        onFx(() -> {
            quiet.setText("18:00-08:00");
            ahead.getValueFactory().setValue(3);
        });
        onFx(save::fire);
        settle();
        assertThat(services.reminders().settings()).isEqualTo(new ReminderService.Settings(3,
                uk.resolve.domain.calendar.DueSoon.QuietHours.parse("18:00-08:00")));
    }

    private String screenTextOf(Node inWindow) {
        return from(inWindow.getScene().getRoot()).lookup(".label").queryAll().stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null).reduce("", (a, b) -> a + "\n" + b);
    }

    /** The texts of every label in every window shown (the notification is a pop-up of its own). */
    private List<String> notificationTexts() {
        settle();
        return Window.getWindows().stream().filter(Window::isShowing)
                .flatMap(w -> w.getScene() == null ? java.util.stream.Stream.<Node>empty()
                        : from(w.getScene().getRoot()).lookup(".notification-bar .label").queryAll().stream())
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).filter(t -> t != null).toList();
    }
}
