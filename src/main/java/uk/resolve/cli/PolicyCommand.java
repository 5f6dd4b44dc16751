/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import uk.resolve.app.PolicyRegistry;
import uk.resolve.app.Services;
import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.NotificationRule;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.domain.policy.Track;
import uk.resolve.policy.PolicyFileException;
import uk.resolve.policy.PolicyLoader;

/** {@code resolve policy …}: the procedures. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "List, show, validate and import procedures.",
        subcommands = {PolicyCommand.ListCmd.class, PolicyCommand.Show.class, PolicyCommand.Validate.class,
                PolicyCommand.Import.class, PolicyCommand.Default.class})
final class PolicyCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the procedures installed here.")
    static final class ListCmd extends Cli.DbCommand {
        @Option(names = "--json", description = "Print JSON: [{id, name, partnership, version}].")
        boolean json;

        @Override
        int run(Services s) throws Exception {
            List<Policy> policies = s.policies().latest();
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Policy p : policies) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", p.id());
                    m.put("name", p.name());
                    m.put("partnership", p.partnership());
                    m.put("version", p.version());
                    out.add(m);
                }
                out().println(Json.write(out));
                return 0;
            }
            String def = s.policies().defaultPolicy().map(Policy::id).orElse("");
            for (Policy p : policies) {
                out().printf("%-20s %s — %s (version %s)%s%n", p.id(), p.shortName(), p.name(), p.version(),
                        p.id().equals(def) ? "  [default]" : "");
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a procedure's stages, timescales and contacts.")
    static final class Show extends Cli.DbCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run(Services s) {
            Policy p = s.policies().require(id);
            var out = out();
            out.println(p.name());
            out.println(p.partnership() + " — version " + p.version());
            if (p.summary() != null) {
                out.println();
                out.println(p.summary());
            }
            out.println();
            out.println("Covers: " + String.join(", ", p.scope().childStatuses().stream().map(x -> x.label()).sorted().toList())
                    + (p.scope().adultsAtRisk() ? "; adults at risk" : ""));
            out.println("Categories: " + String.join("; ", p.categories().stream().map(c -> c.label()).toList()));
            out.println("Immediate risk: " + p.immediateRisk().instruction());
            for (Track t : p.tracks()) {
                out.println();
                out.println("Track '" + t.id() + "': " + t.name());
                t.budgets().forEach(b -> out.println("  Shared timescale: " + b.label() + " — " + b.within().describe()
                        + " " + b.from().describe() + ", stages " + b.stages()));
                for (Stage st : t.stages()) {
                    out.println("  " + st.heading());
                    for (DeadlineRule d : st.deadlines()) {
                        out.println("    within " + d.within().describe() + " " + d.from().describe() + ": " + d.label());
                    }
                    for (NotificationRule n : st.notifications()) {
                        out.println("    notify " + n.to() + (n.when().isAlways() ? "" : " (when " + condition(n) + ")")
                                + ": " + n.purpose());
                    }
                    st.forms().forEach(f -> out.println("    form: " + p.form(f.form()).map(x -> x.title()).orElse(f.form())
                            + " (" + f.action() + ", on " + f.on().code() + ")"));
                }
            }
            out.println();
            out.println("Final arbiter: " + p.finalArbiter().title() + (p.finalArbiter().binding() ? " (decision binding)" : ""));
            if (!p.contacts().isEmpty()) {
                out.println();
                out.println("Contacts:");
                for (Contact c : p.contacts()) {
                    out.println("  " + c.name() + (c.role() == null ? "" : ", " + c.role())
                            + (c.email() == null ? "" : " <" + c.email() + ">") + (c.phone() == null ? "" : " " + c.phone()));
                }
            }
            return 0;
        }

        private static String condition(NotificationRule n) {
            List<String> parts = new ArrayList<>();
            if (!n.when().childStatusIn().isEmpty()) {
                parts.add(String.join(" or ", n.when().childStatusIn().stream().map(x -> x.label().toLowerCase()).sorted().toList()));
            }
            if (n.when().immediateRisk() != null) {
                parts.add(n.when().immediateRisk() ? "immediate risk" : "no immediate risk");
            }
            return String.join(", ", parts);
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a procedure file and list every problem in it. Changes nothing.")
    static final class Validate implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new UserError("There is no file " + file + ". Check the path.");
            }
            try {
                Policy p = PolicyLoader.load(file);
                spec.commandLine().getOut().println(file + " is a valid procedure: " + p.id() + " (" + p.shortName()
                        + ", version " + p.version() + "), " + p.tracks().size() + " track(s), "
                        + p.defaultTrack().lastStage() + " stages.");
                return 0;
            } catch (PolicyFileException e) {
                spec.commandLine().getErr().println(e.getMessage());
                throw new UserError(file + " is not a valid procedure file: " + e.problems().size()
                        + (e.problems().size() == 1 ? " problem" : " problems") + " (listed above). Correct them and validate again.");
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Validate a procedure file and add it.")
    static final class Import extends Cli.DbCommand {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        int run(Services s) throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new UserError("There is no file " + file + ". Check the path.");
            }
            try {
                Policy p = s.policies().importFile(file, s.cases().author());
                out().println("Imported " + p.id() + " (" + p.shortName() + ", version " + p.version() + ").");
                return 0;
            } catch (PolicyFileException e) {
                spec.commandLine().getErr().println(e.getMessage());
                throw new UserError(file + " was not imported: it has " + e.problems().size()
                        + (e.problems().size() == 1 ? " problem" : " problems") + " (listed above). Correct them and import again.");
            }
        }
    }

    @Command(name = "default", mixinStandardHelpOptions = true, description = "Choose the procedure new cases use by default.")
    static final class Default extends Cli.DbCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run(Services s) {
            s.policies().setDefault(id);
            out().println("New cases will follow " + id + " unless you choose another.");
            return 0;
        }
    }

    private PolicyCommand() {
    }

}
