/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import uk.resolve.domain.escalation.CaseCommands;
import uk.resolve.domain.escalation.CaseProjector;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.time.UkCalendar;
import uk.resolve.domain.time.UkTime;
import uk.resolve.policy.PolicyFileException;
import uk.resolve.policy.PolicyLoader;

/**
 * One case run through a procedure in memory, with the real commands and projector and the UK calendars:
 * each step appends the entries a worker's action makes, at a UK local time the test gives.
 */
public final class CaseRun {

    private final Policy policy;
    private final CaseProjector projector = new CaseProjector(new UkCalendar(UkCalendar.Region.ENGLAND_AND_WALES, List.of()));
    private final List<Entry> entries = new ArrayList<>();
    private Instant now;
    private long seq;

    public CaseRun(Policy policy) {
        this.policy = policy;
    }

    /** A procedure file from the classpath: {@code /policies/croydon.yaml}, {@code /procedures/x.yaml}. */
    public static Policy load(String resource) {
        try (InputStream in = CaseRun.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no resource " + resource);
            }
            return PolicyLoader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException | PolicyFileException e) {
            throw new AssertionError(resource + " does not load: " + e.getMessage(), e);
        }
    }

    public static Instant at(String ukLocal) {
        return UkTime.instant(LocalDateTime.parse(ukLocal));
    }

    public Policy policy() {
        return policy;
    }

    /** Opens a case at {@code ukLocal} on {@code trackId} (null: the first), with the procedure's first category. */
    public CaseState open(String ukLocal, String trackId, boolean immediateRisk, int startStage,
                          Map<String, Instant> dates, Map<String, String> facts) {
        now = at(ukLocal);
        OpenCaseRequest r = new OpenCaseRequest(policy.id(), trackId, "REF-1", null, ChildStatus.CHILD_IN_NEED,
                "A Worker", "Oak School", "Children's Social Care", null, policy.categories().get(0).id(),
                "The concern", null, null, immediateRisk, startStage, startStage > 1 ? "Danger now" : null, false, null)
                .with(null, dates, facts);
        return add(cmd().open(policy, r));
    }

    public CaseState open(String ukLocal) {
        return open(ukLocal, null, false, 1, Map.of(), Map.of());
    }

    /** Moves this device's clock to {@code ukLocal}. */
    public CaseRun now(String ukLocal) {
        now = at(ukLocal);
        return this;
    }

    public CaseCommands cmd() {
        return new CaseCommands("A Worker", now);
    }

    public CaseState state() {
        return projector.project(entries, policy, now);
    }

    public CaseState add(NewEntry n) {
        entries.add(new Entry(n.id(), n.caseId(), n.type(), n.author(), "device", ++seq, n.writtenAt(), n.happenedAt(),
                n.data(), null, "h" + seq));
        return state();
    }

    /** Appends what {@code action} makes of the case as it stands. */
    public CaseState act(Function<CaseState, NewEntry> action) {
        return add(action.apply(state()));
    }

    public CaseState discuss(String method, String ukLocal) {
        List<NewEntry> made = cmd().discuss(state(), new DiscussionRequest("The other worker", method, "Talked it through",
                null, false, at(ukLocal)));
        made.forEach(this::add);
        return state();
    }

    public CaseState escalate(String ukLocal) {
        return act(c -> cmd().escalate(c, policy, "Not resolved", null, at(ukLocal)));
    }

    public DeadlineStatus deadline(String id) {
        return state().deadlines().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no deadline " + id + " in " + state().deadlines()));
    }
}
