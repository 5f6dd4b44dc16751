/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.Services;
import uk.resolve.app.SyncService;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;
import uk.resolve.testing.PostgresServer;
import uk.resolve.ui.sync.SyncSettingsWindow;

/**
 * The partnership server in the Sync and export screen, against a real PostgreSQL server started
 * by the test, in the window the application opens (its own background thread, the main window's
 * look and text size).
 */
@ExtendWith(ApplicationExtension.class)
class SyncServerViewTest {

    static {
        // the laptop size the screens are designed for, when this class starts the toolkit
        System.setProperty("headless.geometry", "1366x768-32");
        System.setProperty("testfx.robot.write_sleep", "1");
    }

    private static final String USER = "team_ui";
    private static final String PASSWORD = "plover saffron anvil 61";
    private static final String TEAM_PASSPHRASE = "kestrel pebble orchard";

    @RegisterExtension
    static final PostgresServer pg = new PostgresServer();

    @TempDir
    Path dir;

    private Services services;
    private Stage owner;
    private Stage window;

    @BeforeAll
    static void setUpServer() throws Exception {
        pg.role(USER, PASSWORD);
        pg.database("resolve", USER);
        pg.database("later", USER);
        // a server a newer version of Resolve has written to
        pg.execute("later", "CREATE TABLE resolve_schema (version INTEGER NOT NULL)",
                "INSERT INTO resolve_schema VALUES (99)", "GRANT SELECT ON resolve_schema TO " + USER);
    }

    private static long rowsOnServer() throws Exception {
        try (Connection c = pg.superuser("resolve"); var st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'resolve_entry'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return 0;
            }
        }
        try (Connection c = pg.superuser("resolve"); var st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM resolve_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        owner = stage;
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheet());
        StackPane root = new StackPane(new Label("Resolve"));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        Scene scene = new Scene(root, Math.min(1366, screen.getWidth()), Math.min(768, screen.getHeight()));
        scene.getStylesheets().add(getClass().getResource("/uk/resolve/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** A computer with one case that holds the team key (which still comes from the team's shared file). */
    private void computer() throws Exception {
        services = Fixtures.services(Files.createDirectories(dir.resolve("pc")), MutableClock.at("2026-12-21T09:00"));
        services.cases().open(Fixtures.openRequest(services, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T08:00"));
        services.sync().setUpTeamKey(Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db"),
                TEAM_PASSPHRASE.toCharArray());
    }

    /** The task runner the window's work runs on, as in the main window. */
    private final uk.resolve.ui.support.Background runner = uk.resolve.ui.support.Background.onFxThread();

    @AfterEach
    void close() {
        runner.close();
        if (services != null) {
            services.close();
        }
    }

    /** Opens the screen as the main window does, over a window of 1366 x 768 with its text at {@code scale}. */
    private void open(FxRobot robot, double scale) throws Exception {
        if (services == null) {
            computer();
        }
        robot.interact(() -> {
            owner.getScene().getRoot().setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;",
                    javafx.scene.text.Font.getDefault().getSize() * scale));
            window = SyncSettingsWindow.open(owner, services.sync(), runner.ordered());
            window.setX(0);
            window.setY(0);
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            window.setWidth(Math.min(window.getWidth(), Math.min(1366, screen.getWidth())));
            window.setHeight(Math.min(window.getHeight(), Math.min(768, screen.getHeight())));
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.from(window.getScene().getRoot())
                .lookup("#syncNow").queryButton().isDisabled());
    }

    private TextInputControl field(FxRobot robot, String id) {
        return robot.from(window.getScene().getRoot()).lookup("#" + id).queryTextInputControl();
    }

    private String text(FxRobot robot, String id) {
        return robot.from(window.getScene().getRoot()).lookup("#" + id).queryAs(Label.class).getText();
    }

    private void set(FxRobot robot, String id, String value) {
        robot.interact(() -> field(robot, id).setText(value));
    }

    /** Presses the button the way a keyboard does (focus, then space) and waits for its work to end. */
    private String press(FxRobot robot, String id) throws Exception {
        robot.interact(() -> {
            window.requestFocus();
            robot.from(window.getScene().getRoot()).lookup("#" + id).query().requestFocus();
        });
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !text(robot, "result").isEmpty()
                || !text(robot, "problem").isEmpty());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.from(window.getScene().getRoot())
                .lookup("#syncNow").queryButton().isDisabled());
        return text(robot, "problem").isEmpty() ? text(robot, "result") : text(robot, "problem");
    }

    @Test
    void aWrongPasswordAnUnreachableServerRefusedTlsAndANewerServerEachSaySoAndNothingLocalChanges(FxRobot robot)
            throws Exception {
        open(robot, 1.0);
        robot.interact(() -> robot.from(window.getScene().getRoot()).lookup("#useServer")
                .queryAs(javafx.scene.control.RadioButton.class).fire());
        String url = pg.url("resolve");
        set(robot, "serverAddress", "localhost:" + pg.port() + "/resolve");
        set(robot, "serverUser", USER);
        set(robot, "serverPassword", "not the password");
        long entries = TestAccess.entries(services).count();

        assertThat(press(robot, "testConnection")).isEqualTo("The server " + url + " refused the user name 'team_ui'"
                + " or its password. Nothing was synced; your work is safe here. Check the password (typed, or in the"
                + " file named by RESOLVE_SERVER_PASSWORD_FILE) with the server's administrator, then sync again.");
        assertThat(press(robot, "syncNow")).startsWith("The server " + url + " refused the user name 'team_ui'")
                .doesNotContain("not the password").doesNotContain("PSQLException");
        assertThat(TestAccess.entries(services).count()).isEqualTo(entries);
        assertThat(rowsOnServer()).isZero();

        set(robot, "serverPassword", PASSWORD);
        set(robot, "serverAddress", "localhost:1/resolve");
        assertThat(press(robot, "testConnection")).startsWith("The server jdbc:postgresql://localhost:1/resolve cannot"
                + " be reached");
        assertThat(press(robot, "syncNow")).startsWith("The server jdbc:postgresql://localhost:1/resolve cannot be"
                + " reached");

        set(robot, "serverAddress", "localhost:" + pg.port() + "/resolve?sslmode=require");
        assertThat(press(robot, "syncNow")).startsWith("A secure (TLS) connection to the server " + url
                + " could not be made");

        set(robot, "serverAddress", pg.url("later"));
        assertThat(press(robot, "testConnection")).contains("written by a newer version of Resolve (server schema 99)")
                .contains("Nothing was changed");
        assertThat(press(robot, "syncNow")).contains("written by a newer version of Resolve (server schema 99)");

        set(robot, "serverAddress", "db.example.org/resolve?password=" + PASSWORD);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "problem")).startsWith("Take the password out of the address");
        assertThat(robot.from(window.getScene().getRoot()).lookup("#save").queryButton().isDisabled()).isTrue();

        assertThat(TestAccess.entries(services).count()).isEqualTo(entries);
        assertThat(rowsOnServer()).isZero();
        snapshot(robot, "sync-server-refused-1366x768.png");
    }

    @Test
    void syncingWithTheServerFromTheScreenSendsTheRecordAndRemembersTheAddressButNotThePassword(FxRobot robot)
            throws Exception {
        open(robot, 1.0);
        robot.targetWindow(window);
        robot.interact(window::requestFocus);
        // by keyboard: an arrow key moves within the choice, Space chooses the server, Tab goes through its fields
        robot.interact(() -> robot.from(window.getScene().getRoot()).lookup("#useSharedFile").query().requestFocus());
        robot.type(KeyCode.RIGHT);
        assertThat(robot.from(window.getScene().getRoot()).lookup("#useServer").query().isFocused()).isTrue();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(window.getScene().getRoot()).lookup("#serverBox").query().isVisible()).isTrue();
        robot.type(KeyCode.TAB);
        assertThat(field(robot, "serverAddress").isFocused()).isTrue();
        robot.write("localhost:" + pg.port() + "/resolve");
        robot.type(KeyCode.TAB);
        assertThat(field(robot, "serverUser").isFocused()).isTrue();
        robot.write(USER);
        robot.type(KeyCode.TAB);
        assertThat(field(robot, "serverPassword").isFocused()).isTrue();
        robot.write(PASSWORD);

        String url = pg.url("resolve");
        assertThat(press(robot, "testConnection")).isEqualTo("Connected to " + url + " as 'team_ui'. The server holds"
                + " no Resolve record yet; the first sync sets it up.");
        long mine = TestAccess.entries(services).count();
        String entries = mine + (mine == 1 ? " entry" : " entries");
        assertThat(press(robot, "syncNow")).isEqualTo("Received 0 entries and sent " + entries + ".");
        assertThat(rowsOnServer()).isEqualTo(mine);
        assertThat(press(robot, "testConnection")).isEqualTo("Connected to " + url + " as 'team_ui'. The server holds "
                + entries + " of the team's record.");
        assertThat(press(robot, "syncNow")).isEqualTo("Nothing new to sync: this computer and the server already hold"
                + " the same records.");
        assertThat(services.sync().server()).isEqualTo(new SyncService.Server(true, url, USER));

        // opened again: the address and the user name are there, the password is asked for again
        robot.interact(window::close);
        open(robot, 1.0);
        assertThat(field(robot, "serverAddress").getText()).isEqualTo(url);
        assertThat(field(robot, "serverUser").getText()).isEqualTo(USER);
        assertThat(field(robot, "serverPassword").getText()).isEmpty();
        assertThat(press(robot, "syncNow")).startsWith("Type your password for the server");
    }

    @Test
    void theServerChoiceReadsAndFitsAtTwiceTheTextSize(FxRobot robot) throws Exception {
        A11yAudit audit = new A11yAudit();
        for (double scale : new double[] {1.0, 2.0}) {
            open(robot, scale);
            robot.interact(() -> robot.from(window.getScene().getRoot()).lookup("#useServer")
                    .queryAs(javafx.scene.control.RadioButton.class).fire());
            set(robot, "serverAddress", "db.partnership.example/resolve?sslmode=verify-full");
            set(robot, "serverUser", USER);
            WaitForAsyncUtils.waitForFxEvents();
            String name = "sync-server-" + (scale == 1.0 ? "100" : "200") + "-1366x768.png";
            snapshot(robot, name);
            String where = "Sync and export, server, text " + (int) (scale * 100) + "%";
            robot.interact(() -> audit.read(where, window.getScene()));
            robot.interact(window::close);
        }
        assertThat(audit.problems()).as(String.join("\n", audit.problems())).isEmpty();
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        AtomicReference<javafx.scene.image.WritableImage> ref = new AtomicReference<>();
        robot.interact(() -> ref.set(window.getScene().snapshot(null)));
        Path png = dir.resolve(name);
        ImageIO.write(uk.resolve.testing.Png.awt(ref.get()), "png", png.toFile());
        String keep = System.getenv("RESOLVE_SNAPSHOTS");
        if (keep != null) {
            Files.copy(png, Path.of(keep).resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.size(png)).isPositive();
    }
}
