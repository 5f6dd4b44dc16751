/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.signin;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.resolve.app.Session;
import uk.resolve.app.SignInLook;
import uk.resolve.app.SignInMemory;
import uk.resolve.app.Vault;
import uk.resolve.security.Role;
import uk.resolve.ui.support.Background;

/**
 * The door of the main window: setting up the first administrator (of a new database, or of one from
 * an earlier version, which is encrypted on the way), signing in, and choosing one's own password
 * after an administrator set a temporary one. Everything that reads the key file or derives a key
 * runs in the background; the screen shows that it is working.
 */
public final class SignInViewModel {

    /** Which form the screen shows. */
    public enum Mode {
        /** Looking at the data folder. */
        CHECKING,
        /** No database yet: create the first account, which also looks after Resolve here. */
        SET_UP,
        /** A database from an earlier version: the first administrator's set-up encrypts it. */
        ENCRYPT,
        /** People sign in. */
        SIGN_IN,
        /** Signed in with a temporary password: choose one's own before going on. */
        CHOOSE_PASSWORD,
        /** The data folder cannot be used; the message says why. */
        BROKEN
    }

    /** The shortest password accepted (the services say so too, in the same words). */
    public static final int MIN_PASSWORD = 10;

    private final Vault vault;
    private final SignInMemory memory;
    private final Background background;
    private final Consumer<Session> signedIn;
    private final String osUser;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.CHECKING);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty team = new SimpleStringProperty("");
    private final StringProperty fullName = new SimpleStringProperty("");
    private final ObjectProperty<Role> caseRole = new SimpleObjectProperty<>();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty nameRemembered = new SimpleBooleanProperty(false);
    private Session pending;
    private char[] current;

    /**
     * @param osUser   the name this computer knows the person by, offered until one has been remembered
     * @param signedIn called on the UI thread with the session once the person is in (and has chosen
     *                 their own password when they had to)
     */
    public SignInViewModel(Vault vault, String osUser, Background background, Consumer<Session> signedIn) {
        this.vault = vault;
        this.memory = SignInMemory.beside(vault);
        this.background = background;
        this.signedIn = signedIn;
        this.osUser = osUser;
    }

    /** Looks at the data folder in the background and shows the form that fits. */
    public void start(Runnable shown) {
        start(null, shown);
    }

    /**
     * As {@link #start(Runnable)}, with a look already begun by {@link SignInLook#ahead}: when it has
     * finished, the form is chosen at once, before this returns.
     */
    public void start(CompletableFuture<SignInLook> early, Runnable shown) {
        mode.set(Mode.CHECKING);
        if (early != null && early.isDone() && !early.isCompletedExceptionally()) {
            show(early.join());
            shown.run();
            return;
        }
        background.run(() -> early != null ? early.get() : SignInLook.at(vault), v -> {
            show(v);
            shown.run();
        }, msg -> {
            message.set(msg);
            mode.set(Mode.BROKEN);
            shown.run();
        });
    }

    private void show(SignInLook look) {
        switch (look.state()) {
            case NEW -> setUp(Mode.SET_UP);
            case UNPROTECTED -> setUp(Mode.ENCRYPT);
            default -> {
                name.set(look.lastName());
                nameRemembered.set(!look.lastName().isEmpty());
                mode.set(Mode.SIGN_IN);
            }
        }
    }

    private void setUp(Mode m) {
        name.set(osUser.toLowerCase(java.util.Locale.ROOT).replace(' ', '.'));
        mode.set(m);
    }

    /** What Enter or the main button does in the current form. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        switch (mode.get()) {
            case SET_UP, ENCRYPT -> createAdministrator();
            case SIGN_IN -> signIn();
            case CHOOSE_PASSWORD -> choosePassword();
            default -> { }
        }
    }

    private void createAdministrator() {
        String who = name.get() == null ? "" : name.get().strip();
        if (who.isEmpty()) {
            message.set("Type the name you will sign in with.");
            return;
        }
        Role role = caseRole.get();
        if (role == null) {
            message.set("Choose what you do, so that Resolve offers you the right things. If you will not work on"
                    + " cases yourself, choose \"" + ONLY_ADMINISTRATION + "\".");
            return;
        }
        if (!checkNewPassword()) {
            return;
        }
        char[] pw = password.get().toCharArray();
        String t = team.get();
        String full = fullName.get();
        boolean encrypting = mode.get() == Mode.ENCRYPT;
        progress.set(encrypting ? "Encrypting your records… This can take a minute; nothing is lost if it stops."
                : "Creating your protected database…");
        work(() -> {
            try {
                // The key file is written before the database, so its folder must be there first.
                java.nio.file.Files.createDirectories(vault.databaseFile().toAbsolutePath().getParent());
                Session s = vault.createFirstAccount(who, full, role == Role.ADMINISTRATOR ? null : role, pw, t);
                memory.remember(s.actor().name());
                return s;
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, this::enter);
    }

    private void signIn() {
        String who = name.get() == null ? "" : name.get().strip();
        if (who.isEmpty()) {
            message.set("Type your sign-in name.");
            return;
        }
        if (password.get() == null || password.get().isEmpty()) {
            message.set("Type your password.");
            return;
        }
        char[] pw = password.get().toCharArray();
        progress.set("Signing in…");
        work(() -> {
            Session s = vault.signIn(who, pw);
            memory.remember(s.actor().name());
            return s;
        }, s -> {
            if (s.mustChangePassword()) {
                pending = s;
                current = pw;
                password.set("");
                repeat.set("");
                message.set("");
                mode.set(Mode.CHOOSE_PASSWORD);
            } else {
                Arrays.fill(pw, '\0');
                enter(s);
            }
        }, () -> Arrays.fill(pw, '\0'));
    }

    private void choosePassword() {
        if (!checkNewPassword()) {
            return;
        }
        char[] pw = password.get().toCharArray();
        char[] old = current;
        Session s = pending;
        progress.set("Saving your new password…");
        work(() -> {
            try {
                s.changePassword(old, pw);
                return s;
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, done -> {
            Arrays.fill(old, '\0');
            current = null;
            pending = null;
            enter(done);
        });
    }

    private boolean checkNewPassword() {
        String pw = password.get() == null ? "" : password.get();
        if (pw.length() < MIN_PASSWORD) {
            message.set("The password needs at least " + MIN_PASSWORD + " characters (" + pw.length() + " typed). A short"
                    + " phrase of several words is easiest to remember.");
            return false;
        }
        if (!pw.equals(repeat.get())) {
            message.set("The two passwords are not the same. Type the password again in both boxes.");
            repeat.set("");
            return false;
        }
        return true;
    }

    private void enter(Session s) {
        password.set("");
        repeat.set("");
        message.set("");
        signedIn.accept(s);
    }

    private void work(java.util.concurrent.Callable<Session> job, Consumer<Session> done) {
        work(job, done, () -> { });
    }

    private void work(java.util.concurrent.Callable<Session> job, Consumer<Session> done, Runnable failed) {
        message.set("");
        busy.set(true);
        background.run(job, s -> {
            busy.set(false);
            progress.set("");
            done.accept(s);
        }, msg -> {
            busy.set(false);
            progress.set("");
            failed.run();
            password.set("");
            if (mode.get() != Mode.SIGN_IN) {
                repeat.set("");
            }
            message.set(msg);
        });
    }

    /** Leaves without choosing a password: signs out again. */
    public void cancelChoosePassword() {
        Session s = pending;
        pending = null;
        if (current != null) {
            Arrays.fill(current, '\0');
            current = null;
        }
        if (s != null) {
            background.fireAndForget(s::close);
        }
        password.set("");
        repeat.set("");
        message.set("");
        mode.set(Mode.SIGN_IN);
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty teamProperty() {
        return team;
    }

    /** The first person's full name, shown on forms and signatures; may be left empty. */
    public StringProperty fullNameProperty() {
        return fullName;
    }

    /**
     * What the first person does on cases; {@link Role#ADMINISTRATOR} when they will only look after
     * Resolve here. They look after Resolve in any case: someone must be able to add people.
     */
    public ObjectProperty<Role> caseRoleProperty() {
        return caseRole;
    }

    /** The choices for {@link #caseRoleProperty()}: the case roles, then administration only. */
    public static java.util.List<Role> roleChoices() {
        java.util.List<Role> out = new java.util.ArrayList<>(Role.caseRoles());
        out.add(Role.ADMINISTRATOR);
        return out;
    }

    /** How a choice of {@link #roleChoices()} reads. */
    public static String roleChoiceLabel(Role r) {
        return r == null ? "" : r == Role.ADMINISTRATOR ? ONLY_ADMINISTRATION : r.label();
    }

    /** The choice for someone who will not work on cases themselves. */
    public static final String ONLY_ADMINISTRATION = "None: I only look after Resolve here";

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    /** What went wrong, in words; empty when nothing did. */
    public StringProperty messageProperty() {
        return message;
    }

    /** What is being done while busy. */
    public StringProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** True when the name was filled in from the last sign-in (the password then has the focus). */
    public BooleanProperty nameRememberedProperty() {
        return nameRemembered;
    }

    /** Where the database is, to say so on the set-up screen. */
    public String databaseFile() {
        return vault.databaseFile().toString();
    }
}
