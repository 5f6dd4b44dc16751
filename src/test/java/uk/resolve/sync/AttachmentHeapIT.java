/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application runs with {@code -Xmx512m}: a case holding its whole allowance of documents (four
 * of 25 MB) is attached, opened, listed, verified, synced, folded, exported and imported in a JVM
 * of that size ({@link AttachmentHeapRun}, which prints the peak heap of each step beside the floor).
 */
class AttachmentHeapIT {

    @TempDir
    Path dir;

    @Test
    void aCaseWithFourDocumentsOf25MbTravelsEverywhereInTheApplicationsHeap() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                AttachmentHeapRun.class.getName(), dir.toString()).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = p.waitFor(15, TimeUnit.MINUTES);
        System.out.println(out);
        assertThat(ended).isTrue();
        assertThat(out).contains("floor (plain copy", "import: peak heap");
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.strip()).endsWith("OK");
    }
}
