/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.attachment.AttachmentCheck;
import uk.resolve.store.Database;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * Run in a JVM of its own with a small heap ({@link AttachmentHeapIT}): a case with four documents
 * of the largest size allowed (the case's whole allowance) is attached, opened, listed, verified,
 * synced to two other laptops through segments and the shared file, exported and imported, on
 * encrypted databases. Prints the peak heap used after each step beside the floor: the peak of a
 * plain copy of the same files. Ends with "OK" when every copy arrived byte-identical.
 */
public final class AttachmentHeapRun {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    private AttachmentHeapRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        MutableClock clock = MutableClock.at("2026-12-21T09:00");
        List<Path> docs = new ArrayList<>();
        List<String> sums = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Path f = Files.createDirectories(dir.resolve("source")).resolve("scan-" + i + ".pdf");
            sums.add(write(f, AttachmentCheck.MAX_FILE_BYTES, i));
            docs.add(f);
        }
        resetPeaks();
        for (Path d : docs) {
            Files.copy(d, dir.resolve("source").resolve(d.getFileName() + ".copy"));
        }
        System.out.println("floor (plain copy of 4 x 25 MB): peak heap " + peakMb() + " MB");

        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        Services a = laptop(dir, "a", clock);
        UUID caseId = Laptops.openCase(a, "REF-HEAP", clock.instant());
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);
        clock.advance(Duration.ofMinutes(1));
        resetPeaks();
        for (Path d : docs) {
            a.attachments().attach(caseId, d, "");
        }
        step("attach 4 x 25 MB");
        a.cases().get(caseId);
        a.cases().list();
        if (a.attachments().list(caseId).size() != 4) {
            throw new AssertionError("four attachments expected");
        }
        step("open and list");
        if (!a.integrity().verify().intact()) {
            throw new AssertionError("verify found breaks");
        }
        step("verify");
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);
        step("sync out (segments)");
        Services b = laptop(dir, "b", clock);
        Laptops.engine(b, Laptops.segments()).sync(shared, Laptops.KEY);
        step("sync in on another laptop (segments)");
        if (!Laptops.engine(a, Laptops.segments().withFoldAt(1)).foldIfDue(shared, Laptops.KEY)) {
            throw new AssertionError("the fold did not happen");
        }
        step("fold into the shared file");
        Services c = laptop(dir, "c", clock);
        Laptops.engine(c, Laptops.fast()).sync(shared, Laptops.KEY);
        step("sync in from the shared file");
        Path export = dir.resolve("usb").resolve("case.resolve");
        Files.createDirectories(export.getParent());
        a.sync().export(export, List.of(caseId), PASSPHRASE, n -> { });
        step("export");
        Services d = laptop(dir, "d", clock);
        d.sync().importFile(export, PASSPHRASE, n -> { });
        step("import");
        for (Services s : List.of(b, c, d)) {
            for (int n = 1; n <= 4; n++) {
                Path out = s.attachments().save(caseId, n, dir.resolve("saved-" + n + ".pdf"));
                if (!sha256(out).equals(sums.get(n - 1))) {
                    throw new AssertionError("attachment " + n + " differs after travelling");
                }
                Files.delete(out);
            }
        }
        step("save 12 copies");
        for (Services s : List.of(a, b, c, d)) {
            s.close();
        }
        System.out.println("OK");
    }

    private static Services laptop(Path dir, String name, MutableClock clock) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return TestAccess.open(Database.open(dir.resolve("laptops").resolve(name).resolve("resolve.mv.db"), key), clock,
                Fixtures.actor(name));
    }

    /** Writes a PDF-looking file of {@code size} random bytes, streamed; returns its SHA-256. */
    private static String write(Path f, long size, int seed) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        Random r = new Random(seed);
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = new java.security.DigestOutputStream(Files.newOutputStream(f), md)) {
            byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
            out.write(head);
            long left = size - head.length;
            while (left > 0) {
                r.nextBytes(buf);
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String sha256(Path f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void step(String what) {
        System.out.println(what + ": peak heap " + peakMb() + " MB");
        resetPeaks();
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakMb() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
