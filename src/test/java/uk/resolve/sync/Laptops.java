/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.security.PersonKeys;
import uk.resolve.store.Database;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * Real databases standing for team members' laptops, and ways to look inside a shared file.
 *
 * <p>A test class registers one as an extension for a team of laptops in its temporary folder:
 * {@code @RegisterExtension final Laptops laptops = new Laptops(() -> dir, clock);} (the folder is
 * asked for when a laptop is made, after JUnit has filled the {@code @TempDir} field). Every
 * laptop it opens is closed after each test.
 */
final class Laptops implements AfterEachCallback {

    /** The team key the test laptops share. */
    static final TeamKey KEY = TeamKey.of(java.util.HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));

    private final Supplier<Path> dir;
    private final MutableClock clock;
    private final List<Services> open = new ArrayList<>();

    /** A team whose laptops live in the folder {@code dir} gives and run on {@code clock}. */
    Laptops(Supplier<Path> dir, MutableClock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeAll();
    }

    /** Closes laptop {@code s} now, so that its database file can be copied or opened by itself. */
    void close(Services s) {
        s.close();
        open.remove(s);
    }

    /** Closes every laptop opened so far, so that their files can be read as they are at rest. */
    void closeAll() {
        open.forEach(Services::close);
        open.clear();
    }

    /** The laptop of {@code name} (an unencrypted database in the folder {@code name}), its person {@code name}. */
    Services laptop(String name) {
        return kept(laptop(dir.get().resolve(name), clock, name));
    }

    /** The laptop of {@code name} whose person is a manager and the team's administrator. */
    Services adminLaptop(String name) {
        return kept(Services.openUnencrypted(dir.get().resolve(name).resolve("resolve.mv.db"), clock,
                new uk.resolve.security.Actor(name, Set.of(uk.resolve.security.Role.MANAGER,
                        uk.resolve.security.Role.ADMINISTRATOR), "Test team")));
    }

    /** The laptop of {@code name} with its database encrypted under a random key, as every real one is. */
    Services encryptedLaptop(String name) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return kept(TestAccess.open(Database.open(dir.get().resolve("laptops").resolve(name).resolve("resolve.mv.db"),
                key), clock, Fixtures.actor(name)));
    }

    private Services kept(Services s) {
        open.add(s);
        return s;
    }

    /** The shared file {@code fileName} in the folder {@code drive} (made here, the file itself not yet). */
    Path sharedFile(String fileName) throws IOException {
        return Files.createDirectories(dir.get().resolve("drive")).resolve(fileName);
    }

    /** A case opened on {@code s} now; the clock then moves on a minute. */
    UUID openCase(Services s, String ref) {
        UUID id = openCase(s, ref, clock.instant());
        clock.advance(Duration.ofMinutes(1));
        return id;
    }

    /** The person {@code who} of laptop {@code s} gets keys, registered as their own (as at their first sign-in). */
    PersonKeys keys(Services s, String who) {
        PersonKeys k = PersonKeys.generate(who);
        TestAccess.entries(s).signWith(k);
        registration(s, who, who, k, KeyDirectory.Reason.UPGRADE, "manager");
        return k;
    }

    /**
     * A registration of {@code person}'s keys with {@code role} (or their removal, {@code keys} null)
     * appended on {@code s} by {@code by}; the clock then moves on a minute.
     */
    void registration(Services s, String by, String person, PersonKeys keys, KeyDirectory.Reason reason, String role) {
        Map<String, String> data = new TreeMap<>();
        data.put(KeyDirectory.PERSON, person);
        data.put(KeyDirectory.REASON, reason.code());
        if (keys != null) {
            data.put(KeyDirectory.SIGN_KEY, keys.signingPublic());
            data.put(KeyDirectory.BOX_KEY, keys.boxPublic());
            data.put(KeyDirectory.ROLE, role);
        }
        TestAccess.entries(s).append(List.of(NewEntry.of(KeyDirectory.PEOPLE, EntryType.PERSON_KEYS, by, clock.instant(),
                clock.instant(), data)));
        clock.advance(Duration.ofMinutes(1));
    }

    /** Runs {@code statement} on laptop {@code s}'s database, as someone with a database tool could. */
    static void sql(Services s, String statement) throws SQLException {
        try (var c = TestAccess.database(s).connection(); var st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    static Services laptop(Path folder, Clock clock, String who) {
        return Services.openUnencrypted(folder.resolve("resolve.mv.db"), clock, Fixtures.actor(who));
    }

    static SyncEngine engine(Services s, SyncEngine.Options options) {
        return new SyncEngine(TestAccess.database(s), TestAccess.entries(s), TestAccess.settings(s), s.clock(), options);
    }

    /**
     * Quick leases, so tests about stale leases do not wait minutes; every sync merges the whole
     * shared file (the segment sync is {@link #segments()}).
     */
    static SyncEngine.Options fast() {
        return segments().withWholeFileMerge();
    }

    /** Quick leases, syncing through segments as the application does. */
    static SyncEngine.Options segments() {
        return SyncEngine.Options.defaults().withLease(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60));
    }

    static UUID openCase(Services s, String ref, Instant at) {
        var p = s.policies().require("croydon");
        return s.cases().open(new OpenCaseRequest("croydon", null, ref, "Child Name " + ref, ChildStatus.CHILD_IN_NEED,
                "Alex Worker", "Oak School", "Children's Social Care", "Sam Social Worker",
                p.categories().get(0).label(), "The referral was closed without an assessment.",
                "Three absences and a disclosure.", "An assessment.", false, 1, null, false, at)).id();
    }

    static void discuss(Services s, UUID caseId, String summary, Instant at) {
        s.cases().discuss(caseId, new DiscussionRequest("Duty social worker", "phone", summary, "Call back", false, at));
    }

    static Set<UUID> ids(Services s) {
        return TestAccess.entries(s).all().stream().map(Entry::id).collect(Collectors.toSet());
    }

    /** Every case's derived state, by id. */
    static Map<UUID, CaseState> states(Services s) {
        // each case in full, with its record, not the list's summaries
        return s.cases().list().stream().map(c -> s.cases().get(c.id()))
                .collect(Collectors.toMap(CaseState::id, c -> c, (a, b) -> a, TreeMap::new));
    }

    /**
     * The entry ids in the shared file, read from a copy (the shared file itself is never opened
     * in place), or an empty set when there is no shared file.
     */
    static List<UUID> sharedIds(Path sharedDb, Path scratch) throws Exception {
        if (!Files.exists(sharedDb)) {
            return List.of();
        }
        Path dir = Files.createTempDirectory(scratch, "peek");
        Path copy = dir.resolve("peek.mv.db");
        Files.copy(sharedDb, copy);
        return idsIn(copy);
    }

    /**
     * The entry ids in a Resolve database file, read with plain JDBC (read-only, no migration); a
     * file encrypted by H2 is opened with the test team key.
     */
    static List<UUID> idsIn(Path mvDb) throws Exception {
        String base = mvDb.toString().substring(0, mvDb.toString().length() - Database.SUFFIX.length());
        boolean encrypted = Database.isEncrypted(mvDb);
        List<UUID> ids = new java.util.ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r"
                + (encrypted ? ";CIPHER=AES" : ""), "resolve", encrypted ? KEY.hex() + " " : "");
             var st = c.createStatement(); var rs = st.executeQuery("SELECT id FROM entry")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /**
     * Every entry id on the shared drive: in the shared file and in each segment beside it, one
     * item per copy (so duplicates show). A segment that will not open fails the test.
     */
    static List<UUID> recordIds(Path sharedDb, Path scratch) throws Exception {
        List<UUID> ids = new java.util.ArrayList<>(sharedIds(sharedDb, scratch));
        SharedFile file = new SharedFile(sharedDb);
        for (Path seg : file.listSegments().values()) {
            for (Entry e : Segment.read(seg, KEY)) {
                ids.add(e.id());
            }
        }
        return ids;
    }

    static Set<UUID> sharedIdSet(Path sharedDb, Path scratch) throws Exception {
        return new HashSet<>(sharedIds(sharedDb, scratch));
    }
}
