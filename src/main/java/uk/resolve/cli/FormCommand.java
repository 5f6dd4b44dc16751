/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import uk.resolve.app.FormService;
import uk.resolve.domain.escalation.FormStatus;
import uk.resolve.app.Services;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.time.UkTime;
import uk.resolve.forms.FilledForm;
import uk.resolve.forms.FormDocuments;

/**
 * {@code resolve form ID FORM-ID --out FILE.pdf}: fill a procedure's form from a case and write its
 * PDF (recording a final form in the case record); {@code resolve form list ID}: the forms due and
 * done.
 */
@Command(name = "form", mixinStandardHelpOptions = true,
        description = {"Fill a form from a case and write it as a PDF. A final form is saved in the case record"
                + " as a new version; one with required fields missing is refused unless --draft.",
                "Use 'form list ID' to see the forms due and done for a case; 'chronology' is always available.",
                "Managers sign a completed form with 'form sign ID FORM-ID'."},
        subcommands = {FormCommand.ListCmd.class, FormCommand.SignCmd.class})
final class FormCommand extends Cli.DbCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The case id (or its first characters).")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FORM-ID", description = "The form's id, e.g. appendix-a, or chronology.")
    String formId;

    @Option(names = "--out", paramLabel = "FILE.pdf",
            description = "Where to write the PDF; a folder takes the form's own file name.")
    Path out;

    @Option(names = "--draft", description = "Write it even with required fields missing, marking the gaps;"
            + " nothing is recorded.")
    boolean draft;

    @Option(names = "--stage", paramLabel = "N", description = "The stage it is for (default: the stage it is due at).")
    int stage;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "An answer; repeat for each field."
            + " FIELD=- reads the answer from standard input.")
    List<String> set = List.of();

    @Option(names = "--set-file", paramLabel = "FIELD=PATH", description = "An answer read from a file (UTF-8),"
            + " keeping it off the command line; repeat for each field.")
    List<String> setFile = List.of();

    @Option(names = "--archival", description = "Write an archival PDF/A-2b copy.")
    boolean archival;

    @Option(names = "--eml", paramLabel = "FILE.eml", description = "Also write an e-mail draft (opens in Outlook as"
            + " unsent) to the procedure's contact for the form, with the PDF attached.")
    Path eml;

    @Override
    int run(Services s) throws IOException {
        if (id == null || formId == null || (out == null && eml == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Give the case id, the form id and --out FILE.pdf (or --eml FILE.eml), for example: form 1a2b"
                            + " appendix-a --out a.pdf");
        }
        if (eml != null && (draft || formId.equals(FormDocuments.CHRONOLOGY))) {
            throw new UserError("--eml: only a completed form of the procedure can be e-mailed"
                    + (draft ? ", not a draft. Leave out --draft." : "; the chronology stays on the child's file."));
        }
        UUID caseId = s.cases().findId(id);
        FormService forms = s.forms();
        PrintWriter o = out();
        if (formId.equals(FormDocuments.CHRONOLOGY)) {
            FormService.Rendered r = forms.chronology(caseId, archival);
            o.println("Wrote " + forms.write(r, target(r)));
            return 0;
        }
        FormDefinition def = forms.definition(caseId, formId);
        Map<String, String> values = values(def);
        FilledForm form = forms.fill(caseId, formId, stage, values);
        if (!draft && !form.complete()) {
            throw new UserError(formId + ": cannot finalise. " + form.problemSummary() + " Give them with --set"
                    + " FIELD=VALUE (field ids: " + String.join(", ", missingIds(form)) + "), or use --draft.");
        }
        if (!draft) {
            CaseState before = s.cases().get(caseId);
            CaseState after = forms.complete(caseId, formId, form.stage(), values);
            if (after.entries().size() > before.entries().size()) {
                o.println("Recorded " + def.title() + " (stage " + form.stage() + ", version " + form.version()
                        + ") in the case record.");
            } else {
                o.println("The case record already holds this version of " + def.title() + " for stage "
                        + form.stage() + ".");
            }
        }
        if (out != null) {
            FormService.Rendered r = forms.render(form, draft, archival);
            o.println("Wrote " + forms.write(r, target(r)));
        }
        if (eml != null) {
            var mail = s.mailDrafts().formDraft(caseId, formId, form.stage());
            o.println(s.mailDrafts().write(caseId, mail, eml).message());
        }
        if (draft && !form.complete()) {
            o.println("Draft: " + form.problemSummary());
        }
        return 0;
    }

    private Path target(FormService.Rendered r) {
        return java.nio.file.Files.isDirectory(out) ? out.resolve(r.fileName()) : out;
    }

    private Map<String, String> values(FormDefinition def) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> ids = def.valueIds();
        boolean stdinUsed = false;
        List<String[]> given = new java.util.ArrayList<>();
        for (String pair : set) {
            given.add(new String[] {"--set", pair});
        }
        for (String pair : setFile) {
            given.add(new String[] {"--set-file", pair});
        }
        for (String[] g : given) {
            String option = g[0];
            String pair = g[1];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                // the value is not quoted back: it may be about a child
                throw new UserError(option + ": an answer is not " + (option.equals("--set") ? "FIELD=VALUE" : "FIELD=PATH")
                        + "; for example " + option + " role=" + (option.equals("--set") ? "\"Head of Service\"." : "role.txt."));
            }
            String field = pair.substring(0, eq).strip();
            if (!ids.contains(field)) {
                throw new UserError(option + ": the form '" + def.id() + "' has no field '" + field + "'. Its fields are: "
                        + String.join(", ", ids) + ".");
            }
            String value = pair.substring(eq + 1);
            if (option.equals("--set-file")) {
                value = TextOptions.fromFile(option + " " + field, Path.of(value));
            } else if (value.equals(TextOptions.STDIN)) {
                if (stdinUsed) {
                    throw new UserError("Only one answer can be read from standard input; give the others with"
                            + " --set-file FIELD=PATH.");
                }
                stdinUsed = true;
                value = TextOptions.fromStdin("--set " + field, root().in);
            }
            values.put(field, value);
        }
        return values;
    }

    private static List<String> missingIds(FilledForm form) {
        return form.problems().stream().map(p -> p.fieldId()).distinct().toList();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The forms due and done for a case.")
    static final class ListCmd extends Cli.DbCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The case id (or its first characters).")
        String id;

        @Override
        int run(Services s) {
            UUID caseId = s.cases().findId(id);
            PrintWriter o = out();
            List<FormService.Listed> listed = s.forms().list(caseId);
            if (listed.size() == 1) {
                o.println("No forms are due on this case yet.");
            }
            for (FormService.Listed f : listed) {
                if (f.formId().equals(FormDocuments.CHRONOLOGY)) {
                    o.println("  " + f.formId() + "  " + f.title() + " (any time)");
                } else {
                    // in the screens' words: "Appendix A (stage 3): to be completed", never "complete: DUE"
                    o.println("  " + f.formId() + "  " + FormStatus.describe(f.title(), f.stage(), f.action(), f.done())
                            + (f.done() ? " " + UkTime.format(f.completedAt()) + " (version " + f.version() + ")" : ""));
                }
            }
            return 0;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Sign the latest completed version of a form as the manager (managers only).")
    static final class SignCmd extends Cli.DbCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The case id (or its first characters).")
        String id;

        @Parameters(index = "1", paramLabel = "FORM-ID", description = "The form's id, e.g. monitoring-form.")
        String formId;

        @Option(names = "--stage", paramLabel = "N", description = "The stage it is for (default: the stage it is due at).")
        int stage;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note with the signature.")
        String note;

        @Override
        int run(Services s) {
            UUID caseId = s.cases().findId(id);
            s.forms().sign(caseId, formId, stage, note);
            out().println("Signed the " + s.forms().definition(caseId, formId).title() + " as " + s.actor().name() + ".");
            return 0;
        }
    }
}
