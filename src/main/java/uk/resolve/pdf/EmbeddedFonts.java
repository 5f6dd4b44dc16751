/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded DejaVu Sans fonts (regular and bold), parsed once and lent to one document at a
 * time. Parsing the two font files took most of a warm render; a parsed font is kept and reused.
 * PDFBox's parsed fonts are not safe to share between threads, so each borrower gets a pair of its
 * own until it {@linkplain #close() gives it back}: renders on several threads at once each parse a
 * pair the first time and reuse them afterwards. Give them back only once the document using them
 * is saved and closed (the subset embedded in the file is made from them when it is saved).
 */
public final class EmbeddedFonts implements AutoCloseable {

    /** Pairs kept for the next borrower; more than that many borrowed at once are parsed and dropped. */
    static final int KEPT = 3;

    private static final byte[] REGULAR = bytes("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = bytes("/fonts/DejaVuSans-Bold.ttf");
    private static final ConcurrentLinkedDeque<EmbeddedFonts> IDLE = new ConcurrentLinkedDeque<>();

    private final TrueTypeFont regular;
    private final TrueTypeFont bold;
    private final AtomicBoolean lent = new AtomicBoolean();
    /** Advance widths by code point, in 1/1000 em, filled in as text is measured. */
    private final Map<Integer, Float> regularWidths = new HashMap<>();
    private final Map<Integer, Float> boldWidths = new HashMap<>();
    /** Whether both fonts have a glyph for a code point. */
    private final Map<Integer, Boolean> encodable = new HashMap<>();

    private EmbeddedFonts(TrueTypeFont regular, TrueTypeFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** A pair for this caller alone until {@link #close()}. */
    public static EmbeddedFonts borrow() {
        EmbeddedFonts fonts = IDLE.pollFirst();
        if (fonts == null) {
            fonts = new EmbeddedFonts(parse(REGULAR), parse(BOLD));
        }
        fonts.lent.set(true);
        return fonts;
    }

    /** DejaVu Sans for {@code doc}, embedded as a subset of the glyphs used. */
    public PDType0Font regular(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, regular, true);
    }

    /** DejaVu Sans Bold for {@code doc}, embedded as a subset of the glyphs used. */
    public PDType0Font bold(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, bold, true);
    }

    /**
     * The width of one code point in {@code font} (one loaded from this pair), in 1/1000 em, as
     * {@link PDFont#getStringWidth} gives it, remembered for later documents.
     *
     * @throws IllegalArgumentException when the font has no glyph for it
     */
    float width(PDFont font, boolean isBold, int codePoint) throws IOException {
        Map<Integer, Float> widths = isBold ? boldWidths : regularWidths;
        Float w = widths.get(codePoint);
        if (w == null) {
            w = font.getStringWidth(new String(Character.toChars(codePoint)));
            widths.put(codePoint, w);
        }
        return w;
    }

    /** Whether both fonts (loaded from this pair) have a glyph for {@code codePoint}, remembered. */
    boolean canEncode(PDFont regularFont, PDFont boldFont, int codePoint) {
        return encodable.computeIfAbsent(codePoint, cp -> {
            try {
                String ch = new String(Character.toChars(cp));
                regularFont.encode(ch);
                boldFont.encode(ch);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    /** Gives the pair back for the next document; the caller must not use it or its fonts again. */
    @Override
    public void close() {
        if (!lent.compareAndSet(true, false)) {
            return;
        }
        if (IDLE.size() < KEPT) {
            IDLE.offerFirst(this);
        } else {
            closeQuietly(regular);
            closeQuietly(bold);
        }
    }

    /** How many parsed pairs are waiting to be borrowed (for tests). */
    static int idle() {
        return IDLE.size();
    }

    private static TrueTypeFont parse(byte[] ttf) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        } catch (IOException e) {
            throw new UncheckedIOException("Resolve is incomplete: a font could not be read: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(TrueTypeFont font) {
        try {
            font.close();
        } catch (IOException e) {
            // only a buffer in memory: nothing to lose
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = EmbeddedFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Resolve is incomplete: the font " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
