/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * The one way a screen's FXML is loaded: {@code /uk/resolve/ui/<feature>/<Name>View.fxml}, its
 * controller (named by {@code fx:controller}) made by the view factory's constructor call.
 */
public final class Fxml {

    /** A loaded view and its controller. */
    public record View<C>(Parent root, C controller) {
    }

    private Fxml() {
    }

    /** Loads the view whose controller is {@code controller}, already built with its view model. */
    public static <C> View<C> load(String feature, String name, C controller) {
        return load(feature, name, type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalArgumentException("The " + name + " screen asks for " + type.getName());
            }
            return controller;
        });
    }

    /**
     * The classes a view's FXML names: its imports and its controller (read from the file, not
     * loaded), for warming up before the view is built.
     */
    public static java.util.List<String> classesNamedBy(String feature, String name) throws IOException {
        URL url = Fxml.class.getResource("/uk/resolve/ui/" + feature + "/" + name + "View.fxml");
        if (url == null) {
            return java.util.List.of();
        }
        String text;
        try (var in = url.openStream()) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<\\?import\\s+([\\w.]+)\\s*\\?>|fx:controller=\"([\\w.$]+)\"").matcher(text);
        while (m.find()) {
            names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return names;
    }

    /** Loads the view, its controllers made by {@code controllers} from the class FXML names. */
    public static <C> View<C> load(String feature, String name, Callback<Class<?>, Object> controllers) {
        URL url = Fxml.class.getResource("/uk/resolve/ui/" + feature + "/" + name + "View.fxml");
        if (url == null) {
            throw new IllegalStateException("Resolve is incomplete: the " + name + " screen is missing");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Resolve is incomplete: the " + name + " screen could not be loaded", e);
        }
    }
}
