/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.policy.PolicyFileException;
import uk.resolve.security.AccessDenied;
import uk.resolve.security.ProtectionException;
import uk.resolve.store.StoreException;

/** Turns a failure into words a worker can act on; never a stack trace. */
public final class UserMessages {

    private static final Logger LOG = LoggerFactory.getLogger(UserMessages.class);

    private UserMessages() {
    }

    /** The message to show for {@code failure}; unexpected failures are logged in full. */
    public static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof RuleViolation || t instanceof StoreException || t instanceof ProtectionException
                || t instanceof AccessDenied) {
            return t.getMessage();
        }
        if (t instanceof PolicyFileException p) {
            return p.oneLine();
        }
        if (t instanceof IOException || t instanceof UncheckedIOException) {
            Throwable io = t instanceof UncheckedIOException u ? u.getCause() : t;
            return "Resolve could not read or write a file (" + io.getMessage() + "). Check that the file or folder"
                    + " exists and that you may use it, then try again.";
        }
        LOG.error("Unexpected failure", t);
        return "Something went wrong that Resolve did not expect (" + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage()) + "). Nothing already recorded has been"
                + " changed; try again, and if it happens again tell your IT support.";
    }

    /** The exception behind wrappers added by executors and futures. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
