/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the child's name and reference in text meant for an anonymous form. It errs on the side of
 * the child: the reference is found whatever separators are typed inside it ("REF 123" for
 * "REF-123"), the full name in any case, and each part of the name where it is written with a
 * capital, as names are.
 */
public final class AnonymityGuard {

    /** What replaces identifying text in a draft of an anonymous form. */
    public static final String REMOVED = "[removed: identifies the child]";

    private record Rule(Pattern pattern, String what) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /**
     * @param childName the child's (or family's) name as recorded, or null
     * @param childRef  the agency's reference for the child, or null
     */
    public AnonymityGuard(String childName, String childRef) {
        if (childRef != null && !childRef.isBlank()) {
            rules.add(new Rule(referencePattern(childRef.strip()), "the child's reference"));
        }
        if (childName != null && !childName.isBlank()) {
            String[] parts = childName.strip().split("[\\s]+");
            String full = String.join("\\s+", java.util.Arrays.stream(parts).map(Pattern::quote).toList());
            rules.add(new Rule(Pattern.compile("(?<![\\p{L}\\p{N}])" + full + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), "the child's name"));
            for (String part : parts) {
                String letters = part.replaceAll("[^\\p{L}'-]", "");
                if (letters.length() >= 2 && parts.length > 1) {
                    // A capitalised whole word only: "Will" the name, not "will" the verb.
                    String first = Pattern.quote(letters.substring(0, 1).toUpperCase(java.util.Locale.UK));
                    String rest = Pattern.quote(letters.substring(1));
                    rules.add(new Rule(Pattern.compile("(?<![\\p{L}\\p{N}])" + first + "(?i:" + rest + ")(?![\\p{L}\\p{N}])"),
                            "part of the child's name ('" + letters + "')"));
                }
            }
        }
    }

    /** What identifying detail {@code text} contains, or empty when it contains none. */
    public Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        for (Rule r : rules) {
            if (r.pattern.matcher(text).find()) {
                return Optional.of(r.what);
            }
        }
        return Optional.empty();
    }

    /** {@code text} with every identifying detail replaced by {@link #REMOVED}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Rule r : rules) {
            out = r.pattern.matcher(out).replaceAll(Matcher.quoteReplacement(REMOVED));
        }
        return out;
    }

    /** The reference's letters and digits in order, with any separators (or none) between them. */
    private static Pattern referencePattern(String ref) {
        String alnum = ref.replaceAll("[^\\p{L}\\p{N}]", "");
        if (alnum.length() < 4) {
            // Too short to search for inside other words: only where it stands alone.
            return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(ref) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < alnum.length(); i++) {
            if (i > 0) {
                p.append("[^\\p{L}\\p{N}]*");
            }
            p.append(Pattern.quote(String.valueOf(alnum.charAt(i))));
        }
        return Pattern.compile(p.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
