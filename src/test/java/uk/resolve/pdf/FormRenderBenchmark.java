/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import uk.resolve.app.FormService;
import uk.resolve.app.Services;
import uk.resolve.forms.FilledForm;
import uk.resolve.forms.FormCases;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * Prints how long a form takes to render: the first time in a fresh JVM (cold: classes, fonts),
 * the next few renders one by one, and then warm (the mean of 20 after 5). Not a test. Run with the test classpath, for example
 * {@code java -cp target/test-classes:target/classes:<dependencies> uk.resolve.pdf.FormRenderBenchmark}.
 */
public final class FormRenderBenchmark {

    private FormRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Files.createTempDirectory("resolve-benchmark");
        MutableClock clock = MutableClock.at("2026-01-05T09:00");
        try (Services s = Fixtures.services(db, clock)) {
            UUID croydon = FormCases.croydonAtStage3(s, clock);
            UUID ns = FormCases.northSomersetResolvedAtStage3(s, clock);
            FormService forms = s.forms();
            FilledForm appendixA = forms.fill(croydon, "appendix-a", 3, Map.of("role", "Head of Service",
                    "contact", "020 8726 6000"));
            FilledForm monitoring = forms.fill(ns, "monitoring-form", 3, Map.of("notes", "A long note. ".repeat(600)));

            long t0 = System.nanoTime();
            int bytes = forms.render(appendixA, true, false).pdf().length;
            System.out.printf("cold  appendix-a              %7.1f ms (%d bytes)%n", ms(t0), bytes);
            // What someone opening a few forms after start waits for: the renders before the JIT has
            // compiled the renderer, one by one.
            for (String nth : new String[] {"2nd", "3rd", "4th"}) {
                long t = System.nanoTime();
                forms.render(appendixA, true, false);
                System.out.printf("%s   appendix-a              %7.1f ms%n", nth, ms(t));
            }

            time("warm  appendix-a             ", () -> forms.render(appendixA, true, false));
            time("warm  appendix-a PDF/A-2b    ", () -> forms.render(appendixA, true, true));
            time("warm  monitoring-form 3 pages", () -> forms.render(monitoring, true, false));
            time("warm  chronology             ", () -> forms.chronology(ns, false));
            time("warm  fill (in memory)       ", () -> forms.edit(croydon, "appendix-a", 3).fill(Map.of()));
        }
    }

    private static void time(String what, Runnable r) {
        for (int i = 0; i < 5; i++) {
            r.run();
        }
        int n = 20;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            r.run();
        }
        System.out.printf("%s %7.1f ms (mean of %d)%n", what, ms(t0) / n, n);
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
