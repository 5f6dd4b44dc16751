/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import uk.resolve.security.PersonKeys;

/** For benchmarks: the signed-in person's own key pairs, to write cases sealed as that person's would be. */
public final class SignedInKeys {

    private SignedInKeys() {
    }

    public static PersonKeys of(Session session) {
        return session.keys();
    }
}
