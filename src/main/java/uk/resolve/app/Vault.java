/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.security.Actor;
import uk.resolve.security.Argon2Params;
import uk.resolve.security.Crypto;
import uk.resolve.security.Keyring;
import uk.resolve.security.PersonKeys;
import uk.resolve.security.ProtectionException;
import uk.resolve.security.Role;
import uk.resolve.security.Throttle;
import uk.resolve.security.WrappedKey;
import uk.resolve.store.AuditStore;
import uk.resolve.store.Database;
import uk.resolve.store.StoreException;
import uk.resolve.store.UserStore;
import uk.resolve.store.UserStore.UserRow;

/**
 * The locked door in front of one database: it is encrypted with a random key (H2 {@code CIPHER=AES});
 * the key is wrapped under each person's password in the key file beside it ({@link Keyring}); signing
 * in unwraps it, opens the database and builds the services for that person. See decision record
 * 0003 for the design.
 */
public final class Vault {

    /** Where a database stands. */
    public enum State {
        /** No database yet: the first administrator creates it. */
        NEW,
        /** A database made before Resolve encrypted its data: the first administrator's sign-in encrypts it. */
        UNPROTECTED,
        /** An encrypted database with its key file: people sign in. */
        PROTECTED
    }

    private final Path dbFile;
    private final Path keyFile;
    private final Clock clock;

    private Vault(Path dbFile, Clock clock) {
        this.dbFile = dbFile;
        this.keyFile = Keyring.fileFor(dbFile);
        this.clock = clock;
    }

    /** The vault of the database {@code file} (with or without {@code .mv.db}). */
    public static Vault at(Path file, Clock clock) {
        String s = file.toAbsolutePath().toString();
        Path mv = Path.of(s.endsWith(Database.SUFFIX) ? s : s + Database.SUFFIX);
        return new Vault(mv, clock);
    }

    public Path databaseFile() {
        return dbFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    public State state() {
        finishInterruptedEncryption();
        if (Keyring.exists(keyFile)) {
            if (Files.exists(dbFile) && !Database.isEncrypted(dbFile)) {
                throw new ProtectionException("The database " + dbFile + " is not encrypted, but the key file "
                        + keyFile + " beside it says it should be. One of them has been replaced. Nothing was changed;"
                        + " put back the files you had, or ask your administrator.");
            }
            if (!Files.exists(dbFile)) {
                // never make a new, empty database in its place: that would hide the loss
                throw new ProtectionException("The database " + dbFile + " is missing, but its key file " + keyFile
                        + " is still there. Nothing was created or changed. Restore the database and its key file"
                        + " together from your backup (or check the --db path or data folder), then run"
                        + " 'resolve verify'.");
            }
            return State.PROTECTED;
        }
        if (Files.exists(dbFile)) {
            if (Database.isEncrypted(dbFile)) {
                throw new ProtectionException("The database " + dbFile + " is encrypted, but its key file " + keyFile
                        + " is missing. Put the key file back beside it (restore it from your backup); without it the"
                        + " database cannot be opened.");
            }
            return State.UNPROTECTED;
        }
        return State.NEW;
    }

    /**
     * Creates the first administrator: of a new database, which is made encrypted; or of a database
     * from an earlier version, which is encrypted on the way (its records checked before the plain
     * file is replaced). Refused once the database has people.
     */
    public Session createFirstAdministrator(String name, char[] password, String team) {
        return createFirstAccount(name, "", null, password, team);
    }

    /**
     * Creates the first account, which looks after Resolve on this computer and, with a
     * {@code caseRole}, also works on cases: one person alone on their own laptop needs no second
     * account. Without a case role it is an administrator-only account. As
     * {@link #createFirstAdministrator} for the rest.
     *
     * @param caseRole what the person does on cases (practitioner, manager …), or null for administration only
     */
    public Session createFirstAccount(String name, String fullName, Role caseRole, char[] password, String team) {
        String who = canonical(name);
        if (caseRole == Role.ADMINISTRATOR) {
            caseRole = null;
        }
        java.util.Set<Role> roles = caseRole == null ? java.util.EnumSet.of(Role.ADMINISTRATOR)
                : java.util.EnumSet.of(caseRole, Role.ADMINISTRATOR);
        Passwords.requireStrong(password, who);
        State state = state();
        if (state == State.PROTECTED) {
            throw new ProtectionException("This database already has an administrator. Sign in, or ask an"
                    + " administrator to add you.");
        }
        byte[] key = Crypto.newKey();
        Keyring keyring = Keyring.create(keyFile);
        keyring.put(who, WrappedKey.wrap(key, password, context(who)), false);
        UserRow admin = new UserRow(who, fullName == null ? "" : fullName.strip(), Role.codes(roles),
                team == null ? "" : team.strip(), true, clock.instant(), who);
        if (state == State.NEW) {
            keyring.save();
            try (Database db = Database.open(dbFile, key)) {
                new UserStore(db).save(admin);
                new AuditStore(db).append(clock.instant(), who, AuditAction.USER_ADDED, who,
                        "first administrator of a new database (" + admin.role() + ")");
            } catch (RuntimeException e) {
                deleteQuietly(keyFile);
                throw e;
            }
        } else {
            encryptExisting(key, keyring, admin);
        }
        return signIn(who, password);
    }

    /** Encrypts a database from an earlier version: a copy is encrypted and checked, then replaces the plain file. */
    private void encryptExisting(byte[] key, Keyring keyring, UserRow admin) {
        long entries;
        long[] before;
        try (Database plain = Database.open(dbFile)) { // brings the schema up to date first
            before = counts(plain);
        }
        Path copy = encryptingCopy();
        boolean moved = false;
        try {
            Files.copy(dbFile, copy, StandardCopyOption.REPLACE_EXISTING);
            Database.encryptInPlace(copy, key);
            try (Database enc = Database.open(copy, key)) {
                long[] after = counts(enc);
                if (after[0] != before[0] || after[1] != before[1]) {
                    throw new ProtectionException("Encrypting the database did not keep every record (" + before[0]
                            + " entries before, " + after[0] + " after). Nothing was changed; the database is as it was.");
                }
                entries = after[0];
                AuditStore audit = new AuditStore(enc);
                new UserStore(enc).save(admin);
                audit.append(clock.instant(), admin.name(), AuditAction.DATABASE_ENCRYPTED,
                        dbFile.getFileName().toString(), entries + " entries encrypted on first sign-in");
                audit.append(clock.instant(), admin.name(), AuditAction.USER_ADDED, admin.name(), "first administrator (" + admin.role() + ")");
            }
            keyring.save();
            move(copy, dbFile);
            moved = true;
        } catch (IOException e) {
            throw new ProtectionException("Could not encrypt the database " + dbFile + " (" + e.getMessage() + ")."
                    + " Nothing was changed. Check there is room on the disk and try again.", e);
        } finally {
            if (!moved) {
                // the plain database is still the database: take away everything the attempt made
                deleteQuietly(copy);
                deleteQuietly(keyFile);
            }
        }
    }

    private static long[] counts(Database db) {
        var entries = new uk.resolve.store.EntryStore(db, "count");
        return new long[] {entries.count(), entries.caseCount()};
    }

    private Path encryptingCopy() {
        String name = dbFile.getFileName().toString();
        return dbFile.resolveSibling(name.substring(0, name.length() - Database.SUFFIX.length()) + ".encrypting"
                + Database.SUFFIX);
    }

    /** A key file written but the encrypted copy not yet moved into place: finish the move. */
    private void finishInterruptedEncryption() {
        Path copy = encryptingCopy();
        if (!Files.exists(copy)) {
            return;
        }
        try {
            if (Keyring.exists(keyFile) && Database.isEncrypted(copy) && Files.exists(dbFile)
                    && !Database.isEncrypted(dbFile)) {
                move(copy, dbFile);
            } else if (!Keyring.exists(keyFile)) {
                Files.deleteIfExists(copy); // the encryption had not finished: the plain file is still the database
            }
        } catch (IOException e) {
            throw new ProtectionException("Could not finish encrypting the database " + dbFile + " (" + e.getMessage()
                    + "). Close other copies of Resolve and try again.", e);
        }
    }

    /**
     * Signs {@code name} in with {@code password}: unwraps the database key, opens the database and
     * builds the services for them. A wrong password changes nothing but the count of failures.
     */
    public Session signIn(String name, char[] password) {
        State state = state();
        if (state != State.PROTECTED) {
            throw new ProtectionException(state == State.NEW
                    ? "There is no database at " + dbFile + " yet. Create the first administrator first"
                    + " ('resolve init --admin NAME')."
                    : "The database " + dbFile + " was made by an earlier version of Resolve and is not yet protected."
                    + " Create its first administrator ('resolve init --admin NAME'); that encrypts it.");
        }
        String who = canonicalOrNull(name);
        Keyring keyring = Keyring.load(keyFile);
        Instant now = clock.instant();
        Keyring.Slot slot = who == null ? null : keyring.slot(who).orElse(null);
        if (slot == null) {
            Argon2Params.fresh().derive(password); // the same work as a real attempt, so the answer takes as long
            keyring.addPending(new Keyring.FailedAttempt(who == null ? "(invalid name)" : who, now, "unknown name"));
            keyring.save();
            throw wrongNameOrPassword();
        }
        Opened opened = unwrap(keyring, slot, password, now, "wrong password", Vault::wrongNameOrPassword);
        byte[] key = opened.dbKey();
        Database db;
        try {
            db = Database.open(dbFile, key);
        } catch (StoreException e) {
            Crypto.wipe(key);
            throw e;
        }
        try {
            UserRow row = new UserStore(db).find(who).orElse(null);
            if (row == null) {
                // the key file knows them and the database does not: the database lost what it held
                throw new ProtectionException("The database " + dbFile + " does not know " + who + ", though its key"
                        + " file does: the database is damaged or an older copy has been put in its place. Nothing"
                        + " was changed. Restore the database and its key file together from your backup, then run"
                        + " 'resolve verify'.");
            }
            if (!row.active()) {
                throw new ProtectionException(who + " may no longer sign in to this database. Ask your administrator.");
            }
            Actor actor = new Actor(row.name(), roles(row), row.team());
            AuditStore audit = new AuditStore(db);
            for (Keyring.FailedAttempt f : keyring.drainFailures()) {
                audit.append(f.at(), f.name(), AuditAction.SIGN_IN_FAILED, f.name(), f.reason());
            }
            keyring.recordSuccess(who);
            keyring.save();
            Services services = Services.open(db, clock, actor);
            services.entries().signWith(opened.keys());
            services.cases().useKeys(opened.keys());
            if (!KeyRegistrations.registered(services.entries(), opened.keys())) {
                // the first administrator's keys, or anyone's first sign-in since signing began
                KeyRegistrations.register(services.entries(), clock.instant(), who, opened.keys(),
                        actor.administers() && !KeyRegistrations.any(services.entries())
                                ? KeyRegistrations.FIRST : KeyRegistrations.UPGRADE, Role.codes(actor.roles()),
                        actor.team());
            }
            reportKeysAtSignIn(services, actor);
            services.audit().record(AuditAction.SIGN_IN, who, "");
            return new Session(this, services, key, opened.keys(), slot.mustChangePassword());
        } catch (RuntimeException e) {
            Crypto.wipe(key);
            db.close();
            throw e;
        }
    }

    /**
     * The partnership's report key at sign-in (decision 0017): an administrator's Resolve makes it
     * when the business team has people and no key, a business-team person's passes it on to
     * colleagues who lack it. Never stops a sign-in: the next one tries again.
     */
    private static void reportKeysAtSignIn(Services services, Actor actor) {
        try {
            if (actor.administers()) {
                services.reportKeys().ensure(actor.name());
            }
            services.reportKeys().grantsDue();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Vault.class).info("The report key was not passed on at sign-in: {}",
                    e.getClass().getSimpleName());
        }
        try {
            // board text written before the current report key, wrapped for it once per key (decision 0017)
            services.cases().wrapBoardTextForReportKey();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Vault.class).info("Board text was not wrapped for the report key at"
                    + " sign-in: {}", e.getClass().getSimpleName());
        }
    }

    /** Checks {@code password} against {@code who}'s key (to unlock a locked session), with the same throttle. */
    /** @return the failed attempts (by anyone) waiting for the audit log, now taken from the key file */
    java.util.List<Keyring.FailedAttempt> verify(String who, char[] password) {
        Keyring keyring = Keyring.load(keyFile);
        Instant now = clock.instant();
        Keyring.Slot slot = keyring.slot(who).orElseThrow(() ->
                new ProtectionException(who + " may no longer sign in to this database. Ask your administrator."));
        Crypto.wipe(unwrap(keyring, slot, password, now, "wrong password to unlock",
                () -> new ProtectionException("That password is not right. Type it again (Caps Lock?).")).dbKey());
        var failed = keyring.drainFailures();
        keyring.recordSuccess(who);
        keyring.save();
        return failed;
    }

    /**
     * The database key from {@code slot}, slowed and limited by {@link Throttle}: an attempt before the
     * wait is over is refused (and noted for the audit log) even with the right password; a wrong
     * password is counted, and {@code wrong} says so unless the count now makes the person wait.
     */
    /** What a password opens in a slot: the database key and the person's own key pairs. */
    private record Opened(byte[] dbKey, PersonKeys keys) {
    }

    /**
     * As the database key, the person's private keys are opened with the one key derived from the
     * password (sign-in stays one derivation); a person without keys yet gets new ones, sealed the
     * same way and saved in the key file.
     */
    private static Opened unwrap(Keyring keyring, Keyring.Slot slot, char[] password, Instant now, String reason,
                                 java.util.function.Supplier<ProtectionException> wrong) {
        String who = slot.name();
        if (slot.notBefore() != null && now.isBefore(slot.notBefore())) {
            keyring.addPending(new Keyring.FailedAttempt(who, now, "attempt while locked out"));
            keyring.save();
            throw tooMany(who, slot.failures(), Duration.between(now, slot.notBefore()));
        }
        byte[] kek = slot.key().kdf().derive(password);
        try {
            byte[] dbKey = slot.key().unwrapWithKek(kek, context(who));
            PersonKeys keys = null;
            if (slot.personKeys() != null) {
                byte[] secret = null;
                try {
                    secret = slot.personKeys().unwrapWithKek(kek, PersonKeys.context(who));
                    keys = PersonKeys.fromSecret(who, secret);
                } catch (WrappedKey.WrongSecret damaged) {
                    keys = null; // the database key opened, so only the sealed keys were damaged: make new ones
                } finally {
                    Crypto.wipe(secret);
                }
            }
            if (keys == null) {
                keys = PersonKeys.generate(who);
                byte[] secret = keys.secret();
                try {
                    keyring.put(who, slot.key(), WrappedKey.wrapWithKek(slot.key().kdf(), kek, secret,
                            PersonKeys.context(who)), slot.mustChangePassword());
                } finally {
                    Crypto.wipe(secret);
                }
            }
            return new Opened(dbKey, keys);
        } catch (WrappedKey.WrongSecret e) {
            Keyring.Slot after = keyring.recordFailure(who, now, reason);
            keyring.save();
            if (after.notBefore() != null) {
                throw tooMany(who, after.failures(), Duration.between(now, after.notBefore()));
            }
            throw wrong.get();
        } finally {
            Crypto.wipe(kek);
        }
    }

    Keyring keyring() {
        return Keyring.load(keyFile);
    }

    Clock clock() {
        return clock;
    }

    /** What is bound into each wrapped key, so a slot cannot be copied to another name. */
    static String context(String who) {
        return "resolve database key for " + who;
    }

    static String canonical(String name) {
        try {
            return Keyring.canonical(name);
        } catch (IllegalArgumentException e) {
            throw new ProtectionException(e.getMessage());
        }
    }

    private static String canonicalOrNull(String name) {
        try {
            return Keyring.canonical(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ProtectionException wrongNameOrPassword() {
        return new ProtectionException("The name or password is not right. Check them (is Caps Lock on?) and try again;"
                + " after " + Throttle.FREE + " failed attempts each further one makes you wait longer. If you have"
                + " forgotten your password, ask your administrator to reset it.");
    }

    private static ProtectionException tooMany(String who, int failures, Duration wait) {
        long s = Math.max(1, wait.toSeconds());
        String when = s < 90 ? s + (s == 1 ? " second" : " seconds") : ((s + 59) / 60) + " minutes";
        return new ProtectionException("Too many failed sign-ins for " + who + " (" + failures + " in a row). Wait "
                + when + " and try again, or ask your administrator to reset the password.");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: nothing depends on it
        }
    }

    /** The roles stored for {@code row}, or a message when a newer version of Resolve wrote them. */
    private java.util.Set<Role> roles(UserRow row) {
        try {
            return Role.parseSet(row.role());
        } catch (IllegalArgumentException e) {
            throw new ProtectionException("The role of " + row.name() + " in " + dbFile + " ('" + row.role() + "') is not"
                    + " one this version of Resolve knows. Nothing was changed. Use the newer version of Resolve, or ask"
                    + " your administrator to change the role.");
        }
    }
}
