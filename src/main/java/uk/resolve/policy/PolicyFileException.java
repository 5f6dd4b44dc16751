/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy file that cannot be loaded, with every problem found in it. */
public class PolicyFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<Problem> problems;

    public PolicyFileException(String source, List<Problem> problems) {
        super(summary(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One line: what is wrong and what to do, for a status bar or a command's error line. */
    public String oneLine() {
        return "The procedure file " + source + " has " + count(problems.size()) + " and was not loaded (first: "
                + problems.get(0) + "). Run 'resolve policy validate " + source + "' to see every problem.";
    }

    private static String summary(String source, List<Problem> problems) {
        return "The procedure file " + source + " has " + count(problems.size()) + " and was not loaded:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }

    private static String count(int n) {
        return n == 1 ? "1 problem" : n + " problems";
    }
}
