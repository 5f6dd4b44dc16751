/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

/** A mistake the user can put right; printed as one line, exit code 1. */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
