/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who held which signing key when, read from the record's own {@link EntryType#PERSON_KEYS} entries,
 * and the check of every entry's signature against its author's keys as registered at the time the
 * entry was written. The registrations travel as entries, so every copy of the record (sync, segments,
 * server, export) reaches the same answer.
 *
 * <p>A registration is either the person's own (the first administrator of a database, and each
 * person's first sign-in after the upgrade to signed entries), signed with the key it registers; or
 * made by an administrator (a person added, a password reset, a person removed), signed with that
 * administrator's key. A reset or a removal ends the person's earlier keys: what they signed before
 * stays valid, anything signed with them afterwards is a break. See decision 0011.
 */
public final class KeyDirectory {

    /** The case id under which registrations are kept: they belong to no case. */
    public static final UUID PEOPLE = new UUID(0L, 0L);

    public static final String PERSON = "person";
    public static final String SIGN_KEY = "signKey";
    public static final String BOX_KEY = "boxKey";
    public static final String REASON = "reason";
    public static final String ROLE = "role";
    /** The field naming the team a registration or role change puts the person in (absent before teams travelled). */
    public static final String TEAM = "team";

    /** The role whose registrations may vouch for others'. */
    public static final String ADMINISTRATOR = "administrator";

    /** Why keys were registered or withdrawn. */
    public enum Reason {
        FIRST_ADMINISTRATOR("first-administrator"), UPGRADE("upgrade"), ADDED("added"), RESET("reset"),
        REMOVED("removed"), ROLES_CHANGED("roles-changed"), CONFIRMED("confirmed");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Reason> of(String code) {
            for (Reason r : values()) {
                if (r.code.equals(code)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }

        boolean own() {
            return this == FIRST_ADMINISTRATOR || this == UPGRADE;
        }
    }

    /** One key pair of one person, valid from its registration until a reset or removal ({@code until}, or null). */
    public record Registration(String person, String signKey, String boxKey, String role, Instant from, Instant until,
                               boolean own, String device) {

        boolean validAt(Instant t) {
            return !from.isAfter(t) && (until == null || t.isBefore(until));
        }

        Registration endingAt(Instant t) {
            return new Registration(person, signKey, boxKey, role, from, until == null || t.isBefore(until) ? t : until,
                    own, device);
        }
    }

    /** What the check of one entry found. */
    public enum Status { GOOD, UNSIGNED_BEFORE_KEYS, BAD }

    /** The check of one entry: {@code reason} says what is wrong when {@link Status#BAD}. */
    public record Verdict(Status status, String reason) {
        static final Verdict GOOD = new Verdict(Status.GOOD, "");
        static final Verdict UNSIGNED = new Verdict(Status.UNSIGNED_BEFORE_KEYS, "");

        static Verdict bad(String reason) {
            return new Verdict(Status.BAD, reason);
        }
    }

    private final Map<String, List<Registration>> byPerson = new HashMap<>();
    /** Each person's roles as registered, from when: the newest at or before a moment is theirs then. */
    private final Map<String, java.util.TreeMap<Instant, String>> roles = new HashMap<>();
    /** Each person's team as registered, from when (registrations written before teams travelled name none). */
    private final Map<String, java.util.TreeMap<Instant, String>> teams = new HashMap<>();
    private final Map<String, Instant> removedAt = new HashMap<>();
    private final Map<UUID, String> refused = new LinkedHashMap<>();
    private final List<Registration> own = new ArrayList<>();

    private KeyDirectory() {
    }

    /** The directory the registrations among {@code entries} make (other entries are ignored). */
    public static KeyDirectory of(Collection<Entry> entries) {
        KeyDirectory d = new KeyDirectory();
        entries.stream().filter(e -> e.type() == EntryType.PERSON_KEYS)
                .sorted(Comparator.comparing(Entry::writtenAt).thenComparing(Entry::device)
                        .thenComparingLong(Entry::deviceSeq))
                .forEach(d::register);
        return d;
    }

    private void register(Entry r) {
        String person = r.get(PERSON, "");
        Optional<Reason> reason = Reason.of(r.get(REASON, ""));
        Instant t = r.writtenAt();
        if (person.isEmpty() || reason.isEmpty()) {
            refused.put(r.id(), "a key registration that names no person or no reason");
            return;
        }
        if (!r.hashIsValid()) {
            refused.put(r.id(), "a key registration for " + person + " that does not match its hash");
            return;
        }
        Registration reg = new Registration(person, r.get(SIGN_KEY, ""), r.get(BOX_KEY, ""), r.get(ROLE, ""), t, null,
                reason.get().own(), r.device());
        if (reason.get().own()) {
            if (!r.author().equals(person)) {
                refused.put(r.id(), "keys of " + person + " registered as their own by " + r.author());
                return;
            }
            if (removedAt.containsKey(person)) {
                refused.put(r.id(), "keys of " + person + " registered by themselves after they were removed");
                return;
            }
            if (!r.signed() || !EntrySignature.verify(reg.signKey(), r.hash(), r.signature())) {
                refused.put(r.id(), "keys of " + person + " registered without a signature by the key registered");
                return;
            }
            byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(reg);
            own.add(reg);
            roles.computeIfAbsent(person, k -> new java.util.TreeMap<>()).put(t, reg.role());
            team(person, t, r);
            return;
        }
        // added, reset, removed or roles changed: only the key of someone then an administrator vouches for it
        List<Registration> voucher = keysAt(r.author(), t);
        if (voucher.isEmpty()) {
            refused.put(r.id(), "keys of " + person + " registered by " + r.author() + ", who held no keys then");
            return;
        }
        if (!administersAt(r.author(), t)) {
            refused.put(r.id(), "keys of " + person + " registered by " + r.author() + ", who "
                    + (everAdministered(r.author()) ? "was no longer" : "is not") + " an administrator then");
            return;
        }
        if (!r.signed() || voucher.stream().noneMatch(v -> EntrySignature.verify(v.signKey(), r.hash(), r.signature()))) {
            refused.put(r.id(), "keys of " + person + " registered in the name of " + r.author()
                    + " but not signed by them");
            return;
        }
        if (reason.get() == Reason.CONFIRMED) {
            String confirmed = r.get(SIGN_KEY, "");
            if (r.author().equals(person)) {
                refused.put(r.id(), "keys of " + person + " confirmed by that person themselves");
                return;
            }
            if (!own.removeIf(o -> o.person().equals(person) && o.signKey().equals(confirmed))) {
                refused.put(r.id(), "a confirmation of keys " + person + " never registered on their own");
            }
            return;
        }
        if (reason.get() == Reason.ROLES_CHANGED) {
            roles.computeIfAbsent(person, k -> new java.util.TreeMap<>()).put(t, r.get(ROLE, ""));
            team(person, t, r);
            return;
        }
        if (reason.get() != Reason.REMOVED) {
            roles.computeIfAbsent(person, k -> new java.util.TreeMap<>()).put(t, reg.role());
            team(person, t, r);
        }
        List<Registration> held = byPerson.computeIfAbsent(person, k -> new ArrayList<>());
        if (reason.get() != Reason.ADDED || removedAt.containsKey(person)) {
            held.replaceAll(h -> h.endingAt(t));
        }
        if (reason.get() == Reason.REMOVED) {
            removedAt.put(person, t);
        } else {
            removedAt.remove(person);
            held.add(reg);
        }
    }

    /**
     * The roles {@code person} held at {@code t} as the record registers them (codes, such as
     * {@code manager} and {@code administrator}): the newest registration or role change at or
     * before {@code t}; empty when none.
     */
    public java.util.Set<String> rolesAt(String person, Instant t) {
        java.util.TreeMap<Instant, String> history = roles.get(person);
        Map.Entry<Instant, String> at = history == null ? null : history.floorEntry(t);
        return at == null ? java.util.Set.of() : codes(at.getValue());
    }

    private void team(String person, Instant t, Entry r) {
        String team = r.get(TEAM);
        if (team != null) {
            teams.computeIfAbsent(person, k -> new java.util.TreeMap<>()).put(t, team);
        }
    }

    /**
     * The team {@code person} was in at {@code t} as the record registers it: the newest registration
     * or change naming a team at or before {@code t}; "" when none names one.
     */
    public String teamAt(String person, Instant t) {
        java.util.TreeMap<Instant, String> history = teams.get(person);
        Map.Entry<Instant, String> at = history == null ? null : history.floorEntry(t);
        return at == null ? "" : at.getValue();
    }

    /** Everyone with a registration in the record, removed or not. */
    public java.util.Set<String> people() {
        return java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(roles.keySet()));
    }

    private boolean administersAt(String person, Instant t) {
        return rolesAt(person, t).contains(ADMINISTRATOR);
    }

    private boolean everAdministered(String person) {
        return roles.getOrDefault(person, new java.util.TreeMap<>()).values().stream()
                .anyMatch(r -> codes(r).contains(ADMINISTRATOR));
    }

    /** A role as written in a registration: one code, or several joined by commas. */
    private static java.util.Set<String> codes(String role) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String c : role.split(",")) {
            if (!c.isBlank()) {
                out.add(c.strip());
            }
        }
        return out;
    }

    /** The keys {@code person} held at {@code t}. */
    public List<Registration> keysAt(String person, Instant t) {
        return byPerson.getOrDefault(person, List.of()).stream().filter(k -> k.validAt(t)).toList();
    }

    /** When {@code person} was removed, if their newest registration is a removal; else null. */
    public Instant removedAt(String person) {
        return removedAt.get(person);
    }

    /** Whether {@code person} has any keys registered at all (at any time). */
    public boolean knows(String person) {
        return byPerson.containsKey(person);
    }

    /**
     * Registrations people made of their own keys (first administrator, first sign-in after the
     * upgrade) that no other administrator has confirmed yet.
     */
    public List<Registration> ownRegistrations() {
        return List.copyOf(own);
    }

    /** Whether {@code e} is signed by its author's key as registered when it was written. */
    public Verdict check(Entry e) {
        String why = refused.get(e.id());
        if (why != null) {
            return Verdict.bad(why);
        }
        Instant t = e.writtenAt();
        List<Registration> keys = keysAt(e.author(), t);
        boolean ended = byPerson.getOrDefault(e.author(), List.of()).stream()
                .anyMatch(k -> k.until() != null && !k.until().isAfter(t));
        if (!e.signed()) {
            if (!keys.isEmpty()) {
                return Verdict.bad("it is not signed, though " + e.author() + " had keys when it was written");
            }
            if (ended) {
                return Verdict.bad("it was written in the name of " + e.author() + " after their keys were withdrawn");
            }
            return Verdict.UNSIGNED;
        }
        if (keys.stream().anyMatch(k -> EntrySignature.verify(k.signKey(), e.hash(), e.signature()))) {
            return Verdict.GOOD;
        }
        if (keys.isEmpty() && ended && byPerson.get(e.author()).stream()
                .anyMatch(k -> EntrySignature.verify(k.signKey(), e.hash(), e.signature()))) {
            return Verdict.bad("it is signed with a key of " + e.author() + " withdrawn (removed or reset) before it"
                    + " was written");
        }
        for (List<Registration> others : byPerson.values()) {
            for (Registration k : others) {
                if (!k.person().equals(e.author()) && EntrySignature.verify(k.signKey(), e.hash(), e.signature())) {
                    return Verdict.bad("it is signed by " + k.person() + ", not by its author " + e.author());
                }
            }
        }
        if (keys.isEmpty()) {
            return Verdict.bad("it is signed, but " + e.author() + " had no registered keys when it was written");
        }
        return Verdict.bad("its signature is not its author's (" + e.author() + "): it was altered after signing, or signed"
                + " with a key never registered for them");
    }
}
