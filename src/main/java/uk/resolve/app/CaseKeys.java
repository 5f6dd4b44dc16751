/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import uk.resolve.domain.escalation.EntryText;
import uk.resolve.domain.record.BoardContent;
import uk.resolve.domain.record.CaseContent;
import uk.resolve.domain.record.CaseKeyGrant;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.record.ReportKeyEntry;
import uk.resolve.security.Actor;
import uk.resolve.security.CaseSeal;
import uk.resolve.security.PersonKeys;
import uk.resolve.security.ProtectionException;
import uk.resolve.security.Role;
import uk.resolve.store.EntryStore;
import uk.resolve.store.UserStore;

/**
 * The signed-in person's case keys: sealing what is written about a child under its case's key, and
 * opening it again for the people the roles entitle (decision 0012). A case key is made when the
 * case gets its first sealed entry, and wrapped for everyone entitled to the case who has keys, as
 * {@code case-key} entries of the case. Whoever next writes to a case wraps it for anyone newly
 * entitled; when someone who holds the newest generation is no longer entitled (removed, moved to
 * another team), the next entry starts a new generation wrapped only for those still entitled.
 * Unwrapped keys are kept in memory for the session only.
 */
public final class CaseKeys {

    /** What stands for content this person holds no key for. */
    public static final String NOT_READABLE = "(not readable here: no key for this case on this computer yet)";
    /** What stands for sealed content that does not open with its key: changed or damaged since it was written. */
    public static final String DAMAGED = "(does not open: this entry was changed or damaged; run 'resolve verify')";

    private final EntryStore entries;
    private final UserStore users;
    private final Clock clock;
    private volatile PersonKeys keys;
    private final Map<String, byte[]> opened = new ConcurrentHashMap<>();

    CaseKeys(EntryStore entries, UserStore users, Clock clock) {
        this.entries = entries;
        this.users = users;
        this.clock = clock;
    }

    /** From now on, seals and opens with {@code k}, the signed-in person's keys (null: neither). */
    void use(PersonKeys k) {
        this.keys = k;
        opened.values().forEach(uk.resolve.security.Crypto::wipe);
        opened.clear();
    }

    /** Whether what is written now is sealed (the signed-in person has keys). */
    boolean sealing() {
        return keys != null;
    }

    // ---------------------------------------------------------------- writing

    /**
     * The entries to append to a case: any grants of its key that are due (a new case, a newly
     * entitled person, a new generation), then {@code toAppend} with their content sealed.
     *
     * @param existing the case's entries as stored (sealed), empty for a new case
     * @param access   who is entitled to the case after {@code toAppend}
     */
    List<NewEntry> seal(UUID caseId, List<Entry> existing, CaseAccess access, List<NewEntry> toAppend) {
        return seal(caseId, existing, access, toAppend, UnaryOperator.identity());
    }

    /**
     * As {@link #seal(UUID, List, CaseAccess, List)}; board free text among {@code toAppend} is also
     * sealed, as {@code forBoard} makes it (the case's own child details removed), under a board key
     * of its entry that is sealed under the case key and wrapped for the partnership's report key
     * (decision 0017).
     */
    List<NewEntry> seal(UUID caseId, List<Entry> existing, CaseAccess access, List<NewEntry> toAppend,
                        UnaryOperator<String> forBoard) {
        PersonKeys k = keys;
        if (k == null || toAppend.isEmpty()) {
            return toAppend;
        }
        List<NewEntry> grants = new ArrayList<>();
        KeyDirectory directory = KeyDirectory.of(entries.ofType(EntryType.PERSON_KEYS));
        People people = new People(users.all());
        Instant now = now();
        Current current = grant(caseId, existing, entitled(access, now, k, directory, people), k, grants, true,
                directory, people, now);
        ReportKeyEntry.Published report = ReportKeyEntry.current(entries.ofType(EntryType.REPORT_KEY), directory)
                .orElse(null);
        List<NewEntry> out = new ArrayList<>();
        for (NewEntry n : toAppend) {
            out.add(sealOne(n, current, report, forBoard));
        }
        // after what they seal: a case's record starts with its opening entry
        out.addAll(grants);
        if (report != null) {
            boardWraps(existing, report, k, now, out);
        }
        return out;
    }

    /**
     * The grants due when an entitled person opens a case: each generation of its key this person
     * holds, wrapped for anyone entitled who lacks it. No new generation is started here (that waits
     * for the next entry written), and nothing is due when this person holds none of the case's keys.
     */
    List<NewEntry> grantsDue(UUID caseId, List<Entry> existing, CaseAccess access) {
        PersonKeys k = keys;
        if (k == null || CaseKeyGrant.newest(existing) == 0) {
            return List.of();
        }
        List<NewEntry> out = new ArrayList<>();
        KeyDirectory directory = KeyDirectory.of(entries.ofType(EntryType.PERSON_KEYS));
        People people = new People(users.all());
        Instant now = now();
        grant(caseId, existing, entitled(access, now, k, directory, people), k, out, false, directory, people, now);
        ReportKeyEntry.current(entries.ofType(EntryType.REPORT_KEY), directory)
                .ifPresent(report -> boardWraps(existing, report, k, now, out));
        return out;
    }

    /**
     * The grants due on each of {@code caseIds} (cases a sync or import just touched), as when an
     * entitled person opens each of them, and the wraps of their board text for the current report key.
     * Batched: one read of the cases' key entries finds those with a grant to this person; then only
     * the entries the decision needs (opening, sharing, and board text when a report key is current) are
     * streamed for them, a few hundred cases a query; the people and directory are read once, who is
     * entitled is worked out once per owner, team and sharing; a key is unwrapped only when something
     * is due on it.
     */
    List<NewEntry> grantsDue(Collection<UUID> caseIds) {
        PersonKeys k = keys;
        List<NewEntry> out = new ArrayList<>();
        if (k == null || caseIds.isEmpty()) {
            return out;
        }
        // the key entries of the cases in one read: the cases without a grant to this person give nothing
        Map<UUID, List<Entry>> keyEntries = new java.util.HashMap<>();
        Set<UUID> mine = new java.util.LinkedHashSet<>();
        for (Entry g : entries.ofTypeIn(EntryType.CASE_KEY, caseIds)) {
            keyEntries.computeIfAbsent(g.caseId(), x -> new ArrayList<>()).add(g);
            if (g.get(CaseKeyGrant.PERSON, "").equalsIgnoreCase(k.person())) {
                mine.add(g.caseId());
            }
        }
        if (mine.isEmpty()) {
            return out;
        }
        KeyDirectory directory = KeyDirectory.of(entries.ofType(EntryType.PERSON_KEYS));
        People people = new People(users.all());
        ReportKeyEntry.Published report = ReportKeyEntry.current(entries.ofType(EntryType.REPORT_KEY), directory)
                .orElse(null);
        Set<EntryType> wanted = report == null ? java.util.EnumSet.of(EntryType.CASE_OPENED, EntryType.CASE_SHARED)
                : java.util.EnumSet.of(EntryType.CASE_OPENED, EntryType.CASE_SHARED, EntryType.RESOLVED,
                        EntryType.FORM_COMPLETED);
        Instant now = now();
        Map<CaseAccess, Map<String, Set<String>>> entitledBy = new java.util.HashMap<>();
        entries.forEachCaseOf(mine, wanted, list -> {
            UUID caseId = list.get(0).caseId();
            List<Entry> existing = new ArrayList<>(list);
            existing.addAll(keyEntries.getOrDefault(caseId, List.of()));
            CaseAccess access = CaseAccess.of(existing);
            Map<String, Set<String>> entitled = entitledBy.computeIfAbsent(access,
                    a -> entitled(a, now, k, directory, people));
            grant(caseId, existing, entitled, k, out, false, directory, people, now);
            if (report != null) {
                boardWraps(existing, report, k, now, out);
            }
        });
        return out;
    }

    /** The people of this database, read once for a pass, with their lower-case names for look-ups. */
    private record People(List<UserStore.UserRow> rows, Set<String> names) {
        People(List<UserStore.UserRow> rows) {
            this(rows, rows.stream().map(UserStore.UserRow::name).collect(java.util.stream.Collectors.toSet()));
        }

        boolean known(String lowerCaseName) {
            return names.contains(lowerCaseName);
        }
    }

    private record Current(int generation, byte[] key) {
    }

    /**
     * Appends to {@code out} the grants due: every generation this person holds, wrapped for each
     * entitled person (and each of their keys) who lacks it, so that someone entitled later reads the
     * whole record; and, when {@code writing} and the newest generation is not this person's or is
     * held by someone no longer entitled, a new generation for everyone entitled.
     *
     * @return the generation and key to seal with; null when not {@code writing}
     */
    private Current grant(UUID caseId, List<Entry> existing, Map<String, Set<String>> entitled, PersonKeys k,
                          List<NewEntry> out, boolean writing, KeyDirectory directory, People people, Instant now) {
        int g = CaseKeyGrant.newest(existing);
        Set<String> held = new java.util.HashSet<>();
        Set<Integer> mineHeld = new java.util.HashSet<>();
        for (Entry e : existing) {
            CaseKeyGrant.of(e).ifPresent(x -> {
                held.add(x.generation() + " " + x.person().toLowerCase(Locale.ROOT) + " " + x.boxKey());
                if (x.person().equalsIgnoreCase(k.person())) {
                    mineHeld.add(x.generation());
                }
            });
        }
        for (int gen = 1; gen <= g; gen++) {
            if (!mineHeld.contains(gen) && !opened.containsKey(slot(caseId, gen))) {
                continue;
            }
            // who lacks this generation, before unwrapping it: a pass with nothing due unwraps nothing
            List<String[]> lacking = new ArrayList<>();
            for (Map.Entry<String, Set<String>> p : entitled.entrySet()) {
                for (String box : p.getValue()) {
                    if (!held.contains(gen + " " + p.getKey() + " " + box)) {
                        lacking.add(new String[] {p.getKey(), box});
                    }
                }
            }
            if (lacking.isEmpty()) {
                continue;
            }
            Optional<byte[]> key = key(caseId, gen, existing, k);
            if (key.isEmpty()) {
                continue;
            }
            for (String[] p : lacking) {
                out.add(grantEntry(caseId, gen, p[0], p[1], key.get(), k.person(), now));
            }
        }
        if (!writing) {
            return null;
        }
        byte[] key = g == 0 ? null : key(caseId, g, existing, k).orElse(null);
        Set<String> holders = g == 0 ? Set.of() : CaseKeyGrant.holders(existing, g);
        // someone left: removed (no valid keys), or known here and no longer entitled (role or team changed);
        // a holder this computer knows only by their keys is not judged by what it cannot know
        boolean someoneLeft = holders.stream().anyMatch(h -> !entitled.containsKey(h.toLowerCase(Locale.ROOT))
                && (directory.keysAt(h, now).isEmpty() || people.known(h.toLowerCase(Locale.ROOT))));
        if (key != null && !someoneLeft) {
            return new Current(g, key);
        }
        // a new generation: for a new case, when this person holds no key of its newest yet, or to shut someone out
        int next = g + 1;
        byte[] fresh = CaseSeal.newCaseKey();
        opened.put(slot(caseId, next), fresh);
        for (Map.Entry<String, Set<String>> p : entitled.entrySet()) {
            for (String box : p.getValue()) {
                out.add(grantEntry(caseId, next, p.getKey(), box, fresh, k.person(), now));
            }
        }
        return new Current(next, fresh);
    }

    private static NewEntry grantEntry(UUID caseId, int g, String person, String boxKey, byte[] key, String author,
                                       Instant now) {
        String wrapped = CaseSeal.wrap(key, boxKey, CaseSeal.wrapContext(caseId, g, person));
        return NewEntry.of(caseId, EntryType.CASE_KEY, author, now, now,
                new CaseKeyGrant(caseId, person, g, boxKey, wrapped).data());
    }

    private static NewEntry sealOne(NewEntry n, Current c, ReportKeyEntry.Published report,
                                    UnaryOperator<String> forBoard) {
        if (!CaseContent.sealable(n.type())) {
            return n;
        }
        TreeMap<String, String> secret = new TreeMap<>(CaseContent.secretPart(n.type(), n.data()));
        if (secret.isEmpty()) {
            return n;
        }
        TreeMap<String, String> data = new TreeMap<>(CaseContent.readablePart(n.type(), n.data()));
        data.put(CaseContent.GENERATION, Integer.toString(c.generation()));
        data.put(CaseContent.SEALED, CaseSeal.seal(c.key(), secret,
                CaseContent.binding(n.caseId(), n.id(), n.type(), c.generation())));
        TreeMap<String, String> board = new TreeMap<>();
        CaseContent.boardPart(n.type(), n.data()).forEach((f, v) -> board.put(f, forBoard.apply(v)));
        if (!board.isEmpty()) {
            byte[] boardKey = CaseSeal.newCaseKey();
            try {
                data.put(BoardContent.SEALED, CaseSeal.seal(boardKey, board,
                        BoardContent.binding(n.caseId(), n.id(), n.type())));
                data.put(BoardContent.CASE_WRAPPED, CaseSeal.sealKey(c.key(), boardKey,
                        BoardContent.keyBinding(n.caseId(), n.id(), "case " + c.generation())));
                if (report != null) {
                    data.put(BoardContent.REPORT_KEY, report.keyId());
                    data.put(BoardContent.REPORT_WRAPPED, CaseSeal.wrap(boardKey, report.publicKey(),
                            BoardContent.keyBinding(n.caseId(), n.id(), "report " + report.keyId())));
                }
            } finally {
                uk.resolve.security.Crypto.wipe(boardKey);
            }
        }
        return new NewEntry(n.id(), n.caseId(), n.type(), n.author(), n.writtenAt(), n.happenedAt(), data);
    }

    /**
     * Everyone entitled to a case who holds keys now, by lower-case name, with the X25519 public keys
     * to wrap for (one per database they sign in to): the people of this database whose roles let them
     * see it ({@link CaseAccess}), with keys registered and valid now, and the owner and those it is
     * shared with when this database knows them only by their keys. Administrators and the business
     * team are never entitled.
     */
    private Map<String, Set<String>> entitled(CaseAccess access, Instant now, PersonKeys self,
                                              KeyDirectory directory, People people) {
        Map<String, Set<String>> out = new TreeMap<>();
        // people this computer knows only from the record (their own laptops): their registered roles and team
        for (String name : directory.people()) {
            List<KeyDirectory.Registration> valid = directory.keysAt(name, now);
            if (valid.isEmpty() || people.known(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Set<Role> roles;
            try {
                roles = Role.parseSet(String.join(",", directory.rolesAt(name, now)));
            } catch (IllegalArgumentException newer) {
                continue;
            }
            if (access.visibleTo(new Actor(name, roles, directory.teamAt(name, now)))) {
                boxKeys(out, name.toLowerCase(Locale.ROOT), valid);
            }
        }
        for (UserStore.UserRow u : people.rows()) {
            if (!u.active()) {
                continue;
            }
            Set<Role> roles;
            try {
                roles = Role.parseSet(u.role());
            } catch (IllegalArgumentException newer) {
                continue;
            }
            if (access.visibleTo(new Actor(u.name(), roles, u.team()))) {
                boxKeys(out, u.name().toLowerCase(Locale.ROOT), directory.keysAt(u.name(), now));
            }
        }
        // the writer is entitled (they act on the case) and may not be registered here yet
        out.computeIfAbsent(self.person().toLowerCase(Locale.ROOT), x -> new TreeSet<>()).add(self.boxPublic());
        return out;
    }

    private static void boxKeys(Map<String, Set<String>> out, String name, List<KeyDirectory.Registration> valid) {
        for (KeyDirectory.Registration r : valid) {
            if (!r.boxKey().isBlank()) {
                out.computeIfAbsent(name, x -> new TreeSet<>()).add(r.boxKey());
            }
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * The case's record with its sealed content opened where this person holds the key; an entry it
     * cannot open keeps only its readable fields, its main text saying it is not readable here. The
     * grants of its key are left out: they are how the record is read, not part of it.
     */
    List<Entry> open(List<Entry> stored) {
        List<Entry> out = new ArrayList<>(stored.size());
        for (Entry e : stored) {
            if (e.type() != EntryType.CASE_KEY) {
                out.add(openOne(e, stored));
            }
        }
        return out;
    }

    /** Whether every sealed entry of the case opens here. */
    boolean readable(List<Entry> stored) {
        PersonKeys k = keys;
        return stored.stream().filter(CaseContent::isSealed).allMatch(e -> k != null
                && key(e.caseId(), CaseContent.generation(e), stored, k).isPresent());
    }

    /**
     * The opening entries of {@code caseIds} opened where this person holds the key, by case: for
     * lists, which show what the opening entry says without replaying each case's record.
     */
    Map<UUID, Entry> openOpenings(Collection<UUID> caseIds) {
        Map<UUID, Entry> out = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return out;
        }
        List<Entry> openings = entries.entries(caseIds);
        PersonKeys k = keys;
        List<UUID> sealed = openings.stream().filter(CaseContent::isSealed).map(Entry::caseId)
                .filter(id -> k != null).toList();
        Map<UUID, List<Entry>> grants = new java.util.HashMap<>();
        if (!sealed.isEmpty()) {
            for (Entry g : entries.ofTypeIn(EntryType.CASE_KEY, sealed)) {
                if (g.get(CaseKeyGrant.PERSON, "").equalsIgnoreCase(k.person())) {
                    grants.computeIfAbsent(g.caseId(), x -> new ArrayList<>()).add(g);
                }
            }
        }
        for (Entry e : openings) {
            out.put(e.caseId(), openOne(e, grants.getOrDefault(e.caseId(), List.of())));
        }
        return out;
    }

    private Entry openOne(Entry e, List<Entry> caseEntries) {
        if (!CaseContent.isSealed(e)) {
            return e;
        }
        int g = CaseContent.generation(e);
        PersonKeys k = keys;
        Optional<byte[]> key = k == null ? Optional.empty() : key(e.caseId(), g, caseEntries, k);
        TreeMap<String, String> data = new TreeMap<>(e.data());
        data.remove(CaseContent.SEALED);
        data.remove(CaseContent.GENERATION);
        if (key.isEmpty()) {
            data.put(EntryText.primaryField(e), NOT_READABLE);
            if (e.type() == EntryType.CASE_OPENED) {
                data.put(EntryText.CHILD_REF, NOT_READABLE);
            }
            return e.withData(data);
        }
        try {
            data.putAll(CaseSeal.open(key.get(), e.get(CaseContent.SEALED),
                    CaseContent.binding(e.caseId(), e.id(), e.type(), g)));
        } catch (ProtectionException damaged) {
            // one altered entry must not stop the list or the case: it says so where its text would be,
            // and 'verify' names it
            data.put(EntryText.primaryField(e), DAMAGED);
            if (e.type() == EntryType.CASE_OPENED) {
                data.put(EntryText.CHILD_REF, DAMAGED);
            }
        }
        return e.withData(data);
    }

    /**
     * The board text of each of {@code withBoard} (entries carrying {@link BoardContent}) this person
     * can open with a case key they hold, by entry id: the grants of their cases read in one query.
     */
    Map<UUID, java.util.SortedMap<String, String>> openBoard(Collection<Entry> withBoard) {
        Map<UUID, java.util.SortedMap<String, String>> out = new java.util.HashMap<>();
        PersonKeys k = keys;
        if (k == null || withBoard.isEmpty()) {
            return out;
        }
        Set<UUID> caseIds = new java.util.HashSet<>();
        withBoard.forEach(e -> caseIds.add(e.caseId()));
        Map<UUID, List<Entry>> grants = new java.util.HashMap<>();
        for (Entry g : entries.ofTypeIn(EntryType.CASE_KEY, caseIds)) {
            if (g.get(CaseKeyGrant.PERSON, "").equalsIgnoreCase(k.person())) {
                grants.computeIfAbsent(g.caseId(), x -> new ArrayList<>()).add(g);
            }
        }
        for (Entry e : withBoard) {
            int g = CaseContent.generation(e);
            Optional<byte[]> key = key(e.caseId(), g, grants.getOrDefault(e.caseId(), List.of()), k);
            if (key.isEmpty() || e.get(BoardContent.CASE_WRAPPED) == null) {
                continue;
            }
            byte[] boardKey = null;
            try {
                boardKey = CaseSeal.openKey(key.get(), e.get(BoardContent.CASE_WRAPPED),
                        BoardContent.keyBinding(e.caseId(), e.id(), "case " + g));
                out.put(e.id(), CaseSeal.open(boardKey, e.get(BoardContent.SEALED),
                        BoardContent.binding(e.caseId(), e.id(), e.type())));
            } catch (ProtectionException damaged) {
                // an altered entry opens nothing here; 'verify' names it
            } finally {
                if (boardKey != null) {
                    uk.resolve.security.Crypto.wipe(boardKey);
                }
            }
        }
        return out;
    }

    /** This person's key of generation {@code g} of the case: from memory, or unwrapped from a grant among {@code caseEntries}. */
    private Optional<byte[]> key(UUID caseId, int g, List<Entry> caseEntries, PersonKeys k) {
        byte[] known = opened.get(slot(caseId, g));
        if (known != null) {
            return Optional.of(known);
        }
        for (Entry e : caseEntries) {
            Optional<CaseKeyGrant> grant = CaseKeyGrant.of(e);
            if (grant.isEmpty() || grant.get().generation() != g || !grant.get().caseId().equals(caseId)
                    || !grant.get().person().equalsIgnoreCase(k.person())
                    || !grant.get().boxKey().equals(k.boxPublic())) {
                continue;
            }
            try {
                byte[] key = CaseSeal.unwrap(k, grant.get().wrapped(),
                        CaseSeal.wrapContext(caseId, g, grant.get().person()));
                opened.put(slot(caseId, g), key);
                return Optional.of(key);
            } catch (ProtectionException notOurs) {
                // a grant made for an earlier key of this person, or damaged: another may open
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- board text for the report key

    /** The kinds of entry that may carry board text (decision 0017). */
    private static final List<EntryType> WITH_BOARD = List.of(EntryType.RESOLVED, EntryType.FORM_COMPLETED);

    /** The report key board text is sealed for now, or null when none is current. */
    ReportKeyEntry.Published currentReportKey() {
        return ReportKeyEntry.current(entries.ofType(EntryType.REPORT_KEY),
                KeyDirectory.of(entries.ofType(EntryType.PERSON_KEYS))).orElse(null);
    }

    /**
     * For the board text of the cases {@code caseIds} (null: every case) that is not wrapped for
     * {@code report} (written while no report key was current, or for one since replaced), its board
     * key wrapped for {@code report} ({@link BoardContent.Wrap}), where this person holds the case key
     * it is sealed under. The cases' board entries and key entries are read a few hundred cases a query.
     */
    List<NewEntry> boardWrapsDue(Collection<UUID> caseIds, ReportKeyEntry.Published report) {
        PersonKeys k = keys;
        List<NewEntry> out = new ArrayList<>();
        if (k == null || report == null || caseIds != null && caseIds.isEmpty()) {
            return out;
        }
        Map<UUID, List<Entry>> byCase = new java.util.LinkedHashMap<>();
        for (EntryType t : WITH_BOARD) {
            for (Entry e : caseIds == null ? entries.ofType(t) : entries.ofTypeIn(t, caseIds)) {
                if (BoardContent.has(e) && !report.keyId().equals(e.get(BoardContent.REPORT_KEY))) {
                    byCase.computeIfAbsent(e.caseId(), x -> new ArrayList<>()).add(e);
                }
            }
        }
        if (byCase.isEmpty()) {
            return out;
        }
        for (Entry g : entries.ofTypeIn(EntryType.CASE_KEY, byCase.keySet())) {
            if (g.get(CaseKeyGrant.PERSON, "").equalsIgnoreCase(k.person()) || BoardContent.Wrap.of(g).isPresent()) {
                byCase.get(g.caseId()).add(g);
            }
        }
        Instant now = now();
        byCase.values().forEach(list -> boardWraps(list, report, k, now, out));
        return out;
    }

    /**
     * Appends to {@code out} a wrap for {@code report} of the board key of each entry among
     * {@code caseEntries} (one case's) whose board text is wrapped neither in the entry itself nor in
     * an earlier wrap for that key, and whose case key this person holds.
     */
    private void boardWraps(List<Entry> caseEntries, ReportKeyEntry.Published report, PersonKeys k, Instant now,
                            List<NewEntry> out) {
        Set<UUID> done = new java.util.HashSet<>();
        for (Entry e : caseEntries) {
            if (report.keyId().equals(e.get(BoardContent.REPORT_KEY)) && BoardContent.has(e)) {
                done.add(e.id());
            }
            BoardContent.Wrap.of(e).filter(w -> w.keyId().equals(report.keyId())).ifPresent(w -> done.add(w.entryId()));
        }
        for (Entry e : caseEntries) {
            if (!BoardContent.has(e) || e.get(BoardContent.CASE_WRAPPED) == null || !done.add(e.id())) {
                continue;
            }
            int g = CaseContent.generation(e);
            Optional<byte[]> key = key(e.caseId(), g, caseEntries, k);
            if (key.isEmpty()) {
                continue;
            }
            byte[] boardKey = null;
            try {
                boardKey = CaseSeal.openKey(key.get(), e.get(BoardContent.CASE_WRAPPED),
                        BoardContent.keyBinding(e.caseId(), e.id(), "case " + g));
                // only a board key that opens its text is passed on
                CaseSeal.open(boardKey, e.get(BoardContent.SEALED), BoardContent.binding(e.caseId(), e.id(), e.type()));
                String wrapped = CaseSeal.wrap(boardKey, report.publicKey(),
                        BoardContent.keyBinding(e.caseId(), e.id(), "report " + report.keyId()));
                out.add(NewEntry.of(e.caseId(), EntryType.CASE_KEY, k.person(), now, now,
                        new BoardContent.Wrap(e.caseId(), e.id(), report.keyId(), wrapped).data()));
            } catch (ProtectionException damaged) {
                // an altered entry gets nothing; 'verify' names it
            } finally {
                if (boardKey != null) {
                    uk.resolve.security.Crypto.wipe(boardKey);
                }
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String slot(UUID caseId, int g) {
        return caseId + "#" + g;
    }
}
