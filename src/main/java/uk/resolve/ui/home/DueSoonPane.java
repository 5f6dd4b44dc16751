/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.home;

import java.io.File;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import org.controlsfx.control.Notifications;

import uk.resolve.app.ReminderService;
import uk.resolve.ui.support.Navigator;
import uk.resolve.ui.support.StatusLine;

/**
 * Due soon on My escalations: each reminder opens its case; a desktop notification lists them when
 * the screen opens and every quarter of an hour while it stays open, unless the person's quiet hours
 * say otherwise. Both show the case number, procedure, stage and deadline, never the child.
 */
final class DueSoonPane extends VBox {

    /** How often the reminders are read again while the screen is open. */
    static final Duration REFRESH = Duration.minutes(15);

    private final DueSoonViewModel vm;
    private final Navigator navigator;
    private final StatusLine status;
    private final ListView<ReminderService.Reminder> list = new ListView<>();

    DueSoonPane(DueSoonViewModel vm, Navigator navigator, StatusLine status) {
        this.vm = vm;
        this.navigator = navigator;
        this.status = status;
        setId("dueSoonPane");
        setSpacing(6);
        Label heading = new Label("Due soon");
        heading.getStyleClass().add("title-4");
        Button calendar = new Button("Add deadlines to my _calendar…");
        calendar.setId("addToCalendarButton");
        calendar.setMnemonicParsing(true);
        calendar.setMinWidth(Region.USE_PREF_SIZE);
        calendar.setAccessibleText("Write your deadlines to a calendar file for Outlook or another calendar");
        calendar.setOnAction(e -> chooseCalendarFile());
        Button open = new Button("Open");
        open.setId("dueSoonOpenButton");
        open.setAccessibleText("Open the case of the chosen deadline");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        Button settings = new Button("Reminder settings…");
        settings.setId("reminderSettingsButton");
        settings.setMinWidth(Region.USE_PREF_SIZE);
        settings.setAccessibleText("Choose how far ahead to be reminded and your quiet hours");
        settings.setOnAction(e -> vm.loadSettings(this::editSettings));
        heading.setMinWidth(Region.USE_PREF_SIZE);
        open.setMinWidth(Region.USE_PREF_SIZE);
        // a flow, not a row: at large text the buttons go under the heading rather than cutting it off
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(12, 6, heading, open, settings,
                calendar);
        header.setAlignment(Pos.CENTER_LEFT);

        Label none = new Label("Nothing is overdue or due soon on your cases.");
        none.setId("dueSoonEmpty");
        none.getStyleClass().add("text-muted");
        none.visibleProperty().bind(vm.loadedProperty().and(Bindings.isEmpty(vm.items())));
        none.managedProperty().bind(none.visibleProperty());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.messageProperty());
        error.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        list.setId("dueSoonList");
        list.setItems(vm.items());
        list.setAccessibleText("Your deadlines overdue or due soon; press Enter to open the case");
        list.setPrefHeight(110);
        list.visibleProperty().bind(Bindings.isNotEmpty(vm.items()));
        list.managedProperty().bind(list.visibleProperty());
        list.setCellFactory(l -> new ListCell<>() {
            // a long procedure name wraps inside the list, at any text size, instead of being cut off
            private final Label line = new Label();

            {
                line.setWrapText(true);
                line.prefWidthProperty().bind(l.widthProperty().subtract(32));
                line.setMinHeight(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(ReminderService.Reminder r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                line.setText(empty || r == null ? null : r.line());
                setGraphic(empty || r == null ? null : line);
                setAccessibleText(empty || r == null ? null : r.line());
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("overdue"), !empty && r != null
                        && r.urgency() == uk.resolve.domain.calendar.DueSoon.Urgency.OVERDUE);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        getChildren().addAll(header, error, none, list);

        vm.load(this::notifyDesktop);
        Timeline refresh = new Timeline(new KeyFrame(REFRESH, e -> vm.load(this::notifyDesktop)));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                refresh.stop();
            }
        });
    }

    private void openSelected() {
        ReminderService.Reminder r = list.getSelectionModel().getSelectedItem();
        if (r != null) {
            navigator.showCase(r.caseId());
        }
    }

    private void notifyDesktop(DueSoonViewModel.Found found) {
        if (found.notification().isEmpty() || getScene() == null) {
            return;
        }
        String text = found.notification().get();
        Notifications.create().owner(getScene().getWindow()).title("Resolve: deadlines due")
                .text(text).hideAfter(Duration.seconds(20)).showWarning();
    }

    private void editSettings(ReminderService.Settings current) {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> d = new javafx.scene.control.Dialog<>();
        d.initOwner(getScene().getWindow());
        d.setTitle("Reminder settings");
        d.setHeaderText("Your reminders of deadlines");
        javafx.scene.control.Spinner<Integer> ahead = new javafx.scene.control.Spinner<>(0, 10, current.ahead());
        ahead.setId("reminderAhead");
        ahead.setEditable(true);
        ahead.setAccessibleText("Working days ahead to remind of");
        javafx.scene.control.TextField quiet = new javafx.scene.control.TextField(current.quiet().text());
        quiet.setId("reminderQuietHours");
        quiet.setAccessibleText("Quiet hours, for example 18:00-08:00; empty for none");
        Label aheadLabel = new Label("Remind me of deadlines up to this many working days ahead");
        aheadLabel.setLabelFor(ahead);
        Label quietLabel = new Label("Quiet hours, no desktop notifications (for example 18:00-08:00)");
        quietLabel.setLabelFor(quiet);
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        d.getDialogPane().setContent(new VBox(8, aheadLabel, ahead, quietLabel, quiet, problem));
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK);
        ok.setText("Save");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String wrong = vm.saveSettings(ahead.getValue(), quiet.getText(), status::show);
            if (!wrong.isEmpty()) {
                problem.setText(wrong);
                e.consume();
            }
        });
        d.show();
    }

    private void chooseCalendarFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add deadlines to my calendar");
        chooser.setInitialFileName("resolve-deadlines.ics");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Calendar file", "*.ics"));
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.exportCalendar(f.toPath(), status::show);
        }
    }
}
