/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.util.Map;

import uk.resolve.domain.rules.RuleViolation;

/**
 * The limits every text written into a case record keeps, whichever screen or command it came
 * from: a stated length per field, and no characters that are invisible or that reorder what a
 * reader sees (NUL and other control characters, the bidirectional overrides and isolates). A text
 * that breaks a rule is refused with a message that names the field and the rule, and never quotes
 * the text, which may be about a child.
 */
public final class TextRules {

    /** The longest concern, discussion summary, reason or other free text, in characters. */
    public static final int LONG_TEXT = 20_000;
    /** The most characters all the texts of one entry (a whole form, say) may hold together. */
    public static final int ENTRY_TOTAL = 200_000;
    /** The longest child's reference. */
    public static final int REFERENCE = 100;
    /** The longest name, agency, category or other short field. */
    public static final int SHORT_TEXT = 500;

    private static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry(EntryText.CHILD_REF, REFERENCE),
            Map.entry(EntryText.CHILD_NAME, SHORT_TEXT),
            Map.entry(EntryText.RAISED_BY, SHORT_TEXT),
            Map.entry(EntryText.RAISED_AGENCY, SHORT_TEXT),
            Map.entry(EntryText.OTHER_AGENCY, SHORT_TEXT),
            Map.entry(EntryText.OTHER_PROFESSIONAL, SHORT_TEXT),
            Map.entry(EntryText.CATEGORY, SHORT_TEXT),
            Map.entry(EntryText.WITH, SHORT_TEXT),
            Map.entry(EntryText.METHOD, SHORT_TEXT),
            Map.entry(EntryText.SIGNER, SHORT_TEXT));

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(EntryText.CHILD_REF, "the child's reference"),
            Map.entry(EntryText.CHILD_NAME, "the child's name"),
            Map.entry(EntryText.RAISED_BY, "who raised the concern"),
            Map.entry(EntryText.RAISED_AGENCY, "the agency raising the concern"),
            Map.entry(EntryText.OTHER_AGENCY, "the other agency"),
            Map.entry(EntryText.OTHER_PROFESSIONAL, "the other professional"),
            Map.entry(EntryText.CATEGORY, "the category"),
            Map.entry(EntryText.CONCERN, "the concern"),
            Map.entry(EntryText.EVIDENCE, "the evidence"),
            Map.entry(EntryText.OUTCOME_WANTED, "the outcome wanted"),
            Map.entry(EntryText.REASON, "the reason"),
            Map.entry(EntryText.WITH, "who took part"),
            Map.entry(EntryText.METHOD, "how the discussion took place"),
            Map.entry(EntryText.SUMMARY, "the summary"),
            Map.entry(EntryText.ACTIONS, "the actions"),
            Map.entry(EntryText.NOTE, "the note"),
            Map.entry(EntryText.SIGNER, "the signer"),
            Map.entry(EntryText.OUTCOME, "the outcome"),
            Map.entry(EntryText.OUTSTANDING, "how outstanding issues will be pursued"),
            Map.entry(EntryText.LEARNING, "the learning"),
            Map.entry(EntryText.TEXT, "the corrected text"));

    private TextRules() {
    }

    /** The most characters {@code field} (an entry data key) may hold. */
    public static int limit(String field) {
        return LIMITS.getOrDefault(field, LONG_TEXT);
    }

    /** Checks every value of an entry's data; throws {@link RuleViolation} at the first that breaks a rule. */
    public static void check(Map<String, String> data) {
        long total = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (e.getValue() != null) {
                check(e.getKey(), e.getValue());
                total += e.getValue().length();
            }
        }
        if (total > ENTRY_TOTAL) {
            throw new RuleViolation("Together these texts are " + thousands(total) + " characters long; one record"
                    + " may hold at most " + thousands(ENTRY_TOTAL) + ". Shorten them and try again.");
        }
    }

    /** Checks one field's text against its limit and the characters it may hold. */
    public static void check(String field, String value) {
        String name = field.startsWith("field.") ? "the form field '" + field.substring(6) + "'"
                : NAMES.getOrDefault(field, "the field '" + field + "'");
        int limit = limit(field);
        if (value.length() > limit) {
            throw new RuleViolation(capitalised(name) + " is " + thousands(value.length())
                    + " characters long; it may be at most " + thousands(limit)
                    + ". Shorten it (attach longer material to the child's file instead) and try again.");
        }
        for (int i = 0; i < value.length(); i++) {
            String refused = refusedCharacter(value.charAt(i));
            if (refused != null) {
                throw new RuleViolation(capitalised(name) + " contains " + refused + " at character " + (i + 1)
                        + ", which " + (isBidi(value.charAt(i)) ? "can make the text read differently from what is"
                        + " stored" : "cannot be seen or printed") + ". Remove it and try again.");
            }
        }
    }

    /** A description of {@code c} when a record may not hold it, else null. */
    static String refusedCharacter(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return null;
        }
        String code = String.format("U+%04X", (int) c);
        if (c == 0) {
            return "a NUL character (" + code + ")";
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return "a control character (" + code + ")";
        }
        return switch (c) {
            case '\u202A' -> "a left-to-right embedding character (" + code + ")";
            case '\u202B' -> "a right-to-left embedding character (" + code + ")";
            case '\u202C' -> "a pop directional formatting character (" + code + ")";
            case '\u202D' -> "a left-to-right override character (" + code + ")";
            case '\u202E' -> "a right-to-left override character (" + code + ")";
            case '\u2066' -> "a left-to-right isolate character (" + code + ")";
            case '\u2067' -> "a right-to-left isolate character (" + code + ")";
            case '\u2068' -> "a first strong isolate character (" + code + ")";
            case '\u2069' -> "a pop directional isolate character (" + code + ")";
            default -> null;
        };
    }

    private static String thousands(long n) {
        return String.format(java.util.Locale.UK, "%,d", n);
    }

    private static boolean isBidi(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
