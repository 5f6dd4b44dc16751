/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.time.CalendarOverride;
import uk.resolve.domain.time.EnglandWalesCalendar;
import uk.resolve.domain.time.WorkingCalendar;
import uk.resolve.security.Actor;
import uk.resolve.security.Permission;
import uk.resolve.store.AuditStore;
import uk.resolve.store.Database;
import uk.resolve.store.CaseSummaryStore;
import uk.resolve.store.EntryStore;
import uk.resolve.store.SettingsStore;
import uk.resolve.store.UserStore;

/**
 * The composition root: builds every service for one database by constructor, in one place. The
 * desktop application and the command line both start here; tests build exactly what they need.
 */
public final class Services implements AutoCloseable {

    private final Database database;
    private final SettingsStore settings;
    private final EntryStore entries;
    private final CaseSummaryStore summaries;
    private final uk.resolve.store.ReportFactStore reportFacts;
    private final PolicyRegistry policies;
    private final WorkingCalendar calendar;
    private final CaseService cases;
    private final FormService forms;
    private final ReportService reports;
    private final Clock clock;
    private final SyncService sync;
    private final Actor actor;
    private final AuditLog audit;
    private final UserStore users;
    private final Integrity integrity;
    private final DeadlineCalendarService deadlineCalendar;
    private final MailDraftService mailDrafts;
    private final ReminderService reminders;
    private final AttachmentService attachments;
    private final ReportKeys reportKeys;

    private Services(Database database, Clock clock, Actor actor) {
        this.database = database;
        this.clock = clock;
        this.actor = actor;
        this.settings = new SettingsStore(database);
        this.users = new UserStore(database);
        var checkpoints = new uk.resolve.store.CheckpointStore(database, settings.deviceId());
        this.audit = new AuditLog(new AuditStore(database), actor, clock, checkpoints);
        this.entries = new EntryStore(database, settings.deviceId());
        this.policies = new PolicyRegistry(settings, clock);
        this.policies.guard(actor, audit);
        var overrides = settings.calendarOverrides();
        this.calendar = new EnglandWalesCalendar(overrides);
        var summariser = new CaseSummaries(policies, calendar, overrides, clock);
        this.summaries = new CaseSummaryStore(database, entries, summariser);
        this.reportFacts = new uk.resolve.store.ReportFactStore(database, summaries, summariser.reportFacts());
        // made once here (signing in, off the UI thread) when missing or stale, rather than at the first list
        this.summaries.ensureCurrent();
        this.reportFacts.ensureCurrent();
        this.cases = new CaseService(entries, summaries, policies, calendar, clock, actor, audit);
        var caseKeys = new CaseKeys(entries, users, clock);
        this.reportKeys = new ReportKeys(entries, clock);
        this.cases.keys(caseKeys, reportKeys);
        this.cases.settings(settings);
        this.cases.listCache(new CaseListCache(new uk.resolve.store.ListCacheStore(database)));
        this.cases.people(login -> {
            try {
                return users.find(login.strip().toLowerCase(java.util.Locale.ROOT))
                        .map(UserStore.UserRow::fullName).orElse(null);
            } catch (RuntimeException unknown) {
                return null;
            }
        });
        this.forms = new FormService(cases, new uk.resolve.pdf.PdfRenderer(), audit);
        this.reports = new ReportService(entries, summaries, reportFacts, policies, calendar, clock, actor, audit);
        this.reports.board(new BoardText(caseKeys, reportKeys));
        this.sync = new SyncService(database, entries, settings, cases, clock, actor, audit);
        this.integrity = new Integrity(entries, new AuditStore(database), checkpoints, clock,
                new uk.resolve.store.ContentStore(database));
        this.mailDrafts = new MailDraftService(cases, forms, audit);
        this.deadlineCalendar = new DeadlineCalendarService(cases, new uk.resolve.store.CalendarEventStore(database), audit);
        this.reminders = new ReminderService(deadlineCalendar, cases, settings);
        this.attachments = new AttachmentService(cases, new uk.resolve.store.ContentStore(database), audit);
    }

    /**
     * Builds the services on an open database for the person {@code actor}. The desktop application
     * and the command line reach this through {@link Vault#signIn}, which unlocks the encrypted
     * database first; tests reach it, and the stores below, through their one test-only accessor.
     */
    static Services open(Database database, Clock clock, Actor actor) {
        return new Services(database, clock, actor);
    }

    /**
     * Opens the <em>unencrypted</em> database at {@code file} for {@code actor}: for tests and
     * benchmarks that work on a database of their own. People's data goes through {@link Vault}.
     */
    public static Services openUnencrypted(Path file, Clock clock, Actor actor) {
        return new Services(Database.open(file), clock, actor);
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

    /** The operating system's user name: the name offered at sign-in. */
    public static String defaultAuthor() {
        String name = System.getProperty("user.name");
        return name == null || name.isBlank() ? "unknown" : name;
    }

    /** The person signed in. */
    public Actor actor() {
        return actor;
    }

    /** The audit log. */
    public AuditLog audit() {
        return audit;
    }

    /** The people who may sign in (read-only here; changes go through {@link Vault}). */
    UserStore users() {
        return users;
    }

    /** The database itself: for the session and for tests that write beneath the services. */
    Database database() {
        return database;
    }

    /** The settings table: for tests and benchmarks that write beneath the services. */
    SettingsStore settings() {
        return settings;
    }

    /** The entries table: for tests and benchmarks that write beneath the services. */
    EntryStore entries() {
        return entries;
    }

    /** The per-case summaries lists and reports read: derived from the entries, rebuildable at any time. */
    CaseSummaryStore summaries() {
        return summaries;
    }

    /** Makes every case's summary again from the entries (administrators' repair); returns how many cases. */
    public int rebuildSummaries() {
        int made = summaries.rebuild();
        cases.listCache().forgetAll(); // made again as each person next lists their cases
        return made;
    }

    /**
     * Brings the summaries up to date with the entries if they are missing or stale, and says why they
     * were rebuilt (now or at sign-in), or null when they were current.
     */
    public String summariesMadeCurrent() {
        String stale = summaries.ensureCurrent();
        String facts = reportFacts.ensureCurrent();
        stale = stale != null ? stale : facts;
        return stale != null ? stale : summaries.lastRebuild();
    }

    /** Compares every case's summary with its entries, rebuilds those that differ, and returns how many did. */
    public int summariesRepaired() {
        java.util.Set<java.util.UUID> differ = new java.util.HashSet<>(summaries.verify());
        differ.addAll(reportFacts.verify());
        return differ.size();
    }

    /**
     * Checks the list caches against the record and forgets what does not match (made again at the next
     * list): the signed-in person's, case by case against the opening entries, and the caches of people
     * who may no longer sign in here. Returns what was wrong, empty when nothing was.
     */
    public java.util.List<String> listCachesRepaired() {
        return new ListCacheCheck(cases, users).run();
    }

    /** How many entries the record holds, of every case. */
    public long entryCount() {
        return entries.count();
    }

    /** How many cases the record holds. */
    public long caseCount() {
        return entries.caseCount();
    }

    /** The holidays added to, and working days taken out of, the working-day calendar. */
    public java.util.List<CalendarOverride> calendarOverrides() {
        return settings.calendarOverrides();
    }

    public PolicyRegistry policies() {
        return policies;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /**
     * Adds a holiday to the working-day calendar, or makes a listed one a working day: administrators
     * only, written to the audit log. Deadlines use it from the next sign-in.
     */
    public void addCalendarOverride(CalendarOverride override) {
        actor.require(Permission.MANAGE_SETTINGS);
        settings.putCalendarOverride(override);
        audit.record(AuditAction.SETTINGS_CHANGED, "calendar", override.date() + (override.workingDay()
                ? " made a working day" : " holiday added"));
    }

    public CaseService cases() {
        return cases;
    }

    public FormService forms() {
        return forms;
    }

    /** The person's deadlines as a calendar file. */
    public DeadlineCalendarService deadlineCalendar() {
        return deadlineCalendar;
    }

    /** The person's deadlines due soon, for notifications and the Due soon list. */
    public ReminderService reminders() {
        return reminders;
    }

    /** E-mail drafts of forms and notifications. */
    public AttachmentService attachments() {
        return attachments;
    }

    public MailDraftService mailDrafts() {
        return mailDrafts;
    }

    /** The partnership's report key (decision 0017). */
    ReportKeys reportKeys() {
        return reportKeys;
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

    /** The entries sync set aside because they failed their checks. */
    public QuarantineService quarantine() {
        return new QuarantineService(new uk.resolve.store.QuarantineStore(database), entries, settings, actor, audit, clock);
    }

    /** Checks and checkpoints of the record and the audit log. */
    public Integrity integrity() {
        return integrity;
    }

    @Override
    public void close() {
        sync.close();
        try {
            integrity.checkpoint("sign-out");
        } catch (RuntimeException e) {
            // the database may already be gone (a removed drive); closing must still close it
        }
        database.close();
    }
}
