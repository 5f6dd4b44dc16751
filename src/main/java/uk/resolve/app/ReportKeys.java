/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import uk.resolve.domain.record.BoardContent;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.record.ReportKeyEntry;
import uk.resolve.security.CaseSeal;
import uk.resolve.security.Crypto;
import uk.resolve.security.PersonKeys;
import uk.resolve.security.ProtectionException;
import uk.resolve.store.EntryStore;

/**
 * The partnership's report key (decision 0017): an X25519 key pair for which board free text is
 * sealed, so that the business team's report reads it without any case key. An administrator's
 * Resolve makes it when the directory first has a business-team person with keys, wraps its private
 * half for each of them and keeps nothing; it makes a new one (or withdraws the key) when a holder
 * leaves the business team. A business-team person's Resolve that holds it wraps it for colleagues
 * who joined later. Unwrapped report keys are kept in memory for the session only.
 */
public final class ReportKeys {

    private final EntryStore entries;
    private final Clock clock;
    private volatile PersonKeys keys;
    private final Map<String, PersonKeys> opened = new ConcurrentHashMap<>();

    ReportKeys(EntryStore entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** From now on, acts with {@code k}, the signed-in person's keys (null: none). */
    void use(PersonKeys k) {
        this.keys = k;
        opened.clear();
    }

    /** The directory of people as the record holds it now. */
    KeyDirectory directory() {
        return KeyDirectory.of(entries.ofType(EntryType.PERSON_KEYS));
    }

    /** The report key board text is sealed for now, if there is one. */
    Optional<ReportKeyEntry.Published> current(KeyDirectory directory) {
        return ReportKeyEntry.current(entries.ofType(EntryType.REPORT_KEY), directory);
    }

    /**
     * As an administrator: makes a report key when the business team has people with keys and no key
     * is current, or a new one when someone holding the current key is no longer in the business team
     * (a key withdrawn instead when nobody is left to hold it). The private half is wrapped for the
     * business team only; this Resolve keeps nothing of it.
     *
     * @return whether anything was written
     */
    boolean ensure(String administrator) {
        Instant now = now();
        KeyDirectory directory = directory();
        List<Entry> written = entries.ofType(EntryType.REPORT_KEY);
        Map<String, Set<String>> team = ReportKeyEntry.businessTeam(directory, now);
        Optional<ReportKeyEntry.Published> current = ReportKeyEntry.current(written, directory);
        if (current.isPresent()) {
            String keyId = current.get().keyId();
            Set<String> holders = ReportKeyEntry.holders(written, keyId);
            boolean someoneLeft = holders.stream().anyMatch(h -> !team.containsKey(h));
            // nobody in the team holds it under keys valid now (its only holder's password was reset): nobody
            // could pass it on, so a new one is made
            boolean heldNow = ReportKeyEntry.grants(written).stream().anyMatch(g -> g.keyId().equals(keyId)
                    && team.getOrDefault(g.person(), Set.of()).contains(g.boxKey()));
            if (!someoneLeft && (heldNow || team.isEmpty())) {
                return false;
            }
            if (team.isEmpty()) {
                entries.append(List.of(NewEntry.of(KeyDirectory.PEOPLE, EntryType.REPORT_KEY, administrator, now, now,
                        ReportKeyEntry.withdrawn())));
                return true;
            }
        } else if (team.isEmpty()) {
            return false;
        }
        PersonKeys pair = PersonKeys.generate("partnership report key");
        String keyId = UUID.randomUUID().toString();
        byte[] secret = pair.secret();
        try {
            List<NewEntry> out = new ArrayList<>();
            out.add(NewEntry.of(KeyDirectory.PEOPLE, EntryType.REPORT_KEY, administrator, now, now,
                    ReportKeyEntry.published(keyId, pair.boxPublic())));
            team.forEach((person, boxes) -> boxes.forEach(box -> out.add(grantEntry(keyId, person, box, secret,
                    administrator, now))));
            entries.append(out);
        } finally {
            Crypto.wipe(secret);
        }
        return true;
    }

    /**
     * As a business-team person: every report key this person holds, wrapped for each business-team
     * person (and each of their keys) who lacks it, so that a colleague who joined later reads board
     * text sealed before as well as after.
     *
     * @return how many grants were written
     */
    int grantsDue() {
        PersonKeys k = keys;
        if (k == null) {
            return 0;
        }
        List<Entry> written = entries.ofType(EntryType.REPORT_KEY);
        List<ReportKeyEntry.Grant> grants = ReportKeyEntry.grants(written);
        if (grants.stream().noneMatch(g -> g.person().equalsIgnoreCase(k.person()))) {
            return 0;
        }
        Instant now = now();
        KeyDirectory directory = directory();
        Map<String, Set<String>> team = ReportKeyEntry.businessTeam(directory, now);
        Set<String> have = new HashSet<>();
        grants.forEach(g -> have.add(g.keyId() + " " + g.person() + " " + g.boxKey()));
        List<NewEntry> out = new ArrayList<>();
        for (ReportKeyEntry.Published p : ReportKeyEntry.publishedKeys(written, directory).values()) {
            PersonKeys pair = held(p, grants, k).orElse(null);
            if (pair == null) {
                continue;
            }
            byte[] secret = pair.secret();
            try {
                team.forEach((person, boxes) -> boxes.forEach(box -> {
                    if (!have.contains(p.keyId() + " " + person + " " + box)) {
                        out.add(grantEntry(p.keyId(), person, box, secret, k.person(), now));
                    }
                }));
            } finally {
                Crypto.wipe(secret);
            }
        }
        if (!out.isEmpty()) {
            entries.append(out);
        }
        return out.size();
    }

    /** Whether this person holds any report key (a business-team person it was wrapped for). */
    boolean holdsAny() {
        PersonKeys k = keys;
        return k != null && ReportKeyEntry.grants(entries.ofType(EntryType.REPORT_KEY)).stream()
                .anyMatch(g -> g.person().equalsIgnoreCase(k.person()) && g.boxKey().equals(k.boxPublic()));
    }

    /**
     * The board text {@code e} carries, opened with a report key this person holds: empty when it was
     * not sealed for one of them.
     */
    Optional<SortedMap<String, String>> open(Entry e, ReportSet set) {
        return open(e, set, List.of());
    }

    /**
     * As {@link #open(Entry, ReportSet)}, trying also the board key's wraps written after the entry
     * ({@code later}: board text written before the report key was current).
     */
    Optional<SortedMap<String, String>> open(Entry e, ReportSet set, List<BoardContent.Wrap> later) {
        Optional<SortedMap<String, String>> own = open(e, set, e.get(BoardContent.REPORT_KEY),
                e.get(BoardContent.REPORT_WRAPPED));
        if (own.isPresent()) {
            return own;
        }
        for (BoardContent.Wrap w : later) {
            if (w.entryId().equals(e.id()) && w.caseId().equals(e.caseId())) {
                Optional<SortedMap<String, String>> text = open(e, set, w.keyId(), w.wrapped());
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }

    /** The wraps of board keys written after their entries in the cases {@code caseIds}, by entry id. */
    Map<UUID, List<BoardContent.Wrap>> laterWraps(java.util.Collection<UUID> caseIds) {
        Map<UUID, List<BoardContent.Wrap>> out = new java.util.HashMap<>();
        if (!caseIds.isEmpty()) {
            for (Entry e : entries.ofTypeIn(EntryType.CASE_KEY, caseIds)) {
                BoardContent.Wrap.of(e).ifPresent(w -> out.computeIfAbsent(w.entryId(), x -> new ArrayList<>()).add(w));
            }
        }
        return out;
    }

    private Optional<SortedMap<String, String>> open(Entry e, ReportSet set, String keyId, String wrapped) {
        PersonKeys pair = keyId == null || wrapped == null ? null : set.byId.get(keyId);
        if (pair == null) {
            return Optional.empty();
        }
        byte[] boardKey = null;
        try {
            boardKey = CaseSeal.unwrap(pair, wrapped, BoardContent.keyBinding(e.caseId(), e.id(), "report " + keyId));
            return Optional.of(CaseSeal.open(boardKey, e.get(BoardContent.SEALED),
                    BoardContent.binding(e.caseId(), e.id(), e.type())));
        } catch (ProtectionException damaged) {
            return Optional.empty();
        } finally {
            if (boardKey != null) {
                Crypto.wipe(boardKey);
            }
        }
    }

    /** The report keys this person holds, unwrapped once: for opening the board text of a whole report. */
    ReportSet held() {
        PersonKeys k = keys;
        ReportSet set = new ReportSet();
        if (k == null) {
            return set;
        }
        List<Entry> written = entries.ofType(EntryType.REPORT_KEY);
        List<ReportKeyEntry.Grant> grants = ReportKeyEntry.grants(written);
        if (grants.stream().noneMatch(g -> g.person().equalsIgnoreCase(k.person()))) {
            return set;
        }
        for (ReportKeyEntry.Published p : ReportKeyEntry.publishedKeys(written, directory()).values()) {
            held(p, grants, k).ifPresent(pair -> set.byId.put(p.keyId(), pair));
        }
        return set;
    }

    /** The report keys one person holds, by id. */
    static final class ReportSet {
        private final Map<String, PersonKeys> byId = new java.util.HashMap<>();

        boolean isEmpty() {
            return byId.isEmpty();
        }

        /** Whether this person holds the report key {@code keyId}. */
        boolean has(String keyId) {
            return keyId != null && byId.containsKey(keyId);
        }
    }

    /** The key pair {@code p} names, unwrapped from a grant to {@code k} whose public half is the published one. */
    private Optional<PersonKeys> held(ReportKeyEntry.Published p, List<ReportKeyEntry.Grant> grants, PersonKeys k) {
        PersonKeys known = opened.get(p.keyId());
        if (known != null) {
            return Optional.of(known);
        }
        for (ReportKeyEntry.Grant g : grants) {
            if (!g.keyId().equals(p.keyId()) || !g.person().equalsIgnoreCase(k.person())
                    || !g.boxKey().equals(k.boxPublic())) {
                continue;
            }
            byte[] secret = null;
            try {
                secret = CaseSeal.unwrap(k, g.wrapped(), ReportKeyEntry.wrapContext(p.keyId(), g.person()));
                PersonKeys pair = PersonKeys.fromSecret("partnership report key", secret);
                // a grant of some other key under this id (written by anyone) opens nothing
                if (pair.boxPublic().equals(p.publicKey())) {
                    opened.put(p.keyId(), pair);
                    return Optional.of(pair);
                }
            } catch (ProtectionException notOurs) {
                // wrapped for an earlier key of this person, or damaged: another grant may open
            } finally {
                if (secret != null) {
                    Crypto.wipe(secret);
                }
            }
        }
        return Optional.empty();
    }

    private static NewEntry grantEntry(String keyId, String person, String box, byte[] secret, String author,
                                       Instant now) {
        String wrapped = CaseSeal.wrap(secret, box, ReportKeyEntry.wrapContext(keyId, person));
        return NewEntry.of(KeyDirectory.PEOPLE, EntryType.REPORT_KEY, author, now, now,
                ReportKeyEntry.grant(keyId, person, box, wrapped));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
