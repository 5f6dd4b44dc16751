/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.awt.image.BufferedImage;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns a rendered page (AWT image) into a JavaFX image, without the javafx-swing module. */
public final class FxImages {

    private FxImages() {
    }

    /** The same pixels as {@code src}, as a JavaFX image. */
    public static Image of(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] argb = src.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
