/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Preferences;
import uk.resolve.app.Services;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** Half-typed forms belong to the person who typed them, and the newest answers are the ones kept. */
class DraftStoreTest {

    @TempDir
    Path dir;

    @Test
    void eachPersonSeesOnlyTheirOwnDraftsAndTheLastWordWins() {
        try (Services s = Fixtures.services(dir, MutableClock.at("2026-11-25T10:00"))) {
            Preferences prefs = Preferences.of(s);
            try (DraftStore alice = new DraftStore(prefs, "alice", 10_000);
                 DraftStore bob = new DraftStore(prefs, "bob", 10_000)) {
                alice.saveLater("new-case", Map.of("childRef", "A-1"));
                alice.saveLater("new-case", Map.of("childRef", "A-12"));
                alice.flush();
                assertThat(alice.load("new-case")).contains(Map.of("childRef", "A-12"));
                assertThat(bob.load("new-case")).isEmpty();
                bob.saveLater("new-case", Map.of("childRef", "B-7"));
            }
            // closing wrote Bob's waiting draft, long before its 10 s delay
            try (DraftStore bob = new DraftStore(prefs, "bob", 10)) {
                assertThat(bob.load("new-case")).contains(Map.of("childRef", "B-7"));
            }
        }
    }

    @Test
    void aDraftIsWrittenByTheTaskRunnerSoThatWaitingForQuietWaitsForIt() throws Exception {
        try (Services s = Fixtures.services(dir, MutableClock.at("2026-11-25T10:00"));
             Background runner = new Background(Runnable::run)) {
            Preferences prefs = Preferences.of(s);
            java.util.List<String> writers = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.Executor watched = command -> runner.ordered().execute(() -> {
                writers.add(Thread.currentThread().getName());
                command.run();
            });
            try (DraftStore alice = new DraftStore(prefs, "alice", 20, watched)) {
                alice.saveLater("new-case", Map.of("childRef", "A-1"));
                long end = System.nanoTime() + 5_000_000_000L;
                while (writers.isEmpty() && System.nanoTime() < end) {
                    Thread.sleep(5);
                }
                assertThat(runner.awaitIdle(java.time.Duration.ofSeconds(5))).isTrue();
                assertThat(writers).hasSize(1).allMatch(n -> n.startsWith("resolve-writer"));
                assertThat(prefs.get("draft.alice.new-case")).hasValueSatisfying(v -> assertThat(v).contains("A-1"));
            }
        }
    }
}
