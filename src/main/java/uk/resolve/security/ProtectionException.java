/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

/**
 * A sign-in, key or encryption failure whose message a user can act on (a wrong password, a damaged
 * key file, too many attempts). Nothing has been changed when it is thrown.
 */
public class ProtectionException extends RuntimeException {
    public ProtectionException(String message) {
        super(message);
    }

    public ProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
