/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import javax.crypto.AEADBadTagException;

import uk.resolve.domain.escalation.CaseDetails;
import uk.resolve.security.Crypto;
import uk.resolve.security.PersonKeys;
import uk.resolve.store.ListCacheStore;

/**
 * The signed-in person's cache of what My escalations shows of sealed cases that a listing row cannot
 * hold (the child's reference and name, the professionals named), so that a list of thousands of sealed
 * cases needs one key a session rather than one case-key unwrap per case (decision 0012). It is sealed
 * under a key derived from the person's own private key, in 256 buckets by the first byte of the case
 * id, each bound to the person and its bucket. Written when the person first opens a case's opening
 * entry for a list; what it holds never changes afterwards, as an opening entry never does. Derived,
 * never trusted: a bucket that does not open or holds a case of another bucket is set aside and made
 * again from the opening entries; {@code verify} compares it with them; {@code rebuild} empties it.
 */
final class CaseListCache {

    /** What the derived key is for; raised with the format, so an older cache simply does not open. */
    private static final String PURPOSE = "resolve case list cache v1";
    static final int BUCKETS = 256;

    /** What a list shows of a sealed case's opening entry that its listing row does not hold. */
    record Shown(String childRef, String childName, String raisedBy, String otherProfessional) {

        static Shown of(CaseDetails d) {
            return new Shown(d.childRef(), d.childName(), d.raisedBy(), d.otherProfessional());
        }

        /** As details a listing takes its child from ({@code CaseListing.withChild}); the rest is the listing's. */
        CaseDetails details() {
            return new CaseDetails(childRef, childName, null, raisedBy, null, null, otherProfessional, null, null,
                    null, null, false, null, false);
        }
    }

    private final ListCacheStore store;
    private String person;
    private byte[] key;
    /** Everything this person's cache holds, once read this session; null until then. */
    private Map<UUID, Shown> known;
    private int setAside;

    CaseListCache(ListCacheStore store) {
        this.store = store;
    }

    /** From now on, the cache of the person whose keys are {@code k} (null: no one's). */
    synchronized void use(PersonKeys k) {
        if (key != null) {
            Crypto.wipe(key);
        }
        known = null;
        person = k == null ? null : k.person().toLowerCase(Locale.ROOT);
        key = k == null ? null : k.derivedKey(PURPOSE);
    }

    /** What the cache holds of {@code ids} (those it holds nothing of are left out), read once a session. */
    synchronized Map<UUID, Shown> find(Collection<UUID> ids) {
        Map<UUID, Shown> out = new HashMap<>();
        if (key == null || ids.isEmpty()) {
            return out;
        }
        if (known == null) {
            known = load();
        }
        for (UUID id : ids) {
            Shown s = known.get(id);
            if (s != null) {
                out.put(id, s);
            }
        }
        return out;
    }

    /** Adds what was just opened to the cache: the buckets it falls in are sealed again and stored. */
    synchronized void add(Map<UUID, Shown> opened) {
        if (key == null || opened.isEmpty()) {
            return;
        }
        if (known == null) {
            known = load();
        }
        known.putAll(opened);
        Set<Integer> touched = new TreeSet<>();
        opened.keySet().forEach(id -> touched.add(bucket(id)));
        Map<Integer, Map<UUID, Shown>> byBucket = new TreeMap<>();
        for (Map.Entry<UUID, Shown> e : known.entrySet()) {
            int b = bucket(e.getKey());
            if (touched.contains(b)) {
                byBucket.computeIfAbsent(b, x -> new TreeMap<>()).put(e.getKey(), e.getValue());
            }
        }
        Map<Integer, byte[]> sealed = new TreeMap<>();
        byBucket.forEach((b, content) -> sealed.put(b, seal(b, content)));
        store.write(person, sealed);
    }

    /** How many stored buckets the last read of the cache set aside (did not open, or held what they should not). */
    synchronized int setAside() {
        return setAside;
    }

    /** What the stored cache holds now, read afresh (for {@code verify}); empty for no one signed in. */
    synchronized Map<UUID, Shown> reread() {
        known = key == null ? new HashMap<>() : load();
        return Map.copyOf(known);
    }

    /** Forgets {@code who}'s cache, stored and (when theirs) in memory. */
    synchronized void forget(String who) {
        store.clear(who);
        if (who.toLowerCase(Locale.ROOT).equals(person)) {
            known = new HashMap<>();
        }
    }

    /** Forgets every person's cache ('resolve rebuild'). */
    synchronized void forgetAll() {
        store.clearAll();
        known = null;
    }

    /** Whose caches are stored (lower-case names). */
    Set<String> people() {
        return store.people();
    }

    private Map<UUID, Shown> load() {
        Map<UUID, Shown> out = new HashMap<>();
        int aside = 0;
        for (Map.Entry<Integer, byte[]> b : store.read(person).entrySet()) {
            Map<UUID, Shown> content = open(b.getKey(), b.getValue());
            if (content == null) {
                aside++; // made again from the opening entries as the list needs them, and stored over this one
            } else {
                out.putAll(content);
            }
        }
        setAside = aside;
        return out;
    }

    static int bucket(UUID id) {
        return (int) (id.getMostSignificantBits() >>> 56);
    }

    private byte[] binding(int bucket) {
        return Crypto.utf8(PURPOSE + "|" + person + "|" + bucket);
    }

    private byte[] seal(int bucket, Map<UUID, Shown> content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(content.size());
            for (Map.Entry<UUID, Shown> e : content.entrySet()) {
                out.writeLong(e.getKey().getMostSignificantBits());
                out.writeLong(e.getKey().getLeastSignificantBits());
                Shown s = e.getValue();
                for (String text : new String[] {s.childRef(), s.childName(), s.raisedBy(), s.otherProfessional()}) {
                    write(out, text);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        byte[] plain = bytes.toByteArray();
        try {
            return Crypto.seal(key, plain, binding(bucket));
        } finally {
            Crypto.wipe(plain);
        }
    }

    /** The bucket's content, or null when it does not open with this person's key or is not well formed. */
    private Map<UUID, Shown> open(int bucket, byte[] sealed) {
        byte[] plain;
        try {
            plain = Crypto.open(key, sealed, binding(bucket));
        } catch (AEADBadTagException notOurs) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int n = in.readInt();
            if (n < 0 || n > plain.length / 16) {
                return null;
            }
            Map<UUID, Shown> out = new HashMap<>();
            for (int i = 0; i < n; i++) {
                UUID id = new UUID(in.readLong(), in.readLong());
                if (bucket(id) != bucket) {
                    return null;
                }
                out.put(id, new Shown(read(in), read(in), read(in), read(in)));
            }
            return in.available() == 0 ? out : null;
        } catch (IOException malformed) {
            return null;
        } finally {
            Crypto.wipe(plain);
        }
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > in.available()) {
            throw new IOException("truncated");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
