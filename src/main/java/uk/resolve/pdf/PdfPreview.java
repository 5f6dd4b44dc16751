/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Page images of a PDF, for a preview on screen. Slow: call it off the JavaFX application thread. */
public final class PdfPreview {

    private PdfPreview() {
    }

    /** Each page as an image at {@code dpi} dots per inch. */
    public static List<BufferedImage> pages(byte[] pdf, float dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> out = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                out.add(renderer.renderImageWithDPI(i, dpi, ImageType.RGB));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("The preview could not be drawn: " + e.getMessage(), e);
        }
    }
}
