/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.IntConsumer;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import uk.resolve.app.Preferences;
import uk.resolve.app.Services;
import uk.resolve.app.Session;
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
import uk.resolve.ui.procedures.ProceduresController;
import uk.resolve.ui.procedures.ProceduresViewModel;
import uk.resolve.ui.support.Background;
import uk.resolve.ui.support.DraftStore;
import uk.resolve.ui.support.Navigator;
import uk.resolve.ui.support.StatusLine;
import uk.resolve.ui.welcome.WelcomeController;
import uk.resolve.ui.welcome.WelcomeViewModel;
import uk.resolve.ui.workspace.FormOpener;
import uk.resolve.ui.workspace.WorkspaceController;
import uk.resolve.ui.workspace.WorkspaceViewModel;

/**
 * Everything the screens need, built once by constructor: the services, the background worker,
 * drafts, the form opener and the status line. Its controller factory gives each FXML view its
 * controller and view model; there are no singletons.
 */
public final class UiContext implements AutoCloseable {

    /** A loaded view and its controller. */
    public record View<C>(Parent root, C controller) {
    }

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
     * @param session the signed-in session, or null when the screens run on services a test opened
     */
    public UiContext(Services services, Session session, Background background, DraftStore drafts,
                     FormOpener formOpener, StatusLine status, Navigator navigator) {
        this.services = services;
        this.session = session;
        this.prefs = Preferences.of(services);
        this.background = background;
        this.drafts = drafts;
        this.formOpener = formOpener;
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
                    new uk.resolve.ui.home.DueSoonViewModel(services.reminders(), services.deadlineCalendar(), background),
                    navigator, status);
        }
        if (type == WelcomeController.class) {
            return new WelcomeController(new WelcomeViewModel(services, prefs, background), navigator);
        }
        if (type == NewCaseController.class) {
            return new NewCaseController(new NewCaseViewModel(services.cases(), services.policies(), prefs, drafts,
                    background), navigator, status);
        }
        if (type == WorkspaceController.class) {
            WorkspaceController w = new WorkspaceController(new WorkspaceViewModel(services.cases(), services.forms(), prefs,
                    drafts, background), formOpener, navigator, status);
            w.offerMailDrafts(new uk.resolve.ui.workspace.MailDraftOpener(services.mailDrafts(), background));
            w.offerAttachments(new uk.resolve.ui.workspace.AttachmentOpener(services.attachments(), background));
            return w;
        }
        if (type == ProceduresController.class) {
            return new ProceduresController(new ProceduresViewModel(services.policies(), services.cases(), background),
                    status, services.actor().may(uk.resolve.security.Permission.MANAGE_SETTINGS));
        }
        if (type == UsersController.class) {
            return new UsersController(new UsersViewModel(session, background), status);
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
    public <C> View<C> load(String feature, String name) {
        URL url = UiContext.class.getResource("/uk/resolve/ui/" + feature + "/" + name + "View.fxml");
        if (url == null) {
            throw new IllegalStateException("Resolve is incomplete: the " + name + " screen is missing");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(this::controllerFor);
        try {
            Parent root = loader.load();
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
