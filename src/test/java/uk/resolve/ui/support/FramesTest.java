/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Parts of a screen put in place one per frame, counted by the task runner until the last has run. */
@ExtendWith(ApplicationExtension.class)
class FramesTest {

    /** Counts the frames: the pulse number each part ran in is read from it. */
    private static final class FrameCounter extends AnimationTimer {
        volatile long frames;

        @Override
        public void handle(long now) {
            frames++;
        }
    }

    @Test
    void theFirstPartRunsAtOnceAndEachOtherInAFrameOfItsOwnWhileTheRunnerCountsThemAsWork() throws Exception {
        Background runner = Background.onFxThread();
        FrameCounter counter = new FrameCounter();
        List<Long> ranIn = new CopyOnWriteArrayList<>();
        boolean[] firstRanAtOnce = {false};
        boolean[] counted = {false};
        WaitForAsyncUtils.asyncFx(() -> {
            counter.start();
            Frames frames = runner.frames();
            List<Runnable> parts = List.of(() -> ranIn.add(counter.frames), () -> ranIn.add(counter.frames),
                    () -> ranIn.add(counter.frames), () -> ranIn.add(counter.frames));
            frames.show(parts);
            firstRanAtOnce[0] = ranIn.size() == 1;
            counted[0] = !runner.idle();
        }).get(10, TimeUnit.SECONDS);
        assertThat(firstRanAtOnce[0]).isTrue();
        assertThat(counted[0]).as("parts still waiting count as work").isTrue();
        assertThat(runner.awaitIdle(Duration.ofSeconds(10))).isTrue();
        WaitForAsyncUtils.asyncFx(counter::stop).get(10, TimeUnit.SECONDS);
        assertThat(ranIn).hasSize(4);
        for (int i = 1; i < ranIn.size(); i++) {
            assertThat(ranIn.get(i)).as("part %d after part %d's frame", i, i - 1).isGreaterThan(ranIn.get(i - 1));
        }
        runner.close();
    }

    @Test
    void partsGivenAnewReplaceThoseStillWaiting() throws Exception {
        Background runner = Background.onFxThread();
        List<String> ran = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Frames frames = runner.frames();
            frames.show(List.of(() -> ran.add("old 1"), () -> ran.add("old 2"), () -> ran.add("old 3")));
            frames.show(List.of(() -> ran.add("new 1"), () -> ran.add("new 2")));
        }).get(10, TimeUnit.SECONDS);
        assertThat(runner.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(ran).containsExactly("old 1", "new 1", "new 2");
        runner.close();
    }

    @Test
    void nothingGivenStopsWhatWaitsAndLeavesTheRunnerIdle() throws Exception {
        Background runner = Background.onFxThread();
        List<String> ran = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Frames frames = runner.frames();
            frames.show(List.of(() -> ran.add("1"), () -> ran.add("2")));
            frames.show(List.of());
        }).get(10, TimeUnit.SECONDS);
        assertThat(runner.awaitIdle(Duration.ofSeconds(10))).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).containsExactly("1");
    }
}
