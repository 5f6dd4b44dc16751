/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prints the time from process start to the first frame of Resolve (the window painted in the
 * sign-in screen's colour) and to the frame that shows its sign-in screen ready to use (on a new
 * profile: the set-up of the first account), beside a hello-world JavaFX window ({@link HelloWindow})
 * on the same runtime, each in a fresh JVM, alternating, several rounds, with medians and their
 * ratios beside the target of 1.3, and the CPU time the application thread had used by then (less
 * disturbed than wall time when the machine is busy).
 * Not a test. Both start from the class path with this JVM; first without class data sharing of
 * the application's classes, then each with its own AppCDS archive recorded by a training start
 * (as the app-image does). With {@code DISPLAY} set (for example under {@code xvfb-run -s
 * "-screen 0 1366x768x24"}) the windows open on it; without, on Monocle's headless screen.
 * {@code -Dbench.rounds=N} (default 7); {@code -Dbench.marks=true} prints each start's line with
 * Resolve's own steps. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=uk.resolve.bench.StartupBenchmark}.
 */
public final class StartupBenchmark {

    private static final double TARGET = 1.3;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 7);
        boolean display = System.getenv("DISPLAY") != null && !Boolean.getBoolean("bench.headless");
        Path work = Files.createTempDirectory("resolve-startup-bench");
        System.out.printf("Start-up to the first frame, %d rounds each, fresh JVMs (java -cp, %s), %s; load average"
                        + " %.2f%n", rounds, System.getProperty("java.runtime.version"),
                display ? "on the display " + System.getenv("DISPLAY") : "headless (Monocle)",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (boolean cds : new boolean[] {false, true}) {
            Path helloJsa = work.resolve("hello.jsa");
            Path resolveJsa = work.resolve("resolve.jsa");
            if (cds) {
                // training starts, not counted: each records the classes it loads
                start(work, display, "uk.resolve.bench.HelloWindow", "-XX:ArchiveClassesAtExit=" + helloJsa);
                start(work, display, "uk.resolve.boot.Main", "-XX:ArchiveClassesAtExit=" + resolveJsa);
            }
            List<Start> hello = new ArrayList<>();
            List<Start> resolve = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                hello.add(start(work, display, "uk.resolve.bench.HelloWindow",
                        cds ? "-XX:SharedArchiveFile=" + helloJsa : "-Xshare:auto"));
                resolve.add(start(work, display, "uk.resolve.boot.Main",
                        cds ? "-XX:SharedArchiveFile=" + resolveJsa : "-Xshare:auto"));
            }
            String how = cds ? "with AppCDS, each its own archive" : "without AppCDS";
            long h = print("hello-world window, " + how, hello, Start::first);
            long hCpu = print("  its application thread's CPU", hello, Start::fxCpu);
            long f = print("Resolve, first frame, " + how, resolve, Start::first);
            long r = print("Resolve, sign-in ready, " + how, resolve, Start::ready);
            long rCpu = print("  its application thread's CPU", resolve, Start::fxCpu);
            ratio("ratio, first frame, " + how, f, h);
            ratio("ratio, sign-in ready, " + how, r, h);
            ratio("ratio, application thread CPU", rCpu, hCpu);
        }
    }

    /** One start's figures in milliseconds, -1 where it printed none. */
    private record Start(long first, long ready, long fxCpu) {
    }

    private static long print(String what, List<Start> starts, java.util.function.ToLongFunction<Start> figure) {
        List<Long> all = starts.stream().map(figure::applyAsLong).toList();
        long m = median(all);
        System.out.printf("%-48s median %5d ms  (all: %s)%n", what, m, all);
        return m;
    }

    private static void ratio(String what, long figure, long floor) {
        if (figure <= 0 || floor <= 0) {
            System.out.printf("%-48s no figure: a start printed none (see above)%n", what);
        } else {
            System.out.printf("%-48s %5.2f x  target <= %.1f x%n", what, figure / (double) floor, TARGET);
        }
    }

    /**
     * The project's class path: this JVM's, or under {@code mvn exec:java} (which loads the project in
     * a class loader of its own) that loader's.
     */
    private static String classPath() {
        if (StartupBenchmark.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> parts = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    parts.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    // not a file: not part of a class path
                }
            }
            return String.join(java.io.File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    private static long median(List<Long> ms) {
        long[] sorted = ms.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Starts {@code main} in a fresh JVM on a new, empty profile; the milliseconds it printed, or -1. */
    private static Start start(Path work, boolean display, String main, String cds) throws Exception {
        Path data = Files.createTempDirectory(work, "profile");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                cds, "-Xmx512m", "-Dresolve.startupProbe=true"));
        if (!display) {
            cmd.addAll(Arrays.asList("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        }
        cmd.addAll(List.of("-cp", classPath(), main));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("XDG_DATA_HOME", data.toString());
        env.remove("JAVA_TOOL_OPTIONS");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes());
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = output.get(10, TimeUnit.SECONDS);
        return out.lines().filter(l -> l.startsWith("first-frame-ms=")).findFirst()
                .map(l -> {
                    if (Boolean.getBoolean("bench.marks")) {
                        System.out.println("  " + l); // with Resolve's steps: window built, sign-in ready
                    }
                    return new Start(figure(l, "first-frame-ms"), figure(l, "ready-ms"), figure(l, "fx-cpu-ms"));
                })
                .orElseGet(() -> {
                    System.out.println("  no first frame from " + main + ": " + out.lines().limit(3).toList());
                    return new Start(-1, -1, -1);
                });
    }

    /** The number after {@code name=} in a probe's line, or -1. */
    private static long figure(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        return -1;
    }
}
