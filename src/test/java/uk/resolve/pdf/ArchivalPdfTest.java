/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.FormService;
import uk.resolve.app.Services;
import uk.resolve.forms.FormCases;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class ArchivalPdfTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-01-05T09:00");
    private Services s;

    @BeforeEach
    void open() {
        s = Fixtures.services(dir.resolve("db"), clock);
    }

    @AfterEach
    void close() {
        s.close();
    }

    /**
     * PDFBox's preflight checks the PDF/A-1b rules, which are stricter than PDF/A-2b's in everything
     * the renderer uses (no transparency, no object streams, embedded fonts, an output intent,
     * synchronised metadata). The one finding it must make about a PDF/A-2b file is that its
     * identification says part 2, not 1 (error 7.11.2); anything else is a real fault.
     */
    @Test
    void theArchivalCopyOfEachFormIsPdfA2bAndPassesPreflight() throws Exception {
        UUID croydon = FormCases.croydonAtStage3(s, clock);
        UUID ns = FormCases.northSomersetResolvedAtStage3(s, clock);
        FormService forms = s.forms();
        List<FormService.Rendered> docs = List.of(
                forms.render(forms.fill(croydon, "appendix-a", 3, Map.of()), true, true),
                forms.render(forms.fill(ns, "monitoring-form", 3, Map.of("notes", "Long text. ".repeat(250))), true, true),
                forms.chronology(ns, true));
        for (FormService.Rendered r : docs) {
            Path file = dir.resolve(r.fileName());
            Files.write(file, r.pdf());

            ValidationResult result = PreflightParser.validate(file.toFile());

            assertThat(result.getErrorsList()).as(r.fileName())
                    .extracting(e -> e.getErrorCode() + " " + e.getDetails())
                    .containsOnly("7.11.2 Error on MetaData, part must be 1");
            assertThat(PreflightParser.validate(identifiedAsPart1(r.pdf(), dir.resolve("part1-" + r.fileName())).toFile())
                    .getErrorsList()).as("with part 1 declared, nothing else is found").isEmpty();
            try (PDDocument doc = Loader.loadPDF(r.pdf())) {
                XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().exportXMPMetadata());
                PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
                assertThat(id.getPart()).isEqualTo(2);
                assertThat(id.getConformance()).isEqualTo("B");
                assertThat(doc.getDocumentCatalog().getOutputIntents()).singleElement()
                        .satisfies(oi -> assertThat(oi.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1"));
                for (var page : doc.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                        assertThat(font.getName()).contains("DejaVuSans");
                    }
                }
            }
        }
    }

    /** The same file, declaring PDF/A part 1 instead of 2, for preflight's checks of everything else. */
    private static Path identifiedAsPart1(byte[] pdf, Path file) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var metadata = doc.getDocumentCatalog().getMetadata();
            String xml = new String(metadata.exportXMPMetadata().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xml).contains("<pdfaid:part>2</pdfaid:part>");
            metadata.importXMPMetadata(xml.replace("<pdfaid:part>2</pdfaid:part>", "<pdfaid:part>1</pdfaid:part>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            doc.save(file.toFile(), org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
        }
        return file;
    }

    @Test
    void anOrdinaryCopyEmbedsItsFontsAndIsA4() throws Exception {
        UUID croydon = FormCases.croydonAtStage3(s, clock);
        byte[] pdf = s.forms().render(s.forms().fill(croydon, "appendix-a", 3, Map.of()), true, false).pdf();
        Path file = dir.resolve("ordinary.pdf");
        Files.write(file, pdf);
        assertThat(PreflightParser.validate(file.toFile()).isValid()).as("not archival, so preflight objects").isFalse();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.5f));
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
        }
    }
}
