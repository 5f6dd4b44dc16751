/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import uk.resolve.domain.time.EnglandWalesCalendar;
import uk.resolve.domain.time.WorkingCalendar;
import uk.resolve.store.Database;
import uk.resolve.store.EntryStore;
import uk.resolve.store.SettingsStore;

/**
 * The composition root: builds every service for one database by constructor, in one place. The
 * desktop application and the command line both start here; tests build exactly what they need.
 */
public final class Services implements AutoCloseable {

    private final Database database;
    private final SettingsStore settings;
    private final EntryStore entries;
    private final PolicyRegistry policies;
    private final WorkingCalendar calendar;
    private final CaseService cases;
    private final FormService forms;
    private final ReportService reports;
    private final Clock clock;
    private final SyncService sync;

    private Services(Database database, Clock clock, String author) {
        this.database = database;
        this.clock = clock;
        this.settings = new SettingsStore(database);
        this.entries = new EntryStore(database, settings.deviceId());
        this.policies = new PolicyRegistry(settings, clock);
        this.calendar = new EnglandWalesCalendar(settings.calendarOverrides());
        this.cases = new CaseService(entries, policies, calendar, clock, author);
        this.forms = new FormService(cases, new uk.resolve.pdf.PdfRenderer());
        this.reports = new ReportService(entries, policies, calendar, clock);
        this.sync = new SyncService(database, entries, settings, cases, clock, author);
    }

    /** Opens the database at {@code file} (migrating it) and builds the services on it. */
    public static Services open(Path file, Clock clock, String author) {
        return new Services(Database.open(file), clock, author);
    }

    /**
     * The clock: the system's, unless the system property {@code resolve.now} fixes it to an
     * instant (for demonstrations and tests that need a known "today").
     */
    public static Clock clockFromEnvironment() {
        String fixed = System.getProperty("resolve.now");
        return fixed == null || fixed.isBlank() ? Clock.systemUTC()
                : Clock.fixed(Instant.parse(fixed), java.time.ZoneOffset.UTC);
    }

    /** Who is acting, until people sign in: the operating system's user name. */
    public static String defaultAuthor() {
        String name = System.getProperty("user.name");
        return name == null || name.isBlank() ? "unknown" : name;
    }

    public Database database() {
        return database;
    }

    public SettingsStore settings() {
        return settings;
    }

    public EntryStore entries() {
        return entries;
    }

    public PolicyRegistry policies() {
        return policies;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public CaseService cases() {
        return cases;
    }

    public FormService forms() {
        return forms;
    }

    public ReportService reports() {
        return reports;
    }

    public Clock clock() {
        return clock;
    }

    /** Sync with the team's shared file, export and import. */
    public SyncService sync() {
        return sync;
    }

    @Override
    public void close() {
        sync.close();
        database.close();
    }
}
