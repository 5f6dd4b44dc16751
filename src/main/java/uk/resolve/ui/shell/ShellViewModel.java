/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.resolve.app.Preferences;
import uk.resolve.ui.support.Background;

/** The window's own state: where the user is, the theme and the text size, remembered between sessions. */
public final class ShellViewModel {

    public static final String HIGH_CONTRAST = "ui.theme.highContrast";
    public static final String TEXT_SCALE = "ui.text.scale";
    static final double MIN_SCALE = 0.85;
    static final double MAX_SCALE = 2.0;

    private final BooleanProperty highContrast = new SimpleBooleanProperty(false);
    private final DoubleProperty textScale = new SimpleDoubleProperty(1.0);
    private final StringProperty screen = new SimpleStringProperty("loading");
    private final StringProperty loadingText = new SimpleStringProperty("Opening your records…");
    private Preferences prefs;
    private Background background;

    /** Reads the remembered theme and size once the database is open. */
    public void attach(Preferences prefs, Background background) {
        this.prefs = prefs;
        this.background = background;
        background.run(() -> new Object[] {prefs.get(HIGH_CONTRAST).orElse("false"), prefs.get(TEXT_SCALE).orElse("1.0")},
                v -> {
                    highContrast.set(Boolean.parseBoolean((String) v[0]));
                    try {
                        textScale.set(clamp(Double.parseDouble((String) v[1])));
                    } catch (NumberFormatException e) {
                        textScale.set(1.0);
                    }
                    highContrast.addListener((o, a, b) -> save(HIGH_CONTRAST, Boolean.toString(b)));
                    textScale.addListener((o, a, b) -> save(TEXT_SCALE, Double.toString(b.doubleValue())));
                }, msg -> { });
    }

    private void save(String key, String value) {
        if (prefs != null) {
            background.fireAndForget(() -> prefs.put(key, value));
        }
    }

    public void larger() {
        textScale.set(clamp(Math.round((textScale.get() + 0.1) * 10) / 10.0));
    }

    public void smaller() {
        textScale.set(clamp(Math.round((textScale.get() - 0.1) * 10) / 10.0));
    }

    public void normalSize() {
        textScale.set(1.0);
    }

    static double clamp(double v) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, v));
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    /** "home", "new", "case", "procedures", "reports", "welcome" or "loading". */
    public StringProperty screenProperty() {
        return screen;
    }

    public StringProperty loadingTextProperty() {
        return loadingText;
    }
}
