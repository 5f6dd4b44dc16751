/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The gateway to one H2 database file: opens it, brings its schema up to date with Flyway, and
 * hands out connections. Every failure becomes a {@link StoreException} whose message a user can
 * act on.
 */
public final class Database implements AutoCloseable {

    /**
     * The newest schema version this build migrates to: the number of the last
     * {@code db/migration/V<n>__*.sql} (or {@code V<n>_<m>__*.sql}, as "n.m"). A database already at
     * it opens without starting Flyway, which saves a second at every start; a test keeps this in
     * step with the migrations.
     */
    public static final String LATEST_SCHEMA = "20";

    /** The file name ending H2 gives its database files. */
    public static final String SUFFIX = ".mv.db";

    private final Path file;
    private final JdbcConnectionPool pool;

    private Database(Path file, JdbcConnectionPool pool) {
        this.file = file;
        this.pool = pool;
    }

    /**
     * Opens (creating when absent) the unencrypted database at {@code file} (with or without the
     * {@code .mv.db} ending) and migrates it to the current schema. Only for databases made before
     * Resolve encrypted them (to migrate them) and for tests; everything else uses
     * {@link #open(Path, byte[])}.
     */
    public static Database open(Path file) {
        return open(file, null);
    }

    /**
     * Opens (creating when absent) the database at {@code file}, encrypted by H2 with AES under
     * {@code key} (32 random bytes; null for an unencrypted file), and migrates it.
     */
    public static Database open(Path file, byte[] key) {
        Path normal = normalise(file);
        Path folder = normal.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder);
            } catch (Exception e) {
                throw new StoreException("Cannot create the folder " + folder + " for the database ("
                        + e.getMessage() + "). Choose a folder you can write to.", e);
            }
        }
        Path mv = Path.of(normal + SUFFIX);
        if (Files.exists(mv) && !Files.isReadable(mv)) {
            throw new StoreException("The database file " + mv + " cannot be read. Check its permissions.");
        }
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process loses nothing committed
        // MAX_COMPACT_TIME=0: closing (signing out, quitting) only writes what is committed and never compacts, which
        // took over a second with 50,000 cases; compaction runs while the application is idle instead (compact)
        String url = "jdbc:h2:file:" + normal.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=0"
                // encrypted: no trace file either, which could hold statements in plain text
                + (key == null ? "" : ";CIPHER=AES;TRACE_LEVEL_FILE=0");
        if (key == null && isEncrypted(mv)) {
            throw new StoreException("The database " + mv + " is encrypted. Sign in to open it.");
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "resolve", key == null ? "" : filePassword(key));
        pool.setMaxConnections(8);
        try (Connection c = pool.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw translateOpen(mv, e, key);
        }
        Database db = new Database(mv, pool);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The password H2 takes for an encrypted file: the key in hex, a space, then the (empty) user password. */
    private static String filePassword(byte[] key) {
        return java.util.HexFormat.of().formatHex(key) + " ";
    }

    /** True when {@code mvFile} exists and is an H2 file encrypted with a cipher. */
    public static boolean isEncrypted(Path mvFile) {
        if (!Files.isRegularFile(mvFile)) {
            return false;
        }
        try (var in = Files.newInputStream(mvFile)) {
            byte[] head = in.readNBytes(ENCRYPTED_HEADER.length);
            return java.util.Arrays.equals(head, ENCRYPTED_HEADER);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Encrypts the closed, unencrypted database file {@code mvFile} in place with {@code key}. The
     * caller works on a copy and keeps the original until the result has been checked.
     */
    public static void encryptInPlace(Path mvFile, byte[] key) {
        Path abs = mvFile.toAbsolutePath();
        String name = abs.getFileName().toString();
        String base = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        try {
            org.h2.tools.ChangeFileEncryption.execute(abs.getParent().toString(), base, "AES", null,
                    filePassword(key).strip().toCharArray(), true);
        } catch (SQLException e) {
            throw new StoreException("Could not encrypt the database " + mvFile + " (" + StoreException.reason(e)
                    + "). Nothing was changed.", e);
        }
    }

    /** The database file ({@code ….mv.db}). */
    public Path file() {
        return file;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StoreException("Lost the connection to the database " + file + " (" + StoreException.reason(e)
                    + "). Close Resolve and open it again.", e);
        }
    }

    private void migrate() {
        MigrationVersion current = appliedSchema();
        MigrationVersion latest = MigrationVersion.fromVersion(LATEST_SCHEMA);
        if (current.equals(latest)) {
            return;
        }
        if (current.compareTo(latest) > 0) {
            throw newerVersion(current.toString(), LATEST_SCHEMA);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load();
        MigrationInfo[] all = flyway.info().all();
        MigrationVersion known = java.util.Arrays.stream(all)
                .filter(i -> i.getState() != MigrationState.FUTURE_SUCCESS && i.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
        for (MigrationInfo m : all) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                throw newerVersion(m.getVersion().toString(), known.toString());
            }
        }
        MigrationInfo[] applied = flyway.info().applied();
        if (applied.length == 0 && hasForeignTables()) {
            throw new StoreException("The file " + file + " is an H2 database, but not a Resolve database."
                    + " Nothing was changed. Check the --db path.");
        }
        if (applied.length > 0 && pendingTablesExist(flyway.info().pending())) {
            // checked before migrating, so that a damaged file is not written to
            throw new StoreException("The database " + file + " is damaged: it holds tables its own history says"
                    + " were never made, as when a file has been cut short or has fallen back to an older state."
                    + " Nothing was changed. Restore the database and its key file together from the same backup,"
                    + " then run 'resolve verify'.");
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            if (applied.length > 0) {
                // a Resolve database whose tables do not match its own history has fallen back to an older state
                throw new StoreException("The database " + file + " is damaged: its tables do not match its own"
                        + " history (" + StoreException.reason(e) + "). Nothing was changed. Restore the database and"
                        + " its key file together from the same backup, then run 'resolve verify'.", e);
            }
            throw new StoreException("The database " + file + " could not be brought up to date (" + StoreException.reason(e)
                    + "). Nothing was changed. Restore it from a backup or ask your administrator.", e);
        }
    }

    private StoreException newerVersion(String found, String known) {
        return new StoreException("The database " + file + " was made by a newer version of Resolve (schema " + found
                + "; this version knows up to " + known + "). Nothing was changed. Install the newer version of"
                + " Resolve to open it.");
    }

    /** The highest schema version successfully applied, or EMPTY when unknown (new, or not ours). */
    private MigrationVersion appliedSchema() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            // asked first, so that a new database does not log a failed query to a trace file
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'flyway_schema_history'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return MigrationVersion.EMPTY;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
                MigrationVersion max = MigrationVersion.EMPTY;
                while (rs.next()) {
                    MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                    max = v.compareTo(max) > 0 ? v : max;
                }
                return max;
            }
        } catch (SQLException | RuntimeException e) {
            return MigrationVersion.EMPTY; // no history table yet, or a version we cannot read: let Flyway decide
        }
    }

    /** True when a table that one of {@code pending} creates is already there. */
    private boolean pendingTablesExist(MigrationInfo[] pending) {
        java.util.regex.Pattern create = java.util.regex.Pattern.compile(
                "(?i)create\\s+table\\s+(?!if\\s+not\\s+exists)\"?(\\w+)");
        try (Connection c = connection(); Statement st = c.createStatement()) {
            for (MigrationInfo m : pending) {
                String script = m.getScript();
                try (var in = Database.class.getResourceAsStream("/db/migration/" + script)) {
                    if (in == null) {
                        continue;
                    }
                    var matcher = create.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND UPPER(TABLE_NAME) = '"
                                + matcher.group(1).toUpperCase(java.util.Locale.ROOT) + "'")) {
                            rs.next();
                            if (rs.getInt(1) > 0) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        } catch (SQLException | java.io.IOException e) {
            return false;
        }
    }

    private boolean hasForeignTables() {
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw new StoreException("Could not read the database " + file + ": " + StoreException.reason(e), e);
        }
    }

    static Path normalise(Path file) {
        String s = file.toString();
        if (s.endsWith(SUFFIX)) {
            s = s.substring(0, s.length() - SUFFIX.length());
        }
        return Path.of(s);
    }

    private static StoreException translateOpen(Path mv, SQLException e, byte[] key) {
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new StoreException("The database " + mv + " is in use by another copy of Resolve. Close the other"
                    + " window (or wait for the other command to finish) and try again.", e);
        }
        if (code == ErrorCode.FILE_VERSION_ERROR_1) {
            return new StoreException("The file " + mv + " was written by a different version of the H2 database"
                    + " engine than this Resolve uses. Nothing was changed. Open it with the version of Resolve that"
                    + " made it, export its records, and import them here.", e);
        }
        boolean encryption = code == ErrorCode.FILE_ENCRYPTION_ERROR_1 || code == ErrorCode.WRONG_PASSWORD_FORMAT;
        boolean damage = code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.IO_EXCEPTION_2
                || code == ErrorCode.GENERAL_ERROR_1 || code == ErrorCode.IO_EXCEPTION_1;
        if (encryption || damage) {
            KeyFit fit = key == null ? KeyFit.UNKNOWN : keyFit(mv, key);
            if (fit == KeyFit.FITS) {
                return new StoreException("The database " + mv + " is damaged" + (cutShort(mv) ? " (it has been cut"
                        + " short)" : "") + ": its key is right, but its contents cannot be read. Nothing was changed."
                        + " Restore the database and its key file together from your backup (or sync again from your"
                        + " team's shared file), then run 'resolve verify'.", e);
            }
            if (fit == KeyFit.WRONG || encryption) {
                return new StoreException("The database " + mv + " cannot be unlocked with the key in the key file"
                        + " beside it: the two files do not belong together, or the start of the database is damaged."
                        + " Nothing was changed. Restore the database and its key file together from your backup,"
                        + " then run 'resolve verify'.", e);
            }
            return new StoreException("The file " + mv + " is not a Resolve database, or it is damaged. Nothing was"
                    + " changed. Check the --db path; if it is your database, restore it and its key file together"
                    + " from your backup (or sync again from your team's shared file), then run 'resolve verify'.", e);
        }
        return new StoreException("Could not open the database " + mv + " (" + StoreException.reason(e)
                + "). Check the path and that you can write to its folder.", e);
    }

    /**
     * Compacts the file for at most about {@code max} while the database stays open (rewriting its
     * least-filled chunks, as H2's own background writer would, so that the space they hold is reused): called
     * when the application is idle, so that closing never has to. Committed data is untouched; a failure
     * only leaves the file as large as it was. Returns false when it could not run.
     */
    public boolean compact(java.time.Duration max) {
        try (Connection c = pool.getConnection()) {
            var session = (org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
            var store = session.getDatabase().getStore();
            if (store == null) {
                return false;
            }
            org.h2.mvstore.MVStore mv = store.getMvStore();
            long until = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < until && mv.compact(COMPACT_FILL_RATE, COMPACT_STEP_BYTES)) {
                mv.commit();
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * For a scratch copy only (a sync's working copy, deleted when the process stops): commits reach
     * the file in larger steps instead of one write each, which leaves far fewer dead chunks behind a
     * bulk merge (a smaller file, written sooner). Closing still writes everything committed. The next
     * open is durable again, as its URL says so.
     */
    public void writeInBulk() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 10000");
        } catch (SQLException e) {
            throw new StoreException("Could not prepare the working copy " + file + " (" + StoreException.reason(e)
                    + ").", e);
        }
    }

    /**
     * Closes the database after rewriting its file without the space left by earlier versions of
     * its pages (H2's {@code SHUTDOWN COMPACT}): for a copy about to be written somewhere else (a
     * sync's working copy of the shared file), never on the quit path, as it takes seconds on a large file.
     */
    public void closeCompacted() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new StoreException("Could not compact " + file + " (" + StoreException.reason(e) + ").", e);
        } finally {
            pool.dispose();
        }
    }

    /** Whether a key opens a database file's encryption, told apart from damage further in. */
    private enum KeyFit { FITS, WRONG, UNKNOWN }

    /**
     * Decrypts the first block of {@code mv} with {@code key} and looks for H2's own file header: if it
     * is there the key is right, so a failure to open is damage further in, not a key file that
     * belongs to another database.
     */
    private static KeyFit keyFit(Path mv, byte[] key) {
        if (!isEncrypted(mv)) {
            return KeyFit.UNKNOWN;
        }
        byte[] password = org.h2.store.fs.encrypt.FilePathEncrypt.getPasswordBytes(
                filePassword(key).strip().toCharArray());
        try (java.nio.channels.FileChannel base = java.nio.channels.FileChannel.open(mv,
                java.nio.file.StandardOpenOption.READ);
             var decrypted = new org.h2.store.fs.encrypt.FileEncrypt(mv.toString(), password, base)) {
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(4);
            while (head.hasRemaining() && decrypted.read(head, head.position()) > 0) {
                // read the four bytes of the header's start
            }
            String start = new String(head.array(), java.nio.charset.StandardCharsets.US_ASCII);
            return start.equals("H:2,") ? KeyFit.FITS : KeyFit.WRONG;
        } catch (java.io.IOException | RuntimeException ex) {
            return KeyFit.UNKNOWN;
        } finally {
            java.util.Arrays.fill(password, (byte) 0);
        }
    }

    /** An H2 file is written in whole blocks of 4 KiB (an encrypted one behind a header of one block). */
    private static boolean cutShort(Path mv) {
        try {
            return Files.size(mv) % 4096 != 0;
        } catch (java.io.IOException ex) {
            return false;
        }
    }

    /** Chunks filled less than this (in %) are rewritten when compacting: H2's own default. */
    private static final int COMPACT_FILL_RATE = 90;
    private static final int COMPACT_STEP_BYTES = 4 << 20;

    @Override
    public void close() {
        // closing the pool's last connection closes the database (H2 closes it when none is open)
        pool.dispose();
    }
}
