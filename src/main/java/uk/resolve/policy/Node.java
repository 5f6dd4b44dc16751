/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON value that remembers where it came from, so that every problem can be
 * reported with its path and line.
 */
sealed interface Node {

    String path();

    int line();

    record Scalar(String path, int line, String text, boolean isNull) implements Node {
    }

    record Sequence(String path, int line, List<Node> items) implements Node {
    }

    record Mapping(String path, int line, LinkedHashMap<String, Node> fields) implements Node {

        Node get(String key) {
            return fields.get(key);
        }

        Map<String, Node> view() {
            return fields;
        }
    }

    static String describe(Node n) {
        if (n instanceof Scalar) {
            return "a single value";
        } else if (n instanceof Sequence) {
            return "a list";
        }
        return "a set of fields";
    }
}
