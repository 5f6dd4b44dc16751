/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Reads YAML or JSON into {@link Node}s that keep their line numbers. */
final class NodeReader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private NodeReader() {
    }

    /** Parses {@code text}; JSON when it starts with '{', YAML otherwise (YAML is a superset anyway). */
    static Node read(String text, List<Problem> problems) {
        JsonFactory factory = text.stripLeading().startsWith("{") ? JSON : YAML;
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new Problem("", 1, "the file is empty; a procedure file starts with 'format: resolve-policy/1'"));
                return null;
            }
            Node root = value(p, "");
            if (p.nextToken() != null) {
                problems.add(new Problem("", line(p), "unexpected content after the end of the procedure"));
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String msg = e.getOriginalMessage();
            problems.add(new Problem("", line, "this is not valid " + (factory == JSON ? "JSON" : "YAML") + ": "
                    + firstLine(msg) + " (check the indentation and quotes on this line and the one before)"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem("", 0, "could not be read: " + e.getMessage()));
            return null;
        }
    }

    private static Node value(JsonParser p, String path) throws IOException {
        int line = line(p);
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            LinkedHashMap<String, Node> fields = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                fields.put(name, value(p, path.isEmpty() ? name : path + "." + name));
            }
            return new Node.Mapping(path, line, fields);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(p, path + "[" + i++ + "]"));
            }
            return new Node.Sequence(path, line, items);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new Node.Scalar(path, line, null, true);
        }
        return new Node.Scalar(path, line, p.getText(), false);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation() == null ? 0 : p.currentTokenLocation().getLineNr();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
