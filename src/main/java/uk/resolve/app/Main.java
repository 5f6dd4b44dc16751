/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import uk.resolve.cli.Cli;

/**
 * Starts Resolve: the window when there are no arguments, the headless command line otherwise.
 * This class must not touch JavaFX, so that the command line runs without a display.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            uk.resolve.ui.ResolveApp.start(args);
            return;
        }
        int code = Cli.run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        System.exit(code);
    }
}
