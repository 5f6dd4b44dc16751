/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.util.Optional;

import uk.resolve.store.SettingsStore;

/**
 * The user's own settings (theme, text size, drafts, remembered choices), so that the desktop
 * screens need not reach into the store. Blocking: call it off the JavaFX application thread.
 */
public final class Preferences {

    private final SettingsStore settings;

    public Preferences(SettingsStore settings) {
        this.settings = settings;
    }

    public static Preferences of(Services services) {
        return new Preferences(services.settings());
    }

    public Optional<String> get(String name) {
        return settings.get(name);
    }

    public void put(String name, String value) {
        settings.put(name, value);
    }

    public void remove(String name) {
        settings.remove(name);
    }
}
