/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.file.Path;

import uk.resolve.security.Keyring;
import uk.resolve.security.PersonKeys;

/** What a person's own password opens in a key file, as an attacker with that password holds it. */
record Stolen(byte[] dbKey, PersonKeys keys) {

    /** The database key and {@code who}'s own key pairs, opened from {@code keyFile} with {@code password}. */
    static Stolen from(Path keyFile, String who, String password) {
        Keyring.Slot slot = Keyring.load(keyFile).slot(who).orElseThrow();
        byte[] kek = slot.key().kdf().derive(password.toCharArray());
        try {
            return new Stolen(slot.key().unwrapWithKek(kek, Vault.context(who)),
                    PersonKeys.fromSecret(who, slot.personKeys().unwrapWithKek(kek, PersonKeys.context(who))));
        } catch (uk.resolve.security.WrappedKey.WrongSecret e) {
            throw new AssertionError("the person's own password opens their slot", e);
        }
    }
}
