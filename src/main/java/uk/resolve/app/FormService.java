/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import uk.resolve.domain.escalation.CaseCommands;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.FormStatus;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.time.UkTime;
import uk.resolve.forms.FilledForm;
import uk.resolve.forms.FormDocuments;
import uk.resolve.forms.FormFiller;
import uk.resolve.domain.audit.AuditAction;
import uk.resolve.pdf.PdfDocument;
import uk.resolve.pdf.PdfRenderer;

import static uk.resolve.domain.escalation.EntryText.FORM;
import static uk.resolve.domain.escalation.EntryText.STAGE;
import static uk.resolve.domain.escalation.EntryText.VERSION;

/**
 * The procedure's forms for a case: which are due and done, filling one from the case, saving a
 * completed one in the case record (a new version when it is updated at a later stage) and making
 * its PDF; and the case chronology. Safe to call from any thread but the JavaFX application thread.
 */
public final class FormService {

    /**
     * A form for a case, as listed for the user.
     *
     * @param formId      the form's id ({@link FormDocuments#CHRONOLOGY} for the chronology)
     * @param title       its title
     * @param stage       the stage it is due at (0 for the chronology)
     * @param action      "complete", "update", or "any time" for the chronology
     * @param completedAt when the version for that stage was completed, or null
     * @param version     that version's number, or 0
     */
    public record Listed(String formId, String title, int stage, String action, Instant completedAt, int version) {

        public boolean done() {
            return completedAt != null;
        }
    }

    /**
     * A document ready to write or print.
     *
     * @param fileName what to call it ({@code appendix-a_<case number>_<date>.pdf}, never the child's reference)
     * @param pdf      its bytes
     */
    public record Rendered(String fileName, byte[] pdf, String subject) {
    }

    private final CaseService cases;
    private final PdfRenderer renderer;
    private final AuditLog audit;

    public FormService(CaseService cases, PdfRenderer renderer, AuditLog audit) {
        this.cases = cases;
        this.renderer = renderer;
        this.audit = audit;
    }

    /** Readies the PDF engine (its fonts) in advance, for those who work on cases. Blocking. */
    public void prepare() {
        if (cases.actor().may(uk.resolve.security.Permission.WORK_ON_CASES)) {
            PdfRenderer.prepare();
        }
    }

    /** Writes to the audit log that the document {@code subject} ({@link Rendered#subject}) was sent to a printer. */
    public void printed(String subject) {
        audit.record(AuditAction.FORM_PRINTED, subject, "");
    }

    /** The forms due and done on the case, in stage order, then its chronology. */
    public List<Listed> list(UUID caseId) {
        CaseState c = cases.get(caseId);
        List<Listed> out = new ArrayList<>();
        for (FormStatus f : c.forms()) {
            int version = f.entryId() == null ? 0 : c.entry(UUID.fromString(f.entryId()))
                    .map(e -> e.intValue(VERSION, 1)).orElse(0);
            out.add(new Listed(f.form(), f.title(), f.stage(), f.action(), f.completedAt(), version));
        }
        out.add(new Listed(FormDocuments.CHRONOLOGY, FormDocuments.CHRONOLOGY_TITLE, 0, "any time", null, 0));
        return out;
    }

    /** The procedure's definition of {@code formId}, or a message listing the forms it has. */
    public FormDefinition definition(UUID caseId, String formId) {
        CaseState c = cases.get(caseId);
        return definition(cases.policyOf(c), formId);
    }

    private static FormDefinition definition(Policy policy, String formId) {
        return policy.form(formId).orElseThrow(() -> new RuleViolation("The " + policy.shortName()
                + " procedure has no form '" + formId + "'. Its forms are: "
                + String.join(", ", formIds(policy)) + "."));
    }

    private static List<String> formIds(Policy policy) {
        List<String> ids = new ArrayList<>(policy.forms().stream().map(FormDefinition::id).toList());
        ids.add(FormDocuments.CHRONOLOGY);
        return ids;
    }

    /**
     * The stage a form is filled for when none is named: the latest stage at which it is due and
     * not yet done, else the latest stage at which it was due, else the case's stage.
     */
    public int defaultStage(UUID caseId, String formId) {
        CaseState c = cases.get(caseId);
        List<FormStatus> due = c.forms().stream().filter(f -> f.form().equals(formId)).toList();
        return due.stream().filter(f -> !f.completed()).mapToInt(FormStatus::stage).max()
                .orElse(due.stream().mapToInt(FormStatus::stage).max().orElse(c.stage()));
    }

    /**
     * Fills {@code formId} from the case for {@code stage} (0: {@link #defaultStage}), with the
     * user's answers over the pre-filled ones.
     */
    public FilledForm fill(UUID caseId, String formId, int stage, Map<String, String> userValues) {
        CaseState c = cases.get(caseId);
        return fill(c, cases.policyOf(c), formId, stage <= 0 ? defaultStage(caseId, formId) : stage, userValues);
    }

    private FilledForm fill(CaseState c, Policy policy, String formId, int stage, Map<String, String> userValues) {
        FormDefinition def = definition(policy, formId);
        if (stage > c.lastStage()) {
            throw new RuleViolation("The " + policy.shortName() + " procedure has " + c.lastStage()
                    + " stages; there is no stage " + stage + ".");
        }
        return new FormFiller(cases.calendar()).fill(def, policy, c, stage, userValues, cases.displayName(cases.author()), cases.now());
    }

    /**
     * Saves the completed form in the case record as a new version, after filling it again from the
     * case as it is now. Refuses, saying why, when anything required is missing or invalid, or when
     * an anonymous form would identify the child. Saving the same answers again for the same
     * stage adds nothing.
     */
    public CaseState complete(UUID caseId, String formId, int stage, Map<String, String> userValues) {
        return cases.append(caseId, (c, policy) -> {
            FilledForm form = fill(c, policy, formId, stage <= 0 ? defaultStage(caseId, formId) : stage, userValues);
            if (!form.complete()) {
                throw new RuleViolation("The " + form.definition().title() + " cannot be finalised yet. "
                        + form.problemSummary());
            }
            Optional<Entry> same = FormFiller.latestVersion(c, formId, form.stage())
                    .filter(e -> e.intValue(STAGE, 0) == form.stage() && answers(e).equals(form.answers()));
            if (same.isPresent()) {
                return List.of();
            }
            return List.of(new CaseCommands(cases.author(), cases.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                    .completeForm(c, formId, form.stage(), form.version(), form.answers()));
        });
    }

    /**
     * The manager signs the latest completed version of the form for {@code stage} (a monitoring
     * form "signed by the managers"): recorded in the case, attached to that version. Managers only.
     */
    public CaseState sign(UUID caseId, String formId, int stage, String note) {
        cases.actor().require(uk.resolve.security.Permission.APPROVE_RECORDS);
        return cases.append(caseId, (c, policy) -> {
            FormDefinition def = definition(policy, formId);
            if (def.signatures().isEmpty()) {
                throw new RuleViolation("The " + def.title() + " has no signature to sign.");
            }
            int s = stage <= 0 ? defaultStage(caseId, formId) : stage;
            Entry version = FormFiller.latestVersion(c, formId, s).orElseThrow(() -> new RuleViolation(
                    "The " + def.title() + " has not been completed for stage " + s + " yet; complete it first."));
            boolean already = c.entries().stream().anyMatch(e -> e.type() == EntryType.FORM_SIGNED
                    && version.id().toString().equals(e.get(uk.resolve.domain.escalation.EntryText.ENTRY)) && e.author().equalsIgnoreCase(cases.author()));
            if (already) {
                return List.of();
            }
            List<String> filled = c.entries().stream().filter(e -> e.type() == EntryType.FORM_SIGNED
                    && version.id().toString().equals(e.get(uk.resolve.domain.escalation.EntryText.ENTRY)))
                    .map(e -> e.get(uk.resolve.domain.escalation.EntryText.BLOCK)).toList();
            List<uk.resolve.domain.policy.SignatureBlock> open = def.signatures().stream()
                    .filter(b -> !filled.contains(b.id())).toList();
            if (open.isEmpty()) {
                throw new RuleViolation("Every signature block of the " + def.title() + " is already signed.");
            }
            // The block whose typed name is the signer's, else the first still to sign.
            String display = cases.displayName(cases.author());
            var block = open.stream().filter(b -> {
                String typed = version.get(FormFiller.FIELD_PREFIX + b.fieldId("name"), "").strip();
                return cases.author().equalsIgnoreCase(typed) || display.equalsIgnoreCase(typed);
            }).findFirst()
                    .orElse(open.get(0));
            var actor = cases.actor();
            return List.of(new CaseCommands(cases.author(), cases.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                    .signForm(c, version.id(), block.id(), block.title(), actor.role().label(), actor.team(), note));
        });
    }

    private static Map<String, String> answers(Entry e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.data().forEach((k, v) -> {
            if (k.startsWith(FormFiller.FIELD_PREFIX)) {
                out.put(k.substring(FormFiller.FIELD_PREFIX.length()), v);
            }
        });
        return out;
    }

    /** The versions of {@code formId} saved in the case record, oldest first. */
    public List<Entry> versions(UUID caseId, String formId) {
        return cases.get(caseId).entries().stream()
                .filter(e -> e.type() == EntryType.FORM_COMPLETED && formId.equals(e.get(FORM))).toList();
    }

    /**
     * The PDF of a filled form.
     *
     * @param draft    render even when incomplete, marking the gaps (anonymous forms stay anonymous)
     * @param archival make it PDF/A-2b
     * @throws RuleViolation when it is not a draft and the form is incomplete
     */
    public Rendered render(FilledForm form, boolean draft, boolean archival) {
        if (!draft && !form.complete()) {
            throw new RuleViolation("The " + form.definition().title() + " cannot be finalised yet. "
                    + form.problemSummary() + " Fill them in, or make a draft.");
        }
        return render(form, cases.get(form.caseId()), draft, archival);
    }

    private Rendered render(FilledForm form, CaseState c, boolean draft, boolean archival) {
        PdfDocument doc = FormDocuments.form(form, c, cases.displayName(cases.author()), draft, cases::displayName);
        String name = FormDocuments.fileName(form.definition().id() + (draft && !form.complete() ? "-draft" : ""),
                form.caseId(), form.date());
        return new Rendered(name, renderer.render(doc, archival, cases.now()),
                form.caseId() + " " + form.definition().id() + (draft ? " (draft)" : ""));
    }

    /**
     * The PDF of the latest version of {@code formId} completed for {@code stage} (0: {@link #defaultStage}),
     * filled again from the case with that version's answers, or empty when none has been completed.
     */
    public Optional<FilledForm> completedVersion(UUID caseId, String formId, int stage) {
        CaseState c = cases.get(caseId);
        Policy policy = cases.policyOf(c);
        int s = stage <= 0 ? defaultStage(caseId, formId) : stage;
        return FormFiller.latestVersion(c, formId, s).filter(e -> e.intValue(STAGE, 0) == s)
                .map(e -> fill(c, policy, formId, s, answers(e)));
    }

    /** The case chronology for the child's file. */
    public Rendered chronology(UUID caseId, boolean archival) {
        CaseState c = cases.get(caseId);
        var today = UkTime.date(cases.now());
        PdfDocument doc = FormDocuments.chronology(c, cases.policyOf(c), cases.displayName(cases.author()), today, cases::displayName);
        return new Rendered(FormDocuments.fileName(FormDocuments.CHRONOLOGY, c.id(), today),
                renderer.render(doc, archival, cases.now()), caseId + " " + FormDocuments.CHRONOLOGY);
    }

    /**
     * A form being edited: the case and procedure read once, so that each keystroke can be
     * checked in memory without touching the database.
     */
    public final class Editing {
        private final CaseState state;
        private final Policy policy;
        private final FormDefinition definition;
        private final int stage;

        private Editing(CaseState state, Policy policy, FormDefinition definition, int stage) {
            this.state = state;
            this.policy = policy;
            this.definition = definition;
            this.stage = stage;
        }

        /** The form, or null for the chronology, which has nothing to fill in. */
        public FormDefinition definition() {
            return definition;
        }

        public int stage() {
            return stage;
        }

        public CaseState state() {
            return state;
        }

        /** The PDF of {@code form} from the case as read when editing began (no database read). */
        public Rendered render(FilledForm form, boolean draft) {
            return FormService.this.render(form, state, draft, false);
        }

        /** Fills the form with {@code userValues} over the pre-filled answers; in memory only. */
        public FilledForm fill(Map<String, String> userValues) {
            return FormService.this.fill(state, policy, definition.id(), stage, userValues);
        }
    }

    /** Starts editing {@code formId} (or the chronology) for {@code stage} (0: {@link #defaultStage}). */
    public Editing edit(UUID caseId, String formId, int stage) {
        CaseState c = cases.get(caseId);
        Policy policy = cases.policyOf(c);
        if (FormDocuments.CHRONOLOGY.equals(formId)) {
            return new Editing(c, policy, null, c.stage());
        }
        FormDefinition def = definition(policy, formId);
        int s = stage <= 0 ? defaultStage(caseId, formId) : stage;
        fill(c, policy, formId, s, Map.of());
        return new Editing(c, policy, def, s);
    }

    /** Writes a rendered document to {@code file}, whole or not at all. */
    public Path write(Rendered rendered, Path file) throws IOException {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = java.nio.file.Files.createTempFile(file.toAbsolutePath().getParent(), ".resolve-", ".tmp");
        try {
            java.nio.file.Files.write(tmp, rendered.pdf());
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
        audit.record(AuditAction.FORM_SAVED, rendered.subject(), "");
        return file;
    }
}
