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

    /**
     * What went wrong, in a few plain words, for a message to a person. Never the database engine's
     * own text: that can quote the statement and the values in it, which may be about a child.
     */
    public static String reason(Throwable t) {
        java.sql.SQLException sql = null;
        for (Throwable c = t; c != null && sql == null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException s) {
                sql = s;
            }
        }
        if (sql == null) {
            return t instanceof java.io.IOException ? "the file could not be read or written" : "an unexpected failure";
        }
        return switch (sql.getErrorCode()) {
            case org.h2.api.ErrorCode.VALUE_TOO_LONG_2 -> "a text is longer than the database can hold";
            case org.h2.api.ErrorCode.FILE_CORRUPTED_1, org.h2.api.ErrorCode.IO_EXCEPTION_1,
                    org.h2.api.ErrorCode.IO_EXCEPTION_2, org.h2.api.ErrorCode.GENERAL_ERROR_1 ->
                    "the database file is damaged or could not be read; restore it and its key file together from"
                            + " your backup, then run 'resolve verify'";
            case org.h2.api.ErrorCode.DATABASE_IS_CLOSED, org.h2.api.ErrorCode.CONNECTION_BROKEN_1 ->
                    "the connection to the database was lost";
            case org.h2.api.ErrorCode.LOCK_TIMEOUT_1, org.h2.api.ErrorCode.DEADLOCK_1 -> "the database was busy";
            case org.h2.api.ErrorCode.DUPLICATE_KEY_1 -> "a record with the same identity is already there";
            default -> "database error " + sql.getErrorCode();
        };
    }
}
