/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.admin;

import java.util.function.IntConsumer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.resolve.app.Session;
import uk.resolve.ui.support.Background;

/** Settings an administrator chooses for everyone here: how soon Resolve locks itself. */
public final class SettingsViewModel {

    private final Session session;
    private final Background background;
    private final IntConsumer changed;
    private final IntegerProperty minutes = new SimpleIntegerProperty(Session.DEFAULT_IDLE_LOCK_MINUTES);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty done = new SimpleStringProperty("");

    /** @param changed told the new number of minutes once saved */
    public SettingsViewModel(Session session, Background background, IntConsumer changed) {
        this.session = session;
        this.background = background;
        this.changed = changed;
    }

    public void load() {
        background.run(session::idleLockMinutes, minutes::set, error::set);
    }

    public void save() {
        int m = minutes.get();
        error.set("");
        done.set("");
        background.run(() -> {
            session.setIdleLockMinutes(m);
            return m;
        }, v -> {
            changed.accept(v);
            done.set("Saved: Resolve locks itself after " + v + (v == 1 ? " minute" : " minutes") + " without use.");
        }, error::set);
    }

    public IntegerProperty minutesProperty() {
        return minutes;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty doneProperty() {
        return done;
    }
}
