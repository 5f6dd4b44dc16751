/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One line of the audit log: who did what, when, to what. It never holds a child's name, reference
 * or concern: the subject is a case id, a form id, a file name or a person's sign-in name.
 *
 * @param seq      1, 2, 3 … in the order written
 * @param at       when
 * @param actor    who (a sign-in name)
 * @param action   what (its code, see {@link AuditAction}; kept as text so a newer action reads back)
 * @param subject  what it was done to; may be empty
 * @param detail   anything else worth knowing; may be empty
 * @param prevHash the previous event's hash, or "" for the first
 * @param hash     SHA-256 over all of the above
 */
public record AuditEvent(long seq, Instant at, String actor, String action, String subject, String detail,
                         String prevHash, String hash) {

    /** The label of the action, or its code when this version does not know it. */
    public String actionLabel() {
        return AuditAction.fromCode(action).map(AuditAction::label).orElse(action);
    }

    /** The next event after {@code previous} (null for the first), with its hash. */
    public static AuditEvent next(AuditEvent previous, Instant at, String actor, AuditAction action, String subject,
                                  String detail) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prev = previous == null ? "" : previous.hash();
        String s = subject == null ? "" : subject;
        String d = detail == null ? "" : detail;
        return new AuditEvent(seq, at, actor, action.code(), s, d, prev,
                hash(seq, at, actor, action.code(), s, d, prev));
    }

    /** The hash this event should have. */
    public String expectedHash() {
        return hash(seq, at, actor, action, subject, detail, prevHash);
    }

    static String hash(long seq, Instant at, String actor, String action, String subject, String detail, String prev) {
        StringBuilder sb = new StringBuilder(200);
        field(sb, "seq", Long.toString(seq));
        field(sb, "at", at.toString());
        field(sb, "actor", actor);
        field(sb, "action", action);
        field(sb, "subject", subject);
        field(sb, "detail", detail);
        field(sb, "prev", prev);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append(':').append(value.length()).append(':').append(value).append('\n');
    }
}
