/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.security.PersonKeys;
import uk.resolve.store.EntryStore;

/**
 * Writes people's public keys into the record as {@link EntryType#PERSON_KEYS} entries, signed (as
 * every entry) by whoever appends them: the person themselves for their own first keys, otherwise
 * the administrator who adds, resets or removes them. They travel with the record like any entry.
 */
final class KeyRegistrations {

    static final KeyDirectory.Reason FIRST = KeyDirectory.Reason.FIRST_ADMINISTRATOR;
    static final KeyDirectory.Reason UPGRADE = KeyDirectory.Reason.UPGRADE;

    private KeyRegistrations() {
    }

    /** Whether the record already holds a registration of {@code keys}. */
    static boolean registered(EntryStore entries, PersonKeys keys) {
        String pub = keys.signingPublic();
        return entries.ofType(EntryType.PERSON_KEYS).stream()
                .anyMatch(e -> keys.person().equals(e.get(KeyDirectory.PERSON)) && pub.equals(e.get(KeyDirectory.SIGN_KEY)));
    }

    /** Whether the record holds any registration at all (none yet: the first is the first administrator's). */
    static boolean any(EntryStore entries) {
        return !entries.ofType(EntryType.PERSON_KEYS).isEmpty();
    }

    /** Registers {@code keys}, appended (and so signed) in the name of {@code author}. */
    static Entry register(EntryStore entries, Instant now, String author, PersonKeys keys, KeyDirectory.Reason reason,
                          String role, String team) {
        Map<String, String> data = new TreeMap<>();
        data.put(KeyDirectory.TEAM, team == null ? "" : team);
        data.put(KeyDirectory.PERSON, keys.person());
        data.put(KeyDirectory.SIGN_KEY, keys.signingPublic());
        data.put(KeyDirectory.BOX_KEY, keys.boxPublic());
        data.put(KeyDirectory.REASON, reason.code());
        data.put(KeyDirectory.ROLE, role);
        return append(entries, now, author, data);
    }

    /** Withdraws every key of {@code person} from now on (they were removed). */
    static Entry withdraw(EntryStore entries, Instant now, String author, String person) {
        Map<String, String> data = new TreeMap<>();
        data.put(KeyDirectory.PERSON, person);
        data.put(KeyDirectory.REASON, KeyDirectory.Reason.REMOVED.code());
        return append(entries, now, author, data);
    }

    /**
     * Registers that {@code person} now holds {@code roles} (codes as stored) in {@code team}, signed
     * by the administrator who changed them, so that vouching and entitlement follow their current
     * roles and team on every copy of the record.
     */
    static Entry rolesChanged(EntryStore entries, Instant now, String author, String person, String roles,
                              String team) {
        Map<String, String> data = new TreeMap<>();
        data.put(KeyDirectory.TEAM, team == null ? "" : team);
        data.put(KeyDirectory.PERSON, person);
        data.put(KeyDirectory.REASON, KeyDirectory.Reason.ROLES_CHANGED.code());
        data.put(KeyDirectory.ROLE, roles);
        return append(entries, now, author, data);
    }

    /** Confirms, as an administrator other than them, keys {@code person} registered on their own. */
    static Entry confirm(EntryStore entries, Instant now, String author, String person, String signKey) {
        Map<String, String> data = new TreeMap<>();
        data.put(KeyDirectory.PERSON, person);
        data.put(KeyDirectory.SIGN_KEY, signKey);
        data.put(KeyDirectory.REASON, KeyDirectory.Reason.CONFIRMED.code());
        return append(entries, now, author, data);
    }

    private static Entry append(EntryStore entries, Instant now, String author, Map<String, String> data) {
        return entries.append(java.util.List.of(NewEntry.of(KeyDirectory.PEOPLE, EntryType.PERSON_KEYS, author, now,
                now, data))).get(0);
    }
}
