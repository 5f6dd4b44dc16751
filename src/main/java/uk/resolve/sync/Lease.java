/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The right to write the shared file, held by one computer at a time: a small file next to the
 * shared database, created only when absent (an exclusive create, which SMB servers perform
 * atomically), naming its holder and when it expires. A holder that stops renewing (a computer
 * switched off or asleep, a process killed) loses it when it expires; one on this same computer
 * whose process has ended loses it at once.
 */
final class Lease implements AutoCloseable {

    /** Who holds a lease, as written in the lease file. */
    record Holder(String token, String device, String host, long pid, String pidStart, Instant expires) {

        String describe() {
            return (host.isBlank() ? "another computer" : host) + (device.isBlank() ? "" : " (device " + device + ")");
        }
    }

    /** Tokens of the leases this process holds now, to tell them from ones it left behind. */
    private static final java.util.Set<String> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Holder me;
    private final Clock clock;
    private final Duration ttl;
    private volatile boolean released;

    private Lease(Path file, Holder me, Clock clock, Duration ttl) {
        this.file = file;
        this.me = me;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Identifies this process to other computers looking at the lease. */
    record Identity(String device, String host, long pid, String pidStart) {

        static Identity ofThisProcess(String device) {
            ProcessHandle self = ProcessHandle.current();
            return new Identity(device, hostName(), self.pid(),
                    self.info().startInstant().map(Instant::toString).orElse(""));
        }
    }

    /**
     * Takes the lease, waiting up to {@code wait} while another computer holds it.
     *
     * @throws SyncException (BUSY) when it is still held by another after {@code wait}
     * @throws IOException   when the folder cannot be written
     */
    static Lease acquire(Path file, Identity id, Clock clock, Duration ttl, Duration wait) throws IOException {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 50;
        while (true) {
            Holder me = new Holder(token, id.device(), id.host(), id.pid(), id.pidStart(), clock.instant().plus(ttl));
            try {
                Files.write(file, encode(me), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                LIVE.add(token);
                return new Lease(file, me, clock, ttl);
            } catch (FileAlreadyExistsException taken) {
                Optional<Holder> other = read(file);
                if (isStale(file, other, id, clock, ttl)) {
                    breakStale(file, other, token);
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    throw new SyncException(SyncException.Kind.BUSY, "The shared file is being synced by "
                            + other.map(Holder::describe).orElse("another computer") + ". Your work is safe on this"
                            + " computer; try again in a minute (a lease left by a computer that stopped expires by "
                            + other.map(h -> h.expires().toString()).orElse("itself") + ").");
                }
                sleep(ThreadLocalRandom.current().nextLong(pause / 2, pause + 1));
                pause = Math.min(pause * 2, 1000);
            }
        }
    }

    /** The token this holder wrote, to tell its lease apart from a newer one. */
    String token() {
        return me.token();
    }

    /** True while the lease file still names this holder. */
    boolean held() {
        if (released) {
            return false;
        }
        try {
            return read(file).map(h -> h.token().equals(me.token())).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** Pushes the expiry on, while the file is still this holder's. */
    void renew() throws IOException {
        if (!held()) {
            return;
        }
        Holder renewed = new Holder(me.token(), me.device(), me.host(), me.pid(), me.pidStart(),
                clock.instant().plus(ttl));
        // no CREATE: if the lease was broken meanwhile, this fails rather than making a new one
        Files.write(file, encode(renewed), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Gives the lease up; a lease that has meanwhile passed to another holder is left alone. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        LIVE.remove(me.token());
        try {
            Optional<Holder> h = read(file);
            if (h.isPresent() && h.get().token().equals(me.token())) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // the drive went away: the lease expires by itself
        }
    }

    static Optional<Holder> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)));
        String token = p.getProperty("holder");
        String expires = p.getProperty("expires");
        if (token == null || expires == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Holder(token, p.getProperty("device", ""), p.getProperty("host", ""),
                    Long.parseLong(p.getProperty("pid", "-1")), p.getProperty("pidStart", ""), Instant.parse(expires)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isStale(Path file, Optional<Holder> other, Identity me, Clock clock, Duration ttl)
            throws IOException {
        if (other.isEmpty()) {
            // being written this instant, or damaged: judge by its age
            try {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                return modified.plus(ttl.multipliedBy(2)).isBefore(clock.instant());
            } catch (NoSuchFileException gone) {
                return false;
            }
        }
        Holder h = other.get();
        if (h.expires().isBefore(clock.instant())) {
            return true;
        }
        if (!h.host().isBlank() && h.host().equals(me.host()) && h.pid() > 0) {
            // on this computer we can see whether the holder's process is still running
            if (h.pid() == ProcessHandle.current().pid()) {
                // this process: stale unless one of its syncs holds it now (the drive vanished
                // while it was held, so it could not be removed)
                return !LIVE.contains(h.token());
            }
            Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
            if (p.isEmpty() || !p.get().isAlive()) {
                return true;
            }
            String start = p.get().info().startInstant().map(Instant::toString).orElse("");
            return !h.pidStart().isBlank() && !start.isBlank() && !start.equals(h.pidStart());
        }
        return false;
    }

    /**
     * Moves a stale lease aside (one atomic rename, so two computers cannot both break it) and
     * deletes it. If what was moved turns out to be a fresh lease taken meanwhile, it is deleted
     * too: its holder sees that before replacing the shared file and starts again.
     */
    private static void breakStale(Path file, Optional<Holder> judged, String token) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".broken-" + token);
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return;
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(file, aside);
        }
        Files.deleteIfExists(aside);
    }

    private static byte[] encode(Holder h) {
        String text = "# Resolve: a computer is syncing this shared file; safe to delete if older than its expiry\n"
                + "holder=" + h.token() + "\ndevice=" + h.device() + "\nhost=" + h.host() + "\npid=" + h.pid()
                + "\npidStart=" + h.pidStart() + "\nexpires=" + h.expires() + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.Kind.BUSY, "The sync was stopped while waiting for another"
                    + " computer to finish. Your work is safe on this computer and will sync next time.");
        }
    }

    private static volatile String host;

    static String hostName() {
        String h = host;
        if (h == null) {
            h = System.getenv("COMPUTERNAME");
            if (h == null || h.isBlank()) {
                h = System.getenv("HOSTNAME");
            }
            if (h == null || h.isBlank()) {
                try {
                    h = java.net.InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    h = "";
                }
            }
            host = h;
        }
        return h;
    }
}
