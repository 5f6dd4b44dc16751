/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.pdf;

import java.util.List;

/**
 * What a printed document says, independent of how it is laid out: the header every page carries
 * and the blocks of content in order. {@link PdfRenderer} lays it out on A4.
 *
 * @param title            the document's title (first page, footer, PDF metadata)
 * @param partnership      the partnership's title, on every page
 * @param caseReference    the case as the document names it, on every page
 * @param procedureVersion the procedure's version, on every page
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
    public sealed interface Block permits Heading, Paragraph, Notice, Details, Field, Signature, Item {
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
