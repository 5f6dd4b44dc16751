/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What kind of answer a form field takes. */
public enum FieldKind {
    /** A line of text. */
    TEXT("text"),
    /** Paragraphs of text that may run onto further pages. */
    LONG_TEXT("long text"),
    /** A date, printed as "21 Dec 2026". */
    DATE("date"),
    /** A whole number, such as a count of days. */
    NUMBER("number"),
    /** One of a list of choices. */
    CHOICE("choice");

    private final String code;

    FieldKind(String code) {
        this.code = code;
    }

    /** The name used in policy files. */
    public String code() {
        return code;
    }

    public static Optional<FieldKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equalsIgnoreCase(code.strip())).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(k -> k.code).collect(Collectors.joining(", "));
    }
}
