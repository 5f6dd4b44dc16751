/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.cli.CliRunner;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.BoardContent;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.ReportKeyEntry;
import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.forms.FormCases;
import uk.resolve.forms.FormSigningIT;
import uk.resolve.security.CaseSeal;
import uk.resolve.security.PersonKeys;
import uk.resolve.security.ProtectionException;
import uk.resolve.security.Role;
import uk.resolve.store.Database;
import uk.resolve.store.EntryStore;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * Board text (learning, a monitoring form's feedback) written while the team had nobody in the
 * business team, so before any report key existed: a case-key holder's Resolve later wraps its board
 * key for the report key (decision 0017), so the business team's report shows it, redacted, and
 * nobody else can read it.
 */
class BoardTextBeforeReportKeyIT {

    static final String PW = CliRunner.PASSWORD;
    static final String TEAM = CaseKeysAttackIT.TEAM;
    static final String OTHER_TEAM = CaseKeysAttackIT.OTHER_TEAM;

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-01-10T10:00");
    Vault vault;
    UUID croydon;
    UUID northSomerset;

    @BeforeEach
    void aTeamWithoutABusinessTeamWritesBoardText() {
        vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        try (Session admin = vault.createFirstAdministrator("admin", PW.toCharArray(), "")) {
            admin.addUser("alice", "Alice", Role.PRACTITIONER, TEAM, PW.toCharArray());
            admin.addUser("mary", "Mary", Role.MANAGER, TEAM, PW.toCharArray());
            admin.addUser("bob", "Bob", Role.PRACTITIONER, OTHER_TEAM, PW.toCharArray());
            admin.addUser("nick", "Nick", Role.MANAGER, OTHER_TEAM, PW.toCharArray());
        }
        tick();
        try (Session alice = as("alice")) {
            var s = alice.services();
            var base = Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-01-10T09:00");
            croydon = s.cases().open(new OpenCaseRequest(base.policyId(), null, "ZEBRA-4471", "Quentin Zebrafish",
                    base.childStatus(), base.raisedBy(), base.raisedAgency(), base.otherAgency(),
                    base.otherProfessional(), base.category(), base.concern(), base.evidence(), base.outcomeWanted(),
                    false, 1, null, false, base.happenedAt())).id();
            tick();
            s.cases().resolve(croydon, new ResolveRequest("Agreed an assessment.", null, BoardTextIT.LEARNING,
                    clock.instant()));
        }
        tick();
        try (Session mary = as("mary")) {
            var s = mary.services();
            northSomerset = FormCases.northSomersetResolvedAtStage3(s, clock);
            Map<String, String> answers = new HashMap<>(FormSigningIT.ANSWERS);
            answers.put("effectiveness", BoardTextIT.FEEDBACK);
            s.forms().complete(northSomerset, "monitoring-form", 0, answers);
        }
        tick();
        assertThat(stored(unwrap("admin").dbKey(), EntryType.REPORT_KEY)).isEmpty();
    }

    Session as(String name) {
        return vault.signIn(name, PW.toCharArray());
    }

    void tick() {
        clock.advance(Duration.ofMinutes(1));
    }

    void addToBusinessTeam(String... names) {
        try (Session admin = as("admin")) {
            for (String n : names) {
                admin.addUser(n, n, Role.BUSINESS_TEAM, "Partnership", PW.toCharArray());
            }
        }
        tick();
    }

    PartnershipReport report(String who) {
        try (Session s = as(who)) {
            return s.services().reports().compute(BoardTextIT.YEAR);
        }
    }

    /** The record as stored, read with a database key: kept to this one place. */
    List<Entry> stored(byte[] dbKey, EntryType type) {
        try (Database d = Database.open(vault.databaseFile(), dbKey)) {
            return new EntryStore(d, "attacker").ofType(type);
        }
    }

    Stolen unwrap(String who) {
        return Stolen.from(vault.keyFile(), who, PW);
    }

    List<BoardContent.Wrap> wraps() {
        return stored(unwrap("admin").dbKey(), EntryType.CASE_KEY).stream().map(BoardContent.Wrap::of)
                .flatMap(java.util.Optional::stream).toList();
    }

    /** The ids of the entries that carry board text. */
    List<UUID> withBoardText() {
        byte[] dbKey = unwrap("admin").dbKey();
        return java.util.stream.Stream.of(EntryType.RESOLVED, EntryType.FORM_COMPLETED)
                .flatMap(t -> stored(dbKey, t).stream()).filter(BoardContent::has).map(Entry::id).toList();
    }

    @Test
    void learningWrittenBeforeTheBusinessTeamExistedReachesItsReportRedactedOnceACaseKeyHolderSignsIn() {
        addToBusinessTeam("board");
        // the report key exists now, but nothing written before it is wrapped for it yet
        assertThat(BoardTextIT.learning(report("board"))).doesNotContain("pangolin");

        as("alice").close();
        PartnershipReport r = report("board");
        assertThat(BoardTextIT.learning(r)).contains("pangolin lesson")
                .doesNotContain("Quentin", "Zebrafish", "ZEBRA-4471");
        // the monitoring form is Mary's case: Alice holds no key of it, so its feedback waits for Mary
        assertThat(BoardTextIT.feedback(r)).doesNotContain("narwhal");
        as("mary").close();
        assertThat(BoardTextIT.feedback(report("board"))).contains("narwhal route").doesNotContain("Jamie", "Marlowe");

        // one wrap per entry of board text, written by a case-key holder, and no more at later sign-ins
        assertThat(wraps()).extracting(BoardContent.Wrap::entryId).containsExactlyInAnyOrderElementsOf(withBoardText());
        assertThat(wraps()).extracting(BoardContent.Wrap::caseId).containsOnly(croydon, northSomerset);
        as("alice").close();
        as("mary").close();
        assertThat(wraps()).hasSameSizeAs(withBoardText());

        // the command line's report reads it the same way
        CliRunner.Result cli = new CliRunner(vault.databaseFile()).as("board")
                .run("report", "--from", "2025-04-01", "--to", "2026-03-31");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("pangolin lesson").doesNotContain("Zebrafish", "ZEBRA-4471");

        try (Session admin = as("admin")) {
            Integrity.Result v = admin.services().integrity().verify();
            assertThat(v.intact()).as(v.record().findings().toString()).isTrue();
        }
    }

    @Test
    void anotherTeamsPeopleAndTheAdministratorStillReadNoBoardTextOnceItIsWrapped() throws Exception {
        addToBusinessTeam("board");
        as("alice").close();
        as("mary").close();
        assertThat(wraps()).hasSameSizeAs(withBoardText());
        for (String who : List.of("bob", "nick", "admin")) {
            Stolen stolen = unwrap(who);
            List<String> values = uk.resolve.testing.EveryValue.in(vault.databaseFile(), stolen.dbKey(),
                    new java.util.ArrayList<>());
            assertThat(CaseKeysAttackIT.found(values, List.of(TEAM, "Children's Social Care"))).hasSize(2);
            assertThat(CaseKeysAttackIT.found(values, BoardTextIT.BOARD_WORDS)).as(who).isEmpty();
            for (ReportKeyEntry.Grant g : ReportKeyEntry.grants(stored(stolen.dbKey(), EntryType.REPORT_KEY))) {
                assertThat(opens(stolen.keys(), g.wrapped(), ReportKeyEntry.wrapContext(g.keyId(), g.person())))
                        .as(who).isFalse();
            }
            for (BoardContent.Wrap w : wraps()) {
                assertThat(opens(stolen.keys(), w.wrapped(),
                        BoardContent.keyBinding(w.caseId(), w.entryId(), "report " + w.keyId()))).as(who).isFalse();
            }
        }
        assertThat(BoardTextIT.learning(report("nick"))).doesNotContain("pangolin");
        assertThat(BoardTextIT.feedback(report("nick"))).doesNotContain("narwhal");
    }

    @Test
    void whenANewReportKeyReplacesTheOldOneTheBoardTextIsWrappedForTheNewOne() {
        addToBusinessTeam("board");
        as("alice").close();
        try (Session admin = as("admin")) {
            admin.addUser("board2", "Ben", Role.BUSINESS_TEAM, "Partnership", PW.toCharArray());
            tick();
            // Bea leaves: a new key is made for Ben alone, who never held the old one
            admin.changeUser("board", Role.MANAGER, OTHER_TEAM);
        }
        tick();
        List<Entry> keys = stored(unwrap("admin").dbKey(), EntryType.REPORT_KEY);
        String newKey = keys.stream().filter(e -> ReportKeyEntry.PUBLISHED.equals(e.get(ReportKeyEntry.KIND)))
                .reduce((a, b) -> b).orElseThrow().get(ReportKeyEntry.KEY_ID);
        assertThat(ReportKeyEntry.holders(keys, newKey)).containsExactly("board2");
        assertThat(BoardTextIT.learning(report("board2"))).doesNotContain("pangolin");

        as("alice").close();
        assertThat(wraps()).filteredOn(w -> w.keyId().equals(newKey)).extracting(BoardContent.Wrap::caseId)
                .containsExactly(croydon);
        assertThat(BoardTextIT.learning(report("board2"))).contains("pangolin lesson").doesNotContain("Quentin");
    }

    @Test
    void openingACaseWrapsItsBoardTextWhenTheSignInPassHasNotDoneIt() {
        addToBusinessTeam("board");
        try (Session admin = as("admin")) {
            // as if this laptop had made its sign-in pass for the key before the case's learning reached it
            String keyId = stored(unwrap("admin").dbKey(), EntryType.REPORT_KEY).get(0).get(ReportKeyEntry.KEY_ID);
            TestAccess.settings(admin.services()).put("board.wrapped-for.alice", keyId);
        }
        try (Session alice = as("alice")) {
            assertThat(wraps()).isEmpty();
            alice.services().cases().view(croydon);
        }
        assertThat(wraps()).extracting(BoardContent.Wrap::caseId).containsExactly(croydon);
        assertThat(BoardTextIT.learning(report("board"))).contains("pangolin lesson");
    }

    @Test
    void writingToACaseWrapsItsOlderBoardTextInTheSameAppend() {
        addToBusinessTeam("board");
        try (Session admin = as("admin")) {
            String keyId = stored(unwrap("admin").dbKey(), EntryType.REPORT_KEY).get(0).get(ReportKeyEntry.KEY_ID);
            TestAccess.settings(admin.services()).put("board.wrapped-for.alice", keyId);
        }
        try (Session alice = as("alice")) {
            alice.services().cases().reopen(croydon, "The school raised it again.", clock.instant());
        }
        // the resolution's learning is wrapped (reopened, the case's learning is no longer in the report)
        UUID resolved = stored(unwrap("admin").dbKey(), EntryType.RESOLVED).stream()
                .filter(e -> e.caseId().equals(croydon)).findFirst().orElseThrow().id();
        assertThat(wraps()).extracting(BoardContent.Wrap::entryId).containsExactly(resolved);
    }

    private static boolean opens(PersonKeys keys, String wrapped, String context) {
        try {
            CaseSeal.unwrap(keys, wrapped, context);
            return true;
        } catch (ProtectionException notForThem) {
            return false;
        }
    }
}
