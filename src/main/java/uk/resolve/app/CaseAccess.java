/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.security.Actor;
import uk.resolve.security.Permission;

/**
 * Who a case belongs to, read from its record so that it travels with the case through sync and
 * export: the person who opened it, their team at the time, and anyone it has been shared with.
 *
 * <p>A practitioner sees their own cases and those shared with them; a manager or safeguarding lead
 * also sees every case opened by their team. A case opened before people signed in has no team:
 * managers and safeguarding leads of every team see it, so that nothing becomes unreachable. The
 * business team and administrators see no case content at all.
 */
public record CaseAccess(String owner, String team, Set<String> sharedWith) {

    /** The data field of an opening entry that names the opener's team. */
    public static final String TEAM = "team";
    /** The data field of a sharing entry that names the person it is shared with. */
    public static final String WITH = "with";

    public static CaseAccess of(Collection<Entry> entries) {
        String owner = null;
        String team = "";
        Set<String> shared = new TreeSet<>();
        for (Entry e : entries) {
            if (e.type() == EntryType.CASE_OPENED) {
                owner = e.author();
                team = e.get(TEAM, "");
            } else if (e.type() == EntryType.CASE_SHARED && e.get(WITH) != null) {
                shared.add(e.get(WITH));
            }
        }
        return new CaseAccess(owner == null ? "" : owner, team, Set.copyOf(shared));
    }

    public boolean visibleTo(Actor a) {
        if (!a.may(Permission.WORK_ON_CASES)) {
            return false;
        }
        if (sameName(owner, a.name()) || sharedWith.stream().anyMatch(s -> sameName(s, a.name()))) {
            return true;
        }
        return a.may(Permission.SEE_TEAM_CASES) && (team.isBlank() || team.equalsIgnoreCase(a.team()));
    }

    private static boolean sameName(String x, String y) {
        return x != null && x.equalsIgnoreCase(y);
    }
}
