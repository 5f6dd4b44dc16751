/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.pdf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

import uk.resolve.pdf.PdfDocument.Block;
import uk.resolve.pdf.PdfDocument.Field;
import uk.resolve.pdf.PdfDocument.Heading;
import uk.resolve.pdf.PdfDocument.Item;
import uk.resolve.pdf.PdfDocument.Note;
import uk.resolve.pdf.PdfDocument.Pair;
import uk.resolve.pdf.PdfDocument.Paragraph;
import uk.resolve.pdf.PdfDocument.Signature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsed fonts are kept between renders; renders on several threads at once (the live preview
 * and a save) must still each make a whole, correct PDF with only the glyphs it uses embedded.
 */
class ConcurrentRenderTest {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final int THREADS = 6;
    /** A few pages with both fonts subset: ~30 KB. Each whole DejaVu font is over 700 KB. */
    private static final int MAX_BYTES = 120_000;

    private final PdfRenderer renderer = new PdfRenderer();

    @Test
    void documentsRenderedOnSeveralThreadsAtOnceAreEachWholeAndTheSameAsRenderedAlone() throws Exception {
        List<PdfDocument> docs = new ArrayList<>();
        for (int i = 0; i < THREADS * 2; i++) {
            docs.add(document(i));
        }
        // Rendered one at a time first: what each must be, whatever else is being rendered.
        List<String> alone = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            alone.add(withoutId(renderer.render(docs.get(i), i % 3 == 0, AT)));
        }

        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < docs.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, new Random(8));
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<int[]>>> results = new ArrayList<>();
            List<byte[]> pdfs = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < THREADS; t++) {
                List<Integer> mine = order.subList(t * order.size() / THREADS, (t + 1) * order.size() / THREADS);
                Callable<List<int[]>> task = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<int[]> done = new ArrayList<>();
                    for (int i : mine) {
                        byte[] pdf = renderer.render(docs.get(i), i % 3 == 0, AT);
                        pdfs.add(pdf);
                        done.add(new int[] {i, pdfs.size() - 1});
                    }
                    return done;
                };
                results.add(pool.submit(task));
            }
            int checked = 0;
            for (Future<List<int[]>> f : results) {
                for (int[] done : f.get(2, TimeUnit.MINUTES)) {
                    int i = done[0];
                    byte[] pdf = pdfs.get(done[1]);
                    assertThat(withoutId(pdf)).as("document %d", i).isEqualTo(alone.get(i));
                    readsBack(pdf, i);
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(order.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPairGivenBackTwiceIsLentToOneBorrowerOnly() {
        EmbeddedFonts fonts = EmbeddedFonts.borrow();
        fonts.close();
        fonts.close();
        EmbeddedFonts first = EmbeddedFonts.borrow();
        EmbeddedFonts second = EmbeddedFonts.borrow();
        try {
            assertThat(second).isNotSameAs(first);
        } finally {
            first.close();
            second.close();
        }
        assertThat(EmbeddedFonts.idle()).isLessThanOrEqualTo(EmbeddedFonts.KEPT);
    }

    private static void readsBack(byte[] pdf, int i) throws Exception {
        assertThat(pdf.length).as("document %d is subset, not whole fonts", i).isLessThan(MAX_BYTES);
        String text = PdfText.all(pdf);
        assertThat(text).as("document %d", i).contains("Document " + i + " heading", "Marker-" + i + "-end",
                "Case REF-" + i + " ", "Signature");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(i % 2 == 0 ? 1 : 2);
            List<String> fonts = new ArrayList<>();
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                }
            }
            assertThat(fonts).contains("DejaVuSans", "DejaVuSans-Bold");
        }
    }

    /** A document of its own for each {@code i}: different text, different glyphs, some long. */
    private static PdfDocument document(int i) {
        String accents = "ÀÉÎÕÜ ŁŚŻ ĀĒĪ ΑΒΓ ДЖЯ ✓ € — “quoted”".substring(0, 4 + i * 3 % 30);
        String body = ("Paragraph of document " + i + " with " + accents + ". ").repeat(i % 2 == 0 ? 4 : 120);
        List<Block> blocks = List.of(
                new Heading("Document " + i + " heading"),
                new Paragraph(body, false),
                new Field("Question " + i, "Help text", i % 4 == 0 ? "" : "Answer " + accents, i % 2 == 1, "Missing"),
                new Item("21 Dec 2026 · Stage " + i, "Recorded by someone", "Entry text " + accents,
                        List.of(new Note("Correction", "Corrected " + i))),
                new Signature("Initiating manager", List.of(new Pair("Name", "Pat " + i), new Pair("Date", "")), null),
                new Paragraph("Marker-" + i + "-end", true));
        return new PdfDocument("Form " + i, "Partnership " + i, "REF-" + i, "2018-11", "Author", i % 2 == 0, blocks);
    }

    /** The file without its trailer ID, which PDFBox makes from the time of saving. */
    private static String withoutId(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1).replaceAll("/ID \\[<[0-9A-F]+> ?<[0-9A-F]+>\\]", "");
    }
}
