/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.resolve.domain.escalation.CaseDetails;
import uk.resolve.domain.escalation.CaseState;

/**
 * Removes child names and references from free text before it goes into a report. Workers write
 * learning and feedback in their own words, and may name the child; the report must not.
 *
 * <p>From a case's own text it removes the child's reference and name (whole, and each word of the
 * name of two letters or more, as a whole word, ignoring case). From any case's text it removes
 * every other case's reference written as one word. Names of other cases' children are not
 * looked for, because common words ("Will", "Hope") would be lost from every text.
 */
public final class Redactor {

    /** What replaces a removed name or reference. */
    public static final String MASK = "[removed]";

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_/.\\-]*[\\p{L}\\p{N}])?");

    private final Set<String> references = new HashSet<>();

    public Redactor(Collection<CaseState> cases) {
        for (CaseState c : cases) {
            String ref = c.details().childRef();
            if (ref != null && !ref.isBlank()) {
                references.add(ref.strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Removes the given references (already stripped and in lower case) from any text. */
    Redactor(Set<String> lowerCaseReferences) {
        references.addAll(lowerCaseReferences);
    }

    /** {@code text} without the child details of {@code own} or any other case's reference; null stays null. */
    public String redact(String text, CaseDetails own) {
        return others(own(text, own));
    }

    /** {@code text} without the child details of {@code own} (the first half of {@link #redact}); null stays null. */
    public static String own(String text, CaseDetails own) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String out = text;
        if (own != null) {
            out = removeAll(out, own.childRef(), false);
            out = removeAll(out, own.childName(), false);
            if (own.childName() != null) {
                for (String part : own.childName().split("[\\s,;()]+")) {
                    if (part.length() >= 2) {
                        out = removeAll(out, part, true);
                    }
                }
            }
        }
        return out;
    }

    /** {@code text} without any case's reference written as one word (the second half of {@link #redact}). */
    public String others(String text) {
        if (text == null || text.isBlank() || references.isEmpty()) {
            return text;
        }
        String out = text;
        Matcher m = TOKEN.matcher(out);
        StringBuilder sb = new StringBuilder(out.length());
        while (m.find()) {
            String token = m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(
                    references.contains(token.toLowerCase(Locale.ROOT)) ? MASK : token));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String removeAll(String text, String sensitive, boolean wholeWord) {
        if (sensitive == null || sensitive.isBlank()) {
            return text;
        }
        String s = sensitive.strip();
        if (!text.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT))) {
            return text;
        }
        String regex = wholeWord ? "(?<![\\p{L}\\p{N}])" + Pattern.quote(s) + "(?![\\p{L}\\p{N}])" : Pattern.quote(s);
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text)
                .replaceAll(Matcher.quoteReplacement(MASK));
    }
}
