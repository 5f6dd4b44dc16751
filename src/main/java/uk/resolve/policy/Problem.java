/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

/**
 * Something wrong in a policy file.
 *
 * @param path    where, as a field path ({@code tracks[0].stages[2].deadlines[0].within})
 * @param line    the line in the file, or 0 when unknown
 * @param message what is wrong and what is expected
 */
public record Problem(String path, int line, String message) {

    @Override
    public String toString() {
        String where = path == null || path.isEmpty() ? "(top level)" : path;
        return (line > 0 ? "line " + line + ", " : "") + where + ": " + message;
    }
}
