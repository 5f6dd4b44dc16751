/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.DataLocation;
import uk.resolve.app.Session;
import uk.resolve.app.Vault;
import uk.resolve.security.Role;
import uk.resolve.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the application as {@code Main} does with no arguments (ResolveApp on the primary stage,
 * the database in the data folder), with only the data folder moved to a temporary one that does not
 * exist yet: the first start sets up the first administrator and an encrypted database.
 */
class ResolveAppStartViewTest extends FxRobot {

    static {
        System.setProperty("headless.geometry", "1366x768-32");
    }

    private static final String PASSWORD = "the first administrator's password";

    @TempDir
    Path folder;
    private Application app;

    @AfterEach
    void stopApplication() throws Exception {
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
            FxToolkit.cleanupStages();
        } finally {
            System.clearProperty(DataLocation.PROPERTY);
        }
    }

    @Test
    void aFirstStartSetsUpTheAdministratorAndAnEncryptedDatabaseInTheDataFolder() throws Exception {
        Path data = folder.resolve("new folder");
        System.setProperty(DataLocation.PROPERTY, data.toString());
        Path db = data.resolve("resolve.mv.db");
        assertThat(DataLocation.defaultDatabase()).isEqualTo(db);

        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(uk.resolve.ui.ResolveApp.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#repeatField"));
        assertThat(this.<Labeled>find("#heading").getText()).isEqualTo("Set up Resolve");
        assertThat(db).as("nothing is written before the administrator is set up").doesNotExist();
        assertThat(FxToolkit.toolkitContext().getRegisteredStage().getTitle()).isEqualTo("Resolve");

        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            this.<TextInputControl>find("#nameField").setText("admin");
            // someone who only looks after Resolve here: an administrator without cases
            this.<javafx.scene.control.ComboBox<Role>>find("#roleChoice").setValue(Role.ADMINISTRATOR);
            this.<TextInputControl>find("#passwordField").setText(PASSWORD);
            this.<TextInputControl>find("#repeatField").setText(PASSWORD);
        }));
        clickOn("#submitButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#usersTable"));
        assertThat(db).exists();
        assertThat(Files.size(db)).isPositive();

        FxToolkit.cleanupApplication(app);
        app = null;
        // The application closed its database on stop: it opens again for the administrator, encrypted,
        // with its procedures and no cases.
        Vault vault = Vault.at(db, MutableClock.at("2026-12-14T09:00"));
        assertThat(vault.state()).isEqualTo(Vault.State.PROTECTED);
        try (Session again = vault.signIn("admin", PASSWORD.toCharArray())) {
            assertThat(again.actor().role()).isEqualTo(Role.ADMINISTRATOR);
            assertThat(again.services().policies().latest()).hasSize(5);
            assertThat(again.services().cases().isEmpty()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T find(String query) {
        return (T) lookup(query).query();
    }

    private boolean visible(String query) {
        Node n = lookup(query).tryQuery().orElse(null);
        return n != null && n.isVisible() && n.getParent() != null && n.getParent().isVisible() && n.getScene() != null
                && n.getScene().getWindow().isShowing();
    }
}
