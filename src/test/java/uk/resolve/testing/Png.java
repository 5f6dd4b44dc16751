/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

import javax.imageio.ImageIO;

/** Writes a JavaFX image (a snapshot) as a PNG file, so that people can look at what the tests saw. */
public final class Png {

    private Png() {
    }

    /** The pixels of {@code img} as an AWT image. */
    public static BufferedImage awt(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** Writes {@code img} to {@code file} as PNG. */
    public static void write(Image img, Path file) {
        try {
            ImageIO.write(awt(img), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
