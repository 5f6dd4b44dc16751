/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

/** An action the signed-in person's role does not allow; the message says what and what to do. */
public final class AccessDenied extends RuntimeException {
    public AccessDenied(String message) {
        super(message);
    }
}
