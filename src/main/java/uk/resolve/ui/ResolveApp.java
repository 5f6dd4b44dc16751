/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import uk.resolve.app.DataLocation;
import uk.resolve.app.Services;

/** The desktop application. Opens its window first, then the database off the application thread. */
public final class ResolveApp extends Application {

    private Services services;

    public static void start(String[] args) {
        Application.launch(ResolveApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Label status = new Label("Opening your records…");
        BorderPane root = new BorderPane(status);
        stage.setTitle("Resolve");
        stage.setScene(new Scene(root, 1024, 700));
        stage.show();
        Task<Services> open = new Task<>() {
            @Override
            protected Services call() {
                Services s = Services.open(DataLocation.defaultDatabase(), Services.clockFromEnvironment(),
                        Services.defaultAuthor());
                s.policies().all();
                return s;
            }
        };
        open.setOnSucceeded(e -> {
            services = open.getValue();
            status.setText(services.cases().list().size() + " cases. The guided screens come next.");
        });
        open.setOnFailed(e -> status.setText(open.getException().getMessage()));
        Thread t = new Thread(open, "open-database");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
        Platform.exit();
    }
}
