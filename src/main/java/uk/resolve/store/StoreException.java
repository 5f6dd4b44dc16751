/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

/**
 * A database problem, with a message that says what is wrong and what the user can do. Whatever
 * caused it, nothing already recorded has been changed.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
