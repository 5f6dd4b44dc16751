/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import uk.resolve.store.StoreException;

/**
 * A sync, export or import that could not be done, with a message saying what is wrong and what
 * to do. Whatever happened, the local database and the shared file are as they were before or as
 * they would be after: never half-changed.
 */
public class SyncException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** Why it failed, so that callers can tell "work offline" apart from "something to put right". */
    public enum Kind {
        /** The shared folder cannot be reached: work continues offline. */
        UNREACHABLE,
        /** Another computer is syncing and did not finish in time: try again shortly. */
        BUSY,
        /** The file is damaged, of another kind, or from a newer version: a person must act. */
        REFUSED,
        /**
         * The shared file has no team key yet, or this computer does not hold its key: a manager sets
         * the key up, or the person joins the team with the passphrase.
         */
        NEEDS_KEY
    }

    private final Kind kind;

    public SyncException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SyncException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
