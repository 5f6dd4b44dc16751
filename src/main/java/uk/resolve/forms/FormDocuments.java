/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.resolve.domain.attachment.Attachment;
import uk.resolve.domain.escalation.CaseDetails;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.ChronologyItem;
import uk.resolve.domain.escalation.EntryText;
import uk.resolve.domain.escalation.EntryView;
import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.FieldKind;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.FormField;
import uk.resolve.domain.policy.FormSection;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.SignatureBlock;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.UkTime;
import uk.resolve.pdf.PdfDocument;
import uk.resolve.pdf.PdfDocument.Block;
import uk.resolve.pdf.PdfDocument.Pair;

/** Turns a filled form, or a case's chronology, into a printable document. */
public final class FormDocuments {

    /** The id under which every case offers its chronology. */
    public static final String CHRONOLOGY = "chronology";
    public static final String CHRONOLOGY_TITLE = "Case chronology";

    private FormDocuments() {
    }

    /**
     * The document for {@code form}. A final document needs a complete form; a draft marks what is
     * missing. On an anonymous form anything that identifies the child is removed even from a
     * draft, so no PDF of it can carry the child's name or reference.
     *
     * @throws IllegalStateException when a final document is asked for an incomplete form
     */
    public static PdfDocument form(FilledForm form, CaseState c, String author, boolean draft) {
        return form(form, c, author, draft, n -> n);
    }

    /** @param names a person's display name from their sign-in name (the sign-in name when unknown) */
    public static PdfDocument form(FilledForm form, CaseState c, String author, boolean draft,
                                   java.util.function.UnaryOperator<String> names) {
        if (!draft && !form.complete()) {
            throw new IllegalStateException("the form is not complete: " + form.problemSummary());
        }
        FormDefinition def = form.definition();
        AnonymityGuard guard = def.anonymous() ? new AnonymityGuard(c.details().childName(), c.details().childRef())
                : null;
        List<Block> blocks = new ArrayList<>();
        if (def.description() != null) {
            blocks.add(new PdfDocument.Paragraph(def.description(), false));
        }
        List<Pair> details = new ArrayList<>();
        if (def.letter()) {
            // a letter to its addressee, not a form returned to the partnership
            details.add(new Pair("To", FormDefinition.OTHER_AGENCY.equals(def.addressee()) ? c.details().otherAgency()
                    : form.recipient() == null ? def.addressee() : address(form.recipient())));
            details.add(new Pair("From", c.details().raisedBy() + ", " + c.details().raisedAgency()));
            details.add(new Pair("Date", UkTime.formatDate(form.date())));
            details.add(new Pair("Our reference", form.caseReference()));
            details.add(new Pair("About", "Resolution of a professional difference under the " + form.procedureName()
                    + " (version " + form.procedureVersion() + "), " + form.stageHeading()));
        } else {
            formDetails(form, def, details);
        }
        blocks.add(new PdfDocument.Details(details));
        body(form, c, def, guard, blocks, draft, names);
        return new PdfDocument(def.title(), form.partnership(), form.caseReference(), form.procedureVersion(), author,
                draft, blocks);
    }

    private static void formDetails(FilledForm form, FormDefinition def, List<Pair> details) {
        details.add(new Pair("Procedure", form.procedureName() + " (version " + form.procedureVersion() + ")"));
        details.add(new Pair("Stage", form.stageHeading()));
        details.add(new Pair("Date", UkTime.formatDate(form.date())));
        details.add(new Pair("Version", form.version() == 1 ? "1" : form.version() + " (updates the earlier version)"));
        if (def.completedBy() != null) {
            details.add(new Pair("Completed by", def.completedBy()));
        }
        if (form.recipient() != null) {
            details.add(new Pair("Return the completed form to", address(form.recipient())));
        }
    }

    private static void body(FilledForm form, CaseState c, FormDefinition def, AnonymityGuard guard,
                             List<Block> blocks, boolean draft, java.util.function.UnaryOperator<String> names) {
        if (def.anonymous()) {
            blocks.add(new PdfDocument.Notice("Do not include details of any child or family. This form names the"
                    + " case only by its Resolve case number, " + form.caseReference() + "."));
        }
        if (draft && !form.complete()) {
            blocks.add(new PdfDocument.Notice("DRAFT: not ready to send. " + form.problemSummary()));
        }
        for (FormSection s : def.sections()) {
            if (s.title() != null) {
                blocks.add(new PdfDocument.Heading(s.title()));
            }
            if (s.text() != null) {
                blocks.add(new PdfDocument.Paragraph(s.text(), s.fields().isEmpty()));
            }
            for (FormField f : s.fields()) {
                FieldValue v = form.value(f.id()).orElseThrow();
                blocks.add(new PdfDocument.Field(f.label(), help(f), safe(v.value(), guard), f.kind() == FieldKind.LONG_TEXT,
                        draft && v.missing() ? "Required: not yet completed" : null));
            }
        }
        if (!def.signatures().isEmpty()) {
            blocks.add(new PdfDocument.Heading(def.signatures().size() == 1 ? "Signature" : "Signatures"));
            Map<String, Entry> signed = signatures(c, def.id(), form.stage());
            List<String> signedTitles = new ArrayList<>();
            List<String> toSign = new ArrayList<>();
            for (SignatureBlock b : def.signatures()) {
                (signed.containsKey(b.id()) ? signedTitles : toSign).add(b.title());
            }
            blocks.add(new PdfDocument.Notice((signedTitles.isEmpty() ? "Not yet signed in Resolve."
                    : "Signed in Resolve: " + String.join("; ", signedTitles) + ".")
                    + (toSign.isEmpty() ? " Every signature block is signed."
                    : " Still to sign: " + String.join("; ", toSign) + ".")));
            for (SignatureBlock b : def.signatures()) {
                List<Pair> parts = new ArrayList<>();
                boolean missing = false;
                for (String part : SignatureBlock.PARTS) {
                    FieldValue v = form.value(b.fieldId(part)).orElseThrow();
                    parts.add(new Pair(SignatureBlock.partLabel(part), safe(v.value(), guard)));
                    missing |= v.missing();
                }
                Entry sig = signed.get(b.id());
                String marker;
                if (sig != null) {
                    parts.add(new Pair("Signed", signedLine(sig, names)));
                    marker = null;
                } else {
                    marker = draft && missing ? "Required: name, designation and agency. Still to sign."
                            : "Still to sign.";
                }
                blocks.add(new PdfDocument.Signature(b.title(), parts, marker));
            }
        }
    }

    /**
     * The signatures made in Resolve on the latest saved version of the form for {@code stage}, by the
     * block they fill (a signature recorded without a block fills the first block not otherwise filled).
     */
    static Map<String, Entry> signatures(CaseState c, String formId, int stage) {
        Map<String, Entry> out = new java.util.LinkedHashMap<>();
        Entry version = FormFiller.latestVersion(c, formId, stage).orElse(null);
        if (version == null) {
            return out;
        }
        var def = c.entries().stream().filter(e -> e.type() == EntryType.FORM_SIGNED
                && version.id().toString().equals(e.get(uk.resolve.domain.escalation.EntryText.ENTRY))).toList();
        for (Entry e : def) {
            String block = e.get(uk.resolve.domain.escalation.EntryText.BLOCK);
            if (block != null) {
                out.putIfAbsent(block, e);
            }
        }
        return out;
    }

    /** "Sam Lee, Manager, Riverside School, 2 Feb 2026, 09:00 · record entry 1a2b3c4d". */
    private static String signedLine(Entry sig, java.util.function.UnaryOperator<String> names) {
        List<String> parts = new ArrayList<>();
        parts.add(names.apply(sig.author()));
        String role = sig.get(uk.resolve.domain.escalation.EntryText.SIGNER_ROLE);
        String agency = sig.get(uk.resolve.domain.escalation.EntryText.SIGNER_AGENCY);
        if (role != null) {
            parts.add(role);
        }
        if (agency != null && !agency.isBlank()) {
            parts.add(agency);
        }
        parts.add(UkTime.format(sig.writtenAt()));
        return "Signed in Resolve by " + String.join(", ", parts) + " · record entry "
                + sig.id().toString().substring(0, 8);
    }

    private static String help(FormField f) {
        if (f.kind() == FieldKind.CHOICE) {
            String options = "Choose one: " + String.join(" / ", f.choices()) + ".";
            return f.help() == null ? options : f.help() + " " + options;
        }
        return f.help();
    }

    private static String safe(String value, AnonymityGuard guard) {
        return guard == null ? value : guard.redact(value);
    }

    private static String address(Contact c) {
        List<String> parts = new ArrayList<>();
        parts.add(c.name());
        if (c.role() != null) {
            parts.add(c.role());
        }
        if (c.organisation() != null && !c.organisation().equals(c.name())) {
            parts.add(c.organisation());
        }
        if (c.email() != null) {
            parts.add(c.email());
        }
        if (c.phone() != null) {
            parts.add(c.phone());
        }
        return String.join(", ", parts);
    }

    /**
     * The case's chronology for the child's file: every entry in the order it happened, each
     * correction beside the entry it corrects (which stays as first written), and the approvals.
     */
    public static PdfDocument chronology(CaseState c, Policy policy, String author, LocalDate date) {
        return chronology(c, policy, author, date, n -> n);
    }

    /** @param names a person's display name from their sign-in name (the sign-in name when unknown) */
    public static PdfDocument chronology(CaseState c, Policy policy, String author, LocalDate date,
                                         java.util.function.UnaryOperator<String> names) {
        CaseDetails d = c.details();
        List<Block> blocks = new ArrayList<>();
        List<Pair> details = new ArrayList<>();
        details.add(new Pair("Child", d.childRef() + (d.childName() == null ? "" : " — " + d.childName())
                + (d.childStatus() == null ? "" : " (" + d.childStatus().label() + ")")));
        details.add(new Pair("Procedure", policy.name() + " (version " + c.policyVersion() + ")"));
        details.add(new Pair("Raised by", d.raisedBy() + ", " + d.raisedAgency()));
        details.add(new Pair("About the decision of", d.otherAgency()
                + (d.otherProfessional() == null ? "" : " (" + d.otherProfessional() + ")")));
        details.add(new Pair("Category", d.category()));
        details.add(new Pair("Status", c.stageHeading() + "; " + c.status().code()
                + (c.resolution() == null ? "" : " on " + UkTime.format(c.resolution().at()))));
        details.add(new Pair("Case number", c.id().toString()));
        details.add(new Pair("Printed", UkTime.formatDate(date) + " by " + author));
        blocks.add(new PdfDocument.Details(details));
        blocks.add(new PdfDocument.Paragraph("Every entry in the case record, in the order the events happened."
                + " Entries are never changed: a correction is shown beside the entry it corrects, which stays as"
                + " first written. Times are UK local time.", true));
        blocks.add(new PdfDocument.Heading("Chronology"));
        for (ChronologyItem item : c.chronology()) {
            // The entry as the workspace words it (EntryView), laid out for paper.
            EntryView v = item.view();
            String heading = UkTime.format(v.happenedAt()) + "  ·  Stage " + v.stage() + "  ·  " + v.kind();
            String meta = "Recorded by " + v.author() + " on " + UkTime.format(v.writtenAt())
                    + (v.recordedLater() ? " (recorded later)" : "") + "  ·  entry " + v.entryId().toString().substring(0, 8);
            List<String> body = new ArrayList<>();
            body.add(v.what());
            v.details().forEach(l -> body.add(l.text()));
            List<PdfDocument.Note> notes = new ArrayList<>();
            for (EntryView.Note n : v.corrections()) {
                notes.add(new PdfDocument.Note(n.heading(), n.text()));
            }
            for (EntryView.Note n : v.approvals()) {
                notes.add(new PdfDocument.Note(n.heading(), n.text().isEmpty() ? null : n.text()));
            }
            blocks.add(new PdfDocument.Item(heading, meta,
                    String.join("\n", body.stream().filter(x -> !x.isBlank()).toList()), notes));
        }
        if (c.chronology().isEmpty()) {
            blocks.add(new PdfDocument.Paragraph("No entries.", false));
        }
        List<Attachment> attachments = Attachment.of(c.entries());
        if (!attachments.isEmpty()) {
            // an index of the documents on the record; the documents themselves are kept in Resolve
            blocks.add(new PdfDocument.Heading("Documents on the record"));
            List<Pair> index = new ArrayList<>();
            for (Attachment a : attachments) {
                index.add(new Pair(a.number() + ". " + a.describe(), "Attached by " + names.apply(a.author()) + " on "
                        + UkTime.format(a.writtenAt()) + (a.note().isBlank() ? "" : ". " + a.note())
                        + ". SHA-256 " + a.sha256()));
            }
            blocks.add(new PdfDocument.Details(index));
        }
        return new PdfDocument(CHRONOLOGY_TITLE, policy.partnership(), d.childRef(), c.policyVersion(), author, false,
                blocks);
    }

    /**
     * A file name that says what the document is, by Resolve's case number and never by anything about the child
     * (file names show in folders, recent-file lists and mail attachments): {@code appendix-a_1a2b3c4d_2026-12-21.pdf}.
     */
    public static String fileName(String documentId, java.util.UUID caseId, LocalDate date) {
        return slug(documentId) + "_" + caseId.toString().substring(0, 8) + "_" + date + ".pdf";
    }

    private static String slug(String s) {
        String out = s.strip().replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[-.]+|[-.]+$", "");
        return out.isEmpty() ? "case" : out;
    }
}
