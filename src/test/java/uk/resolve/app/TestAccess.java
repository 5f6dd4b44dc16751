/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Clock;

import uk.resolve.security.Actor;
import uk.resolve.store.CaseSummaryStore;
import uk.resolve.store.Database;
import uk.resolve.store.EntryStore;
import uk.resolve.store.SettingsStore;

/**
 * The one way tests and benchmarks reach beneath the services to the stores (to write entries a
 * service would refuse, tamper with the database, or build services on a database of their own).
 * The services' public API speaks only app and domain types; this class keeps those uses in one place.
 */
public final class TestAccess {

    private TestAccess() {
    }

    /** Builds the services on an open database for {@code actor}, as {@link Vault} does after unlocking it. */
    public static Services open(Database database, Clock clock, Actor actor) {
        return Services.open(database, clock, actor);
    }

    /** The database beneath {@code services}. */
    public static Database database(Services services) {
        return services.database();
    }

    /** The settings table beneath {@code services}. */
    public static SettingsStore settings(Services services) {
        return services.settings();
    }

    /** The entries table beneath {@code services}. */
    public static EntryStore entries(Services services) {
        return services.entries();
    }

    /** The per-case summaries beneath {@code services}. */
    public static CaseSummaryStore summaries(Services services) {
        return services.summaries();
    }
}
