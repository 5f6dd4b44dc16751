/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.Services;
import uk.resolve.app.SyncService;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

@ExtendWith(ApplicationExtension.class)
class SyncSettingsViewTest {

    @TempDir
    Path dir;

    private Services services;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        services = Fixtures.services(Files.createDirectories(dir.resolve("pc")), MutableClock.at("2026-12-21T09:00"));
        services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T08:00"));
        BorderPane root = new BorderPane(SyncSettingsWindow.load(new SyncSettingsViewModel(services.sync(),
                Executors.newSingleThreadExecutor())));
        root.setBottom(SyncStatusBar.create(services.sync(), uk.resolve.ui.support.Background.onFxThread()));
        stage.setScene(new Scene(root));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static void loaded(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#syncNow").queryButton().isDisabled());
    }

    @Test
    void choosingASharedFileAndSettingUpTheTeamKeyShowsWhatHappenedAndTheStatusLineFollows(FxRobot robot)
            throws Exception {
        loaded(robot);
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        robot.clickOn("#sharedPath").write(shared.toString());
        robot.clickOn("#teamPassphrase").write("kestrel pebble orchard");
        robot.clickOn("#teamPassphraseAgain").write("kestrel pebble orchart");
        robot.clickOn("#setUpKey");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#problem").queryAs(Label.class).getText())
                .isEqualTo("The two team passphrases are not the same. Type it again in both fields.");
        assertThat(Files.exists(dir.resolve("drive/team.key.json"))).isFalse();
        robot.doubleClickOn("#teamPassphraseAgain").eraseText(30).write("kestrel pebble orchard");
        robot.clickOn("#setUpKey");
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#result").queryAs(Label.class).getText()
                    .isEmpty() || !robot.lookup("#problem").queryAs(Label.class).getText().isEmpty());
        } finally {
            snapshot(robot, dir.resolve("sync-settings.png"));
        }
        assertThat(robot.lookup("#problem").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#result").queryAs(Label.class).getText()).startsWith("Team key ")
                .endsWith("Received 0 entries and sent 1 entry; the shared file holds 1 entry.");
        assertThat(robot.lookup("#teamPassphrase").queryTextInputControl().getText()).isEmpty();
        assertThat(Files.exists(dir.resolve("drive/team.key.json"))).isTrue();
        assertThat(Files.exists(shared)).isTrue();
        assertThat(services.sync().settings().sharedFile()).isEqualTo(shared);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".sync-status-bar .label").queryAs(Label.class)
                .getText().startsWith("Last synced "));
    }

    @Test
    void aFolderInsteadOfAFileIsRefusedBeforeSaving(FxRobot robot) throws Exception {
        loaded(robot);
        robot.clickOn("#sharedPath").write(dir.toString());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sharedPath").queryTextInputControl().getText()).isEqualTo(dir.toString());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#save").queryButton().isDisabled());
        assertThat(robot.lookup("#problem").queryAs(Label.class).getText()).startsWith("That is a folder.");
    }

    @Test
    void exportAsksForTheFilePassphraseTwiceAndImportOnce(FxRobot robot) throws Exception {
        SyncSettingsViewModel model = new SyncSettingsViewModel(services.sync(), Executors.newSingleThreadExecutor());
        Path export = dir.resolve("out.resolve");
        robot.interact(() -> {
            model.filePassphraseProperty().set("swallow basalt tuesday");
            model.filePassphraseAgainProperty().set("swallow basalt wednesday");
            assertThat(model.export(export, java.util.List.of())).isNull();
        });
        assertThat(model.problemProperty().get()).isEqualTo("The two file passphrases are not the same. Type it again"
                + " in both fields.");
        robot.interact(() -> {
            model.filePassphraseAgainProperty().set("swallow basalt tuesday");
            model.export(export, java.util.List.of());
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        assertThat(model.resultProperty().get()).startsWith("Exported 1 entry of 1 case to " + export + ", encrypted.");
        assertThat(model.filePassphraseProperty().get()).isEmpty();

        try (Services other = Fixtures.services(Files.createDirectories(dir.resolve("other")),
                MutableClock.at("2026-12-21T09:00"))) {
            SyncSettingsViewModel there = new SyncSettingsViewModel(other.sync(), Executors.newSingleThreadExecutor());
            robot.interact(() -> there.importFile(export));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !there.busyProperty().get());
            assertThat(there.problemProperty().get()).contains("is encrypted. Type the passphrase it was exported with");
            robot.interact(() -> {
                there.filePassphraseProperty().set("swallow basalt tuesday");
                there.importFile(export);
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !there.busyProperty().get());
            assertThat(there.resultProperty().get()).isEqualTo("Imported 1 new entry of the 1 in the file; the rest"
                    + " were already here.");
        }
    }

    @Test
    void theStatusLineSaysWhatAPersonNeedsToKnow() {
        LocalDate today = LocalDate.parse("2026-12-21");
        Instant at = Fixtures.instant("2026-12-21T10:42");
        assertThat(SyncStatusViewModel.describe(new SyncService.Status(SyncService.State.SYNCED, Path.of("x"), at, 0,
                null), today)).isEqualTo("Last synced 10:42");
        assertThat(SyncStatusViewModel.describe(new SyncService.Status(SyncService.State.SYNCED, Path.of("x"), at, 3,
                null), today)).isEqualTo("Last synced 10:42 · 3 changes waiting");
        assertThat(SyncStatusViewModel.describe(new SyncService.Status(SyncService.State.SYNCED, Path.of("x"), at, 1,
                null), today.plusDays(1))).isEqualTo("Last synced 21 Dec 2026, 10:42 · 1 change waiting");
        assertThat(SyncStatusViewModel.describe(new SyncService.Status(SyncService.State.OFFLINE, Path.of("x"), at, 2,
                "gone"), today)).isEqualTo("Shared drive unreachable — working offline · 2 changes waiting");
        assertThat(SyncStatusViewModel.describe(new SyncService.Status(SyncService.State.OFFLINE, Path.of("x"), at, 2,
                "gone", "server.example/resolve"), today)).isEqualTo("Server unreachable — working offline · 2 changes"
                + " waiting");
        assertThat(SyncStatusViewModel.describe(new SyncService.Status(SyncService.State.NOT_SET_UP, null, null, 2,
                null), today)).isEqualTo("Not syncing: no shared file chosen");
        assertThat(SyncStatusViewModel.describe(new SyncService.Status(SyncService.State.NEEDS_KEY, Path.of("x"), null,
                2, "join"), today)).isEqualTo("Not syncing: the team key is needed (see Sync settings) · 2 changes"
                + " waiting");
    }

    private void snapshot(FxRobot robot, Path png) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> ref =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> ref.set(stage.getScene().snapshot(null)));
        ImageIO.write(uk.resolve.testing.Png.awt(ref.get()), "png", png.toFile());
        String keep = System.getenv("RESOLVE_SNAPSHOTS");
        if (keep != null) {
            Files.copy(png, Path.of(keep).resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.size(png)).isPositive();
    }
}
