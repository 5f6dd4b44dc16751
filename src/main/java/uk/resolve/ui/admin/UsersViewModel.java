/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.admin;

import java.util.Arrays;
import java.util.concurrent.Callable;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.resolve.app.Person;
import uk.resolve.app.Session;
import uk.resolve.security.Role;
import uk.resolve.ui.signin.SignInViewModel;
import uk.resolve.ui.support.Background;

/**
 * The people who may sign in, for administrators: add someone, change their role or team, set a
 * temporary password, remove them. Every change goes through the session, in the background.
 */
public final class UsersViewModel {

    /** What the editor below the list is doing. */
    public enum Editing { NONE, ADD, CHANGE, RESET }

    private final Session session;
    private final Background background;
    private final ObservableList<Person> users = FXCollections.observableArrayList();
    private final ObjectProperty<Editing> editing = new SimpleObjectProperty<>(Editing.NONE);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty fullName = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.PRACTITIONER);
    private final BooleanProperty administers = new SimpleBooleanProperty(false);
    private final StringProperty team = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty done = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public UsersViewModel(Session session, Background background) {
        this.session = session;
        this.background = background;
    }

    /** Reads the list in the background. */
    public void load() {
        background.run(() -> Person.all(session), users::setAll, error::set);
    }

    public void startAdd() {
        clear();
        role.set(Role.PRACTITIONER);
        administers.set(false);
        editing.set(Editing.ADD);
    }

    public void startChange(Person u) {
        clear();
        name.set(u.name());
        fullName.set(u.fullName());
        role.set(u.caseRole().orElse(Role.ADMINISTRATOR));
        administers.set(u.administers());
        team.set(u.team());
        editing.set(Editing.CHANGE);
    }

    public void startReset(Person u) {
        clear();
        name.set(u.name());
        editing.set(Editing.RESET);
    }

    public void cancel() {
        clear();
        editing.set(Editing.NONE);
    }

    private void clear() {
        name.set("");
        fullName.set("");
        team.set("");
        password.set("");
        repeat.set("");
        error.set("");
        done.set("");
    }

    /** Saves what the editor holds. */
    public void save() {
        String who = name.get() == null ? "" : name.get().strip();
        java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        if (role.get() != null && role.get().isCaseRole()) {
            roles.add(role.get());
        }
        if (administers.get()) {
            roles.add(Role.ADMINISTRATOR);
        }
        if (roles.isEmpty()) {
            error.set("Choose what they do on cases, or tick that they look after Resolve here.");
            return;
        }
        String said = Role.describe(roles).toLowerCase(java.util.Locale.ROOT);
        String t = team.get();
        switch (editing.get()) {
            case ADD -> {
                if (who.isEmpty()) {
                    error.set("Type the sign-in name of the person to add.");
                    return;
                }
                char[] pw = newPassword();
                if (pw == null) {
                    return;
                }
                String full = fullName.get();
                change(() -> {
                    try {
                        session.addUser(who, full, roles, t, pw);
                    } finally {
                        Arrays.fill(pw, '\0');
                    }
                    return who + " added as " + said + ". Give them the first"
                            + " password in person; they choose their own when they first sign in.";
                });
            }
            case CHANGE -> change(() -> {
                session.changeUser(who, roles, t);
                return who + " is now " + said
                        + (t == null || t.isBlank() ? "" : ", team " + t.strip()) + ".";
            });
            case RESET -> {
                char[] pw = newPassword();
                if (pw == null) {
                    return;
                }
                change(() -> {
                    try {
                        session.resetPassword(who, pw);
                    } finally {
                        Arrays.fill(pw, '\0');
                    }
                    return "A temporary password is set for " + who + ". They choose their own when they next sign in.";
                });
            }
            default -> { }
        }
    }

    /** Stops {@code u} signing in (after the screen has asked to be sure). */
    public void remove(Person u) {
        clear();
        editing.set(Editing.NONE);
        change(() -> {
            session.removeUser(u.name());
            return u.name() + " can no longer sign in. Their name stays on what they recorded.";
        });
    }

    /**
     * Confirms the keys {@code u} registered on their own (after the screen has asked to be sure): an
     * entry signed by this administrator vouches for them, and {@code verify} stops listing them.
     */
    public void confirmKeys(Person u) {
        clear();
        editing.set(Editing.NONE);
        change(() -> {
            int n = session.confirmKeys(u.name());
            return "Confirmed " + u.name() + "'s keys (" + n + (n == 1 ? " registration" : " registrations")
                    + "): what they sign is now vouched for by you.";
        });
    }

    private char[] newPassword() {
        String pw = password.get() == null ? "" : password.get();
        if (pw.length() < SignInViewModel.MIN_PASSWORD) {
            error.set("The password needs at least " + SignInViewModel.MIN_PASSWORD + " characters (" + pw.length()
                    + " typed).");
            return null;
        }
        if (!pw.equals(repeat.get())) {
            error.set("The two passwords are not the same. Type the password again in both boxes.");
            repeat.set("");
            return null;
        }
        return pw.toCharArray();
    }

    private void change(Callable<String> work) {
        error.set("");
        done.set("");
        busy.set(true);
        background.run(() -> {
            String said = work.call();
            return new Object[] {said, Person.all(session)};
        }, v -> {
            busy.set(false);
            @SuppressWarnings("unchecked")
            java.util.List<Person> list = (java.util.List<Person>) v[1];
            users.setAll(list);
            clear();
            editing.set(Editing.NONE);
            done.set((String) v[0]);
        }, msg -> {
            busy.set(false);
            password.set("");
            repeat.set("");
            error.set(msg);
        });
    }

    public ObservableList<Person> users() {
        return users;
    }

    public ObjectProperty<Editing> editingProperty() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty fullNameProperty() {
        return fullName;
    }

    /** What they do on cases; {@link Role#ADMINISTRATOR} stands for "nothing on cases" (administration only). */
    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    /** Whether they also look after Resolve here: people, procedures and settings. */
    public BooleanProperty administersProperty() {
        return administers;
    }

    /** The choices for {@link #roleProperty()}: the case roles, then none. */
    public static java.util.List<Role> roleChoices() {
        java.util.List<Role> out = new java.util.ArrayList<>(Role.caseRoles());
        out.add(Role.ADMINISTRATOR);
        return out;
    }

    /** How a choice of {@link #roleChoices()} reads. */
    public static String roleChoiceLabel(Role r) {
        return r == null ? "" : r == Role.ADMINISTRATOR ? "None (looks after Resolve only)" : r.label();
    }

    public StringProperty teamProperty() {
        return team;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty doneProperty() {
        return done;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
