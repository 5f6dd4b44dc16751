/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.util.concurrent.CompletableFuture;

/**
 * What the sign-in screen needs to choose its first form: the state of the data folder and the name
 * last signed in with on this computer.
 */
public record SignInLook(Vault.State state, String lastName) {

    /** Looks now, on the calling thread (it reads the folder: never on the UI thread). */
    public static SignInLook at(Vault vault) {
        return new SignInLook(vault.state(), SignInMemory.beside(vault).lastName().orElse(""));
    }

    /**
     * Starts looking on a thread of its own and returns at once: begun before the window's toolkit
     * starts, the answer is usually there by the time the window is built, so that the sign-in screen
     * appears with the right form and no wait. A failure (a key file without its database, say)
     * completes the future with it.
     */
    public static CompletableFuture<SignInLook> ahead(Vault vault) {
        CompletableFuture<SignInLook> look = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                look.complete(at(vault));
            } catch (Throwable e) {
                look.completeExceptionally(e);
            }
        }, "resolve-first-look");
        t.setDaemon(true);
        t.start();
        return look;
    }
}
