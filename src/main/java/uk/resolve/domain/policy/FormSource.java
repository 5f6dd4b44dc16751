/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.List;
import java.util.Set;

/**
 * The names a form field may use as its {@code source}: facts about the case, the procedure, one of
 * its contacts, or the person completing the form.
 */
public final class FormSource {

    /** Facts taken from the case record. */
    public static final List<String> CASE = List.of(
            "case.childName", "case.childRef", "case.childStatus", "case.raisedBy", "case.raisedAgency",
            "case.otherAgency", "case.otherProfessional", "case.category", "case.concern", "case.evidence",
            "case.concernAndEvidence", "case.outcomeWanted", "case.stage", "case.stageTitle", "case.openedDate",
            "case.status", "case.outcomeStatus", "case.escalations", "case.discussions", "case.outcome",
            "case.outstanding", "case.learning", "case.resolutionStage", "case.workingDaysTaken",
            "case.calendarDaysTaken");
    /** Facts about the procedure. */
    public static final List<String> POLICY = List.of("policy.name", "policy.partnership", "policy.version");
    /** The parts of a contact, as {@code contact.<id>.<part>}. */
    public static final List<String> CONTACT_PARTS = List.of("name", "role", "organisation", "email", "phone");
    /** Facts about now. */
    public static final List<String> OTHER = List.of("user.name", "today");

    /**
     * Sources that identify the child or family. An anonymous form may not use them; the case
     * record does not hold a date of birth or address, but their names are reserved here so that a
     * future source of that kind is refused on anonymous forms too.
     */
    public static final Set<String> IDENTIFYING = Set.of("case.childName", "case.childRef",
            "case.childDateOfBirth", "case.childAddress");

    private FormSource() {
    }

    /** True for a source name Resolve can fill (contacts are checked against the procedure separately). */
    public static boolean known(String source) {
        if (CASE.contains(source) || POLICY.contains(source) || OTHER.contains(source)) {
            return true;
        }
        String[] parts = source.split("\\.");
        return parts.length == 3 && parts[0].equals("contact") && CONTACT_PARTS.contains(parts[2]);
    }

    /** The contact id a {@code contact.<id>.<part>} source names, or null. */
    public static String contactId(String source) {
        String[] parts = source.split("\\.");
        return parts.length == 3 && parts[0].equals("contact") ? parts[1] : null;
    }
}
