/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process against one database and captures what it prints. */
public final class CliRunner {

    /** What a run returned. */
    public record Result(int code, String out, String err) {
    }

    private final Path db;

    public CliRunner(Path db) {
        this.db = db;
    }

    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
