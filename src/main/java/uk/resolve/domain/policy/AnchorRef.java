/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Optional;

/**
 * Where a timescale is measured from, with the date or deadline it names: {@code stage-entered},
 * {@code date:decision}, {@code deadline:reply}.
 *
 * @param anchor the kind of anchor
 * @param id     the date's or deadline's id for {@link Anchor#DATE} and {@link Anchor#DEADLINE}, else null
 */
public record AnchorRef(Anchor anchor, String id) {

    public static AnchorRef of(Anchor anchor) {
        return new AnchorRef(anchor, null);
    }

    /** Reads the spelling used in procedure files; empty when it is not one. */
    public static Optional<AnchorRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (Anchor a : Anchor.values()) {
            if (a.takesId() && t.startsWith(a.code()) && t.length() > a.code().length()) {
                return Optional.of(new AnchorRef(a, t.substring(a.code().length()).strip()));
            }
        }
        return Anchor.fromCode(t).map(AnchorRef::of);
    }

    public String code() {
        return id == null ? anchor.code() : anchor.code() + id;
    }
}
