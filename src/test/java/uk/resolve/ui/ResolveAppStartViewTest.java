/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.scene.Node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.DataLocation;
import uk.resolve.app.Services;
import uk.resolve.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the application as {@code Main} does with no arguments (ResolveApp on the primary stage,
 * the database in the data folder), with only the data folder moved to a temporary one.
 */
class ResolveAppStartViewTest extends FxRobot {

    static {
        System.setProperty("headless.geometry", "1366x768-32");
    }

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
    void aFirstStartCreatesTheDatabaseInTheDataFolderAndWelcomesTheWorker() throws Exception {
        System.setProperty(DataLocation.PROPERTY, folder.toString());
        Path db = folder.resolve("resolve.mv.db");
        assertThat(DataLocation.defaultDatabase()).isEqualTo(db);
        assertThat(db).doesNotExist();

        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(uk.resolve.ui.ResolveApp.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#startButton"));
        assertThat(db).exists();
        assertThat(Files.size(db)).isPositive();
        assertThat(lookup("#samplesButton").queryButton().isVisible()).isTrue();
        assertThat(FxToolkit.toolkitContext().getRegisteredStage().getTitle()).isEqualTo("Resolve");

        clickOn("#startButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> visible("#riskNo"));

        FxToolkit.cleanupApplication(app);
        app = null;
        // The application closed its database on stop: it opens again, with its procedures and no cases.
        try (Services again = Services.openUnencrypted(db, MutableClock.at("2026-12-14T09:00"), uk.resolve.testing.Fixtures.actor("tester"))) {
            assertThat(again.policies().latest()).hasSize(5);
            assertThat(again.cases().list()).isEmpty();
        }
    }

    private boolean visible(String query) {
        Node n = lookup(query).tryQuery().orElse(null);
        return n != null && n.isVisible() && n.getScene() != null && n.getScene().getWindow().isShowing();
    }
}
