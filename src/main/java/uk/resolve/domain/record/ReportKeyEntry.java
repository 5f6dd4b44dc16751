/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The partnership's report key as the record carries it (decision 0017): {@code report-key} entries
 * under the people's case id ({@link KeyDirectory#PEOPLE}), so they travel with every sync and
 * export. An administrator's Resolve <em>publishes</em> a key pair's public half; its private half
 * is <em>granted</em> (wrapped) to each business-team person's X25519 key, by the administrator's
 * Resolve when it makes the pair and later by the Resolve of a business-team person who holds it. A
 * <em>withdrawn</em> entry says no key is current (its last holder left the business team). Board
 * free text is sealed for the current key.
 */
public final class ReportKeyEntry {

    public static final String KIND = "kind";
    public static final String KEY_ID = "keyId";
    public static final String PUBLIC_KEY = "publicKey";
    public static final String PERSON = "person";
    public static final String BOX_KEY = "boxKey";
    public static final String WRAPPED = "wrapped";

    public static final String PUBLISHED = "published";
    public static final String GRANT = "grant";
    public static final String WITHDRAWN = "withdrawn";

    /** The role whose people hold the report key. */
    public static final String BUSINESS_TEAM = "business-team";

    /** A report key's public half, published by an administrator at {@code at}. */
    public record Published(String keyId, String publicKey, String author, Instant at) {
    }

    /** A report key's private half wrapped for {@code person}'s X25519 key {@code boxKey}. */
    public record Grant(String keyId, String person, String boxKey, String wrapped) {
    }

    private ReportKeyEntry() {
    }

    /** The data of an entry publishing the key {@code keyId} with public half {@code publicKey}. */
    public static Map<String, String> published(String keyId, String publicKey) {
        TreeMap<String, String> m = new TreeMap<>();
        m.put(KIND, PUBLISHED);
        m.put(KEY_ID, keyId);
        m.put(PUBLIC_KEY, publicKey);
        return m;
    }

    /** The data of an entry granting key {@code keyId} to {@code person}. */
    public static Map<String, String> grant(String keyId, String person, String boxKey, String wrapped) {
        TreeMap<String, String> m = new TreeMap<>();
        m.put(KIND, GRANT);
        m.put(KEY_ID, keyId);
        m.put(PERSON, person.toLowerCase(Locale.ROOT));
        m.put(BOX_KEY, boxKey);
        m.put(WRAPPED, wrapped);
        return m;
    }

    /** The data of an entry saying no report key is current any more. */
    public static Map<String, String> withdrawn() {
        return Map.of(KIND, WITHDRAWN);
    }

    /** What a report key's private half is bound to when wrapped: the key and the person it is for. */
    public static String wrapContext(String keyId, String person) {
        return "resolve report key|" + keyId + "|" + person.toLowerCase(Locale.ROOT);
    }

    /**
     * The report key board text is sealed for now: the newest publication or withdrawal among
     * {@code entries} written by someone who was an administrator with valid, correctly signed keys at
     * the time ({@code directory}); empty when there is none or the newest is a withdrawal. A key
     * published by anyone else (a practitioner who wants to read board text) is ignored.
     */
    public static Optional<Published> current(Collection<Entry> entries, KeyDirectory directory) {
        Entry newest = entries.stream()
                .filter(e -> e.type() == EntryType.REPORT_KEY)
                .filter(e -> PUBLISHED.equals(e.get(KIND)) && e.get(KEY_ID) != null && e.get(PUBLIC_KEY) != null
                        || WITHDRAWN.equals(e.get(KIND)))
                .filter(e -> vouched(e, directory))
                .max(Comparator.comparing(Entry::writtenAt).thenComparing(Entry::device)
                        .thenComparingLong(Entry::deviceSeq))
                .orElse(null);
        if (newest == null || WITHDRAWN.equals(newest.get(KIND))) {
            return Optional.empty();
        }
        return Optional.of(new Published(newest.get(KEY_ID), newest.get(PUBLIC_KEY), newest.author(),
                newest.writtenAt()));
    }

    /** Every key published by an administrator among {@code entries}, by id (for opening board text sealed earlier). */
    public static Map<String, Published> publishedKeys(Collection<Entry> entries, KeyDirectory directory) {
        Map<String, Published> out = new TreeMap<>();
        entries.stream().filter(e -> e.type() == EntryType.REPORT_KEY && PUBLISHED.equals(e.get(KIND))
                        && e.get(KEY_ID) != null && e.get(PUBLIC_KEY) != null && vouched(e, directory))
                .forEach(e -> out.putIfAbsent(e.get(KEY_ID), new Published(e.get(KEY_ID), e.get(PUBLIC_KEY),
                        e.author(), e.writtenAt())));
        return out;
    }

    /** The grants among {@code entries}. */
    public static List<Grant> grants(Collection<Entry> entries) {
        return entries.stream().filter(e -> e.type() == EntryType.REPORT_KEY && GRANT.equals(e.get(KIND))
                        && e.get(KEY_ID) != null && e.get(PERSON) != null && e.get(WRAPPED) != null)
                .map(e -> new Grant(e.get(KEY_ID), e.get(PERSON).toLowerCase(Locale.ROOT), e.get(BOX_KEY, ""),
                        e.get(WRAPPED)))
                .toList();
    }

    /** Who holds key {@code keyId} among {@code entries} (lower-case names). */
    public static Set<String> holders(Collection<Entry> entries, String keyId) {
        Set<String> out = new TreeSet<>();
        grants(entries).stream().filter(g -> g.keyId().equals(keyId)).forEach(g -> out.add(g.person()));
        return out;
    }

    /**
     * The people who should hold the report key at {@code t}: everyone the directory registers as in
     * the business team then, with the X25519 keys valid then (lower-case names). Keys a person
     * registered on their own, which no other administrator has confirmed, get none: only the
     * database key stands behind them.
     */
    public static Map<String, Set<String>> businessTeam(KeyDirectory directory, Instant t) {
        Map<String, Set<String>> out = new TreeMap<>();
        Set<String> unconfirmed = new TreeSet<>();
        directory.ownRegistrations().forEach(r -> unconfirmed.add(r.signKey()));
        for (String person : directory.people()) {
            if (!directory.rolesAt(person, t).contains(BUSINESS_TEAM)) {
                continue;
            }
            for (KeyDirectory.Registration r : directory.keysAt(person, t)) {
                if (!r.boxKey().isBlank() && !unconfirmed.contains(r.signKey())) {
                    out.computeIfAbsent(person.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(r.boxKey());
                }
            }
        }
        return out;
    }

    private static boolean vouched(Entry e, KeyDirectory directory) {
        return directory.rolesAt(e.author(), e.writtenAt()).contains(KeyDirectory.ADMINISTRATOR)
                && directory.check(e).status() == KeyDirectory.Status.GOOD;
    }
}
