/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.procedures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.resolve.app.CaseService;
import uk.resolve.app.PolicyRegistry;
import uk.resolve.app.UserMessages;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.DeadlineRule;
import uk.resolve.domain.policy.FormRule;
import uk.resolve.domain.policy.NotificationRule;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;
import uk.resolve.policy.PolicyFileException;
import uk.resolve.ui.support.Background;

/** Procedures: browse them, read each stage, import a file, choose the default. */
public final class ProceduresViewModel {

    /** A procedure in the list. */
    public record Item(Policy policy, boolean bundled, boolean isDefault) {
        public String label() {
            return policy.shortName() + (isDefault ? " (default)" : "") + "\nVersion " + policy.version()
                    + (bundled ? "" : " · imported");
        }
    }

    /** One stage, as words ready to show. */
    public record StageText(String heading, String guidance, List<String> lines) {
    }

    private final PolicyRegistry policies;
    private final CaseService cases;
    private final Background background;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<Item> selected = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    public ProceduresViewModel(PolicyRegistry policies, CaseService cases, Background background) {
        this.policies = policies;
        this.cases = cases;
        this.background = background;
    }

    public void load() {
        load(null);
    }

    private void load(String select) {
        background.run(() -> {
            String def = policies.defaultPolicy().map(Policy::id).orElse(null);
            List<Item> out = new ArrayList<>();
            for (Policy p : policies.latest()) {
                boolean bundled = policies.all().stream()
                        .anyMatch(k -> k.bundled() && k.policy().id().equals(p.id()) && k.policy().version().equals(p.version()));
                out.add(new Item(p, bundled, p.id().equals(def)));
            }
            return out;
        }, list -> {
            String keep = select != null ? select : selected.get() == null ? null : selected.get().policy().id();
            items.setAll(list);
            selected.set(list.stream().filter(i -> i.policy().id().equals(keep)).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
        }, error::set);
    }

    /** Makes the selected procedure the one new escalations start with. */
    public void makeDefault() {
        Item item = selected.get();
        if (item == null) {
            error.set("Choose a procedure in the list first.");
            return;
        }
        background.run(() -> {
            policies.setDefault(item.policy().id());
            return null;
        }, v -> {
            error.set("");
            message.set(item.policy().shortName() + " is now the default for new escalations.");
            load(item.policy().id());
        }, error::set);
    }

    /** Validates and imports a procedure file; a broken file's problems are listed one by one. */
    public void importFile(Path file) {
        problems.clear();
        error.set("");
        message.set("");
        background.runRaw(() -> {
            try {
                return policies.importFile(file, cases.author());
            } catch (PolicyFileException e) {
                throw new Broken(e);
            }
        }, p -> {
            message.set("Imported " + p.name() + " (" + p.shortName() + ", version " + p.version() + ").");
            load(p.id());
        }, this::failed);
    }

    /** Carries the validator's problems through the background worker. */
    private static final class Broken extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PolicyFileException cause;

        Broken(PolicyFileException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }
    }

    private void failed(Throwable t) {
        Throwable u = UserMessages.unwrap(t);
        if (u instanceof Broken b) {
            error.set("The file " + b.cause.source() + " was not imported: " + count(b.cause.problems().size())
                    + " to put right. Nothing has changed.");
            problems.setAll(b.cause.problems().stream().map(Object::toString).toList());
        } else {
            error.set(UserMessages.describe(u));
        }
    }

    private static String count(int n) {
        return n == 1 ? "1 problem" : n + " problems";
    }

    // ----- words for the details pane

    public static String scope(Policy p) {
        String statuses = p.scope().childStatuses().isEmpty() ? "all children"
                : p.scope().childStatuses().stream().sorted().map(ChildStatus::label).collect(Collectors.joining(", "));
        return "Covers: " + statuses + (p.scope().adultsAtRisk() ? "; also adults at risk." : "; not adults at risk.");
    }

    public static List<StageText> stages(Policy p, int track) {
        List<StageText> out = new ArrayList<>();
        var t = p.tracks().get(track);
        for (Stage s : t.stages()) {
            List<String> lines = new ArrayList<>();
            if (!s.participants().isEmpty()) {
                lines.add("Who takes part: " + String.join("; ", s.participants()));
            }
            for (DeadlineRule d : s.deadlines()) {
                lines.add("Timescale: " + d.label() + ", within " + d.within().describe() + " " + d.from().describe() + ".");
            }
            for (var b : t.budgets()) {
                if (b.stages().contains(s.number())) {
                    lines.add("Shared timescale: " + b.label() + ", within " + b.within().describe() + " " + b.from().describe() + ".");
                }
            }
            for (NotificationRule n : s.notifications()) {
                String when = n.when().childStatusIn().isEmpty() ? "" : " when the child's status is "
                        + n.when().childStatusIn().stream().sorted().map(ChildStatus::label).map(String::toLowerCase)
                        .collect(Collectors.joining(" or "));
                lines.add("Tell " + n.to() + when + " (" + n.within().describe() + "): " + n.purpose());
            }
            for (FormRule f : s.forms()) {
                String title = p.form(f.form()).map(x -> x.title()).orElse(f.form());
                lines.add("Form: " + title + " (" + f.action() + (f.on() == uk.resolve.domain.policy.Trigger.RESOLVED
                        ? " on resolution" : " at this stage") + ")");
            }
            for (String item : s.checklist()) {
                lines.add("☐ " + item);
            }
            for (String cid : s.contacts()) {
                p.contact(cid).ifPresent(c -> lines.add("Contact: " + contact(c)));
            }
            if (s.finalArbiter()) {
                lines.add("Final arbiter: " + p.finalArbiter().title() + (p.finalArbiter().binding() ? " (binding)" : " (not stated to be binding)"));
            }
            out.add(new StageText(s.heading(), s.guidance(), lines));
        }
        return out;
    }

    public static String contact(Contact c) {
        List<String> parts = new ArrayList<>();
        parts.add(c.name());
        for (String s : new String[] {c.role(), c.organisation(), c.email(), c.phone()}) {
            if (s != null && !s.isBlank() && !s.equals(c.name())) {
                parts.add(s);
            }
        }
        return String.join(" · ", parts);
    }

    public ObservableList<Item> items() {
        return items;
    }

    public ObjectProperty<Item> selectedProperty() {
        return selected;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<String> problems() {
        return problems;
    }
}
