/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.pdf;

import java.util.List;

/**
 * What a printed document says, independent of how it is laid out: the header every page carries
 * and the blocks of content in order. {@link PdfRenderer} lays every document out the same way on
 * A4 (forms, the chronology and the partnership's report alike).
 *
 * @param title            the document's title (first page, footer, PDF metadata)
 * @param partnership      the partnership's title, on every page
 * @param caseReference    the case as the document names it, on every page; null for a document about
 *                         no one case, whose header then reads {@code procedureVersion} as given
 * @param procedureVersion the procedure's version, on every page (or, without a case, the header's
 *                         second line)
 * @param author           who produced it (PDF metadata)
 * @param draft            true to mark every page as a draft
 * @param blocks           the content
 */
public record PdfDocument(String title, String partnership, String caseReference, String procedureVersion,
                          String author, boolean draft, List<Block> blocks) {

    public PdfDocument {
        blocks = List.copyOf(blocks);
    }

    /** A piece of content. */
    public sealed interface Block permits Heading, Subheading, Paragraph, Notice, Details, Field, Signature, Item,
            Table, BarChart {
    }

    /** A heading within a section, in bold on its own line. */
    public record Subheading(String text) implements Block {
    }

    /**
     * A table: a shaded header row repeated on each page it runs over, cells that wrap, figures
     * aligned right, a row whose first cell is {@code Total} (or {@code All procedures}) in bold.
     *
     * @param empty what to print when there are no rows
     */
    public record Table(List<String> columns, List<List<String>> rows, String empty) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A horizontal bar chart, drawn as vector graphics; its labels wrap and are never cut short. */
    public record BarChart(String title, List<Bar> bars) implements Block {
        public BarChart {
            bars = List.copyOf(bars);
        }
    }

    /** One bar: what it counts, and how many. */
    public record Bar(String label, int value) {
    }

    /** A section heading. */
    public record Heading(String text) implements Block {
    }

    /** Running text; {@code quiet} prints it smaller and grey (guidance). */
    public record Paragraph(String text, boolean quiet) implements Block {
    }

    /** A boxed notice that must not be missed. */
    public record Notice(String text) implements Block {
    }

    /** A short table of labelled facts. */
    public record Details(List<Pair> rows) implements Block {
        public Details {
            rows = List.copyOf(rows);
        }
    }

    /** A label and its value. */
    public record Pair(String label, String value) {
    }

    /**
     * A question and its answer in a box. An empty answer leaves room to write by hand: one line,
     * or several for {@code longText}.
     *
     * @param marker printed in the empty box of a missing answer in a draft, or null
     */
    public record Field(String label, String help, String value, boolean longText, String marker) implements Block {
    }

    /**
     * A place to sign by hand.
     *
     * @param parts name, designation, agency and date, with any typed values ("" for none)
     */
    public record Signature(String title, List<Pair> parts, String marker) implements Block {
        public Signature {
            parts = List.copyOf(parts);
        }
    }

    /**
     * An entry in a chronology.
     *
     * @param heading "21 Dec 2026, 10:00 · Stage 1 · Concern raised"
     * @param meta    who recorded it and when
     * @param text    what it says
     * @param notes   corrections and approvals, printed beside it
     */
    public record Item(String heading, String meta, String text, List<Note> notes) implements Block {
        public Item {
            notes = List.copyOf(notes);
        }
    }

    /** A correction or approval attached to an item. */
    public record Note(String heading, String text) {
    }
}
