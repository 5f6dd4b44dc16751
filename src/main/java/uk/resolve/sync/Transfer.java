/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.store.CheckpointStore;
import uk.resolve.store.EntryStore;

/** Export of entries to an {@link ExportFile}, and import of one by the same merge as sync. */
public final class Transfer {

    /** What an export wrote. */
    public record Exported(Path file, int entries, int cases, String sha256) {
    }

    /**
     * What an import did: {@code added} of the file's {@code inFile} entries were new here;
     * {@code encrypted} is false for a file from an earlier version of Resolve, made without encryption;
     * {@code documentsSetAside} documents' bytes did not match their SHA-256 and were not stored.
     */
    public record Imported(Path file, int inFile, int added, String sha256, boolean encrypted, int setAside,
                           int documentsSetAside) {

        public Imported(Path file, int inFile, int added, String sha256, boolean encrypted, int setAside) {
            this(file, inFile, added, sha256, encrypted, setAside, 0);
        }

        public String summary() {
            return (added == 0 && setAside == 0 ? "Nothing new: this database already held all " + inFile
                    + " entries of the file." : "Imported " + added + " new " + (added == 1 ? "entry" : "entries")
                    + " of the " + inFile + " in the file; the rest were already here.")
                    + (setAside == 0 ? "" : " " + setAside + (setAside == 1 ? " entry" : " entries") + " failed"
                    + " their checks and were set aside in quarantine (an administrator can see them with"
                    + " 'resolve quarantine list'); ask for the file to be exported again.")
                    + (documentsSetAside == 0 ? "" : " The contents of " + documentsSetAside + (documentsSetAside == 1
                    ? " attached document" : " attached documents") + " did not match their SHA-256 and were set"
                    + " aside: they are listed but cannot be opened; ask for the file to be exported again.")
                    + (encrypted ? "" : " Note: this file was not encrypted (it was made by an earlier version of"
                    + " Resolve); delete it now that it is imported.");
        }
    }

    private Transfer() {
    }

    /**
     * Exports every entry, or the entries of the chosen cases.
     *
     * @throws SyncException when a chosen case is not in the database or the file cannot be written
     */
    public static Exported export(EntryStore entries, Path out, List<UUID> cases, String exportedBy, Instant now,
                                  char[] passphrase, LongConsumer progress) {
        return export(entries, out, cases, exportedBy, now, passphrase, progress, null);
    }

    /**
     * As above; the people's key registrations go with any choice of cases (the receiver checks the
     * entries' signatures with them), and with {@code checkpoints} (null: none) so do the checkpoints
     * of the chains whose newest entries the file carries, and the audit logs'.
     */
    public static Exported export(EntryStore entries, Path out, List<UUID> cases, String exportedBy, Instant now,
                                  char[] passphrase, LongConsumer progress, CheckpointStore checkpoints) {
        List<Entry> chosen;
        if (cases.isEmpty()) {
            chosen = entries.all();
        } else {
            chosen = new ArrayList<>();
            for (UUID c : new java.util.LinkedHashSet<>(cases)) {
                List<Entry> list = entries.caseEntries(c);
                if (list.isEmpty()) {
                    throw new SyncException(SyncException.Kind.REFUSED, "There is no case " + c + " in this database,"
                            + " so nothing was exported. Check the case id ('resolve case list').");
                }
                chosen.addAll(list);
            }
            chosen.addAll(entries.ofType(EntryType.PERSON_KEYS));
            chosen.addAll(entries.ofType(EntryType.REPORT_KEY));
        }
        Set<UUID> caseIds = chosen.stream().map(Entry::caseId).filter(c -> !KeyDirectory.PEOPLE.equals(c))
                .collect(Collectors.toSet());
        CheckpointStore.Held held = null;
        if (checkpoints != null) {
            Set<UUID> carried = chosen.stream().map(Entry::id).collect(Collectors.toSet());
            CheckpointStore.Held all = checkpoints.held("export", now);
            held = new CheckpointStore.Held(all.record().stream()
                    .filter(cp -> cp.entryId() != null && carried.contains(cp.entryId())).toList(), all.audit());
        }
        String sum = ExportFile.write(out, new ExportFile.Manifest(now, entries.device(), exportedBy, cases), chosen,
                passphrase, progress, entries.contents().source(), held);
        return new Exported(out, chosen.size(), caseIds.size(), sum);
    }

    /**
     * Imports an export file (opened with {@code passphrase}; null for a version 1 file from before
     * encryption): checks all of it first, then adds the entries this database lacks in
     * one transaction. Importing the same file again adds nothing.
     *
     * @throws SyncException when the file is refused; nothing is then imported
     */
    public static Imported importFile(EntryStore entries, Path file, char[] passphrase, LongConsumer progress,
                                      Quarantine quarantine) {
        return importFile(entries, file, passphrase, progress, quarantine, null);
    }

    /** As above; the checkpoints the file carries are taken into {@code checkpoints} (null: ignored). */
    public static Imported importFile(EntryStore entries, Path file, char[] passphrase, LongConsumer progress,
                                      Quarantine quarantine, CheckpointStore checkpoints) {
        ExportFile.Contents contents = ExportFile.read(file, passphrase, progress);
        try (ExportFile.Bytes bytes = contents.bytes()) {
            return importContents(entries, file, contents, bytes, quarantine, checkpoints);
        }
    }

    private static Imported importContents(EntryStore entries, Path file, ExportFile.Contents contents,
                                           ExportFile.Bytes bytes, Quarantine quarantine,
                                           CheckpointStore checkpoints) {
        Set<UUID> ids = new HashSet<>();
        for (Entry e : contents.entries()) {
            if (!ids.add(e.id())) {
                throw new SyncException(SyncException.Kind.REFUSED, "The file " + file + " holds entry " + e.id()
                        + " twice. Nothing was imported; ask for it to be exported again.");
            }
        }
        Map<UUID, Entry> here = entries.entries(ids).stream().collect(Collectors.toMap(Entry::id, e -> e));
        List<Entry> missing = new ArrayList<>();
        List<Entry> otherVersions = new ArrayList<>();
        for (Entry e : contents.entries()) {
            Entry held = here.get(e.id());
            if (held == null) {
                missing.add(e);
            } else if (!held.hash().equals(e.hash())) {
                otherVersions.add(e);
            }
        }
        String source = file.getFileName().toString();
        // entries failing their checks are set aside; the rest of the file is imported
        quarantine.setAside(otherVersions, "this database holds a different version of it: one of them was altered"
                + " outside Resolve", source);
        int before = quarantine.pending();
        List<Entry> admitted = quarantine.admit(missing, entries, uk.resolve.domain.record.Quarantined.INCOMING, source);
        int setAside = otherVersions.size() + quarantine.pending() - before;
        Set<String> badBytes = new HashSet<>();
        int added = entries.addMissing(admitted, bytes, r -> badBytes.add(r.wanted().sha256()));
        // bytes for entries already here that arrived earlier without them (a bad one is tried again: counted once)
        entries.contents().fill(bytes, r -> badBytes.add(r.wanted().sha256()));
        if (checkpoints != null && contents.checkpoints() != null) {
            checkpoints.receive(contents.checkpoints()); // after the entries: only those borne out are kept
        }
        return new Imported(file, contents.entries().size(), added, contents.sha256(), contents.encrypted(), setAside,
                badBytes.size());
    }
}
