/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import javafx.application.Platform;
import javafx.scene.image.Image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A page drawn by the PDF renderer becomes a JavaFX image with the same, opaque pixels, made on a
 * worker thread (the application thread only shows it): the quick read of integer pages, and the
 * general one for any other kind of image.
 */
@ExtendWith(ApplicationExtension.class)
class FxImagesTest {

    private static final int[][] RGB = {{0xFF0000, 0x00FF00, 0x0000FF}, {0xFFFFFF, 0x000000, 0x123456}};

    private static BufferedImage image(int type) {
        BufferedImage img = new BufferedImage(3, 2, type);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                img.setRGB(x, y, 0xFF000000 | RGB[y][x]);
            }
        }
        return img;
    }

    private static void assertSamePixels(Image fx, BufferedImage src) {
        assertThat(fx.getWidth()).isEqualTo(src.getWidth());
        assertThat(fx.getHeight()).isEqualTo(src.getHeight());
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                assertThat(Integer.toHexString(fx.getPixelReader().getArgb(x, y)))
                        .as("pixel %d,%d", x, y).isEqualTo(Integer.toHexString(src.getRGB(x, y)));
            }
        }
    }

    @Test
    void anRgbPageBecomesTheSameOpaquePixelsOffTheApplicationThread() {
        assertThat(Platform.isFxApplicationThread()).isFalse();
        BufferedImage page = image(BufferedImage.TYPE_INT_RGB);
        Image fx = FxImages.of(page);
        assertSamePixels(fx, page);
        assertThat(fx.getPixelReader().getArgb(2, 1)).isEqualTo(0xFF123456);
    }

    @Test
    void imagesOfOtherKindsAndPartsOfImagesKeepTheirPixels() {
        assertSamePixels(FxImages.of(image(BufferedImage.TYPE_INT_ARGB)), image(BufferedImage.TYPE_INT_ARGB));
        assertSamePixels(FxImages.of(image(BufferedImage.TYPE_3BYTE_BGR)), image(BufferedImage.TYPE_3BYTE_BGR));
        BufferedImage part = image(BufferedImage.TYPE_INT_RGB).getSubimage(1, 1, 2, 1);
        Image fx = FxImages.of(part);
        assertSamePixels(fx, part);
        assertThat(fx.getPixelReader().getArgb(0, 0)).isEqualTo(0xFF000000);
    }
}
