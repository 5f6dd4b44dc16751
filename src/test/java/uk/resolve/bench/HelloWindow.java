/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.lang.management.ManagementFactory;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of the start-up benchmark: a hello-world JavaFX window on the same runtime, which
 * prints the time from process start to its first frame the way Resolve's start-up probe does,
 * then exits.
 */
public final class HelloWindow {

    private HelloWindow() {
    }

    public static void main(String[] args) {
        // launched from a class that is not the Application, as Resolve's Main is not either
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("Hello, world")), 640, 480);
            stage.setTitle("Hello");
            stage.setScene(scene);
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                // one more pulse, so that the frame laid out above has been drawn (as StartupProbe does)
                Platform.runLater(() -> {
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    long fx = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
                    long all = ManagementFactory.getOperatingSystemMXBean()
                            instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
                    System.out.println("first-frame-ms=" + ms + " screen=hello ready-ms=" + ms + " fx-cpu-ms=" + fx
                            + " cpu-ms=" + all);
                    System.out.flush();
                    Platform.exit();
                });
            };
            scene.addPostLayoutPulseListener(listener[0]);
            stage.show();
            Platform.requestNextPulse();
        }
    }
}
