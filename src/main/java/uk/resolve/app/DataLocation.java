/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Resolve keeps its data when nothing else is said: the user's own data folder. */
public final class DataLocation {

    private DataLocation() {
    }

    /**
     * {@code %LOCALAPPDATA%\Resolve} on Windows; {@code $XDG_DATA_HOME/resolve} or
     * {@code ~/.local/share/resolve} elsewhere.
     */
    public static Path dataFolder(Map<String, String> env, String osName, String userHome) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local != null && !local.isBlank() ? Path.of(local, "Resolve")
                    : Path.of(userHome, "AppData", "Local", "Resolve");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "resolve") : Path.of(userHome, ".local", "share", "resolve");
    }

    /** A Java system property that, when set, names the data folder and overrides the rest. */
    public static final String PROPERTY = "resolve.dataFolder";

    /**
     * The data folder: the {@value #PROPERTY} system property when set (for example
     * {@code java -Dresolve.dataFolder=/path/to/folder -jar resolve.jar}), the usual place otherwise.
     */
    public static Path dataFolder() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return dataFolder(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    /** The default database file. */
    public static Path defaultDatabase() {
        return dataFolder().resolve("resolve.mv.db");
    }
}
