/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;
import javafx.scene.layout.Pane;

/**
 * JavaFX keeps a control's Alt-letter shortcut registered on the scene after the control has left
 * it. Screens are swapped in one place, so a letter used on a screen the worker has left would
 * clash with the same letter on the screen now showing (with two targets, Alt+letter only moves the
 * focus). This forgets the shortcuts of controls that are no longer in the window.
 */
public final class Mnemonics {

    private Mnemonics() {
    }

    /** Whenever {@code host}'s children change, forgets the shortcuts of controls that left the scene. */
    public static void forgetLeavers(Pane host) {
        host.getChildren().addListener((ListChangeListener<Node>) c -> forgetOutside(host.getScene()));
    }

    /** Removes from {@code scene} every mnemonic whose control is no longer in it. */
    public static void forgetOutside(Scene scene) {
        if (scene == null) {
            return;
        }
        Iterator<Map.Entry<KeyCombination, javafx.collections.ObservableList<Mnemonic>>> it =
                scene.getMnemonics().entrySet().iterator();
        while (it.hasNext()) {
            List<Mnemonic> list = it.next().getValue();
            list.removeIf(m -> m.getNode() == null || m.getNode().getScene() != scene);
            if (list.isEmpty()) {
                it.remove();
            }
        }
    }
}
