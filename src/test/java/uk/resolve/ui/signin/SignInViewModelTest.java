/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.signin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.SignInLook;
import uk.resolve.app.Vault;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.signin.SignInViewModel.Mode;
import uk.resolve.ui.support.Background;

import static org.assertj.core.api.Assertions.assertThat;

/** How the door chooses its first form from a look at the data folder begun before the window. */
class SignInViewModelTest {

    @TempDir
    Path folder;

    /** Results wait here until the test delivers them, as the UI thread would later. */
    private final Queue<Runnable> uiThread = new ConcurrentLinkedQueue<>();

    private Vault vault() {
        return Vault.at(folder.resolve("resolve.mv.db"), MutableClock.at("2026-12-14T09:00"));
    }

    @Test
    void aFinishedLookChoosesTheFormBeforeStartReturns() {
        Vault vault = vault();
        CompletableFuture<SignInLook> look = SignInLook.ahead(vault);
        assertThat(look.join().state()).isEqualTo(Vault.State.NEW);
        try (Background background = new Background(uiThread::add)) {
            SignInViewModel vm = new SignInViewModel(vault, "Sam Lee", background, s -> { });
            boolean[] shown = {false};
            vm.start(look, () -> shown[0] = true);

            assertThat(vm.modeProperty().get()).isEqualTo(Mode.SET_UP);
            assertThat(vm.nameProperty().get()).isEqualTo("sam.lee");
            assertThat(shown[0]).isTrue();
        }
        assertThat(folder.resolve("resolve.mv.db")).doesNotExist();
    }

    @Test
    void withoutALookTheFormWaitsForTheBackgroundAndSaysItIsOpening() throws Exception {
        Vault vault = vault();
        try (Background background = new Background(uiThread::add)) {
            SignInViewModel vm = new SignInViewModel(vault, "sam", background, s -> { });
            vm.start(() -> { });
            assertThat(vm.modeProperty().get()).isEqualTo(Mode.CHECKING);
            deliverUntilIdle(background);
            assertThat(vm.modeProperty().get()).isEqualTo(Mode.SET_UP);
        }
    }

    @Test
    void aLookThatFailedShowsWhyInsteadOfAForm() throws Exception {
        Vault vault = vault();
        // a key file without its database: never a new, empty database in its place
        Files.writeString(vault.keyFile(), "{}");
        CompletableFuture<SignInLook> look = SignInLook.ahead(vault);
        assertThat(look).failsWithin(java.time.Duration.ofSeconds(10));
        try (Background background = new Background(uiThread::add)) {
            SignInViewModel vm = new SignInViewModel(vault, "sam", background, s -> { });
            vm.start(look, () -> { });
            deliverUntilIdle(background);
            assertThat(vm.modeProperty().get()).isEqualTo(Mode.BROKEN);
            assertThat(vm.messageProperty().get()).contains("is missing").contains("Restore the database")
                    .doesNotContain("Exception");
        }
    }

    private void deliverUntilIdle(Background background) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!background.idle() && System.nanoTime() < end) {
            Runnable r = uiThread.poll();
            if (r == null) {
                Thread.sleep(5);
            } else {
                r.run();
            }
        }
        Runnable r;
        while ((r = uiThread.poll()) != null) {
            r.run();
        }
    }
}
