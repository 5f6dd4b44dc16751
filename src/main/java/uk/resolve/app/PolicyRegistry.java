/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.policy.Policy;
import uk.resolve.policy.PolicyFileException;
import uk.resolve.policy.PolicyLoader;
import uk.resolve.domain.audit.AuditAction;
import uk.resolve.security.Actor;
import uk.resolve.security.Permission;
import uk.resolve.store.SettingsStore;
import uk.resolve.store.SettingsStore.ImportedPolicy;

/**
 * The procedures this installation knows: those bundled with Resolve and those users have
 * imported. Every version is kept, because a case follows the version it was opened under.
 */
public final class PolicyRegistry {

    /** The setting holding the id of the procedure new cases use by default. */
    public static final String DEFAULT_POLICY = "policy.default";

    /** A procedure and where it came from. */
    public record Known(Policy policy, boolean bundled, String source) {
    }

    /**
     * Procedures already parsed in this process, by name and text: the same text always reads as the
     * same (immutable) procedure, and parsing the bundled ones was most of the time signing in took.
     */
    private static final java.util.Map<String, Policy> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private final SettingsStore settings;
    private final Clock clock;
    private volatile List<Known> known;

    private Actor actor;
    private AuditLog audit;

    public PolicyRegistry(SettingsStore settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Every procedure, latest version of each first imported-over-bundled, sorted by name. */
    public List<Known> all() {
        List<Known> k = known;
        if (k == null) {
            synchronized (this) {
                if (known == null) {
                    known = load();
                }
                k = known;
            }
        }
        return k;
    }

    /** The latest version of each procedure. */
    public List<Policy> latest() {
        List<Policy> out = new ArrayList<>();
        for (Known k : all()) {
            if (out.stream().noneMatch(p -> p.id().equals(k.policy().id()))) {
                out.add(latest(k.policy().id()).orElseThrow());
            }
        }
        out.sort(Comparator.comparing(Policy::shortName, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** The newest version of procedure {@code id}: an imported one wins over the bundled one. */
    public Optional<Policy> latest(String id) {
        List<Known> versions = all().stream().filter(k -> k.policy().id().equals(id)).toList();
        return versions.stream().filter(k -> !k.bundled()).reduce((a, b) -> b)
                .or(() -> versions.stream().filter(Known::bundled).findFirst())
                .map(Known::policy);
    }

    /** Procedure {@code id} as it was at {@code version}, or its latest version when that one is unknown here. */
    public Policy forCase(String id, String version) {
        return all().stream().filter(k -> k.policy().id().equals(id) && k.policy().version().equals(version))
                .map(Known::policy).reduce((a, b) -> b)
                .or(() -> latest(id))
                .orElseThrow(() -> new RuleViolation("This case follows the procedure '" + id + "', which is not"
                        + " installed here. Import its procedure file (Procedures, Import) and open the case again."));
    }

    /** The procedure {@code id}, or a message listing those there are. */
    public Policy require(String id) {
        return latest(id).orElseThrow(() -> new RuleViolation("There is no procedure with the id '" + id
                + "'. Known procedures: " + String.join(", ", latest().stream().map(Policy::id).toList())
                + ". Run 'resolve policy list' to see them."));
    }

    public Optional<Policy> defaultPolicy() {
        return settings.get(DEFAULT_POLICY).flatMap(this::latest);
    }

    /** Makes {@code id} the procedure a new escalation starts with (administrators; written to the audit log). */
    public void setDefault(String id) {
        requireAdministrator();
        require(id);
        settings.put(DEFAULT_POLICY, id);
        if (audit != null) {
            audit.record(AuditAction.SETTINGS_CHANGED, DEFAULT_POLICY, id);
        }
    }

    /** Makes imports and the default procedure administrators' business, written to the audit log. */
    void guard(Actor actor, AuditLog audit) {
        this.actor = actor;
        this.audit = audit;
    }

    private void requireAdministrator() {
        if (actor != null) {
            actor.require(Permission.MANAGE_SETTINGS);
        }
    }

    /** Validates a procedure file and, if it is sound, adds it. Nothing is stored from a broken file. */
    public Policy importFile(Path file, String importedBy) throws PolicyFileException {
        requireAdministrator();
        Policy p = PolicyLoader.load(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean clashesWithBundled = all().stream()
                .anyMatch(k -> k.bundled() && k.policy().id().equals(p.id()) && k.policy().version().equals(p.version()));
        if (clashesWithBundled) {
            throw new RuleViolation("Version " + p.version() + " of '" + p.id() + "' is bundled with Resolve already."
                    + " To change it, give the file a new version.");
        }
        settings.saveImportedPolicy(new ImportedPolicy(p.id(), p.version(), text, clock.instant(), importedBy));
        synchronized (this) {
            known = null;
        }
        if (audit != null) {
            audit.record(AuditAction.PROCEDURE_IMPORTED, p.id() + " " + p.version(), file.getFileName().toString());
        }
        return p;
    }

    private List<Known> load() {
        List<Known> out = new ArrayList<>();
        for (String name : bundledNames()) {
            String text = resource("/policies/" + name);
            try {
                out.add(new Known(parse(text, name), true, text));
            } catch (PolicyFileException e) {
                throw new IllegalStateException("A procedure bundled with Resolve is broken: " + e.getMessage(), e);
            }
        }
        for (ImportedPolicy ip : settings.importedPolicies()) {
            try {
                out.add(new Known(parse(ip.source(), ip.id() + " " + ip.version()), false, ip.source()));
            } catch (PolicyFileException e) {
                // Stored only after validation, so a failure means a newer format; skip it rather than stop.
                org.slf4j.LoggerFactory.getLogger(PolicyRegistry.class).warn("Skipping imported procedure: {}", e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    private static Policy parse(String text, String name) throws PolicyFileException {
        String key = name + "\n" + text;
        Policy p = PARSED.get(key);
        if (p == null) {
            p = PolicyLoader.load(text, name);
            PARSED.putIfAbsent(key, p);
        }
        return p;
    }

    /**
     * Parses the procedures bundled with Resolve ahead of need (the window does it on a background
     * thread while someone types their password), so that signing in does not wait for them. A broken
     * one is left for the registry to report when it loads it.
     */
    public static void prepareBundled() {
        for (String name : bundledNames()) {
            try {
                parse(resource("/policies/" + name), name);
            } catch (PolicyFileException | RuntimeException e) {
                // reported, in the application's words, when a registry loads it
            }
        }
    }

    private static List<String> bundledNames() {
        return resource("/policies/bundled.txt").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String resource(String path) {
        try (InputStream in = PolicyRegistry.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Resolve is incomplete: " + path + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
