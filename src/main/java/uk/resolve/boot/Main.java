/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.boot;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import uk.resolve.cli.Cli;
import uk.resolve.ui.ResolveApp;

/**
 * Starts Resolve: the window when there are no arguments, the headless command line otherwise.
 * It sits in a package of its own because it is the one class that knows both front ends; the
 * services below them know neither. It must not touch JavaFX itself (only name {@link ResolveApp}),
 * so that the command line runs without a display.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ResolveApp.start(args);
            return;
        }
        int code = Cli.run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        System.exit(code);
    }
}
