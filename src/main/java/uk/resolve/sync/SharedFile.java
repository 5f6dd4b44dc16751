/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import uk.resolve.store.Database;

/**
 * Every file the sync touches on the shared drive, and the only code that reads, writes or
 * replaces them: the shared database ({@code NAME.mv.db}), its lease ({@code NAME.sync-lease}),
 * the new version being written ({@code NAME.mv.db.sync-TOKEN.tmp}) and, where the drive cannot
 * rename atomically, the previous version kept until the new one is in place
 * ({@code NAME.mv.db.sync-TOKEN.old}), and the team's key file ({@code NAME.key.json},
 * {@link TeamKeyFile}). The shared database is encrypted by H2 ({@code CIPHER=AES}) under the team
 * key, so every copy of it (the new version, the local working copy) is encrypted too.
 */
final class SharedFile {

    private static final String TMP = ".tmp";
    private static final String OLD = ".old";

    private final Path db;
    private final Path folder;

    SharedFile(Path chosen) {
        Path abs = chosen.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "" : abs.getFileName().toString();
        if (!name.endsWith(Database.SUFFIX)) {
            abs = abs.resolveSibling(name + Database.SUFFIX);
        }
        this.db = abs;
        this.folder = abs.getParent();
    }

    /** The shared database file. */
    Path db() {
        return db;
    }

    Path folder() {
        return folder;
    }

    Path lease() {
        String name = db.getFileName().toString();
        return folder.resolve(name.substring(0, name.length() - Database.SUFFIX.length()) + ".sync-lease");
    }

    /** The folder of segments beside the shared database: {@code NAME.segments}. */
    Path segments() {
        String name = db.getFileName().toString();
        return folder.resolve(name.substring(0, name.length() - Database.SUFFIX.length()) + ".segments");
    }

    /** Where segments that could not be read are moved, never to be merged: {@code NAME.segments/set-aside}. */
    Path setAsideFolder() {
        return segments().resolve("set-aside");
    }

    /** The complete segments now in the folder, by file name (none when there is no folder yet). */
    java.util.SortedMap<String, Path> listSegments() throws IOException {
        java.util.SortedMap<String, Path> out = new java.util.TreeMap<>();
        Path dir = segments();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> p.getFileName().toString()
                .endsWith(Segment.SUFFIX) && Files.isRegularFile(p))) {
            ds.forEach(p -> out.put(p.getFileName().toString(), p));
        }
        return out;
    }

    /** Names of the files in the set-aside folder. */
    List<String> setAside() throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(setAsideFolder())) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(setAsideFolder())) {
            ds.forEach(p -> out.add(p.getFileName().toString()));
        }
        return out;
    }

    /** Moves a segment that could not be read into the set-aside folder (one rename; gone already is fine). */
    void setAside(Path segment) throws IOException {
        Files.createDirectories(setAsideFolder());
        try {
            Files.move(segment, setAsideFolder().resolve(segment.getFileName()));
        } catch (NoSuchFileException | java.nio.file.FileAlreadyExistsException e) {
            // another computer set it aside first
        }
    }

    /** Removes segments this device began and did not finish (only this device writes its own). */
    void removeOwnParts(String device) throws IOException {
        Path dir = segments();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(device + ".") && n.endsWith(Segment.PART);
        })) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The team's key file: {@code NAME.key.json}. */
    Path keyFile() {
        String name = db.getFileName().toString();
        return folder.resolve(name.substring(0, name.length() - Database.SUFFIX.length()) + ".key.json");
    }

    Path temp(String token) {
        return folder.resolve(db.getFileName() + ".sync-" + token + TMP);
    }

    Path backup(String token) {
        return folder.resolve(db.getFileName() + ".sync-" + token + OLD);
    }

    /** True when the folder that holds the shared file can be seen now. */
    boolean reachable() {
        return folder != null && Files.isDirectory(folder);
    }

    /** What identifies this version of the shared file without opening it, or empty when absent. */
    Optional<FileIdentity> identity() throws IOException {
        return FileIdentity.of(db);
    }

    /**
     * Puts the shared file back when an earlier sync stopped half-way through a non-atomic
     * replacement (the shared file moved aside, the new one not yet in place). Called under the
     * lease. Returns true when it restored one.
     */
    boolean recover() throws IOException {
        List<Path> backups = siblings(OLD);
        if (backups.isEmpty()) {
            return false;
        }
        backups.sort(Comparator.comparing(SharedFile::modified).reversed());
        boolean restored = false;
        if (!Files.exists(db)) {
            Files.move(backups.get(0), db, StandardCopyOption.ATOMIC_MOVE);
            restored = true;
            backups.remove(0);
        }
        for (Path p : backups) {
            Files.deleteIfExists(p);
        }
        return restored;
    }

    /** Removes new versions that a sync stopped before putting in place (under the lease). */
    void removeAbandonedTemps(String keepToken) throws IOException {
        for (Path p : siblings(TMP)) {
            if (!p.getFileName().toString().contains(keepToken)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private List<Path> siblings(String ending) throws IOException {
        List<Path> out = new ArrayList<>();
        String prefix = db.getFileName() + ".sync-";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(ending);
        })) {
            ds.forEach(out::add);
        }
        return out;
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Copies {@code from} to {@code to} and forces it to the disk; returns the SHA-256 of what was copied. */
    static String copy(Path from, Path to) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), md);
             FileChannel ch = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            in.transferTo(out);
            out.flush();
            ch.force(true);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The SHA-256 of a file's bytes, read afresh. */
    static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Puts the verified new version {@code temp} in place of the shared file in one step. Where
     * the drive cannot rename over a file atomically, the old version is first moved aside under a
     * name {@link #recover()} knows, so that a stop between the two renames leaves a complete file
     * that the next sync puts back.
     */
    void replace(Path temp, String token, Runnable betweenRenames) throws IOException {
        try {
            Files.move(temp, db, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        } catch (AtomicMoveNotSupportedException e) {
            // fall through to the two-step replacement below
        }
        Path backup = backup(token);
        boolean hadOld = Files.exists(db);
        if (hadOld) {
            Files.move(db, backup);
        }
        betweenRenames.run();
        Files.move(temp, db);
        if (hadOld) {
            Files.deleteIfExists(backup);
        }
    }

    /** Size, modification time and (where the file system has one) file key: changes whenever the file is replaced. */
    record FileIdentity(long size, String modified, String key) {

        static Optional<FileIdentity> of(Path file) throws IOException {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                Object key = a.fileKey();
                return Optional.of(new FileIdentity(a.size(), a.lastModifiedTime().toInstant().toString(),
                        key == null ? "" : key.toString()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        String text() {
            return size + "|" + modified + "|" + key;
        }

        static Optional<FileIdentity> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String[] p = text.split("\\|", 3);
            if (p.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new FileIdentity(Long.parseLong(p[0]), p[1], p[2]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
