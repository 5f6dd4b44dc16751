/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.shell;

import java.util.UUID;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import uk.resolve.security.Actor;
import uk.resolve.security.Permission;
import uk.resolve.ui.home.HomeController;
import uk.resolve.ui.support.Fxml;
import uk.resolve.ui.support.Mnemonics;
import uk.resolve.ui.support.Navigator;
import uk.resolve.ui.support.StatusLine;
import uk.resolve.ui.workspace.WorkspaceController;

/** The main window: navigation at the left, the current screen, and the status line. */
public final class ShellController implements Navigator {

    private final ShellViewModel vm;
    private final StatusLine status;
    private ViewFactory context;
    private Object current;
    /** The reports screen, kept for the session so that a report run stays while the person moves around. */
    private Parent reports;
    /** The case workspace, built once per sign-in and given each case opened: no new nodes to style each time. */
    private Fxml.View<WorkspaceController> workspace;
    private java.util.List<Node> allNav;
    private final java.util.Set<Node> offered = new java.util.HashSet<>();
    private Runnable lock = () -> { };
    private Runnable signOut = () -> { };
    private Runnable changePassword = () -> { };

    @FXML private VBox nav;
    @FXML private ToggleButton homeNav;
    @FXML private ToggleButton newNav;
    @FXML private ToggleButton proceduresNav;
    @FXML private ToggleButton reportsNav;
    @FXML private ToggleButton usersNav;
    @FXML private ToggleButton auditNav;
    @FXML private ToggleButton settingsNav;
    @FXML private ToggleButton quarantineNav;
    @FXML private Button syncNav;
    @FXML private Label whoLabel;
    @FXML private Button passwordButton;
    @FXML private Button lockButton;
    @FXML private Button signOutButton;
    @FXML private ToggleButton contrastToggle;
    @FXML private Button largerButton;
    @FXML private Button smallerButton;
    @FXML private StackPane content;
    @FXML private VBox loadingPane;
    @FXML private Label loadingLabel;
    @FXML private ProgressIndicator loadingSpinner;
    @FXML private Label statusMessage;
    @FXML private HBox statusItems;
    @FXML private ProgressIndicator busyIndicator;

    public ShellController(ShellViewModel vm, StatusLine status) {
        this.vm = vm;
        this.status = status;
    }

    @FXML
    private void initialize() {
        statusMessage.textProperty().bind(status.messageProperty());
        Bindings.bindContent(statusItems.getChildren(), status.items());
        loadingLabel.textProperty().bind(vm.loadingTextProperty());
        nav.setDisable(true);
        uk.resolve.ui.support.Mnemonics.forgetLeavers(content);
        busyIndicator.setVisible(false);
        contrastToggle.selectedProperty().bindBidirectional(vm.highContrastProperty());
        vm.screenProperty().addListener((o, a, s) -> {
            homeNav.setSelected("home".equals(s) || "case".equals(s));
            newNav.setSelected("new".equals(s));
            proceduresNav.setSelected("procedures".equals(s));
            reportsNav.setSelected("reports".equals(s));
            usersNav.setSelected("users".equals(s));
            auditNav.setSelected("audit".equals(s));
            settingsNav.setSelected("settings".equals(s));
            quarantineNav.setSelected("quarantine".equals(s));
        });
        allNav = java.util.List.copyOf(nav.getChildren());
        account(false, false);
        narrowNavAtLargeText();
    }

    /**
     * The navigation is 15 text widths wide, but never more than a fifth of the window: at large
     * text its labels wrap and the page keeps the room it needs.
     */
    private void narrowNavAtLargeText() {
        nav.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                return;
            }
            javafx.beans.binding.DoubleBinding width = Bindings.createDoubleBinding(
                    () -> Math.min(15 * statusMessage.getFont().getSize(), Math.max(180, scene.getWidth() * 0.2)),
                    scene.widthProperty(), statusMessage.fontProperty());
            nav.prefWidthProperty().bind(width);
            nav.minWidthProperty().bind(width);
            nav.maxWidthProperty().bind(width);
        });
        for (Node n : nav.getChildren()) {
            if (n instanceof javafx.scene.control.Labeled l) {
                l.setWrapText(true);
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
    }

    /** What the account buttons do. */
    void account(Runnable lockNow, Runnable signOutNow, Runnable changeOwnPassword) {
        this.lock = lockNow;
        this.signOut = signOutNow;
        this.changePassword = changeOwnPassword;
    }

    private void account(boolean signedIn, boolean session) {
        for (Node n : new Node[] {whoLabel, passwordButton, lockButton, signOutButton}) {
            show(n, signedIn && session);
        }
    }

    private void offer(Node n, boolean on) {
        if (on) {
            offered.add(n);
        }
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /** The database is open: enable navigation and show the first screen. */
    void attach(ViewFactory ctx, boolean firstRun) {
        this.context = ctx;
        reports = null;
        workspace = null;
        nav.setDisable(false);
        busyIndicator.visibleProperty().bind(ctx.background().runningProperty().greaterThan(0));
        Actor who = ctx.services().actor();
        boolean cases = who.may(Permission.WORK_ON_CASES);
        // What a role may not do is refused by the services; the window only does not offer it.
        offered.clear();
        offer(homeNav, cases);
        offer(newNav, cases);
        offer(proceduresNav, cases || who.may(Permission.MANAGE_SETTINGS));
        offer(reportsNav, who.may(Permission.VIEW_REPORTS));
        offer(syncNav, who.may(Permission.SYNC_AND_EXPORT));
        offer(usersNav, who.may(Permission.MANAGE_USERS) && ctx.session() != null);
        offer(settingsNav, who.may(Permission.MANAGE_SETTINGS) && ctx.session() != null);
        offer(auditNav, who.may(Permission.VIEW_AUDIT));
        offer(quarantineNav, who.may(Permission.MANAGE_SETTINGS) && ctx.session() != null);
        // Buttons not offered leave the window, so that their Alt+letter cannot clash with a screen's.
        nav.getChildren().setAll(allNav.stream().filter(n -> !(n instanceof ButtonBase) || offered.contains(n)
                || !java.util.List.of(homeNav, newNav, proceduresNav, reportsNav, syncNav, usersNav, settingsNav,
                auditNav, quarantineNav).contains(n)).toList());
        Mnemonics.forgetOutside(nav.getScene());
        account(true, ctx.session() != null);
        whoLabel.setText(who.name() + "\n" + who.rolesLabel() + (who.team().isEmpty() ? "" : ", " + who.team()));
        whoLabel.setAccessibleText("Signed in as " + who.name() + ", " + who.rolesLabel()
                + (who.team().isEmpty() ? "" : ", " + who.team()));
        if (cases) {
            if (firstRun) {
                showWelcome();
            } else {
                showHome();
            }
        } else if (who.may(Permission.VIEW_REPORTS)) {
            showReports();
        } else if (who.may(Permission.MANAGE_USERS) && ctx.session() != null) {
            showUsers();
        } else if (who.may(Permission.VIEW_AUDIT)) {
            showAudit();
        } else {
            showProcedures();
        }
    }

    /** Signed out: nothing of the last person's screens stays. */
    void detach() {
        context = null;
        reports = null;
        workspace = null;
        current = null;
        busyIndicator.visibleProperty().unbind();
        busyIndicator.setVisible(false);
        nav.setDisable(true);
        account(false, false);
        loadingSpinner.setVisible(true);
        loadingSpinner.setManaged(true);
        vm.loadingTextProperty().set("Opening your records…");
        content.getChildren().setAll(loadingPane);
        vm.screenProperty().set("loading");
    }

    /** Opening the database failed: say so in plain words where the screens would be. */
    void failed(String message) {
        loadingSpinner.setVisible(false);
        loadingSpinner.setManaged(false);
        vm.loadingTextProperty().set("Resolve could not open your records. " + message);
    }

    private <C> C swap(String feature, String name, String screen) {
        Fxml.View<C> v = context.load(feature, name);
        content.getChildren().setAll(v.root());
        current = v.controller();
        vm.screenProperty().set(screen);
        return v.controller();
    }

    @Override
    public void showHome() {
        swap("home", "Home", "home");
    }

    @Override
    public void showNewCase() {
        swap("newcase", "NewCase", "new");
    }

    @Override
    public void showCase(UUID caseId) {
        if (workspace == null) {
            workspace = context.load("workspace", "Workspace");
        }
        content.getChildren().setAll(workspace.root());
        current = workspace.controller();
        vm.screenProperty().set("case");
        workspace.controller().show(caseId);
    }

    @Override
    public void showProcedures() {
        swap("procedures", "Procedures", "procedures");
    }

    /** The partnership's reports: anonymised figures, charts and exports. */
    public void showReports() {
        if (reports == null) {
            reports = context.reports().root();
        }
        content.getChildren().setAll(reports);
        current = null;
        vm.screenProperty().set("reports");
    }

    /** Who may sign in here (administrators). */
    public void showUsers() {
        swap("admin", "Users", "users");
    }

    /** The audit log (administrators and the business team). */
    public void showAudit() {
        swap("admin", "Audit", "audit");
    }

    /** Settings: the idle lock (administrators). */
    public void showSettings() {
        swap("admin", "Settings", "settings");
    }

    /** The entries sync set aside (administrators): see, release, clear. */
    public void showQuarantine() {
        swap("admin", "Quarantine", "quarantine");
    }

    @Override
    public void showWelcome() {
        swap("welcome", "Welcome", "welcome");
    }

    /** The controller of the screen showing now (for tests and keyboard shortcuts). */
    public Object current() {
        return current;
    }

    void focusSearch() {
        if (current instanceof HomeController h) {
            h.focusSearch();
        } else if (context != null) {
            showHome();
            ((HomeController) current).focusSearch();
        }
    }

    @FXML
    private void goHome() {
        showHome();
    }

    @FXML
    private void goNew() {
        showNewCase();
    }

    @FXML
    private void goProcedures() {
        showProcedures();
    }

    @FXML
    private void openSync() {
        context.openSyncSettings(content.getScene().getWindow());
    }

    @FXML
    private void goReports() {
        showReports();
    }

    @FXML
    private void goUsers() {
        showUsers();
    }

    @FXML
    private void goAudit() {
        showAudit();
    }

    @FXML
    private void goQuarantine() {
        showQuarantine();
    }

    @FXML
    private void goSettings() {
        showSettings();
    }

    @FXML
    private void lockNow() {
        lock.run();
    }

    @FXML
    private void signOutNow() {
        signOut.run();
    }

    @FXML
    private void changeOwnPassword() {
        changePassword.run();
    }

    @FXML
    private void larger() {
        vm.larger();
    }

    @FXML
    private void smaller() {
        vm.smaller();
    }

    Parent content() {
        return content;
    }
}
