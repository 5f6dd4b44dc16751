/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.resolve.domain.record.Checkpoint;
import uk.resolve.store.CheckpointStore;

/**
 * The checkpoints a segment or an export file carries, as one JSON line after its entries
 * ({@code {"checkpoints":[…],"auditCheckpoints":[…]}}), inside what is sealed: device ids, sequence
 * numbers, hashes, entry and case ids and author names, never any content.
 */
final class CheckpointLines {

    static final String FIELD = "checkpoints";
    private static final String AUDIT = "auditCheckpoints";

    private CheckpointLines() {
    }

    static String json(CheckpointStore.Held held, ObjectMapper json) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode n = json.createObjectNode();
        write(n.putArray(FIELD), held.record());
        write(n.putArray(AUDIT), held.audit());
        return json.writeValueAsString(n);
    }

    private static void write(ArrayNode out, List<Checkpoint> list) {
        for (Checkpoint cp : list) {
            ObjectNode o = out.addObject();
            o.put("device", cp.device());
            o.put("seq", cp.seq());
            o.put("hash", cp.hash());
            if (cp.entryId() != null) {
                o.put("entryId", cp.entryId().toString());
            }
            if (cp.author() != null) {
                o.put("author", cp.author());
            }
            if (cp.caseId() != null) {
                o.put("caseId", cp.caseId().toString());
            }
            o.put("seenAt", cp.seenAt().toString());
            o.put("source", cp.source());
        }
    }

    static boolean is(JsonNode n) {
        return n.has(FIELD) && !n.has("id");
    }

    /** The checkpoints of a line that {@link #is} one; anything malformed throws {@link IllegalArgumentException}. */
    static CheckpointStore.Held read(JsonNode n) {
        return new CheckpointStore.Held(list(n.path(FIELD)), list(n.path(AUDIT)));
    }

    private static List<Checkpoint> list(JsonNode array) {
        List<Checkpoint> out = new ArrayList<>();
        try {
            for (JsonNode o : array) {
                String device = o.path("device").asText("");
                String hash = o.path("hash").asText("");
                long seq = o.path("seq").asLong(-1);
                if (device.isEmpty() || device.length() > 64 || hash.length() != 64 || seq < 1) {
                    throw new IllegalArgumentException("a checkpoint is incomplete");
                }
                out.add(new Checkpoint(device, seq, hash, uuid(o, "entryId"), text(o, "author"), uuid(o, "caseId"),
                        Instant.parse(o.path("seenAt").asText()), cut(o.path("source").asText(""), 40)));
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("a checkpoint's time cannot be read", e);
        }
        return out;
    }

    private static UUID uuid(JsonNode o, String field) {
        return o.hasNonNull(field) ? UUID.fromString(o.get(field).asText()) : null;
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? cut(o.get(field).asText(), 200) : null;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
