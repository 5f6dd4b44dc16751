/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.sync;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import org.kordamp.ikonli.javafx.FontIcon;

import uk.resolve.app.SyncService;
import uk.resolve.ui.support.Background;

/**
 * The sync part of the main window's status line: a small node showing the last sync, changes
 * waiting, or that the shared drive is unreachable. Place it with {@link #create}.
 */
public final class SyncStatusBar extends HBox {

    private final SyncStatusViewModel model;

    private SyncStatusBar(SyncStatusViewModel model) {
        this.model = model;
        FontIcon icon = new FontIcon("mdmz-sync");
        Label label = new Label();
        label.textProperty().bind(model.textProperty());
        label.setGraphic(icon);
        label.setAccessibleText("Sync status");
        label.setWrapText(true);
        label.setMinWidth(0);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.detailProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        label.setTooltip(tip);
        model.problemProperty().addListener((o, was, now) -> {
            icon.setIconLiteral(now ? "mdmz-sync_problem" : "mdmz-sync");
            label.setStyle(now ? "-fx-text-fill: -color-warning-fg, #9a6700;" : "");
        });
        setSpacing(6);
        getStyleClass().add("sync-status-bar");
        getChildren().add(label);
        label.accessibleHelpProperty().bind(model.detailProperty());
    }

    /** A status node for {@code sync}; call on the JavaFX application thread. */
    public static SyncStatusBar create(SyncService sync, Background background) {
        SyncStatusViewModel vm = new SyncStatusViewModel(sync, background);
        SyncStatusBar bar = new SyncStatusBar(vm);
        vm.refresh();
        return bar;
    }

    public SyncStatusViewModel model() {
        return model;
    }
}
