/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.util.Matrix;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

import uk.resolve.pdf.PdfDocument.Block;

/**
 * Lays a {@link PdfDocument} out on A4 pages with the embedded DejaVu Sans fonts: the
 * partnership's title, the case reference and the procedure version at the top of every page,
 * "Page 1 of 2" at the foot, text wrapped and flowing onto further pages, answers in boxes and
 * signature blocks with room to sign by hand. Optionally writes an archival PDF/A-2b copy.
 * Thread-safe; each call works on its own document.
 */
public final class PdfRenderer {

    /**
     * Parses the embedded fonts now, so that the first form or chronology a person opens does not
     * wait for it. Call off the JavaFX application thread; harmless to call more than once.
     */
    public static void prepare() {
        EmbeddedFonts.borrow().close();
    }


    static final String PRODUCER = "Resolve (Apache PDFBox)";

    private static final float W = PDRectangle.A4.getWidth();
    private static final float H = PDRectangle.A4.getHeight();
    private static final float LEFT = 56;
    private static final float WIDTH = W - 2 * LEFT;
    private static final float TOP = H - 70;
    private static final float BOTTOM = 62;

    private static final float[] INK = {0.10f, 0.10f, 0.12f};
    private static final float[] GREY = {0.38f, 0.38f, 0.42f};
    private static final float[] RULE = {0.62f, 0.62f, 0.66f};
    private static final float[] BAND = {0.90f, 0.92f, 0.95f};
    private static final float[] ANSWER = {0.975f, 0.978f, 0.985f};
    private static final float[] ALERT = {0.70f, 0.08f, 0.08f};
    private static final float[] NOTICE_FILL = {1.00f, 0.96f, 0.86f};
    private static final float[] NOTICE_LINE = {0.62f, 0.44f, 0.08f};
    private static final float[] ACCENT = {0.20f, 0.36f, 0.62f};
    private static final float[] WATERMARK = {0.90f, 0.90f, 0.90f};

    /** The sRGB profile of an archival copy's output intent, read from the JDK once. */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** Renders {@code doc} to PDF bytes; {@code archival} makes it PDF/A-2b. */
    public byte[] render(PdfDocument doc, boolean archival) {
        return render(doc, archival, Instant.now());
    }

    /** As {@link #render(PdfDocument, boolean)}, dated {@code at} in its metadata. */
    public byte[] render(PdfDocument doc, boolean archival, Instant at) {
        try (EmbeddedFonts fonts = EmbeddedFonts.borrow(); PDDocument pd = new PDDocument()) {
            Layout layout = new Layout(fonts, fonts.regular(pd), fonts.bold(pd));
            layout.document(doc);
            layout.draw(pd, doc);
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli() / 1000 * 1000);
            info(pd, doc, when);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (archival) {
                pd.setVersion(1.7f);
                archival(pd, doc, when);
            }
            // No object streams: several times faster to write for documents this size, and the
            // stricter PDF/A-1 rule, so an archival copy is checkable by every validator.
            pd.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be made: " + e.getMessage(), e);
        }
    }

    /** Renders {@code doc} into {@code file}, replacing it only once the whole PDF is written. */
    public void write(PdfDocument doc, boolean archival, Path file) throws IOException {
        write(doc, archival, Instant.now(), file);
    }

    /** As {@link #write(PdfDocument, boolean, Path)}, dated {@code at} in its metadata. */
    public void write(PdfDocument doc, boolean archival, Instant at, Path file) throws IOException {
        byte[] bytes = render(doc, archival, at);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".resolve-", ".pdf.tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void info(PDDocument pd, PdfDocument doc, Calendar when) {
        PDDocumentInformation info = pd.getDocumentInformation();
        info.setTitle(doc.title());
        info.setAuthor(doc.author());
        info.setSubject(doc.partnership());
        info.setCreator("Resolve");
        info.setProducer(PRODUCER);
        info.setCreationDate(when);
        info.setModificationDate(when);
    }

    private static void archival(PDDocument pd, PdfDocument doc, Calendar when) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(doc.title());
        dc.addCreator(doc.author());
        dc.setDescription(doc.partnership());
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(when);
        basic.setModifyDate(when);
        basic.setCreatorTool("Resolve");
        AdobePDFSchema adobe = xmp.createAndAddAdobePDFSchema();
        adobe.setProducer(PRODUCER);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(2);
        try {
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("the archival metadata could not be written", e);
        }
        PDMetadata metadata = new PDMetadata(pd);
        metadata.importXMPMetadata(xml.toByteArray());
        pd.getDocumentCatalog().setMetadata(metadata);
        // The JDK's own sRGB profile: freely redistributable and present without a network.
        PDOutputIntent intent = new PDOutputIntent(pd, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        pd.getDocumentCatalog().addOutputIntent(intent);
    }

    // ---------------------------------------------------------------------------------------------
    // Layout: blocks become drawing operations on pages; drawn once the page count is known.

    private sealed interface Op permits Text, Line, Box {
    }

    private record Text(float x, float y, boolean bold, float size, float[] colour, String text) implements Op {
    }

    private record Line(float x1, float y1, float x2, float y2, float width, float[] colour) implements Op {
    }

    private record Box(float x, float y, float w, float h, float[] fill, float[] stroke, float lineWidth) implements Op {
    }

    private static final class Layout {
        private final EmbeddedFonts fonts;
        private final PDFont regular;
        private final PDFont bold;
        private final List<List<Op>> pages = new ArrayList<>();
        private List<Op> page;
        private float y;

        Layout(EmbeddedFonts fonts, PDFont regular, PDFont bold) {
            this.fonts = fonts;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void newPage() {
            page = new ArrayList<>();
            pages.add(page);
            y = TOP;
        }

        /** Starts a new page unless {@code height} still fits on this one. */
        void ensure(float height) {
            if (y - height < BOTTOM && y < TOP) {
                newPage();
            }
        }

        void document(PdfDocument doc) {
            for (String line : wrap(doc.title(), true, 16, WIDTH)) {
                text(LEFT, y - 16, true, 16, INK, line);
                y -= 21;
            }
            y -= 4;
            for (Block b : doc.blocks()) {
                block(b);
            }
        }

        private void block(Block b) {
            if (b instanceof PdfDocument.Heading h) {
                heading(h);
            } else if (b instanceof PdfDocument.Subheading h) {
                List<String> lines = wrap(h.text(), true, 10, WIDTH);
                ensure(lines.size() * 14 + 40);
                y -= 2;
                flow(lines, LEFT, true, 10, 14, INK);
                y -= 2;
            } else if (b instanceof PdfDocument.Table t) {
                table(t);
            } else if (b instanceof PdfDocument.BarChart c) {
                chart(c);
            } else if (b instanceof PdfDocument.Paragraph p) {
                paragraph(p);
            } else if (b instanceof PdfDocument.Notice n) {
                notice(n);
            } else if (b instanceof PdfDocument.Details d) {
                details(d);
            } else if (b instanceof PdfDocument.Field f) {
                field(f);
            } else if (b instanceof PdfDocument.Signature s) {
                signature(s);
            } else if (b instanceof PdfDocument.Item i) {
                item(i);
            }
        }

        private void heading(PdfDocument.Heading h) {
            List<String> lines = wrap(h.text(), true, 11, WIDTH - 12);
            float height = lines.size() * 14 + 8;
            ensure(height + 60);
            y -= 4;
            page.add(new Box(LEFT, y - height, WIDTH, height, BAND, null, 0));
            float top = y;
            y -= 4;
            for (String line : lines) {
                text(LEFT + 6, y - 11, true, 11, INK, line);
                y -= 14;
            }
            y = top - height - 8;
        }

        private void paragraph(PdfDocument.Paragraph p) {
            float size = p.quiet() ? 8.5f : 9.5f;
            float leading = p.quiet() ? 11.5f : 13f;
            flow(wrap(p.text(), false, size, WIDTH), LEFT, false, size, leading, p.quiet() ? GREY : INK);
            y -= 6;
        }

        /** Lines of text, each on a new page when this one is full. */
        private void flow(List<String> lines, float x, boolean isBold, float size, float leading, float[] colour) {
            for (String line : lines) {
                ensure(leading);
                text(x, y - size, isBold, size, colour, line);
                y -= leading;
            }
        }

        private void notice(PdfDocument.Notice n) {
            List<String> lines = wrap(n.text(), true, 9.5f, WIDTH - 20);
            float height = lines.size() * 13 + 12;
            ensure(height + 4);
            page.add(new Box(LEFT, y - height, WIDTH, height, NOTICE_FILL, NOTICE_LINE, 0.8f));
            float top = y;
            y -= 6;
            for (String line : lines) {
                text(LEFT + 10, y - 9.5f, true, 9.5f, INK, line);
                y -= 13;
            }
            y = top - height - 10;
        }

        private void details(PdfDocument.Details d) {
            float labelWidth = 132;
            for (PdfDocument.Pair row : d.rows()) {
                List<String> label = wrap(row.label(), true, 8.5f, labelWidth - 8);
                List<String> value = wrap(row.value(), false, 9.5f, WIDTH - labelWidth);
                int n = Math.max(label.size(), value.size());
                ensure(n * 13 + 3);
                for (int i = 0; i < n; i++) {
                    if (i < label.size()) {
                        text(LEFT, y - 9.5f - i * 13, true, 8.5f, GREY, label.get(i));
                    }
                    if (i < value.size()) {
                        text(LEFT + labelWidth, y - 9.5f - i * 13, false, 9.5f, INK, value.get(i));
                    }
                }
                y -= n * 13 + 3;
            }
            y -= 8;
        }

        private void field(PdfDocument.Field f) {
            float pad = 5;
            float leading = 14;
            List<String> label = wrap(f.label(), true, 10, WIDTH);
            List<String> help = f.help() == null ? List.of() : wrap(f.help(), false, 8.5f, WIDTH);
            List<String> value = f.value() == null || f.value().isBlank() ? List.of()
                    : wrap(f.value(), false, 10, WIDTH - 2 * pad - 4);
            int emptyLines = f.longText() ? 4 : 1;
            float firstPart = label.size() * 13 + help.size() * 11.5f + 3 + 2 * pad
                    + Math.min(Math.max(value.size(), emptyLines), 3) * leading;
            ensure(firstPart);
            flow(label, LEFT, true, 10, 13, INK);
            flow(help, LEFT, false, 8.5f, 11.5f, GREY);
            y -= 3;
            if (value.isEmpty()) {
                float height = emptyLines * leading + 2 * pad;
                page.add(new Box(LEFT, y - height, WIDTH, height, ANSWER, RULE, 0.6f));
                if (f.marker() != null) {
                    text(LEFT + pad + 2, y - pad - 10, true, 9, ALERT, clip(f.marker(), true, 9, WIDTH - 2 * pad));
                }
                y -= height + 10;
                return;
            }
            int boxIndex = page.size();
            float boxTop = y;
            y -= pad;
            for (String line : value) {
                if (y - leading - pad < BOTTOM) {
                    page.add(boxIndex, new Box(LEFT, y - pad, WIDTH, boxTop - y + pad, ANSWER, RULE, 0.6f));
                    newPage();
                    flow(wrap(f.label() + " (continued)", true, 8.5f, WIDTH), LEFT, true, 8.5f, 11.5f, GREY);
                    y -= 3;
                    boxIndex = page.size();
                    boxTop = y;
                    y -= pad;
                }
                text(LEFT + pad + 2, y - 10.5f, false, 10, INK, line);
                y -= leading;
            }
            y -= pad;
            page.add(boxIndex, new Box(LEFT, y, WIDTH, boxTop - y, ANSWER, RULE, 0.6f));
            y -= 10;
        }

        private void signature(PdfDocument.Signature s) {
            float labelWidth = 92;
            float valueWidth = WIDTH - labelWidth - 20;
            List<List<String>> values = new ArrayList<>();
            float rows = 0;
            for (PdfDocument.Pair part : s.parts()) {
                List<String> v = wrap(part.value(), false, 10, valueWidth);
                values.add(v);
                rows += Math.max(1, v.size()) * 13 + 12;
            }
            float signatureRow = 46;
            List<String> title = wrap(s.title(), true, 10.5f, WIDTH);
            List<String> marker = s.marker() == null ? List.of() : wrap(s.marker(), true, 8.5f, WIDTH);
            float height = rows + signatureRow + 12;
            ensure(title.size() * 14 + marker.size() * 11.5f + height + 4);
            flow(title, LEFT, true, 10.5f, 14, INK);
            flow(marker, LEFT, true, 8.5f, 11.5f, ALERT);
            y -= 3;
            float top = y;
            page.add(new Box(LEFT, top - height, WIDTH, height, null, RULE, 0.8f));
            y -= 6;
            float valueX = LEFT + labelWidth;
            for (int i = 0; i < s.parts().size(); i++) {
                List<String> v = values.get(i);
                int n = Math.max(1, v.size());
                text(LEFT + 10, y - 14, true, 9, GREY, s.parts().get(i).label());
                for (int j = 0; j < v.size(); j++) {
                    text(valueX, y - 14 - j * 13, false, 10, INK, v.get(j));
                }
                float rowHeight = n * 13 + 12;
                page.add(new Line(valueX, y - rowHeight + 4, LEFT + WIDTH - 12, y - rowHeight + 4, 0.5f, RULE));
                y -= rowHeight;
            }
            text(LEFT + 10, y - signatureRow + 12, true, 9, GREY, "Signature");
            page.add(new Line(valueX, y - signatureRow + 10, LEFT + WIDTH - 12, y - signatureRow + 10, 0.8f, INK));
            y = top - height - 14;
        }

        private void item(PdfDocument.Item it) {
            List<String> heading = wrap(it.heading(), true, 9.5f, WIDTH);
            List<String> meta = wrap(it.meta(), false, 8, WIDTH);
            List<String> body = it.text() == null || it.text().isBlank() ? List.of() : wrap(it.text(), false, 9.5f, WIDTH);
            ensure(heading.size() * 13 + meta.size() * 11 + Math.min(body.size(), 2) * 13);
            flow(heading, LEFT, true, 9.5f, 13, INK);
            flow(meta, LEFT, false, 8, 11, GREY);
            y -= 2;
            flow(body, LEFT, false, 9.5f, 13, INK);
            float indent = LEFT + 18;
            for (PdfDocument.Note note : it.notes()) {
                y -= 3;
                List<String> nh = wrap(note.heading(), true, 8.5f, WIDTH - 18);
                List<String> nt = note.text() == null || note.text().isBlank() ? List.of()
                        : wrap(note.text(), false, 9, WIDTH - 18);
                ensure(nh.size() * 11.5f + Math.min(nt.size(), 2) * 12);
                for (String line : nh) {
                    ensure(11.5f);
                    barred(indent, line, true, 8.5f, 11.5f, ACCENT);
                }
                for (String line : nt) {
                    ensure(12);
                    barred(indent, line, false, 9, 12, INK);
                }
            }
            y -= 5;
            ensure(6);
            page.add(new Line(LEFT, y, LEFT + WIDTH, y, 0.4f, RULE));
            y -= 8;
        }

        // -- tables and charts ------------------------------------------------------------------------

        private static final String FIGURE = "-?[0-9.]+%?|–|";

        private void table(PdfDocument.Table t) {
            if (t.rows().isEmpty()) {
                flow(wrap(t.empty(), false, 8.5f, WIDTH), LEFT, false, 8.5f, 12, GREY);
                y -= 8;
                return;
            }
            // a column empty in every row (a track name where no procedure has tracks) is left out
            List<Integer> shown = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                final int col = c;
                if (c == 0 || t.rows().stream().anyMatch(r -> !r.get(col).isBlank())) {
                    shown.add(c);
                }
            }
            float size = shown.size() > 8 ? 7f : shown.size() > 6 ? 7.5f : 8.5f;
            boolean[] numeric = new boolean[shown.size()];
            for (int i = 0; i < shown.size(); i++) {
                final int col = shown.get(i);
                numeric[i] = i > 0 && t.rows().stream().allMatch(r -> r.get(col).matches(FIGURE));
            }
            float[] widths = widths(t, shown, numeric, size);
            List<String> header = shown.stream().map(t.columns()::get).toList();
            ensure(rowHeight(header, widths, true, size) + rowHeight(shown.stream().map(t.rows().get(0)::get).toList(),
                    widths, false, size));
            row(header, widths, numeric, true, size, true);
            for (List<String> r : t.rows()) {
                List<String> cells = shown.stream().map(r::get).toList();
                if (y - rowHeight(cells, widths, false, size) < BOTTOM) {
                    newPage();
                    row(header, widths, numeric, true, size, true);
                }
                boolean total = "Total".equals(cells.get(0)) || "All procedures".equals(cells.get(0));
                row(cells, widths, numeric, total, size, false);
            }
            y -= 10;
        }

        /** Each column as wide as its longest cell where the page allows; else its longest word, and a share of the rest. */
        private float[] widths(PdfDocument.Table t, List<Integer> shown, boolean[] numeric, float size) {
            int n = shown.size();
            // a point more than the cell's padding, so that a word measured to fit is never wrapped by rounding
            float pad = 9;
            float[] min = new float[n];
            float[] want = new float[n];
            for (int i = 0; i < n; i++) {
                int col = shown.get(i);
                List<String> cells = new ArrayList<>();
                cells.add(t.columns().get(col));
                t.rows().forEach(r -> cells.add(r.get(col)));
                for (int k = 0; k < cells.size(); k++) {
                    String cell = cells.get(k);
                    boolean isBold = k == 0;
                    float longestWord = 0;
                    for (String word : clean(cell).split("\\s+")) {
                        longestWord = Math.max(longestWord, Math.min(width(word, isBold, size) + pad, WIDTH / 4));
                    }
                    min[i] = Math.max(min[i], longestWord);
                    if (k > 0) {
                        // short cells ("Stage 1", "22 Apr 2027") read badly broken
                        min[i] = Math.max(min[i], Math.min(width(clean(cell), isBold, size) + pad, 62));
                    }
                    // a figure's heading may wrap, so that text columns get the room
                    want[i] = Math.max(want[i], k == 0 && numeric[i] ? longestWord : width(clean(cell), isBold, size) + pad);
                }
            }
            float sumWant = sum(want);
            if (sumWant <= WIDTH) {
                want[0] += WIDTH - sumWant > 120 ? 0 : WIDTH - sumWant;
                return want;
            }
            float sumMin = sum(min);
            float[] out = new float[n];
            if (sumMin >= WIDTH) {
                for (int i = 0; i < n; i++) {
                    out[i] = min[i] * WIDTH / sumMin;
                }
                return out;
            }
            // the narrowest wishes first, in full, while the others still get their minimum: a procedure's
            // name stays on one line and the long column (a category, a timescale) wraps instead
            System.arraycopy(min, 0, out, 0, n);
            boolean[] full = new boolean[n];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Float.compare(want[a] - min[a], want[b] - min[b]));
            float used = sumMin;
            for (int i : order) {
                if (used + want[i] - min[i] <= WIDTH) {
                    used += want[i] - min[i];
                    out[i] = want[i];
                    full[i] = true;
                }
            }
            float rest = 0;
            for (int i = 0; i < n; i++) {
                rest += full[i] ? 0 : want[i] - min[i];
            }
            for (int i = 0; i < n; i++) {
                if (!full[i] && rest > 0) {
                    out[i] += (WIDTH - used) * (want[i] - min[i]) / rest;
                }
            }
            return out;
        }

        private static float sum(float[] a) {
            float s = 0;
            for (float v : a) {
                s += v;
            }
            return s;
        }

        private float rowHeight(List<String> cells, float[] widths, boolean isBold, float size) {
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                lines = Math.max(lines, wrap(cells.get(i), isBold, size, widths[i] - 8).size());
            }
            return lines * (size + 2.5f) + 6;
        }

        private void row(List<String> cells, float[] widths, boolean[] numeric, boolean isBold, float size,
                         boolean header) {
            float h = rowHeight(cells, widths, isBold, size);
            float total = sum(widths);
            if (header) {
                page.add(new Box(LEFT, y - h, total, h, BAND, null, 0));
            }
            float x = LEFT;
            for (int i = 0; i < cells.size(); i++) {
                float ly = y - 3 - size;
                for (String line : wrap(cells.get(i), isBold, size, widths[i] - 8)) {
                    float lx = numeric[i] && !header ? x + widths[i] - 4 - width(line, isBold, size) : x + 4;
                    text(lx, ly, isBold, size, INK, line);
                    ly -= size + 2.5f;
                }
                x += widths[i];
            }
            y -= h;
            page.add(new Line(LEFT, y, LEFT + total, y, 0.5f, RULE));
        }

        /** Bars from a common axis, each label wrapped to the left of its bar and the figure after it. */
        private void chart(PdfDocument.BarChart c) {
            if (c.bars().isEmpty() || c.bars().stream().allMatch(b -> b.value() == 0)) {
                return;
            }
            float labelWidth = 190;
            float barArea = WIDTH - labelWidth - 30;
            float barHeight = 11;
            float gap = 5;
            List<List<String>> labels = new ArrayList<>();
            float height = 18;
            for (PdfDocument.Bar b : c.bars()) {
                List<String> l = wrap(b.label(), false, 8, labelWidth - 8);
                labels.add(l);
                height += Math.max(barHeight, l.size() * 10) + gap;
            }
            ensure(Math.min(height, 300) + 16);
            text(LEFT, y - 9, true, 9, GREY, c.title());
            y -= 16;
            int max = c.bars().stream().mapToInt(PdfDocument.Bar::value).max().orElse(1);
            float x0 = LEFT + labelWidth;
            float top = y;
            for (int i = 0; i < c.bars().size(); i++) {
                List<String> l = labels.get(i);
                float rowH = Math.max(barHeight, l.size() * 10);
                if (y - rowH < BOTTOM) {
                    page.add(new Line(x0, top + 2, x0, y + gap - 2, 0.5f, GREY));
                    newPage();
                    top = y;
                }
                float ly = y - 8;
                for (String s : l) {
                    text(x0 - 6 - width(s, false, 8), ly, false, 8, INK, s);
                    ly -= 10;
                }
                int v = c.bars().get(i).value();
                float w = barArea * v / max;
                page.add(new Box(x0, y - barHeight, Math.max(w, v > 0 ? 1 : 0), barHeight, ACCENT, null, 0));
                text(x0 + w + 4, y - 8.5f, false, 8, INK, Integer.toString(v));
                y -= rowH + gap;
            }
            page.add(new Line(x0, top + 2, x0, y + gap - 2, 0.5f, GREY));
            y -= 10;
        }

        /** A line of a note, with the bar beside it that ties it to its entry across pages. */
        private void barred(float x, String line, boolean isBold, float size, float leading, float[] colour) {
            page.add(new Line(LEFT + 8, y, LEFT + 8, y - leading, 2f, ACCENT));
            text(x, y - size, isBold, size, colour, line);
            y -= leading;
        }

        private void text(float x, float baseline, boolean isBold, float size, float[] colour, String s) {
            if (!s.isEmpty()) {
                page.add(new Text(x, baseline, isBold, size, colour, s));
            }
        }

        // -- text measurement ---------------------------------------------------------------------

        /** As {@link PDFont#getStringWidth}, which adds the widths of the glyphs in turn, from remembered widths. */
        float width(String s, boolean isBold, float size) {
            PDFont font = isBold ? bold : regular;
            try {
                float w = 0;
                for (int i = 0; i < s.length(); ) {
                    int cp = s.codePointAt(i);
                    w += fonts.width(font, isBold, cp);
                    i += Character.charCount(cp);
                }
                return w / 1000f * size;
            } catch (IOException | IllegalArgumentException e) {
                return s.length() * size * 0.6f;
            }
        }

        /** Text with tabs as spaces, control characters dropped and characters the font lacks as '?'. */
        String clean(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (cp == '\t') {
                    sb.append("    ");
                } else if (cp == '\n') {
                    sb.append('\n');
                } else if (Character.isISOControl(cp) || cp == '\r') {
                    // dropped
                } else if (fonts.canEncode(regular, bold, cp)) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append('?');
                }
            });
            return sb.toString();
        }

        /** Breaks text into lines no wider than {@code max}; a word too long for a line is split. */
        List<String> wrap(String text, boolean isBold, float size, float max) {
            List<String> lines = new ArrayList<>();
            if (text == null) {
                return lines;
            }
            for (String para : clean(text.replace("\r\n", "\n")).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : para.strip().split(" +")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    String candidate = line.length() == 0 ? word : line + " " + word;
                    if (width(candidate, isBold, size) <= max) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (width(rest, isBold, size) > max) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && width(rest.substring(0, cut), isBold, size) > max) {
                            cut--;
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            while (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        }

        String clip(String s, boolean isBold, float size, float max) {
            String c = clean(s).replace('\n', ' ');
            if (width(c, isBold, size) <= max) {
                return c;
            }
            while (c.length() > 1 && width(c + "…", isBold, size) > max) {
                c = c.substring(0, c.length() - 1);
            }
            return c + "…";
        }

        // -- drawing --------------------------------------------------------------------------------

        void draw(PDDocument pd, PdfDocument doc) throws IOException {
            int total = pages.size();
            for (int i = 0; i < total; i++) {
                PDPage p = new PDPage(PDRectangle.A4);
                pd.addPage(p);
                try (PDPageContentStream cs = new PDPageContentStream(pd, p)) {
                    if (doc.draft()) {
                        watermark(cs);
                    }
                    for (Op op : pages.get(i)) {
                        draw(cs, op);
                    }
                    furniture(cs, doc, i + 1, total);
                }
            }
        }

        private void furniture(PDPageContentStream cs, PdfDocument doc, int number, int total) throws IOException {
            String pageText = "Page " + number + " of " + total;
            float pageWidth = width(pageText, true, 8.5f);
            draw(cs, new Text(LEFT, H - 31, true, 9, INK, clip(doc.partnership(), true, 9, WIDTH)));
            String reference = doc.caseReference() == null ? doc.procedureVersion()
                    : "Case " + doc.caseReference() + "   ·   Procedure version " + doc.procedureVersion();
            draw(cs, new Text(LEFT, H - 43, false, 8.5f, GREY, clip(reference, false, 8.5f, WIDTH)));
            draw(cs, new Line(LEFT, H - 50, LEFT + WIDTH, H - 50, 0.6f, RULE));
            draw(cs, new Line(LEFT, 46, LEFT + WIDTH, 46, 0.6f, RULE));
            draw(cs, new Text(LEFT + WIDTH - pageWidth, 33, true, 8.5f, INK, pageText));
            String left = (doc.draft() ? "DRAFT · " : "") + doc.title();
            draw(cs, new Text(LEFT, 33, false, 8, GREY, clip(left, false, 8, WIDTH - pageWidth - 24)));
        }

        private void watermark(PDPageContentStream cs) throws IOException {
            cs.beginText();
            cs.setFont(bold, 110);
            cs.setNonStrokingColor(WATERMARK[0], WATERMARK[1], WATERMARK[2]);
            cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(50), 150, 190));
            cs.showText("DRAFT");
            cs.endText();
        }

        private void draw(PDPageContentStream cs, Op op) throws IOException {
            if (op instanceof Text t) {
                cs.beginText();
                cs.setFont(t.bold() ? bold : regular, t.size());
                cs.setNonStrokingColor(t.colour()[0], t.colour()[1], t.colour()[2]);
                cs.newLineAtOffset(t.x(), t.y());
                cs.showText(t.text());
                cs.endText();
            } else if (op instanceof Line l) {
                cs.setStrokingColor(l.colour()[0], l.colour()[1], l.colour()[2]);
                cs.setLineWidth(l.width());
                cs.moveTo(l.x1(), l.y1());
                cs.lineTo(l.x2(), l.y2());
                cs.stroke();
            } else if (op instanceof Box b) {
                if (b.fill() != null) {
                    cs.setNonStrokingColor(b.fill()[0], b.fill()[1], b.fill()[2]);
                    cs.addRect(b.x(), b.y(), b.w(), b.h());
                    cs.fill();
                }
                if (b.stroke() != null) {
                    cs.setStrokingColor(b.stroke()[0], b.stroke()[1], b.stroke()[2]);
                    cs.setLineWidth(b.lineWidth());
                    cs.addRect(b.x(), b.y(), b.w(), b.h());
                    cs.stroke();
                }
            }
        }
    }
}
