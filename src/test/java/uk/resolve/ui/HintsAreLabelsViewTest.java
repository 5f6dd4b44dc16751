/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hint written only as a placeholder vanishes when typing starts: on My escalations (search), in the
 * reminder settings (quiet hours) and in Sync, export and import, every field has a visible label that
 * names it (read back as the field's LABELED_BY) and no placeholder, and the hints are on screen.
 */
class HintsAreLabelsViewTest extends UiTestSupport {

    @Override
    protected boolean welcomed() {
        return true;
    }

    @Test
    void everyFieldOnMyEscalationsRemindersAndSyncHasAVisibleLabelAndNoPlaceholder() {
        settle();
        Scene home = window.stage().getScene();
        assertThat(problems(home)).isEmpty();
        assertThat(labelOf(node("searchField"))).isEqualTo("Search");
        assertThat(screenText()).contains("Search finds the child's name or reference, an agency, the stage");

        press("reminderSettingsButton");
        Scene reminders = showing("Reminder settings").getScene();
        assertThat(problems(reminders)).isEmpty();
        assertThat(labelOf(reminders.lookup("#reminderQuietHours"))).contains("Quiet hours", "for example 18:00-08:00");
        onFx(() -> showing("Reminder settings").hide());
        settle();

        press("syncNav");
        Scene sync = showing("Sync").getScene();
        List<String> found = problems(sync);
        assertThat(found).isEmpty();
        assertThat(labelOf(sync.lookup("#sharedPath"))).isEqualTo("Where the shared file is");
        assertThat(labelOf(sync.lookup("#teamPassphraseAgain"))).isEqualTo("Team passphrase again (to set up the key)");
        assertThat(labelOf(sync.lookup("#filePassphraseAgain"))).isEqualTo("File passphrase again (to export)");
        StringBuilder shown = new StringBuilder();
        onFx(() -> texts(sync.getRoot(), shown));
        assertThat(shown.toString()).contains("For example S:\\Safeguarding\\resolve-shared.mv.db");
    }

    /** Each visible text field in the scene: a placeholder, or no visible label pointing at it, is a problem. */
    private static List<String> problems(Scene scene) {
        List<String> out = new ArrayList<>();
        onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            fields(scene.getRoot(), out);
        });
        return out;
    }

    private static void fields(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof TextInputControl t && t.getParent() != null
                && !(t.getParent() instanceof javafx.scene.control.Spinner)
                && !t.getStyleClass().contains("date-picker-display-node")) {
            String id = t.getId() == null ? t.getClass().getSimpleName() : "#" + t.getId();
            if (t.getPromptText() != null && !t.getPromptText().isBlank()) {
                out.add(id + " has a placeholder, which vanishes when typing starts: '" + t.getPromptText() + "'");
            }
            Object by = t.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY);
            if (!(by instanceof Label l) || !l.isVisible() || l.getScene() == null || l.getText().isBlank()) {
                out.add(id + " has no visible label pointing at it");
            }
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                fields(c, out);
            }
        }
    }

    private static String labelOf(Node field) {
        String[] text = new String[1];
        onFx(() -> {
            Object by = field.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY);
            text[0] = by instanceof Label l ? l.getText() : null;
        });
        return text[0];
    }

    private static void texts(Node n, StringBuilder sb) {
        if (n instanceof javafx.scene.control.Labeled l && l.isVisible() && l.getText() != null) {
            sb.append(l.getText()).append('\n');
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                texts(c, sb);
            }
        }
    }

    private Window showing(String title) {
        settle();
        return Window.getWindows().stream().filter(w -> w != window.stage() && w.isShowing()
                && w instanceof javafx.stage.Stage s && s.getTitle() != null && s.getTitle().contains(title))
                .findFirst().orElseThrow(() -> new AssertionError("no window '" + title + "' showing"));
    }
}
