/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What one sync did.
 *
 * @param shared        the shared database file
 * @param pulled        entries this computer received
 * @param pushed        entries the shared file received from this computer
 * @param sharedEntries entries in the shared file afterwards (-1 when it was not opened: nothing new)
 * @param nothingNew    true when neither side had changed, so the shared file was not even copied
 * @param attempts      1, or more when another computer wrote the shared file at the same time
 * @param took          how long it took
 * @param at            when it finished
 * @param encryptedNow  true when the shared file was unencrypted (made by an earlier version of
 *                      Resolve) and this sync encrypted it with the team key
 * @param setAside      segments that could not be read (damaged, cut short, altered or from a newer
 *                      version), each with why: moved to the set-aside folder and not merged
 */
public record SyncReport(Path shared, int pulled, int pushed, long sharedEntries, boolean nothingNew, int attempts,
                         Duration took, Instant at, boolean encryptedNow, java.util.List<String> setAside) {

    public SyncReport {
        setAside = java.util.List.copyOf(setAside);
    }

    /** One line for people: "Received 3 and sent 5 entries; the shared file holds 120." */
    public String summary() {
        if (nothingNew) {
            return "Nothing new to sync: this computer and the " + (shared == null ? "server" : "shared file")
                    + " already hold the same records.";
        }
        return "Received " + pulled + (pulled == 1 ? " entry" : " entries") + " and sent " + pushed
                + (pushed == 1 ? " entry" : " entries") + (sharedEntries < 0 ? "." : "; the shared file holds "
                + sharedEntries + (sharedEntries == 1 ? " entry." : " entries."))
                + (setAside.isEmpty() ? "" : " " + setAside.size() + (setAside.size() == 1 ? " segment file" : " segment"
                + " files") + " beside the shared file could not be read and " + (setAside.size() == 1 ? "was" : "were")
                + " set aside, not merged (" + String.join("; ", setAside) + "). The computer that wrote "
                + (setAside.size() == 1 ? "it" : "them") + " still holds those entries and sends them again at its"
                + " next sync; if the problem comes back, ask your administrator to check the shared drive.")
                + (encryptedNow ? " The shared file was not encrypted (made by an earlier version of Resolve): it is"
                + " now encrypted with the team key." : "");
    }
}
