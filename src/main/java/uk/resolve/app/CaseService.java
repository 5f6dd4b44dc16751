/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import uk.resolve.domain.escalation.CaseCommands;
import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.escalation.CaseProjector;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.WorkingCalendar;
import uk.resolve.domain.audit.AuditAction;
import uk.resolve.security.Actor;
import uk.resolve.security.Permission;
import uk.resolve.store.CaseSummaryStore;
import uk.resolve.store.ContentStore;
import uk.resolve.store.EntryStore;

/**
 * Cases: opening them, acting on them and reading their state. Each action reads the case's
 * entries, checks the action against the procedure ({@link CaseCommands}), and appends the new
 * entries in one transaction. Safe to call from any thread but the JavaFX application thread.
 */
public final class CaseService {

    private final EntryStore entries;
    private final CaseSummaryStore summaries;
    private final PolicyRegistry policies;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Actor actor;
    private final AuditLog audit;

    public CaseService(EntryStore entries, CaseSummaryStore summaries, PolicyRegistry policies, WorkingCalendar calendar,
                       Clock clock, Actor actor, AuditLog audit) {
        this.entries = entries;
        this.summaries = summaries;
        this.policies = policies;
        this.calendar = calendar;
        this.clock = clock;
        this.actor = actor;
        this.audit = audit;
    }

    /** The signed-in person's name: the author of what they record. */
    public String author() {
        return actor.name();
    }

    private java.util.function.UnaryOperator<String> people = n -> n;
    private CaseKeys keys;
    /** What the opening entries of sealed cases say, opened once a session for lists (they never change). */
    private final java.util.Map<UUID, uk.resolve.domain.escalation.CaseDetails> openedDetails =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The signed-in person's case keys: what is written is sealed with them, and opened again. */
    void keys(CaseKeys k) {
        this.keys = k;
    }

    private ReportKeys reportKeys;

    /** As {@link #keys(CaseKeys)}, with the partnership's report key, which follows the same person's keys. */
    void keys(CaseKeys k, ReportKeys r) {
        this.keys = k;
        this.reportKeys = r;
    }

    /** From now on, seals and opens case content with {@code k} (the signed-in person's keys; null for none). */
    void useKeys(uk.resolve.security.PersonKeys k) {
        openedDetails.clear();
        if (keys != null) {
            keys.use(k);
        }
        if (reportKeys != null) {
            reportKeys.use(k);
        }
        if (listCache != null) {
            listCache.use(k);
        }
    }

    private CaseListCache listCache;

    /** Where the signed-in person's list cache is kept (decision 0012). */
    void listCache(CaseListCache c) {
        this.listCache = c;
    }

    /** The signed-in person's list cache, for checks and repair; null when none is kept. */
    CaseListCache listCache() {
        return listCache;
    }

    /** Where people's display names come from (the users on this computer). */
    void people(java.util.function.UnaryOperator<String> names) {
        this.people = names;
    }

    /**
     * The name to show for {@code login} (an entry's author): their full name when they are a user on
     * this computer with one, else the login name itself.
     */
    public String displayName(String login) {
        if (login == null || login.isBlank()) {
            return login;
        }
        String full = people.apply(login);
        return full == null || full.isBlank() ? login : full;
    }

    /** The signed-in person. */
    public Actor actor() {
        return actor;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public Instant now() {
        return clock.instant();
    }

    public CaseState open(OpenCaseRequest request) {
        actor.require(Permission.WORK_ON_CASES);
        Policy policy = policies.require(request.policyId());
        NewEntry opening = commands().open(policy, request);
        if (!actor.team().isBlank()) {
            var data = new java.util.TreeMap<>(opening.data());
            data.put(CaseAccess.TEAM, actor.team());
            opening = new NewEntry(opening.id(), opening.caseId(), opening.type(), opening.author(),
                    opening.writtenAt(), opening.happenedAt(), data);
        }
        List<NewEntry> toWrite = List.of(opening);
        if (keys != null) {
            toWrite = keys.seal(opening.caseId(), List.of(), new CaseAccess(actor.name(), actor.team(), java.util.Set.of()),
                    toWrite);
        }
        entries.append(toWrite);
        audit.record(AuditAction.CASE_OPENED, opening.caseId().toString(), policy.id());
        return get(opening.caseId());
    }

    /**
     * Lets {@code person} (a sign-in name) see and work on the case as well: for a colleague who
     * takes part, or a manager from another team.
     */
    public CaseState share(UUID caseId, String person, String note) {
        actor.require(Permission.SHARE_CASES);
        String who = person == null ? "" : person.strip().toLowerCase(java.util.Locale.ROOT);
        if (who.isEmpty()) {
            throw new RuleViolation("Name the person to share the case with (their sign-in name).");
        }
        uk.resolve.domain.escalation.TextRules.check(uk.resolve.domain.escalation.EntryText.NOTE,
                note == null ? "" : note);
        CaseState after = act(caseId, (c, p) -> List.of(NewEntry.of(c.id(), EntryType.CASE_SHARED, actor.name(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                java.util.Map.of(CaseAccess.WITH, who, uk.resolve.domain.escalation.EntryText.NOTE,
                        note == null ? "" : note.strip()))));
        audit.record(AuditAction.CASE_SHARED, caseId.toString(), "with " + who);
        return after;
    }

    /** The case's state, for reading it on screen or in a report of it: written to the audit log. */
    public CaseState view(UUID caseId) {
        CaseState c = get(caseId);
        grantKeysDue(caseId);
        audit.record(AuditAction.CASE_VIEWED, caseId.toString(), "");
        return c;
    }

    public CaseState discuss(UUID caseId, DiscussionRequest r) {
        return act(caseId, (c, p) -> commands().discuss(c, r));
    }

    public CaseState escalate(UUID caseId, String reason, String evidence, Instant at) {
        return act(caseId, (c, p) -> List.of(commands().escalate(c, p, reason, evidence, at)));
    }

    public CaseState resolve(UUID caseId, ResolveRequest r) {
        return act(caseId, (c, p) -> List.of(commands().resolve(c, p, r)));
    }

    public CaseState withdraw(UUID caseId, String reason, Instant at) {
        return act(caseId, (c, p) -> List.of(commands().withdraw(c, reason, at)));
    }

    public CaseState reopen(UUID caseId, String reason, Instant at) {
        return act(caseId, (c, p) -> List.of(commands().reopen(c, reason, at)));
    }

    public CaseState approve(UUID caseId, UUID entryId, String note) {
        actor.require(Permission.APPROVE_RECORDS);
        return act(caseId, (c, p) -> List.of(commands().approve(c, entryId, note)));
    }

    public CaseState shortenDeadline(UUID caseId, String deadlineId, DueAt due, String reason) {
        return act(caseId, (c, p) -> List.of(commands().shorten(c, p, deadlineId, due, reason)));
    }

    public CaseState markNotificationSent(UUID caseId, String notificationId, int stage, String note, Instant at) {
        return act(caseId, (c, p) -> List.of(commands().markNotificationSent(c, notificationId, stage, note, at)));
    }

    public CaseState recordDate(UUID caseId, String dateId, Instant value) {
        return act(caseId, (c, p) -> List.of(commands().recordDate(c, p, dateId, value)));
    }

    public CaseState meetDeadline(UUID caseId, String deadlineId, String note, Instant at) {
        return act(caseId, (c, p) -> List.of(commands().meetDeadline(c, deadlineId, note, at)));
    }

    public CaseState answer(UUID caseId, String factId, String value) {
        return act(caseId, (c, p) -> List.of(commands().answer(c, p, factId, value)));
    }

    public CaseState switchTrack(UUID caseId, String trackId, String reason, Instant at) {
        return act(caseId, (c, p) -> List.of(commands().switchTrack(c, p, trackId, reason, at)));
    }

    public CaseState tick(UUID caseId, String itemId, String note, Instant at) {
        return tick(caseId, itemId, note, at, null);
    }

    /** Ticks a step; one asked at every meeting is ticked for {@code meetingId} (null: the earliest waiting). */
    public CaseState tick(UUID caseId, String itemId, String note, Instant at, UUID meetingId) {
        return act(caseId, (c, p) -> List.of(commands().tick(c, p, itemId, note, at, meetingId)));
    }

    public CaseState recordRiskAction(UUID caseId, String whatWasDone, Instant at) {
        return act(caseId, (c, p) -> List.of(commands().riskAction(c, whatWasDone, at)));
    }

    public CaseState correct(UUID caseId, UUID entryId, String reason, String text) {
        return act(caseId, (c, p) -> List.of(commands().correct(c, entryId, reason, text)));
    }

    /** Appends entries built by another service (forms) after checking them against the case. */
    public CaseState append(UUID caseId, BiFunction<CaseState, Policy, List<NewEntry>> action) {
        return act(caseId, action, List.of(), null);
    }

    /** As {@link #append(UUID, BiFunction)}, with the bytes of the documents the entries name, in one transaction. */
    CaseState append(UUID caseId, BiFunction<CaseState, Policy, List<NewEntry>> action,
                            List<ContentStore.Wanted> contents, ContentStore.Source source) {
        return act(caseId, action, contents, source);
    }

    /** Whether entries written now are sealed under their case's key (the signed-in person has keys). */
    boolean sealing() {
        return keys != null && keys.sealing();
    }

    /** The case's state now, when the signed-in person may see it. */
    public CaseState get(UUID caseId) {
        actor.require(Permission.WORK_ON_CASES);
        List<Entry> list = entries.caseEntries(caseId);
        // who may see a case is read from fields that stay readable without its key
        if (list.isEmpty() || !CaseAccess.of(list).visibleTo(actor)) {
            // the same answer whether or not the case exists, so that nothing is learnt from it
            throw new RuleViolation("There is no case " + caseId + " that you can see in this database. Run"
                    + " 'resolve case list' to see your cases, or ask its owner to share it with you.");
        }
        return project(keys == null ? list : keys.open(list));
    }

    /**
     * Whether this person can read everything recorded in the case here: false while no one entitled
     * has yet wrapped its key for them (it arrives with a later sync).
     */
    public boolean readable(UUID caseId) {
        get(caseId);
        return keys == null || keys.readable(entries.caseEntries(caseId));
    }

    /**
     * Wraps the case's key for anyone entitled who lacks it, or starts a new generation when someone
     * who holds it is no longer entitled: done by whoever entitled opens the case next.
     */
    private synchronized void grantKeysDue(UUID caseId) {
        if (keys == null) {
            return;
        }
        List<Entry> stored = entries.caseEntries(caseId);
        List<NewEntry> due = keys.grantsDue(caseId, stored, CaseAccess.of(stored));
        if (!due.isEmpty()) {
            entries.append(due);
        }
    }

    /**
     * After a sync or import brought in what arrived after position {@code sinceSeq}: the key grants
     * this person's Resolve can write (cases whose key it holds, to people now entitled who lack it),
     * so that a newly entitled colleague need not wait for someone to open the case. Only the cases the
     * merge touched are looked at, and, when registrations or role changes arrived, the cases the
     * people they name may now see. A business-team person's Resolve also passes on the report key
     * (decision 0017).
     *
     * @return how many grants were written
     */
    public synchronized int grantKeysAfterMerge(long sinceSeq) {
        int reportGrants = reportKeys == null ? 0 : reportKeys.grantsDue();
        if (keys == null || !actor.may(Permission.WORK_ON_CASES)) {
            return reportGrants;
        }
        java.util.Set<UUID> touched = new java.util.HashSet<>(entries.caseIdsSince(sinceSeq));
        if (touched.remove(uk.resolve.domain.record.KeyDirectory.PEOPLE)) {
            List<uk.resolve.security.Actor> arrived = arrivedPeople(sinceSeq);
            if (!arrived.isEmpty()) {
                summaries.ensureCurrent();
                summaries.forEachListing(s -> {
                    CaseAccess a = new CaseAccess(s.owner(), s.team(), s.sharedWith());
                    if (arrived.stream().anyMatch(a::visibleTo)) {
                        touched.add(s.caseId());
                    }
                });
            }
        }
        // with the grants, the touched cases' board text not yet wrapped for the report key; on every case
        // when a new report key arrived
        List<NewEntry> due = keys.grantsDue(touched);
        appendInBatches(due);
        boolean newReportKey = !entries.ofTypeSince(EntryType.REPORT_KEY, sinceSeq).isEmpty();
        return reportGrants + due.size() + (newReportKey ? wrapBoardText(true) : 0);
    }

    /** How many grants a transaction of the pass after a merge writes. */
    private static final int GRANT_BATCH = 500;

    /** Appends {@code due} a few hundred entries a transaction: a pass of thousands never holds one open long. */
    private void appendInBatches(List<NewEntry> due) {
        for (int from = 0; from < due.size(); from += GRANT_BATCH) {
            entries.append(due.subList(from, Math.min(due.size(), from + GRANT_BATCH)));
        }
    }

    private uk.resolve.store.SettingsStore settings;

    /** Where this Resolve notes which report key it has wrapped older board text for. */
    void settings(uk.resolve.store.SettingsStore s) {
        this.settings = s;
    }

    /**
     * At sign-in: when a report key has become current since this person's Resolve last looked (the
     * business team's first, or a new one after a holder left), the board text of every case whose key
     * this person holds is wrapped for it (decision 0017), so that the business team's report shows
     * what was written before. Costs one look at the report keys when nothing changed.
     *
     * @return how many wraps were written
     */
    synchronized int wrapBoardTextForReportKey() {
        if (keys == null || !actor.may(Permission.WORK_ON_CASES)) {
            return 0;
        }
        return wrapBoardText(false);
    }

    /**
     * Writes the wraps due for the current report key on every case, unless this person's Resolve noted
     * it had done them for that key already (and {@code always} is false); then notes it.
     */
    private int wrapBoardText(boolean always) {
        var report = keys.currentReportKey();
        if (report == null) {
            return 0;
        }
        String mark = "board.wrapped-for." + actor.name().toLowerCase(java.util.Locale.ROOT);
        if (!always && settings != null && settings.get(mark).filter(report.keyId()::equals).isPresent()) {
            return 0;
        }
        List<NewEntry> due = keys.boardWrapsDue(null, report);
        appendInBatches(due);
        if (settings != null) {
            settings.put(mark, report.keyId());
        }
        return due.size();
    }

    /** The people whose registrations or role changes arrived after {@code sinceSeq}, as they are now. */
    private List<uk.resolve.security.Actor> arrivedPeople(long sinceSeq) {
        var directory = uk.resolve.domain.record.KeyDirectory.of(entries.ofType(EntryType.PERSON_KEYS));
        Instant now = clock.instant();
        java.util.Set<String> names = new java.util.TreeSet<>();
        entries.ofTypeSince(EntryType.PERSON_KEYS, sinceSeq)
                .forEach(e -> names.add(e.get(uk.resolve.domain.record.KeyDirectory.PERSON, "")));
        List<uk.resolve.security.Actor> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(new uk.resolve.security.Actor(name, uk.resolve.security.Role.parseSet(
                        String.join(",", directory.rolesAt(name, now))), directory.teamAt(name, now)));
            } catch (IllegalArgumentException removedOrNewer) {
                // removed (no roles now) or a role from a newer version: entitled to nothing here
            }
        }
        return out;
    }

    /** Who the case belongs to and who it is shared with. */
    public CaseAccess access(UUID caseId) {
        get(caseId);
        return CaseAccess.of(entries.caseEntries(caseId));
    }

    public Policy policyOf(CaseState c) {
        return policies.forCase(c.policyId(), c.policyVersion());
    }

    /** The procedure (at its version) a listed case follows. */
    public Policy policyOf(CaseListing c) {
        return policies.forCase(c.policyId(), c.policyVersion());
    }

    /**
     * Every case, most urgent first: overdue, then immediate risk, then by next deadline. These are
     * summaries, without their record ({@link CaseState#summary()}); {@link #get} gives a case with its
     * record. A list of thousands of cases is better made with {@link #list(Function)}.
     */
    public List<CaseState> list() {
        return list(CaseState::summary);
    }

    /**
     * Every case the signed-in person may see, most urgent first (as {@link #list()}), each turned into
     * {@code row}: 50,000 cases fit in memory. The states are the stored summaries
     * ({@link CaseSummaryStore}), seen as of now and without their record; no entry is replayed. {@code row}
     * may return null to leave a case out.
     */
    public <R> List<R> list(Function<CaseState, R> row) {
        return list((c, access) -> row.apply(c));
    }

    /** As {@link #list(Function)}, each case given with who may see it (the summary holds no record to ask). */
    public <R> List<R> list(java.util.function.BiFunction<CaseState, CaseAccess, R> row) {
        actor.require(Permission.WORK_ON_CASES);
        summaries.ensureCurrent();
        Instant now = clock.instant();
        List<CaseOrdering.Keyed<R>> out = new ArrayList<>();
        List<CaseState> states = new ArrayList<>();
        List<CaseAccess> accesses = new ArrayList<>();
        // the stored summaries, not every entry: a case's state is replayed only when it could not be summarised
        summaries.forEach(false, s -> {
            CaseSummaryStore.Summary sum = s.summary();
            CaseAccess access = new CaseAccess(sum.owner(), sum.team(), sum.sharedWith());
            if (access.visibleTo(actor)) {
                states.add(sum.state() != null ? sum.state().asOf(now) : get(s.caseId()).summary());
                accesses.add(access);
            }
        });
        java.util.Map<UUID, uk.resolve.domain.escalation.CaseDetails> details = openDetails(states.stream()
                .filter(c -> c.details() != null && c.details().childRef() == null).map(CaseState::id).toList());
        for (int i = 0; i < states.size(); i++) {
            CaseState c = states.get(i);
            c = details.containsKey(c.id()) ? c.withDetails(details.get(c.id())) : c;
            R r = row.apply(c, accesses.get(i));
            if (r != null) {
                out.add(CaseOrdering.Keyed.of(c, r));
            }
        }
        return CaseOrdering.items(out);
    }

    /**
     * Every case the signed-in person may see, most urgent first (as {@link #list()}), each as the list
     * shows it ({@link CaseListing}) turned into {@code row}: read from the summaries' typed columns, no
     * state parsed and no entry replayed (but for a case that could not be summarised here). {@code row}
     * may return null to leave a case out.
     */
    public <R> List<R> listings(Function<CaseListing, R> row) {
        actor.require(Permission.WORK_ON_CASES);
        summaries.ensureCurrent();
        Instant now = clock.instant();
        List<CaseListing> listed = new ArrayList<>();
        summaries.forEachListing(s -> {
            if (new CaseAccess(s.owner(), s.team(), s.sharedWith()).visibleTo(actor)) {
                listed.add(s.listing() != null ? s.listing()
                        : CaseListing.of(project(entries.caseEntries(s.caseId()))));
            }
        });
        // a listing holds no child content: the sealed cases' opening entries say who the child is
        java.util.Map<UUID, uk.resolve.domain.escalation.CaseDetails> details = shownChildren(listed.stream()
                .filter(c -> c.childRef() == null).map(CaseListing::id).toList());
        List<CaseOrdering.Keyed<R>> out = new ArrayList<>();
        for (CaseListing listing : listed) {
            CaseListing c = details.containsKey(listing.id()) ? listing.withChild(details.get(listing.id())) : listing;
            R r = row.apply(c);
            if (r != null) {
                out.add(CaseOrdering.Keyed.of(c, now, r));
            }
        }
        return CaseOrdering.items(out);
    }

    /**
     * What a list shows of the {@code sealed} cases' children: from memory, else from the signed-in
     * person's list cache (one key for all), else opened from their opening entries (one case key each),
     * which then go into the cache.
     */
    private java.util.Map<UUID, uk.resolve.domain.escalation.CaseDetails> shownChildren(List<UUID> sealed) {
        if (keys == null || listCache == null) {
            return openDetails(sealed);
        }
        java.util.Map<UUID, uk.resolve.domain.escalation.CaseDetails> out = new java.util.HashMap<>();
        List<UUID> notInMemory = new ArrayList<>();
        for (UUID id : sealed) {
            var known = openedDetails.get(id);
            if (known != null) {
                out.put(id, known);
            } else {
                notInMemory.add(id);
            }
        }
        java.util.Map<UUID, CaseListCache.Shown> cached = listCache.find(notInMemory);
        List<UUID> wanted = new ArrayList<>();
        for (UUID id : notInMemory) {
            CaseListCache.Shown s = cached.get(id);
            if (s != null) {
                out.put(id, s.details());
            } else {
                wanted.add(id);
            }
        }
        java.util.Map<UUID, CaseListCache.Shown> fresh = new java.util.HashMap<>();
        openDetails(wanted).forEach((id, d) -> {
            out.put(id, d);
            if (!CaseKeys.NOT_READABLE.equals(d.childRef()) && !CaseKeys.DAMAGED.equals(d.childRef())) {
                fresh.put(id, CaseListCache.Shown.of(d));
            }
        });
        listCache.add(fresh);
        return out;
    }

    /**
     * What the opening entries of the {@code sealed} cases say (a stored summary or listing holds it
     * sealed: its child reference is missing), opened in a few queries with this person's keys; kept
     * in memory for the session once readable, as an opening entry never changes.
     */
    private java.util.Map<UUID, uk.resolve.domain.escalation.CaseDetails> openDetails(List<UUID> sealed) {
        java.util.Map<UUID, uk.resolve.domain.escalation.CaseDetails> out = new java.util.HashMap<>();
        if (keys == null) {
            return out;
        }
        List<UUID> wanted = new ArrayList<>();
        for (UUID id : sealed) {
            var known = openedDetails.get(id);
            if (known != null) {
                out.put(id, known);
            } else {
                wanted.add(id);
            }
        }
        keys.openOpenings(wanted).forEach((id, opening) -> {
            var d = uk.resolve.domain.escalation.CaseDetails.fromOpening(opening,
                    opening.get(uk.resolve.domain.escalation.EntryText.CONCERN));
            out.put(id, d);
            if (!CaseKeys.NOT_READABLE.equals(d.childRef()) && !CaseKeys.DAMAGED.equals(d.childRef())) {
                openedDetails.put(id, d);
            }
        });
        return out;
    }

    /** What the opening entries of {@code ids} say, opened afresh with this person's keys (for checks), where readable. */
    java.util.Map<UUID, uk.resolve.domain.escalation.CaseDetails> openingsForCheck(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, uk.resolve.domain.escalation.CaseDetails> out = new java.util.HashMap<>();
        if (keys != null) {
            keys.openOpenings(ids).forEach((id, opening) -> {
                var d = uk.resolve.domain.escalation.CaseDetails.fromOpening(opening, null);
                if (!CaseKeys.NOT_READABLE.equals(d.childRef()) && !CaseKeys.DAMAGED.equals(d.childRef())) {
                    out.put(id, d);
                }
            });
        }
        return out;
    }

    /** True when this database holds no case at all. */
    public boolean isEmpty() {
        return entries.noCases();
    }

    /** Finds a case by its full id or by the first characters of it. */
    public UUID findId(String idOrPrefix) {
        String s = idOrPrefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (s.length() < 4) {
            throw new RuleViolation("Give at least the first 4 characters of the case id ('" + idOrPrefix + "' is too"
                    + " short). Run 'resolve case list' to see the ids.");
        }
        List<UUID> matches = entries.caseIdsStartingWith(s).stream()
                .filter(id -> CaseAccess.of(entries.caseEntries(id)).visibleTo(actor)).toList();
        if (matches.isEmpty()) {
            throw new RuleViolation("There is no case with the id '" + idOrPrefix + "' in this database. Run"
                    + " 'resolve case list' to see the cases here.");
        }
        if (matches.size() > 1) {
            throw new RuleViolation("More than one case id starts with '" + idOrPrefix + "'; give more of it.");
        }
        return matches.get(0);
    }

    private CaseState project(List<Entry> list) {
        Entry opening = list.stream().filter(e -> e.type() == EntryType.CASE_OPENED)
                .findFirst().orElseThrow(() -> new RuleViolation("The record of case " + list.get(0).caseId()
                        + " has no opening entry here yet; sync again to fetch the rest of it."));
        Policy policy = policies.forCase(opening.get("policy"), opening.get("policyVersion"));
        return new CaseProjector(calendar, this::displayName).project(list, policy, clock.instant());
    }

    private CaseState act(UUID caseId, BiFunction<CaseState, Policy, List<NewEntry>> action) {
        return act(caseId, action, List.of(), null);
    }

    private synchronized CaseState act(UUID caseId, BiFunction<CaseState, Policy, List<NewEntry>> action,
                                       List<ContentStore.Wanted> contents, ContentStore.Source source) {
        CaseState current = get(caseId);
        List<NewEntry> toAppend = action.apply(current, policyOf(current));
        if (keys != null) {
            List<Entry> stored = entries.caseEntries(caseId);
            // the board's copy of its free text leaves out the child's own reference and name (decision 0017)
            var own = current.details();
            var redactor = new uk.resolve.domain.report.Redactor(List.of());
            toAppend = keys.seal(caseId, stored, accessAfter(stored, toAppend), toAppend,
                    text -> redactor.redact(text, own));
        }
        entries.append(toAppend, contents, source);
        return get(caseId);
    }

    /** Who may see the case once {@code toAppend} is written (a sharing entry among them counts). */
    private static CaseAccess accessAfter(List<Entry> stored, List<NewEntry> toAppend) {
        CaseAccess before = CaseAccess.of(stored);
        java.util.Set<String> shared = new java.util.TreeSet<>(before.sharedWith());
        toAppend.stream().filter(n -> n.type() == EntryType.CASE_SHARED && n.data().get(CaseAccess.WITH) != null)
                .forEach(n -> shared.add(n.data().get(CaseAccess.WITH)));
        return new CaseAccess(before.owner(), before.team(), java.util.Set.copyOf(shared));
    }

    private CaseCommands commands() {
        return new CaseCommands(actor.name(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
