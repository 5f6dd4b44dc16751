/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import uk.resolve.security.ProtectionException;

/** What a password must be: long enough to resist guessing from a stolen laptop's key file. */
final class Passwords {

    static final int MIN_LENGTH = 10;

    private Passwords() {
    }

    static void requireStrong(char[] password, String name) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new ProtectionException("A password needs at least " + MIN_LENGTH + " characters (a short phrase of"
                    + " several words is easiest to remember). Choose a longer one.");
        }
        if (new String(password).strip().equalsIgnoreCase(name)) {
            throw new ProtectionException("A password cannot be the sign-in name. Choose another.");
        }
    }
}
