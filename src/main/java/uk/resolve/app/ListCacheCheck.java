/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.resolve.domain.escalation.CaseDetails;
import uk.resolve.store.UserStore;

/**
 * {@code verify}'s check of the list caches (decision 0012): the signed-in person's cache, case by case,
 * against what the opening entries say; and that no cache is kept for someone who may no longer sign in
 * here. Whatever does not match is forgotten, to be made again from the record at the next list.
 */
final class ListCacheCheck {

    private final CaseService cases;
    private final UserStore users;

    ListCacheCheck(CaseService cases, UserStore users) {
        this.cases = cases;
        this.users = users;
    }

    /** What was wrong and has been forgotten; empty when every cache matched the record. */
    List<String> run() {
        List<String> found = new ArrayList<>();
        CaseListCache cache = cases.listCache();
        for (String person : cache.people()) {
            if (users.find(person).filter(UserStore.UserRow::active).isEmpty()) {
                cache.forget(person);
                found.add("the case list cache of " + person + ", who may no longer sign in here, was removed");
            }
        }
        Map<UUID, CaseListCache.Shown> held = cache.reread();
        int aside = cache.setAside();
        Map<UUID, CaseDetails> opened = cases.openingsForCheck(held.keySet());
        long differ = held.entrySet().stream().filter(e -> {
            CaseDetails d = opened.get(e.getKey());
            return d == null || !CaseListCache.Shown.of(d).equals(e.getValue());
        }).count();
        if (aside > 0 || differ > 0) {
            cache.forget(cases.author());
            found.add("the case list cache of " + cases.author() + " did not match the record ("
                    + (aside > 0 ? aside + " of its parts did not open" : "") + (aside > 0 && differ > 0 ? ", " : "")
                    + (differ > 0 ? differ + (differ == 1 ? " case differed" : " cases differed") : "")
                    + "); it will be made again from the record at the next list");
        }
        return found;
    }
}
