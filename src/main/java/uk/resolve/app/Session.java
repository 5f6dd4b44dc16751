/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.security.Actor;
import uk.resolve.security.Argon2Params;
import uk.resolve.security.Crypto;
import uk.resolve.security.Keyring;
import uk.resolve.security.Permission;
import uk.resolve.security.PersonKeys;
import uk.resolve.security.ProtectionException;
import uk.resolve.security.Role;
import uk.resolve.security.WrappedKey;
import uk.resolve.store.UserStore;
import uk.resolve.store.UserStore.UserRow;

/**
 * One person signed in: their services, and what only a signed-in person can do with the key file
 * (change their password; for administrators, add people and reset passwords). Closing it signs out
 * and closes the database. The database key stays in memory only while signed in.
 */
public final class Session implements AutoCloseable {

    /** The setting for minutes of inactivity before the window locks. */
    public static final String IDLE_LOCK_MINUTES = "security.idleLockMinutes";
    public static final int DEFAULT_IDLE_LOCK_MINUTES = 5;

    private final Vault vault;
    private final Services services;
    private final UserStore users;
    private byte[] key;
    private PersonKeys keys;
    private boolean mustChangePassword;
    private volatile boolean locked;

    Session(Vault vault, Services services, byte[] key, PersonKeys keys, boolean mustChangePassword) {
        this.vault = vault;
        this.services = services;
        this.users = services.users();
        this.key = key;
        this.keys = keys;
        this.mustChangePassword = mustChangePassword;
    }

    public Services services() {
        return services;
    }

    public Actor actor() {
        return services.actor();
    }

    /** True after an administrator set a temporary password: the person must choose their own first. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    // ---------------------------------------------------------------- locking

    public boolean locked() {
        return locked;
    }

    /** Locks the session (idle, or on request): the window hides everything until {@link #unlock}. */
    public void lock() {
        if (!locked) {
            locked = true;
            services.audit().record(AuditAction.SESSION_LOCKED, actor().name(), "");
            // idle now: compact the file here, bounded, so that signing out and quitting never have to
            services.database().compact(COMPACT_WHEN_IDLE);
        }
    }

    /** How long a lock may spend compacting the database file. */
    static final java.time.Duration COMPACT_WHEN_IDLE = java.time.Duration.ofSeconds(5);

    /** Unlocks with the signed-in person's password (throttled like a sign-in). */
    public void unlock(char[] password) {
        verify(password);
        locked = false;
        services.audit().record(AuditAction.SESSION_UNLOCKED, actor().name(), "");
    }

    /** Checks the signed-in person's password; failed attempts waiting in the key file go to the audit log. */
    private void verify(char[] password) {
        for (Keyring.FailedAttempt f : vault.verify(actor().name(), password)) {
            services.audit().recordFor(f.name(), f.at(), AuditAction.SIGN_IN_FAILED, f.name(), f.reason());
        }
    }

    /** Minutes of inactivity before the window locks (set by an administrator; default 5). */
    public int idleLockMinutes() {
        return services.settings().get(IDLE_LOCK_MINUTES).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return DEFAULT_IDLE_LOCK_MINUTES;
            }
        }).orElse(DEFAULT_IDLE_LOCK_MINUTES);
    }

    public void setIdleLockMinutes(int minutes) {
        actor().require(Permission.MANAGE_SETTINGS);
        if (minutes < 1 || minutes > 60) {
            throw new ProtectionException("The idle lock must be between 1 and 60 minutes (" + minutes + " given).");
        }
        services.settings().put(IDLE_LOCK_MINUTES, Integer.toString(minutes));
        services.audit().record(AuditAction.SETTINGS_CHANGED, IDLE_LOCK_MINUTES, minutes + " minutes");
    }

    // ---------------------------------------------------------------- own password

    /**
     * Changes the signed-in person's password: the database key and their own private keys are wrapped
     * again, nothing re-encrypted; their public keys stay as registered.
     */
    public void changePassword(char[] current, char[] replacement) {
        String who = actor().name();
        verify(current);
        Passwords.requireStrong(replacement, who);
        Keyring keyring = vault.keyring();
        seal(keyring, who, key(), keys, replacement, false);
        keyring.save();
        mustChangePassword = false;
        services.audit().record(AuditAction.PASSWORD_CHANGED, who, "");
    }

    // ---------------------------------------------------------------- administration

    /** Everyone who may sign in here, and those removed. */
    public List<Person> users() {
        Set<String> temporary = withTemporaryPassword();
        return users.all().stream().map(u -> person(u, temporary.contains(u.name()))).toList();
    }

    /** The person a stored row describes, as the front ends see them. */
    private static Person person(UserRow u, boolean temporaryPassword) {
        return new Person(u.name(), u.fullName(), u.role(), u.team(), u.active(), u.active() && temporaryPassword,
                u.createdAt(), u.createdBy());
    }

    /**
     * Adds a person with a first password, which they must change when they first sign in. Their key
     * is the database key wrapped under that password.
     */
    public Person addUser(String name, String fullName, Role role, String team, char[] initialPassword) {
        return addUser(name, fullName, Set.of(role), team, initialPassword);
    }

    /**
     * Adds a person with their roles (a case role and, optionally, administration) and a first
     * password, which they must change when they first sign in.
     */
    public Person addUser(String name, String fullName, Set<Role> roles, String team, char[] initialPassword) {
        actor().require(Permission.MANAGE_USERS);
        String codes = codes(roles);
        String who = Vault.canonical(name);
        Passwords.requireStrong(initialPassword, who);
        if (users.find(who).filter(UserRow::active).isPresent()) {
            throw new ProtectionException("There is already someone called " + who + " here. Choose another name, or"
                    + " reset their password instead.");
        }
        UserRow row = new UserRow(who, fullName == null ? "" : fullName.strip(), codes,
                team == null ? "" : team.strip(), true, vault.clock().instant(), actor().name());
        Keyring keyring = vault.keyring();
        PersonKeys theirs = PersonKeys.generate(who);
        seal(keyring, who, key(), theirs, initialPassword, true);
        users.save(row);
        keyring.save();
        KeyRegistrations.register(services.entries(), vault.clock().instant(), actor().name(), theirs,
                KeyDirectory.Reason.ADDED, codes, row.team());
        services.reportKeys().ensure(actor().name());
        services.audit().record(AuditAction.USER_ADDED, who, codes + (row.team().isEmpty() ? "" : ", team "
                + row.team()));
        return person(row, true);
    }

    /**
     * The people who still have a temporary password (added, or reset, and not yet signed in to
     * choose their own): an administrator's reminder to hand it over or follow up.
     */
    public java.util.Set<String> withTemporaryPassword() {
        actor().require(Permission.MANAGE_USERS);
        Keyring keyring = vault.keyring();
        return keyring.names().stream().filter(n -> keyring.slot(n).map(Keyring.Slot::mustChangePassword).orElse(false))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Changes a person's role or team. */
    public Person changeUser(String name, Role role, String team) {
        return changeUser(name, Set.of(role), team);
    }

    /**
     * Changes a person's roles (a case role and, optionally, administration) or team. The last
     * administrator keeps administration, so that someone can still add people and reset passwords.
     */
    public Person changeUser(String name, Set<Role> roles, String team) {
        actor().require(Permission.MANAGE_USERS);
        String codes = codes(roles);
        UserRow old = require(name);
        if (administers(old) && !roles.contains(Role.ADMINISTRATOR) && otherAdministrators(old.name()) == 0) {
            throw new ProtectionException(old.name().equals(actor().name())
                    ? "You are the only administrator: add another administrator before you give up administration."
                    : old.name() + " is the only administrator: add another administrator first.");
        }
        UserRow row = new UserRow(old.name(), old.fullName(), codes, team == null ? old.team() : team.strip(),
                true, old.createdAt(), old.createdBy());
        users.save(row);
        if (!old.role().equals(codes) || !old.team().equals(row.team())) {
            KeyRegistrations.rolesChanged(services.entries(), vault.clock().instant(), actor().name(), row.name(), codes,
                    row.team());
        }
        services.reportKeys().ensure(actor().name());
        services.audit().record(AuditAction.USER_CHANGED, row.name(), (old.role().equals(codes) ? codes
                : old.role() + " -> " + codes) + ", team " + row.team());
        return person(row, vault.keyring().slot(row.name()).map(Keyring.Slot::mustChangePassword).orElse(false));
    }

    /**
     * Confirms the keys {@code name} registered on their own (as the first administrator, or at their
     * first sign-in after signing began), which only the database key vouched for: a signed entry by
     * this administrator, after which {@code verify} no longer lists them. Returns how many
     * registrations were confirmed.
     */
    public int confirmKeys(String name) {
        actor().require(Permission.MANAGE_USERS);
        String who = Vault.canonical(name);
        if (who.equals(actor().name())) {
            throw new ProtectionException("You cannot confirm your own keys: another administrator confirms them.");
        }
        List<KeyDirectory.Registration> own = KeyDirectory.of(services.entries().ofType(
                uk.resolve.domain.record.EntryType.PERSON_KEYS)).ownRegistrations().stream()
                .filter(r -> r.person().equals(who)).toList();
        if (own.isEmpty()) {
            throw new ProtectionException("There are no keys of '" + name + "' waiting to be confirmed: their keys"
                    + " were registered by an administrator, or are confirmed already. 'resolve verify' lists those"
                    + " that wait.");
        }
        for (KeyDirectory.Registration r : own) {
            KeyRegistrations.confirm(services.entries(), vault.clock().instant(), actor().name(), who, r.signKey());
        }
        services.audit().record(AuditAction.USER_CHANGED, who, "keys confirmed");
        return own.size();
    }

    /** The roles as stored, or a message a person can act on. */
    private static String codes(Set<Role> roles) {
        try {
            return Role.codes(roles);
        } catch (IllegalArgumentException e) {
            throw new ProtectionException(e.getMessage());
        }
    }

    private static boolean administers(UserRow row) {
        try {
            return Role.parseSet(row.role()).contains(Role.ADMINISTRATOR);
        } catch (IllegalArgumentException e) {
            return false; // a role from a newer version
        }
    }

    /**
     * Sets a temporary password for someone who has forgotten theirs; they must change it when they
     * sign in. This is the only recovery: it needs an administrator who is signed in (and so holds
     * the key); there is no other way in.
     */
    public void resetPassword(String name, char[] temporary) {
        actor().require(Permission.MANAGE_USERS);
        UserRow row = require(name);
        Passwords.requireStrong(temporary, row.name());
        Keyring keyring = vault.keyring();
        // their old private keys are sealed under the password they forgot: they get new ones, and their
        // old public keys stay valid for what they signed before now
        PersonKeys theirs = PersonKeys.generate(row.name());
        seal(keyring, row.name(), key(), theirs, temporary, true);
        keyring.save();
        KeyRegistrations.register(services.entries(), vault.clock().instant(), actor().name(), theirs,
                KeyDirectory.Reason.RESET, row.role(), row.team());
        services.reportKeys().ensure(actor().name());
        services.audit().record(AuditAction.PASSWORD_RESET, row.name(), "temporary password set");
    }

    /** Stops a person signing in: their key is removed; their name stays on what they recorded. */
    public void removeUser(String name) {
        actor().require(Permission.MANAGE_USERS);
        UserRow row = require(name);
        if (row.name().equals(actor().name())) {
            throw new ProtectionException("You cannot remove yourself. Ask another administrator.");
        }
        if (administers(row) && otherAdministrators(row.name()) == 0) {
            throw new ProtectionException("That is the last administrator; add another first.");
        }
        Keyring keyring = vault.keyring();
        keyring.remove(row.name());
        keyring.save();
        users.save(new UserRow(row.name(), row.fullName(), row.role(), row.team(), false, row.createdAt(),
                row.createdBy()));
        KeyRegistrations.withdraw(services.entries(), vault.clock().instant(), actor().name(), row.name());
        services.reportKeys().ensure(actor().name());
        services.audit().record(AuditAction.USER_REMOVED, row.name(), "");
    }

    private long otherAdministrators(String except) {
        return users.all().stream().filter(UserRow::active).filter(u -> !u.name().equals(except))
                .filter(Session::administers).count();
    }

    private UserRow require(String name) {
        String who = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return users.find(who).filter(UserRow::active).orElseThrow(() ->
                new ProtectionException("There is no one called '" + name + "' here. Run 'resolve user list' to see"
                        + " who can sign in."));
    }

    /** Seals the database key and {@code theirs} under one key derived from {@code password}. */
    private static void seal(Keyring keyring, String who, byte[] dbKey, PersonKeys theirs, char[] password,
                             boolean mustChange) {
        Argon2Params kdf = Argon2Params.fresh();
        byte[] kek = kdf.derive(password);
        byte[] secret = theirs.secret();
        try {
            keyring.put(who, WrappedKey.wrapWithKek(kdf, kek, dbKey, Vault.context(who)),
                    WrappedKey.wrapWithKek(kdf, kek, secret, PersonKeys.context(who)), mustChange);
        } finally {
            Crypto.wipe(kek);
            Crypto.wipe(secret);
        }
    }

    /** The signed-in person's own key pairs. */
    PersonKeys keys() {
        if (keys == null) {
            throw new ProtectionException("You have signed out. Sign in again.");
        }
        return keys;
    }

    private byte[] key() {
        if (key == null) {
            throw new ProtectionException("You have signed out. Sign in again.");
        }
        return key;
    }

    /** Signs out: written to the audit log, the database closed, the key wiped from memory. */
    @Override
    public void close() {
        if (key == null) {
            return;
        }
        try {
            services.audit().record(AuditAction.SIGN_OUT, actor().name(), "");
        } catch (RuntimeException ignored) {
            // the database may already be gone (a removed drive); signing out must still close it
        }
        services.cases().useKeys(null);
        services.close();
        Crypto.wipe(key);
        key = null;
        keys = null;
    }
}
