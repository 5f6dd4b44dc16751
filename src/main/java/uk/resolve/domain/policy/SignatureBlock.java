/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.List;
import java.util.Map;

/**
 * A place on a form for someone to sign by hand: name, designation, agency and date, which may be
 * typed beforehand, and a signature line that is always left blank for a wet signature.
 *
 * @param id       unique within the form; the parts are stored as {@code <id>.name}, {@code <id>.designation} …
 * @param title    what it is ("Signature of initiating manager")
 * @param required true when name, designation and agency must be given before the form is finalised
 * @param sources  where a part's value comes from, by part ({@code agency: case.raisedAgency}); may be empty
 */
public record SignatureBlock(String id, String title, boolean required, Map<String, String> sources) {

    /** The typed parts of every block, in the order printed. */
    public static final List<String> PARTS = List.of("name", "designation", "agency", "date");

    public SignatureBlock {
        sources = Map.copyOf(sources);
    }

    /** The field id that holds {@code part} of this block. */
    public String fieldId(String part) {
        return id + "." + part;
    }

    public static String partLabel(String part) {
        return Character.toUpperCase(part.charAt(0)) + part.substring(1);
    }
}
