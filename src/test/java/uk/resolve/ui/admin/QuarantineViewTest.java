/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import javafx.scene.control.TableView;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.app.Vault;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.security.Role;
import uk.resolve.store.QuarantineStore;
import uk.resolve.sync.Quarantine;
import uk.resolve.testing.Fixtures;
import uk.resolve.ui.UiTestSupport;

/**
 * The administrator's Quarantine screen, on a real encrypted database holding entries that the sync's
 * own gate set aside: it lists them by device, author and case id (never the child's reference),
 * checks one again (it still fails, and says why), discards it after a confirmation, audited; at 200%
 * text nothing in its table is cut short.
 */
class QuarantineViewTest extends UiTestSupport {

    static final String ADMIN_PW = "admin's long password";
    private static UUID caseId;
    private static UUID altered;
    /** Another laptop's entries of a case, as a sync offers them: its escalation altered after it was written. */
    private static List<Entry> offered;

    @TempDir
    static Path otherLaptop;

    /** Made before the window opens (which allows only a few seconds for its set-up). */
    @BeforeAll
    static void anotherLaptopsEntries() {
        uk.resolve.testing.MutableClock at = uk.resolve.testing.MutableClock.at("2026-12-14T09:00");
        try (Services other = Fixtures.services(otherLaptop, at)) {
            caseId = other.cases().open(Fixtures.openRequest(other, "croydon", ChildStatus.CHILD_IN_NEED,
                    "2026-12-10T09:00")).id();
            other.cases().escalate(caseId, "Not resolved between the workers.", "Notes on file.",
                    Fixtures.instant("2026-12-11T09:00"));
            offered = uk.resolve.app.TestAccess.entries(other).caseEntries(caseId).stream().map(e -> {
                if (e.type() != EntryType.ESCALATED) {
                    return e;
                }
                // changed with a database tool after it was written: its hash no longer matches
                TreeMap<String, String> data = new TreeMap<>(e.data());
                data.put("toStage", "4");
                return e.withData(data);
            }).toList();
        }
        altered = offered.stream().filter(e -> e.type() == EntryType.ESCALATED).findFirst().orElseThrow().id();
    }

    /** An administrator's database to which those entries were offered: the sync's own gate sets the altered one aside. */
    @Override
    protected Vault vault() {
        Vault vault = Vault.at(folder.resolve("resolve.mv.db"), clock);
        try (Session admin = vault.createFirstAdministrator("admin", ADMIN_PW.toCharArray(), "IT")) {
            var s = admin.services();
            // administration beside the business team's reports: Reports shows in the menu beside Quarantine
            admin.changeUser("admin", java.util.Set.of(Role.ADMINISTRATOR, Role.BUSINESS_TEAM), null);
            Quarantine gate = new Quarantine(new QuarantineStore(uk.resolve.app.TestAccess.database(s)), clock);
            List<Entry> taken = gate.admit(offered, uk.resolve.app.TestAccess.entries(s), Quarantined.INCOMING, "team-shared.mv.db");
            assertThat(taken).extracting(Entry::id).doesNotContain(altered);
        }
        return vault;
    }

    @Test
    void anAdministratorChecksAnEntryAgainSeesWhyItStillFailsAndDiscardsItAuditedAndAt200PercentNothingIsCut() {
        fill("nameField", "admin");
        fill("passwordField", ADMIN_PW);
        clickButton("submitButton");
        assertThat(window.context()).as("signed in").isNotNull();

        press("quarantineNav");
        assertThat(window.shell().current()).isInstanceOf(QuarantineController.class);
        TableView<Quarantined> table = node("quarantineTable");
        settle();
        assertThat(node("reportsNav").getScene()).as("Reports is offered beside Quarantine").isNotNull();
        assertThat(clashingMnemonics()).as("each Alt+key shown reaches one control").isEmpty();
        assertThat(table.getItems()).extracting(Quarantined::entryId).contains(altered);
        int before = table.getItems().size();
        String shown = allText("quarantineTable");
        assertThat(shown).contains(caseId.toString(), "team-shared.mv.db", "Set aside");
        assertThat(shown).as("the child's reference is sealed from administrators")
                .doesNotContain("REF-CROYDON");
        assertThat(text("summaryLabel")).contains(before + (before == 1 ? " entry" : " entries"));
        Quarantined first = table.getItems().stream().filter(q -> q.entryId().equals(altered)).findFirst().orElseThrow();

        // nothing selected: nothing to release or discard
        assertThat(node("releaseButton").isDisabled()).isTrue();
        assertThat(node("discardButton").isDisabled()).isTrue();
        assertThat(text("detailLabel")).startsWith("Choose an entry");
        onFx(() -> table.getSelectionModel().select(first));
        assertThat(text("detailLabel")).contains("Entry " + first.entryId(), first.device(), first.reason(),
                "does not match its hash", "Kept as received");
        assertThat(node("discardButton").isDisabled()).isFalse();
        screenshot("quarantine-1366x768");
        assertNothingCut(table, "at 100%");

        // checked again: it still fails, says why, and stays
        clickButton("releaseButton");
        clickButton("confirmRelease");
        settle();
        assertThat(text("errorLabel")).contains("Entry " + first.entryId(), "still fails its checks",
                "does not match its hash");
        assertThat(table.getItems()).hasSize(before).contains(first);

        // at 200% text the table scrolls sideways or wraps; no cell or heading ends in a cut "…"
        for (int i = 0; i < 12 && window.viewModel().textScaleProperty().get() < 2.0; i++) {
            onFx(window.viewModel()::larger);
        }
        settle();
        assertThat(window.viewModel().textScaleProperty().get()).isEqualTo(2.0);
        onFx(() -> table.getSelectionModel().select(first));
        screenshot("quarantine-200-percent");
        assertNothingCut(table, "at 200%");

        // from the keyboard: Alt+D asks, and Enter takes the safe choice, which keeps the entry
        onFx(() -> {
            table.getSelectionModel().select(first);
            table.requestFocus();
        });
        push(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.D);
        settle();
        assertThat(lookup("#confirmDiscard").tryQuery()).as("the confirmation is shown").isPresent();
        push(javafx.scene.input.KeyCode.ENTER);
        settle();
        assertThat(table.getItems()).contains(first);
        // Alt+S asks to release (Alt+R stays the shell's Reports); Enter again keeps things as they are
        push(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.S);
        settle();
        assertThat(lookup("#confirmRelease").tryQuery()).as("the release confirmation is shown").isPresent();
        push(javafx.scene.input.KeyCode.ENTER);
        settle();
        assertThat(window.shell().current()).isInstanceOf(QuarantineController.class);
        assertThat(table.getItems()).contains(first);

        clickButton("discardButton");
        clickButton("confirmDiscard");
        settle();
        assertThat(text("doneLabel")).contains("Discarded entry " + first.entryId(), "skips it");
        assertThat(table.getItems()).hasSize(before - 1).doesNotContain(first);
        if (!table.getItems().isEmpty()) {
            clickButton("clearButton");
            clickButton("confirmClear");
            settle();
        }
        assertThat(table.getItems()).isEmpty();
        assertThat(text("summaryLabel")).contains("The quarantine is empty", "1 entry was discarded");
        assertThat(node("clearButton").isDisabled()).isTrue();

        press("auditNav");
        settle();
        String log = allText("auditTable");
        assertThat(log).contains("Entry discarded from quarantine", first.entryId().toString());
        assertThat(log).doesNotContain("Entry released from quarantine");
    }

    /** The texts of the shown controls that share an Alt+key, one list a shared key. */
    private List<List<String>> clashingMnemonics() {
        List<List<String>> clashes = new java.util.ArrayList<>();
        onFx(() -> node("quarantineTable").getScene().getMnemonics().values().forEach(list -> {
            List<String> texts = list.stream().map(javafx.scene.input.Mnemonic::getNode)
                    .filter(QuarantineViewTest::shown)
                    .map(n -> n instanceof javafx.scene.control.Labeled l ? l.getText() : n.toString()).toList();
            if (texts.size() > 1) {
                clashes.add(texts);
            }
        }));
        return clashes;
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** No text in the table (cells, headings) is shortened with "…" for want of room, and every column can be reached. */
    private void assertNothingCut(TableView<Quarantined> table, String when) {
        List<String> cut = new java.util.ArrayList<>();
        onFx(() -> {
            table.applyCss();
            table.layout();
            collectCut(table, cut);
            for (var column : table.getVisibleLeafColumns()) {
                // the header row keeps one line's height: a heading must fit on one line
                if (column.getGraphic() instanceof javafx.scene.control.Label heading && heading.getWidth() > 0
                        && textWidth(heading) > heading.getWidth() - heading.snappedLeftInset()
                        - heading.snappedRightInset() + 0.5) {
                    cut.add("heading \"" + heading.getText() + "\" needs more than one line");
                }
            }
            double columns = table.getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum();
            if (columns > table.getWidth() && table.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY) {
                cut.add("columns wider than the table, with no way to scroll to them");
            }
        });
        assertThat(cut).as(when).isEmpty();
    }

    private static void collectCut(javafx.scene.Node n, List<String> cut) {
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank()) {
            for (javafx.scene.Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof javafx.scene.text.Text t && t.getText() != null && !t.getText().equals(l.getText())
                        && t.getText().endsWith("…")) {
                    cut.add("\"" + t.getText() + "\" for \"" + l.getText() + "\"");
                }
            }
        }
        if (n instanceof javafx.scene.control.Label l && l.isWrapText() && l.getText() != null
                && !l.getText().isBlank() && !l.getText().contains(" ") && l.getWidth() > 0
                && textWidth(l) > l.getWidth() - l.snappedLeftInset() - l.snappedRightInset() + 0.5) {
            cut.add("\"" + l.getText() + "\" split over lines");
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectCut(c, cut));
        }
    }

    /** The width {@code l}'s text takes on one line in its font. */
    private static double textWidth(javafx.scene.control.Label l) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(l.getText());
        t.setFont(l.getFont());
        return t.getLayoutBounds().getWidth();
    }
}
