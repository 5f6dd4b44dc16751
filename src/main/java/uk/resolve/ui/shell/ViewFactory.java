/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.shell;

import java.util.function.IntConsumer;

import javafx.stage.Stage;
import javafx.stage.Window;

import uk.resolve.app.Preferences;
import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.domain.time.UkTime;
import uk.resolve.ui.admin.AuditController;
import uk.resolve.ui.admin.AuditViewModel;
import uk.resolve.ui.admin.SettingsController;
import uk.resolve.ui.admin.SettingsViewModel;
import uk.resolve.ui.admin.UsersController;
import uk.resolve.ui.admin.UsersViewModel;
import uk.resolve.ui.home.HomeController;
import uk.resolve.ui.home.HomeViewModel;
import uk.resolve.ui.newcase.NewCaseController;
import uk.resolve.ui.newcase.NewCaseViewModel;
import uk.resolve.ui.forms.FormEditorWindow;
import uk.resolve.ui.home.DueSoonViewModel;
import uk.resolve.ui.procedures.ProceduresController;
import uk.resolve.ui.procedures.ProceduresViewModel;
import uk.resolve.ui.reports.ReportsController;
import uk.resolve.ui.reports.ReportsView;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.support.DraftStore;
import uk.resolve.ui.support.Fxml;
import uk.resolve.ui.support.Navigator;
import uk.resolve.ui.support.StatusLine;
import uk.resolve.ui.sync.SyncSettingsWindow;
import uk.resolve.ui.sync.SyncStatusBar;
import uk.resolve.ui.welcome.WelcomeController;
import uk.resolve.ui.welcome.WelcomeViewModel;
import uk.resolve.ui.workspace.AttachmentOpener;
import uk.resolve.ui.workspace.FormOpener;
import uk.resolve.ui.workspace.MailDraftOpener;
import uk.resolve.ui.workspace.WorkspaceController;
import uk.resolve.ui.workspace.WorkspaceViewModel;

/**
 * The view factory: builds every screen and window of a signed-in person, each controller with its
 * view model and each view model given only the services it uses (never the whole {@link Services}),
 * all work on the one task runner, FXML loaded one way ({@link Fxml}). Built once per sign-in by
 * {@link AppWindow}; there are no singletons.
 */
public final class ViewFactory implements AutoCloseable {

    private final Services services;
    private final Session session;
    private IntConsumer idleMinutesChanged = m -> { };
    private final Preferences prefs;
    private final Background background;
    private final DraftStore drafts;
    private final FormOpener formOpener;
    private final StatusLine status;
    private final Navigator navigator;

    /**
     * @param session    the signed-in session, or null when the screens run on services a test opened
     * @param formOpener what the workspace's Open buttons do, or null for the form editor
     */
    public ViewFactory(Services services, Session session, Background background, DraftStore drafts,
                       FormOpener formOpener, StatusLine status, Navigator navigator) {
        this.services = services;
        this.session = session;
        this.prefs = Preferences.of(services);
        this.background = background;
        this.drafts = drafts;
        this.formOpener = formOpener != null ? formOpener : this::openFormEditor;
        this.status = status;
        this.navigator = navigator;
    }

    public Services services() {
        return services;
    }

    /** The signed-in session, or null when a test opened the services directly. */
    public Session session() {
        return session;
    }

    /** What to tell when an administrator changes the idle lock. */
    public void onIdleMinutesChanged(IntConsumer listener) {
        this.idleMinutesChanged = listener;
    }

    public Preferences prefs() {
        return prefs;
    }

    public Background background() {
        return background;
    }

    public DraftStore drafts() {
        return drafts;
    }

    public StatusLine status() {
        return status;
    }

    /** Builds the controller FXML asks for, with its view model. */
    public Object controllerFor(Class<?> type) {
        if (type == HomeController.class) {
            return new HomeController(new HomeViewModel(services.cases(), prefs, background),
                    new DueSoonViewModel(services.reminders(), services.deadlineCalendar(), background),
                    navigator, status);
        }
        if (type == WelcomeController.class) {
            return new WelcomeController(new WelcomeViewModel(services.cases(), prefs, background), navigator);
        }
        if (type == NewCaseController.class) {
            return new NewCaseController(new NewCaseViewModel(services.cases(), services.policies(), prefs, drafts,
                    background), navigator, status);
        }
        if (type == WorkspaceController.class) {
            WorkspaceController w = new WorkspaceController(new WorkspaceViewModel(services.cases(), services.forms(), prefs,
                    drafts, background), formOpener, navigator, status, background.frames());
            w.offerMailDrafts(new MailDraftOpener(services.mailDrafts(), background));
            w.offerAttachments(new AttachmentOpener(services.attachments(), background));
            return w;
        }
        if (type == ProceduresController.class) {
            return new ProceduresController(new ProceduresViewModel(services.policies(), services.cases(), background),
                    status, services.actor().may(uk.resolve.security.Permission.MANAGE_SETTINGS));
        }
        if (type == UsersController.class) {
            return new UsersController(new UsersViewModel(session, background), status);
        }
        if (type == uk.resolve.ui.admin.QuarantineController.class) {
            return new uk.resolve.ui.admin.QuarantineController(new uk.resolve.ui.admin.QuarantineViewModel(
                    services.quarantine(), background), status);
        }
        if (type == AuditController.class) {
            return new AuditController(new AuditViewModel(services.audit(), background), status);
        }
        if (type == SettingsController.class) {
            return new SettingsController(new SettingsViewModel(session, background, m -> idleMinutesChanged.accept(m)),
                    status);
        }
        throw new IllegalArgumentException("No controller known for " + type.getName());
    }

    /** Loads {@code /uk/resolve/ui/<feature>/<Name>View.fxml} with its controller. */
    public <C> Fxml.View<C> load(String feature, String name) {
        return Fxml.load(feature, name, this::controllerFor);
    }

    /** The reports screen, its report worked out on the task runner's readers. */
    public Fxml.View<ReportsController> reports() {
        return ReportsView.load(services.reports(), background, UkTime.date(services.clock().instant()));
    }

    /** Opens the Sync, export and import window over {@code owner}. */
    public Stage openSyncSettings(Window owner) {
        return SyncSettingsWindow.open(owner, services.sync(), background.ordered());
    }

    /**
     * Opens the form editor over {@code owner} for a form of a case (or its chronology), its reads,
     * previews and saves on the task runner's queue; returns at once with its window.
     */
    public Stage openFormEditor(Window owner, java.util.UUID caseId, String formId, int stage, Runnable closed) {
        return FormEditorWindow.open(owner, services.forms(), background.ordered(), caseId, formId, stage, closed);
    }

    /** The sync indicator of the status line. */
    public SyncStatusBar syncStatusBar() {
        return SyncStatusBar.create(services.sync(), background);
    }

    /** Saves waiting drafts and closes the database (signing out when there is a session). */
    public void closeData() {
        drafts.close();
        if (session != null) {
            session.close();
        } else {
            services.close();
        }
    }

    @Override
    public void close() {
        drafts.close();
        background.close();
        if (session != null) {
            session.close();
        } else {
            services.close();
        }
    }
}
