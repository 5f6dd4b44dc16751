/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Turns a rendered page (AWT image) into a JavaFX image, without the javafx-swing module. Call it
 * off the JavaFX application thread: an image not yet shown may be made on any thread.
 */
public final class FxImages {

    private FxImages() {
    }

    /** The same pixels as {@code src}, as a JavaFX image. */
    public static Image of(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] argb = packed(src);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }

    /**
     * The pixels as ARGB ints: read straight from the raster for the integer RGB pages the renderer
     * draws (several times quicker than {@code getRGB}'s colour-model conversion), else by {@code getRGB}.
     */
    private static int[] packed(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        var raster = src.getRaster();
        if ((src.getType() == BufferedImage.TYPE_INT_RGB || src.getType() == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt ints
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == w && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0 && ints.getNumBanks() == 1 && ints.getOffset() == 0) {
            int[] data = ints.getData();
            int[] out = new int[w * h];
            if (src.getType() == BufferedImage.TYPE_INT_ARGB) {
                System.arraycopy(data, 0, out, 0, out.length);
            } else {
                for (int i = 0; i < out.length; i++) {
                    out[i] = data[i] | 0xFF000000; // opaque: RGB pages carry no alpha
                }
            }
            return out;
        }
        return src.getRGB(0, 0, w, h, null, 0, w);
    }
}
