/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.CaseContent;
import uk.resolve.domain.record.CaseKeyGrant;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.security.CaseSeal;
import uk.resolve.security.PersonKeys;
import uk.resolve.security.ProtectionException;
import uk.resolve.security.Role;
import uk.resolve.store.Database;
import uk.resolve.store.EntryStore;
import uk.resolve.testing.MutableClock;

/**
 * Need-to-know encryption tried as an attacker holding a real person's password and key file: they
 * open the encrypted database directly with the database key their password unwraps, and hold their
 * own unwrapped person keys. Nothing written about a case they are not entitled to can be read.
 */
class CaseKeysAttackIT {

    static final String PW = "a long enough password";
    static final String TEAM = "Riverside School";
    static final String OTHER_TEAM = "Health visiting";
    /** Everything written about Alice's case: none of it may be found by anyone not entitled. */
    static final List<String> SECRETS = List.of("ZEBRA-4471", "Quentin Zebrafish", "quokka", "marmoset",
            "axolotl", "Priya Tapir");

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-11-25T10:00");
    Vault vault;
    UUID aliceCase;

    @BeforeEach
    void team() {
        vault = Vault.at(dir.resolve("resolve.mv.db"), clock);
        try (Session admin = vault.createFirstAdministrator("admin", PW.toCharArray(), "")) {
            admin.addUser("alice", "Alice", Role.PRACTITIONER, TEAM, PW.toCharArray());
            admin.addUser("mary", "Mary", Role.MANAGER, TEAM, PW.toCharArray());
            admin.addUser("dsl", "Dee", Role.SAFEGUARDING_LEAD, TEAM, PW.toCharArray());
            admin.addUser("bob", "Bob", Role.PRACTITIONER, OTHER_TEAM, PW.toCharArray());
            admin.addUser("nick", "Nick", Role.MANAGER, OTHER_TEAM, PW.toCharArray());
            admin.addUser("board", "Bea", Role.BUSINESS_TEAM, "Partnership", PW.toCharArray());
        }
        tick();
        try (Session alice = as("alice")) {
            var s = alice.services();
            var p = s.policies().require("croydon");
            CaseState c = s.cases().open(new OpenCaseRequest("croydon", null, "ZEBRA-4471", "Quentin Zebrafish",
                    ChildStatus.CHILD_IN_NEED, "Alex Worker", "School", "Children's Social Care", "Priya Tapir",
                    p.categories().get(0).label(), "The quokka referral was closed without an assessment.",
                    "A marmoset of absences.", "An assessment.", false, 1, null, false, clock.instant(), null,
                    java.util.Map.of(), java.util.Map.of()));
            tick();
            s.cases().discuss(c.id(), new DiscussionRequest("Duty SW", "phone", "Spoke about the axolotl", null, false,
                    clock.instant()));
            aliceCase = c.id();
        }
        tick();
        try (Session nick = as("nick")) {
            var s = nick.services();
            var p = s.policies().require("croydon");
            s.cases().open(new OpenCaseRequest("croydon", null, "HV-0001", null, ChildStatus.CHILD_IN_NEED, "Nick",
                    "Health", "Children's Social Care", null, p.categories().get(0).label(), "Nick's own concern.",
                    null, null, false, 1, null, false, clock.instant(), null, java.util.Map.of(), java.util.Map.of()));
        }
        tick();
    }

    Session as(String name) {
        return vault.signIn(name, PW.toCharArray());
    }

    void tick() {
        clock.advance(Duration.ofMinutes(1));
    }

    Stolen unwrap(Path keyFile, String who) {
        return Stolen.from(keyFile, who, PW);
    }

    /** Every text of every row of every table of the database, read with the stolen database key. */
    List<String> everyValue(byte[] dbKey) throws Exception {
        List<String> tables = new ArrayList<>();
        List<String> out = uk.resolve.testing.EveryValue.in(vault.databaseFile(), dbKey, tables);
        assertThat(tables).contains("ENTRY", "CASE_SUMMARY", "AUDIT_EVENT");
        return out;
    }

    static List<String> found(List<String> values, List<String> secrets) {
        return secrets.stream().filter(s -> values.stream().anyMatch(v -> v.toLowerCase().contains(s.toLowerCase())))
                .toList();
    }

    List<Entry> stored(Stolen who) {
        try (Database d = Database.open(vault.databaseFile(), who.dbKey())) {
            return new EntryStore(d, "attacker").caseEntries(aliceCase);
        }
    }

    /** Every case key the grants in {@code entries} give to {@code keys}. */
    static List<byte[]> keysFor(List<Entry> entries, PersonKeys keys) {
        List<byte[]> out = new ArrayList<>();
        for (Entry e : entries) {
            Optional<CaseKeyGrant> g = CaseKeyGrant.of(e);
            if (g.isPresent()) {
                try {
                    out.add(CaseSeal.unwrap(keys, g.get().wrapped(),
                            CaseSeal.wrapContext(e.caseId(), g.get().generation(), g.get().person())));
                } catch (ProtectionException notForThem) {
                    // as expected for anyone not entitled
                }
            }
        }
        return out;
    }

    @Test
    void entitledPeopleReadTheCaseWhileTheRecordHoldsItOnlySealed() {
        for (String who : List.of("alice", "mary", "dsl")) {
            try (Session s = as(who)) {
                CaseState c = s.services().cases().get(aliceCase);
                assertThat(c.details().childRef()).as(who).isEqualTo("ZEBRA-4471");
                assertThat(c.details().concern()).contains("quokka");
                assertThat(c.entries()).extracting(Entry::type).doesNotContain(EntryType.CASE_KEY);
                assertThat(s.services().cases().list()).filteredOn(x -> x.id().equals(aliceCase))
                        .extracting(x -> x.details().childRef()).containsExactly("ZEBRA-4471");
                assertThat(s.services().cases().readable(aliceCase)).isTrue();
            }
        }
        try (Session admin = as("admin")) {
            List<Entry> raw = admin.services().entries().caseEntries(aliceCase);
            assertThat(raw).filteredOn(e -> e.type() != EntryType.CASE_KEY).allMatch(CaseContent::isSealed);
            assertThat(raw).filteredOn(e -> e.type() == EntryType.CASE_KEY)
                    .extracting(e -> e.get(CaseKeyGrant.PERSON)).containsExactlyInAnyOrder("alice", "mary", "dsl");
            Entry opening = raw.get(0);
            assertThat(opening.type()).isEqualTo(EntryType.CASE_OPENED);
            assertThat(opening.get("childRef")).isNull();
            assertThat(opening.get("policy")).isEqualTo("croydon");
            assertThat(opening.get("otherAgency")).isEqualTo("Children's Social Care");
            Integrity.Result r = admin.services().integrity().verify();
            assertThat(r.intact()).as(r.record().findings().toString()).isTrue();
        }
    }

    @Test
    void anotherTeamsManagerHoldingTheDatabaseKeyAndTheirOwnKeysFindsNoChildContentInAnyTable() throws Exception {
        Stolen nick = unwrap(vault.keyFile(), "nick");
        List<String> values = everyValue(nick.dbKey());
        // the scan does read every table: what stays readable is there to be found
        assertThat(found(values, List.of(TEAM, "Children's Social Care", "Nick's own concern"))).hasSize(2);
        assertThat(found(values, SECRETS)).isEmpty();
        assertThat(keysFor(stored(nick), nick.keys())).isEmpty();

        // and the same scan with the keys of someone entitled does open it
        Stolen alice = unwrap(vault.keyFile(), "alice");
        List<Entry> raw = stored(alice);
        List<byte[]> aliceKeys = keysFor(raw, alice.keys());
        assertThat(aliceKeys).hasSize(1);
        Entry opening = raw.get(0);
        assertThat(CaseSeal.open(aliceKeys.get(0), opening.get(CaseContent.SEALED), CaseContent.binding(aliceCase,
                opening.id(), opening.type(), 1))).containsEntry("childRef", "ZEBRA-4471");
    }

    @Test
    void theBusinessTeamAndAnAdministratorHoldNoCaseKeyAndReadNone() throws Exception {
        for (String who : List.of("board", "admin", "bob")) {
            Stolen s = unwrap(vault.keyFile(), who);
            assertThat(found(everyValue(s.dbKey()), SECRETS)).as(who).isEmpty();
            assertThat(keysFor(stored(s), s.keys())).as(who).isEmpty();
        }
    }

    @Test
    void anEntryWhoseSealedContentWasAlteredSaysSoWhileTheCaseAndTheListStillOpenAndVerifyNamesIt() throws Exception {
        Stolen attacker = unwrap(vault.keyFile(), "alice");
        Entry discussion = stored(attacker).stream().filter(e -> e.type() == EntryType.DISCUSSION_RECORDED)
                .findFirst().orElseThrow();
        try (Database d = Database.open(vault.databaseFile(), attacker.dbKey()); Connection c = d.connection();
             var read = c.prepareStatement("SELECT data FROM entry WHERE id = ?");
             var write = c.prepareStatement("UPDATE entry SET data = ? WHERE id = ?")) {
            read.setObject(1, discussion.id());
            String data;
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                data = rs.getString(1);
            }
            int at = data.indexOf("\"" + CaseContent.SEALED + "\"");
            assertThat(at).isNotNegative();
            int flip = data.indexOf('"', data.indexOf(':', at) + 1) + 12;
            char was = data.charAt(flip);
            write.setString(1, data.substring(0, flip) + (was == 'A' ? 'B' : 'A') + data.substring(flip + 1));
            write.setObject(2, discussion.id());
            assertThat(write.executeUpdate()).isEqualTo(1);
        }
        try (Session s = as("alice")) {
            CaseState c = s.services().cases().get(aliceCase);
            assertThat(c.entries()).filteredOn(e -> e.id().equals(discussion.id())).singleElement()
                    .satisfies(e -> assertThat(e.data().values()).contains(CaseKeys.DAMAGED));
            assertThat(c.details().childRef()).isEqualTo("ZEBRA-4471");
            assertThat(s.services().cases().list()).extracting(x -> x.id()).contains(aliceCase);
            assertThat(s.services().integrity().verify().intact()).isFalse();
        }
    }

    @Test
    void sealedContentMovedToAnotherEntryDoesNotOpen() {
        Stolen alice = unwrap(vault.keyFile(), "alice");
        List<Entry> raw = stored(alice);
        byte[] key = keysFor(raw, alice.keys()).get(0);
        Entry opening = raw.get(0);
        Entry discussion = raw.stream().filter(e -> e.type() == EntryType.DISCUSSION_RECORDED).findFirst().orElseThrow();
        assertThatThrownBy(() -> CaseSeal.open(key, opening.get(CaseContent.SEALED), CaseContent.binding(aliceCase,
                discussion.id(), discussion.type(), 1))).isInstanceOf(ProtectionException.class);
    }

    @Test
    void aPersonRemovedOrMovedGetsNoKeyForWhatIsWrittenAfterwards() throws Exception {
        Path oldKeyFile = dir.resolve("dsl-backup.keys.json");
        Files.copy(vault.keyFile(), oldKeyFile, StandardCopyOption.REPLACE_EXISTING);
        try (Session admin = as("admin")) {
            admin.removeUser("dsl");
            admin.changeUser("mary", Role.MANAGER, OTHER_TEAM);
        }
        tick();
        try (Session alice = as("alice")) {
            alice.services().cases().discuss(aliceCase, new DiscussionRequest("Duty SW", "phone",
                    "The pangolin was discussed", null, false, clock.instant()));
            assertThat(alice.services().cases().get(aliceCase).entries()).extracting(e -> e.get("summary"))
                    .contains("Spoke about the axolotl", "The pangolin was discussed");
        }
        Stolen dsl = unwrap(oldKeyFile, "dsl");
        Stolen mary = unwrap(vault.keyFile(), "mary");
        List<Entry> raw = stored(dsl);
        assertThat(CaseKeyGrant.newest(raw)).isEqualTo(2);
        assertThat(CaseKeyGrant.holders(raw, 2)).containsExactly("alice");
        Entry after = raw.stream().filter(e -> e.type() == EntryType.DISCUSSION_RECORDED)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(CaseContent.generation(after)).isEqualTo(2);
        for (Stolen gone : List.of(dsl, mary)) {
            // what they could read before stays theirs (generation 1); nothing written afterwards opens
            List<byte[]> theirs = keysFor(raw, gone.keys());
            assertThat(theirs).hasSize(1);
            assertThatThrownBy(() -> CaseSeal.open(theirs.get(0), after.get(CaseContent.SEALED),
                    CaseContent.binding(aliceCase, after.id(), after.type(), 2))).isInstanceOf(ProtectionException.class);
        }
        assertThat(found(everyValue(dsl.dbKey()), List.of("pangolin"))).isEmpty();
    }

    @Test
    void aPersonEntitledLaterGetsTheKeyFromTheNextEntitledColleagueWhoOpensTheCase() {
        try (Session admin = as("admin")) {
            admin.addUser("meg", "Meg", Role.MANAGER, TEAM, PW.toCharArray());
        }
        tick();
        try (Session meg = as("meg")) {
            assertThat(meg.services().cases().readable(aliceCase)).isFalse();
            CaseState c = meg.services().cases().view(aliceCase);
            // opening it without its key starts no new generation: the older content would be lost to her
            assertThat(CaseKeyGrant.newest(meg.services().entries().caseEntries(aliceCase))).isEqualTo(1);
            assertThat(c.details().childRef()).isEqualTo(CaseKeys.NOT_READABLE);
            assertThat(c.details().raisedAgency()).isEqualTo("School");
        }
        try (Session alice = as("alice")) {
            alice.services().cases().view(aliceCase);
        }
        try (Session meg = as("meg")) {
            assertThat(meg.services().cases().readable(aliceCase)).isTrue();
            assertThat(meg.services().cases().get(aliceCase).details().childRef()).isEqualTo("ZEBRA-4471");
        }
        try (Session alice = as("alice")) {
            alice.services().cases().share(aliceCase, "bob", "Covering");
        }
        try (Session bob = as("bob")) {
            assertThat(bob.services().cases().get(aliceCase).details().concern()).contains("quokka");
        }
    }

    /** A document whose text is a secret of Alice's case, attached by Alice (her session seals it). */
    static final String DOCUMENT_TEXT = "NARWHAL-MINUTES-5521";

    byte[] attachDocument() throws Exception {
        byte[] bytes = ("%PDF-1.4\n" + DOCUMENT_TEXT + " of the meeting about the child").getBytes(StandardCharsets.US_ASCII);
        Path f = Files.createDirectories(dir.resolve("in")).resolve("minutes.pdf");
        Files.write(f, bytes);
        try (Session alice = as("alice")) {
            alice.services().attachments().attach(aliceCase, f, "Minutes");
        }
        tick();
        return bytes;
    }

    @Test
    void aDocumentsBytesAreSealedUnderTheCaseKeySoOnlyThoseEntitledOpenThemEvenWithTheDatabaseKey() throws Exception {
        byte[] bytes = attachDocument();
        String plainSha = uk.resolve.domain.attachment.Attachment.sha256(bytes);
        for (String who : List.of("nick", "bob", "board", "admin")) {
            Stolen s = unwrap(vault.keyFile(), who);
            List<String> values = everyValue(s.dbKey());
            // neither the document's text nor its own SHA-256 (which would confirm a guess of it) is anywhere
            assertThat(found(values, List.of(DOCUMENT_TEXT, plainSha, "minutes.pdf"))).as(who).isEmpty();
        }
        // the entry names the sealed form: what sync and verify check without the case key
        Stolen alice = unwrap(vault.keyFile(), "alice");
        List<Entry> raw = stored(alice);
        Entry entry = raw.stream().filter(e -> e.type() == EntryType.ATTACHMENT_ADDED).findFirst().orElseThrow();
        assertThat(entry.data()).containsKeys(uk.resolve.domain.attachment.Attachment.STORED_SHA256, CaseContent.SEALED)
                .doesNotContainKeys(uk.resolve.domain.attachment.Attachment.CONTENT_KEY,
                        uk.resolve.domain.attachment.Attachment.SHA256);
        // with the keys of someone entitled, the same direct read does open it: the case key opens the entry,
        // whose document key opens the bytes
        var opened = CaseSeal.open(keysFor(raw, alice.keys()).get(0), entry.get(CaseContent.SEALED),
                CaseContent.binding(aliceCase, entry.id(), entry.type(), CaseContent.generation(entry)));
        byte[] documentKey = java.util.Base64.getDecoder().decode(
                opened.get(uk.resolve.domain.attachment.Attachment.CONTENT_KEY));
        byte[] kept;
        try (Database d = Database.open(vault.databaseFile(), alice.dbKey()); Connection c = d.connection();
             var ps = c.prepareStatement("SELECT bytes FROM attachment_content WHERE sha256 = ?")) {
            ps.setString(1, entry.get(uk.resolve.domain.attachment.Attachment.STORED_SHA256));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                kept = rs.getBytes(1);
            }
        }
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain(DOCUMENT_TEXT);
        try (InputStream in = uk.resolve.security.ContentSeal.opening(new java.io.ByteArrayInputStream(kept),
                documentKey, bytes.length)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        for (String who : List.of("alice", "mary", "dsl")) {
            try (Session s = as(who)) {
                assertThat(s.services().attachments().content(aliceCase, 1)).as(who).isEqualTo(bytes);
            }
        }
        try (Session admin = as("admin")) {
            Integrity.Result r = admin.services().integrity().verify();
            assertThat(r.intact()).as(r.record().findings() + " " + r.contentBreaks()).isTrue();
        }
    }

    @Test
    void aColleagueEntitledButNotYetGivenTheKeyIsToldTheDocumentIsNotReadableHereUntilItArrives() throws Exception {
        byte[] bytes = attachDocument();
        try (Session admin = as("admin")) {
            admin.addUser("meg", "Meg", Role.MANAGER, TEAM, PW.toCharArray());
        }
        tick();
        try (Session meg = as("meg")) {
            assertThatThrownBy(() -> meg.services().attachments().content(aliceCase, 1))
                    .hasMessageContaining("not readable here").hasMessageNotContaining(DOCUMENT_TEXT);
        }
        try (Session alice = as("alice")) {
            alice.services().cases().view(aliceCase);
        }
        try (Session meg = as("meg")) {
            assertThat(meg.services().attachments().content(aliceCase, 1)).isEqualTo(bytes);
        }
    }

    @Test
    void sealedBytesAlteredInTheDatabaseAreNamedByVerifyAndRefusedWhenOpened() throws Exception {
        attachDocument();
        Stolen attacker = unwrap(vault.keyFile(), "alice");
        Entry entry = stored(attacker).stream().filter(e -> e.type() == EntryType.ATTACHMENT_ADDED).findFirst()
                .orElseThrow();
        try (Database d = Database.open(vault.databaseFile(), attacker.dbKey()); Connection c = d.connection();
             var read = c.prepareStatement("SELECT bytes FROM attachment_content WHERE sha256 = ?");
             var write = c.prepareStatement("UPDATE attachment_content SET bytes = ? WHERE sha256 = ?")) {
            String sha = entry.get(uk.resolve.domain.attachment.Attachment.STORED_SHA256);
            read.setString(1, sha);
            byte[] kept;
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                kept = rs.getBytes(1);
            }
            kept[12] ^= 1;
            write.setBytes(1, kept);
            write.setString(2, sha);
            assertThat(write.executeUpdate()).isEqualTo(1);
        }
        try (Session admin = as("admin")) {
            Integrity.Result r = admin.services().integrity().verify();
            assertThat(r.contentBreaks()).singleElement().asString().contains("Case " + aliceCase, "attachment 1",
                    "do not match");
        }
        try (Session alice = as("alice")) {
            assertThatThrownBy(() -> alice.services().attachments().content(aliceCase, 1))
                    .hasMessageContaining("damaged");
        }
    }
}
