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
 * releases one and clears the rest, each after a confirmation and written to the audit log.
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
            Quarantine gate = new Quarantine(new QuarantineStore(uk.resolve.app.TestAccess.database(s)), clock);
            List<Entry> taken = gate.admit(offered, uk.resolve.app.TestAccess.entries(s), Quarantined.INCOMING, "team-shared.mv.db");
            assertThat(taken).extracting(Entry::id).doesNotContain(altered);
        }
        return vault;
    }

    @Test
    void anAdministratorSeesTheQuarantineByCaseIdReleasesOneAndClearsTheRestAudited() {
        fill("nameField", "admin");
        fill("passwordField", ADMIN_PW);
        clickButton("submitButton");
        assertThat(window.context()).as("signed in").isNotNull();

        press("quarantineNav");
        assertThat(window.shell().current()).isInstanceOf(QuarantineController.class);
        TableView<Quarantined> table = node("quarantineTable");
        settle();
        assertThat(table.getItems()).extracting(Quarantined::entryId).contains(altered);
        int before = table.getItems().size();
        String shown = allText("quarantineTable");
        assertThat(shown).contains(caseId.toString(), "team-shared.mv.db", "Set aside");
        assertThat(shown).as("the child's reference is sealed from administrators")
                .doesNotContain("REF-CROYDON");
        assertThat(text("summaryLabel")).contains(before + (before == 1 ? " entry" : " entries"));
        Quarantined first = table.getItems().get(0);

        // nothing selected: nothing to release
        assertThat(node("releaseButton").isDisabled()).isTrue();
        assertThat(text("detailLabel")).startsWith("Choose an entry");
        onFx(() -> table.getSelectionModel().select(first));
        assertThat(text("detailLabel")).contains("Entry " + first.entryId(), first.device(), first.reason(),
                "does not match its hash");
        screenshot("quarantine-1366x768");
        clickButton("releaseButton");
        clickButton("confirmRelease");
        settle();
        assertThat(text("doneLabel")).contains("Released entry " + first.entryId(), "next sync checks it again");
        assertThat(table.getItems()).hasSize(before - 1).doesNotContain(first);

        if (!table.getItems().isEmpty()) {
            clickButton("clearButton");
            clickButton("confirmClear");
            settle();
            assertThat(text("doneLabel")).contains("Cleared " + (before - 1));
        }
        assertThat(table.getItems()).isEmpty();
        assertThat(text("summaryLabel")).contains("The quarantine is empty");
        assertThat(node("clearButton").isDisabled()).isTrue();

        press("auditNav");
        settle();
        String log = allText("auditTable");
        assertThat(log).contains("Entry released from quarantine", first.entryId().toString());
        if (before > 1) {
            assertThat(log).contains("Quarantine cleared");
        }
    }
}
