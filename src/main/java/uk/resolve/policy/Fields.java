/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed access to a mapping in a policy file that records a {@link Problem} for each field that is
 * missing, of the wrong kind, or unknown (with a suggestion for a typo), and carries on, so that a
 * single pass reports every problem.
 */
final class Fields {

    private final Node.Mapping node;
    private final List<Problem> problems;

    private Fields(Node.Mapping node, List<Problem> problems) {
        this.node = node;
        this.problems = problems;
    }

    /** Reads {@code n} as a mapping with the given known fields, or returns null after a problem. */
    static Fields of(Node n, List<Problem> problems, Set<String> known) {
        if (!(n instanceof Node.Mapping m)) {
            problems.add(new Problem(n.path(), n.line(), "expected a set of fields but found " + Node.describe(n)));
            return null;
        }
        for (var e : m.view().entrySet()) {
            if (!known.contains(e.getKey())) {
                String hint = closest(e.getKey(), known);
                problems.add(new Problem(e.getValue().path(), e.getValue().line(), "unknown field '" + e.getKey() + "'"
                        + (hint == null ? "; known fields here: " + String.join(", ", known.stream().sorted().toList())
                        : "; did you mean '" + hint + "'?")));
            }
        }
        return new Fields(m, problems);
    }

    String path() {
        return node.path();
    }

    int line() {
        return node.line();
    }

    Node raw(String key) {
        return node.get(key);
    }

    boolean has(String key) {
        Node n = node.get(key);
        return n != null && !(n instanceof Node.Scalar s && s.isNull());
    }

    String text(String key) {
        Node n = node.get(key);
        if (n == null || n instanceof Node.Scalar s && s.isNull()) {
            problems.add(new Problem(child(key), node.line(), "'" + key + "' is required"));
            return null;
        }
        return scalar(n, key);
    }

    String optText(String key) {
        Node n = node.get(key);
        if (n == null || n instanceof Node.Scalar s && s.isNull()) {
            return null;
        }
        return scalar(n, key);
    }

    boolean bool(String key, boolean fallback) {
        String v = optText(key);
        if (v == null) {
            return fallback;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        Node n = node.get(key);
        problems.add(new Problem(n.path(), n.line(), "expected true or false but found '" + v + "'"));
        return fallback;
    }

    int integer(String key, int fallback) {
        String v = optText(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            Node n = node.get(key);
            problems.add(new Problem(n.path(), n.line(), "expected a whole number but found '" + v + "'"));
            return fallback;
        }
    }

    List<String> texts(String key) {
        return list(key, false, n -> scalar(n, key));
    }

    List<Integer> integers(String key) {
        return list(key, false, n -> {
            String v = scalar(n, key);
            try {
                return v == null ? null : Integer.valueOf(v);
            } catch (NumberFormatException e) {
                problems.add(new Problem(n.path(), n.line(), "expected a stage number but found '" + v + "'"));
                return null;
            }
        });
    }

    /** Each item of the list {@code key}, read by {@code reader}; items it returns null for are dropped. */
    <T> List<T> list(String key, boolean required, Function<Node, T> reader) {
        Node n = node.get(key);
        if (n == null || n instanceof Node.Scalar s && s.isNull()) {
            if (required) {
                problems.add(new Problem(child(key), node.line(), "'" + key + "' is required"));
            }
            return List.of();
        }
        if (!(n instanceof Node.Sequence seq)) {
            problems.add(new Problem(n.path(), n.line(), "expected a list but found " + Node.describe(n)));
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (Node item : seq.items()) {
            T t = reader.apply(item);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private String scalar(Node n, String key) {
        if (n instanceof Node.Scalar s) {
            return s.isNull() ? null : s.text().strip();
        }
        problems.add(new Problem(n.path(), n.line(), "'" + key + "' should be a single value but is " + Node.describe(n)));
        return null;
    }

    private String child(String key) {
        return node.path().isEmpty() ? key : node.path() + "." + key;
    }

    /** The known name nearest to a misspelt one, when it is near enough to be a typo. */
    static String closest(String given, Set<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(given.toLowerCase(), k.toLowerCase())))
                .filter(k -> distance(given.toLowerCase(), k.toLowerCase()) <= Math.max(2, k.length() / 3))
                .orElse(null);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
