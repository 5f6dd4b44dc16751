/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import uk.resolve.domain.rules.RuleViolation;

/**
 * Writes a file a person asked for (a calendar file, an e-mail draft) whole or not at all: to a
 * temporary file beside it, then moved into place. A file that cannot be written is refused with
 * where and why, in words a worker can act on.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /** Writes {@code bytes} to {@code file}; {@code what} names it in a refusal ("the calendar file"). */
    static Path write(Path file, byte[] bytes, String what) {
        return write(file, out -> out.write(bytes), what);
    }

    /** What writes a file's content, streamed. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes what {@code content} gives to {@code file}, streamed, whole or not at all. */
    static Path write(Path file, Content content, String what) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new RuleViolation("Could not write " + what + " to " + target + ": that is a folder. Give a file"
                    + " name, for example " + target.resolve("resolve-file") + ".");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new RuleViolation("Could not write " + what + " to " + target + ": the folder " + dir
                    + " does not exist. Choose a folder that exists (is the drive connected?).");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".resolve-", ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            } catch (RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the refusal below matters more than a stray temporary file
                }
            }
            throw new RuleViolation("Could not write " + what + " to " + target + ": " + reason(e)
                    + " Nothing was recorded; choose another place and try again.");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "you may not write in " + (e instanceof FileSystemException f && f.getFile() != null
                    ? Path.of(f.getFile()).getParent() : "that folder") + " (or the file is read-only or open in"
                    + " another program).";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder is no longer there (is the drive connected?).";
        }
        String m = e.getMessage();
        return "the system said \"" + (m == null ? e.getClass().getSimpleName() : m) + "\" (is the disk full or"
                + " the drive disconnected?).";
    }
}
