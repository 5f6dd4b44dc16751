/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.BoardContent;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.ReportKeyEntry;
import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
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
 * The board's free text (learning at resolution, a monitoring form's feedback) tried as an attacker
 * holding a real person's password and key file, and read as the partnership report reads it: sealed
 * under the case key and, redacted of the child, for the partnership's report key that only the
 * business team holds (decision 0017).
 */
class BoardTextIT {

    static final String PW = CaseKeysAttackIT.PW;
    static final String TEAM = CaseKeysAttackIT.TEAM;
    static final String OTHER_TEAM = CaseKeysAttackIT.OTHER_TEAM;
    static final String LEARNING = "Quentin Zebrafish taught us the pangolin lesson: ZEBRA-4471 waited too long.";
    static final String FEEDBACK = "The narwhal route worked for Jamie Marlowe once managers met.";
    /** Words only the board text holds. */
    static final List<String> BOARD_WORDS = List.of("pangolin", "narwhal");
    static final ReportQuery YEAR = new ReportQuery(new ReportPeriod(LocalDate.parse("2025-04-01"),
            LocalDate.parse("2026-03-31")), null);

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-01-10T10:00");
    Vault vault;
    UUID croydon;
    UUID northSomerset;

    @BeforeEach
    void team() {
        vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        try (Session admin = vault.createFirstAdministrator("admin", PW.toCharArray(), "")) {
            admin.addUser("alice", "Alice", Role.PRACTITIONER, TEAM, PW.toCharArray());
            admin.addUser("mary", "Mary", Role.MANAGER, TEAM, PW.toCharArray());
            admin.addUser("bob", "Bob", Role.PRACTITIONER, OTHER_TEAM, PW.toCharArray());
            admin.addUser("nick", "Nick", Role.MANAGER, OTHER_TEAM, PW.toCharArray());
            admin.addUser("board", "Bea", Role.BUSINESS_TEAM, "Partnership", PW.toCharArray());
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
            s.cases().resolve(croydon, new ResolveRequest("Agreed an assessment.", null, LEARNING, clock.instant()));
        }
        tick();
        try (Session mary = as("mary")) {
            var s = mary.services();
            northSomerset = FormCases.northSomersetResolvedAtStage3(s, clock);
            Map<String, String> answers = new HashMap<>(FormSigningIT.ANSWERS);
            answers.put("effectiveness", FEEDBACK);
            s.forms().complete(northSomerset, "monitoring-form", 0, answers);
        }
        tick();
    }

    Session as(String name) {
        return vault.signIn(name, PW.toCharArray());
    }

    void tick() {
        clock.advance(Duration.ofMinutes(1));
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

    /** Every value of every row of every table, read with a stolen database key, as text. */
    List<String> everyValue(byte[] dbKey) throws Exception {
        List<String> tables = new ArrayList<>();
        List<String> out = uk.resolve.testing.EveryValue.in(vault.databaseFile(), dbKey, tables);
        return out;
    }

    static String learning(PartnershipReport r) {
        return String.join("\n", r.learning().stream().map(PartnershipReport.LearningItem::learning).toList());
    }

    static String feedback(PartnershipReport r) {
        return String.join("\n", r.feedback().stream().map(PartnershipReport.FeedbackItem::effectiveness).toList());
    }

    @Test
    void anotherTeamsPractitionerAndTheAdministratorFindNoBoardTextInAnyTable() throws Exception {
        for (String who : List.of("bob", "admin")) {
            Stolen stolen = unwrap(who);
            List<String> values = everyValue(stolen.dbKey());
            // the scan reads every table: what stays readable is there to be found
            assertThat(CaseKeysAttackIT.found(values, List.of(TEAM, "Children's Social Care"))).hasSize(2);
            assertThat(CaseKeysAttackIT.found(values, BOARD_WORDS)).as(who).isEmpty();
            // nor does any report key wrapped in the record open with their own keys
            for (ReportKeyEntry.Grant g : ReportKeyEntry.grants(stored(stolen.dbKey(), EntryType.REPORT_KEY))) {
                assertThat(opens(stolen.keys(), g)).as(who).isFalse();
            }
        }
        try (Session admin = as("admin")) {
            Integrity.Result r = admin.services().integrity().verify();
            assertThat(r.intact()).as(r.record().findings().toString()).isTrue();
        }
    }

    @Test
    void theReportKeyIsWrappedForTheBusinessTeamAloneAndTheBoardCopyForIt() {
        Stolen admin = unwrap("admin");
        List<Entry> keys = stored(admin.dbKey(), EntryType.REPORT_KEY);
        assertThat(keys).filteredOn(e -> ReportKeyEntry.PUBLISHED.equals(e.get(ReportKeyEntry.KIND))).hasSize(1)
                .allMatch(e -> e.author().equals("admin") && e.caseId().equals(KeyDirectory.PEOPLE));
        assertThat(ReportKeyEntry.grants(keys)).extracting(ReportKeyEntry.Grant::person).containsExactly("board");
        String keyId = keys.get(0).get(ReportKeyEntry.KEY_ID);
        Entry resolved = stored(admin.dbKey(), EntryType.RESOLVED).stream().filter(e -> e.caseId().equals(croydon))
                .findFirst().orElseThrow();
        assertThat(resolved.get("learning")).isNull();
        assertThat(resolved.get(BoardContent.SEALED)).isNotBlank();
        assertThat(resolved.get(BoardContent.CASE_WRAPPED)).isNotBlank();
        assertThat(resolved.get(BoardContent.REPORT_KEY)).isEqualTo(keyId);
        Entry form = stored(admin.dbKey(), EntryType.FORM_COMPLETED).stream()
                .filter(e -> e.caseId().equals(northSomerset)).findFirst().orElseThrow();
        assertThat(form.get("field.effectiveness")).isNull();
        assertThat(form.get(BoardContent.REPORT_KEY)).isEqualTo(keyId);
    }

    @Test
    void theBusinessTeamsReportShowsTheBoardTextWithoutTheChildsDetails() {
        try (Session board = as("board")) {
            PartnershipReport r = board.services().reports().compute(YEAR);
            assertThat(learning(r)).contains("pangolin lesson").doesNotContain("Quentin", "Zebrafish", "ZEBRA-4471");
            assertThat(feedback(r)).contains("narwhal route").doesNotContain("Jamie", "Marlowe");
        }
    }

    @Test
    void aManagerSeesTheBoardTextOfHerTeamsCasesAndAnotherTeamsManagerDoesNot() {
        try (Session mary = as("mary")) {
            PartnershipReport r = mary.services().reports().compute(YEAR);
            assertThat(learning(r)).contains("pangolin lesson").doesNotContain("Quentin");
            assertThat(feedback(r)).contains("narwhal route");
            // and in the case itself she reads what was written, as before
            assertThat(mary.services().cases().get(croydon).resolution().learning()).isEqualTo(LEARNING);
        }
        try (Session nick = as("nick")) {
            PartnershipReport r = nick.services().reports().compute(YEAR);
            assertThat(r.summary().raised()).isEqualTo(2);
            assertThat(learning(r)).doesNotContain("pangolin");
            assertThat(feedback(r)).doesNotContain("narwhal");
        }
    }

    @Test
    void aBusinessTeamPersonAddedLaterReadsTheBoardTextOnceAHolderHasSignedIn() {
        try (Session admin = as("admin")) {
            admin.addUser("board2", "Ben", Role.BUSINESS_TEAM, "Partnership", PW.toCharArray());
        }
        tick();
        try (Session board2 = as("board2")) {
            assertThat(learning(board2.services().reports().compute(YEAR))).doesNotContain("pangolin");
        }
        tick();
        // Bea's Resolve passes the report key on when she signs in
        as("board").close();
        tick();
        try (Session board2 = as("board2")) {
            PartnershipReport r = board2.services().reports().compute(YEAR);
            assertThat(learning(r)).contains("pangolin lesson");
            assertThat(feedback(r)).contains("narwhal route");
        }
    }

    @Test
    void whenItsHolderLeavesTheBusinessTeamANewKeyIsMadeForThoseLeftAndBoardTextIsSealedForIt() {
        try (Session admin = as("admin")) {
            admin.addUser("board2", "Ben", Role.BUSINESS_TEAM, "Partnership", PW.toCharArray());
            tick();
            admin.changeUser("board", Role.MANAGER, OTHER_TEAM);
        }
        tick();
        String newKey;
        Stolen bea = unwrap("board");
        List<Entry> keys = stored(bea.dbKey(), EntryType.REPORT_KEY);
        List<Entry> published = keys.stream().filter(e -> ReportKeyEntry.PUBLISHED.equals(e.get(ReportKeyEntry.KIND)))
                .toList();
        assertThat(published).hasSize(2);
        newKey = published.get(1).get(ReportKeyEntry.KEY_ID);
        assertThat(ReportKeyEntry.holders(keys, newKey)).containsExactly("board2");
        try (Session alice = as("alice")) {
            var s = alice.services();
            UUID id = s.cases().open(Fixtures.openRequest(s, "havering", ChildStatus.CHILD_IN_NEED,
                    "2026-01-10T09:00")).id();
            tick();
            s.cases().resolve(id, new ResolveRequest("Agreed.", null, "The okapi lesson.", clock.instant()));
        }
        tick();
        Entry resolved = stored(bea.dbKey(), EntryType.RESOLVED).stream()
                .filter(e -> e.get(BoardContent.REPORT_KEY) != null && !e.caseId().equals(croydon))
                .filter(e -> !e.caseId().equals(northSomerset)).findFirst().orElseThrow();
        assertThat(resolved.get(BoardContent.REPORT_KEY)).isEqualTo(newKey);
        try (Session board2 = as("board2")) {
            assertThat(learning(board2.services().reports().compute(YEAR))).contains("okapi lesson");
        }
    }

    @Test
    void theBoardCopiesAreKeptSealedInTheirOwnRowsAndTheReportOpensThemWithoutReadingTheSummaries() throws Exception {
        Stolen admin = unwrap("admin");
        try (Database d = Database.open(vault.databaseFile(), admin.dbKey());
             java.sql.Connection c = d.connection(); java.sql.Statement st = c.createStatement()) {
            // the learning of both resolutions and the form's feedback, as sealed as the entries hold them
            try (var rs = st.executeQuery("SELECT COUNT(*), COUNT(board_sealed), COUNT(board_report_key),"
                    + " COUNT(learning), COUNT(effectiveness), COUNT(suggestions) FROM report_board")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getInt(2)).isEqualTo(3);
                assertThat(rs.getInt(3)).isEqualTo(3);
                assertThat(rs.getInt(4) + rs.getInt(5) + rs.getInt(6)).isZero();
            }
            st.executeUpdate("UPDATE case_summary SET report_entries = '[]'");
        }
        try (Session board = as("board")) {
            PartnershipReport r = board.services().reports().compute(YEAR);
            assertThat(learning(r)).contains("pangolin lesson").doesNotContain("Quentin", "Zebrafish", "ZEBRA-4471");
            assertThat(feedback(r)).contains("narwhal route").doesNotContain("Jamie", "Marlowe");
            // the report did not read the summaries (it would have found them damaged and made them again)
            assertThat(board.services().summariesRepaired()).isEqualTo(2);
        }
    }

    private static boolean opens(PersonKeys keys, ReportKeyEntry.Grant g) {
        try {
            CaseSeal.unwrap(keys, g.wrapped(), ReportKeyEntry.wrapContext(g.keyId(), g.person()));
            return true;
        } catch (ProtectionException notForThem) {
            return false;
        }
    }
}
