/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import uk.resolve.app.FormService;
import uk.resolve.app.Services;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * Renders every bundled form (complete, draft and with long text) and a chronology into a folder
 * as PDF and PNG, to look at as a reader would. Not a test:
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=uk.resolve.forms.FormGallery -Dexec.args=target/gallery}
 */
public final class FormGallery {

    private FormGallery() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/gallery");
        Files.createDirectories(out);
        Path db = Files.createTempDirectory("resolve-gallery");
        MutableClock clock = MutableClock.at("2026-01-05T09:00");
        try (Services s = Fixtures.services(db, clock)) {
            FormService forms = s.forms();
            UUID croydon = FormCases.croydonAtStage3(s, clock);
            save(out, forms.render(forms.fill(croydon, "appendix-a", 3, Map.of("role", "Designated Safeguarding Lead",
                    "contact", "020 8726 6000")), false, false));
            save(out, forms.render(forms.fill(croydon, "appendix-a", 3, Map.of()), true, false));
            UUID ns = FormCases.northSomersetResolvedAtStage3(s, clock);
            save(out, forms.render(forms.fill(ns, "monitoring-form", 3, Map.of(
                    "initiating-manager.name", "Pat Senior", "initiating-manager.designation", "Head of Safeguarding",
                    "notes", "Long note. ".repeat(400))), false, false));
            UUID soc = FormCases.safetyOfChildrenAtStage2(s, clock);
            save(out, forms.render(forms.fill(soc, "monitoring-form", 2, Map.of()), true, false));
            save(out, forms.chronology(ns, false));
        }
    }

    private static void save(Path out, FormService.Rendered r) throws Exception {
        Path pdf = out.resolve(r.fileName());
        Files.write(pdf, r.pdf());
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage img = renderer.renderImageWithDPI(i, 80);
                ImageIO.write(img, "png", out.resolve(r.fileName().replace(".pdf", "") + "-p" + (i + 1) + ".png").toFile());
            }
        }
        System.out.println(pdf + " (" + r.pdf().length + " bytes)");
    }
}
