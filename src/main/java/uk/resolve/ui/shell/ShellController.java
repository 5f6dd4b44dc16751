/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.shell;

import java.util.UUID;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import uk.resolve.ui.UiContext;
import uk.resolve.ui.home.HomeController;
import uk.resolve.ui.support.Navigator;
import uk.resolve.ui.support.StatusLine;
import uk.resolve.ui.reports.ReportsView;
import uk.resolve.ui.sync.SyncSettingsWindow;
import uk.resolve.ui.workspace.WorkspaceController;

/** The main window: navigation at the left, the current screen, and the status line. */
public final class ShellController implements Navigator {

    private final ShellViewModel vm;
    private final StatusLine status;
    private UiContext context;
    private Object current;

    @FXML private VBox nav;
    @FXML private ToggleButton homeNav;
    @FXML private ToggleButton newNav;
    @FXML private ToggleButton proceduresNav;
    @FXML private ToggleButton reportsNav;
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
        });
    }

    /** The database is open: enable navigation and show the first screen. */
    void attach(UiContext ctx, boolean firstRun) {
        this.context = ctx;
        nav.setDisable(false);
        busyIndicator.visibleProperty().bind(ctx.background().runningProperty().greaterThan(0));
        if (firstRun) {
            showWelcome();
        } else {
            showHome();
        }
    }

    /** Opening the database failed: say so in plain words where the screens would be. */
    void failed(String message) {
        loadingSpinner.setVisible(false);
        loadingSpinner.setManaged(false);
        vm.loadingTextProperty().set("Resolve could not open your records. " + message);
    }

    private <C> C swap(String feature, String name, String screen) {
        UiContext.View<C> v = context.load(feature, name);
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
        WorkspaceController c = swap("workspace", "Workspace", "case");
        c.show(caseId);
    }

    @Override
    public void showProcedures() {
        swap("procedures", "Procedures", "procedures");
    }

    /** The partnership's reports: anonymised figures, charts and exports. */
    public void showReports() {
        content.getChildren().setAll(ReportsView.load(context.services()));
        current = null;
        vm.screenProperty().set("reports");
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
        SyncSettingsWindow.open(content.getScene().getWindow(), context.services());
    }

    @FXML
    private void goReports() {
        showReports();
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
