/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import uk.resolve.security.PersonKeys;

/** Which report key board text is sealed for, and who should hold it, as the record says. */
class ReportKeyEntryTest {

    private final PersonKeys admin = PersonKeys.generate("admin");
    private final PersonKeys worker = PersonKeys.generate("worker");
    private final PersonKeys bea = PersonKeys.generate("bea");
    private final PersonKeys ben = PersonKeys.generate("ben");
    private final List<Entry> record = new ArrayList<>();
    private long seq;
    private String prev = "";

    private static Instant at(int minute) {
        return Instant.parse("2026-11-25T10:00:00Z").plusSeconds(60L * minute);
    }

    private Entry write(int minute, EntryType type, String author, Map<String, String> data, PersonKeys signer) {
        Entry e = NewEntry.of(KeyDirectory.PEOPLE, type, author, at(minute), at(minute), data).seal("dev", ++seq, prev);
        if (signer != null) {
            e = e.withSignature(signer.signHash(e.hash()));
        }
        prev = e.hash();
        record.add(e);
        return e;
    }

    private void register(int minute, PersonKeys keys, KeyDirectory.Reason reason, String role) {
        Map<String, String> d = new TreeMap<>();
        d.put(KeyDirectory.PERSON, keys.person());
        d.put(KeyDirectory.SIGN_KEY, keys.signingPublic());
        d.put(KeyDirectory.BOX_KEY, keys.boxPublic());
        d.put(KeyDirectory.REASON, reason.code());
        d.put(KeyDirectory.ROLE, role);
        write(minute, EntryType.PERSON_KEYS, reason.code().equals("upgrade") ? keys.person() : "admin", d,
                reason.code().equals("upgrade") ? keys : admin);
    }

    private void team() {
        register(1, admin, KeyDirectory.Reason.FIRST_ADMINISTRATOR, "administrator");
        register(2, worker, KeyDirectory.Reason.ADDED, "practitioner");
        register(3, bea, KeyDirectory.Reason.ADDED, "business-team");
    }

    private KeyDirectory directory() {
        return KeyDirectory.of(record);
    }

    @Test
    void theNewestKeyAnAdministratorPublishedIsCurrent() {
        team();
        write(4, EntryType.REPORT_KEY, "admin", ReportKeyEntry.published("k1", "PUB1"), admin);
        write(6, EntryType.REPORT_KEY, "admin", ReportKeyEntry.published("k2", "PUB2"), admin);
        assertThat(ReportKeyEntry.current(record, directory())).get()
                .extracting(ReportKeyEntry.Published::keyId).isEqualTo("k2");
        assertThat(ReportKeyEntry.publishedKeys(record, directory())).containsOnlyKeys("k1", "k2");
    }

    @Test
    void aKeyPublishedBySomeoneWhoIsNotAnAdministratorIsIgnored() {
        team();
        write(4, EntryType.REPORT_KEY, "admin", ReportKeyEntry.published("k1", "PUB1"), admin);
        // a practitioner who wants to read the board's text publishes a key of their own
        write(5, EntryType.REPORT_KEY, "worker", ReportKeyEntry.published("mine", "WORKERS"), worker);
        // and one in the administrator's name, signed with the practitioner's key
        write(6, EntryType.REPORT_KEY, "admin", ReportKeyEntry.published("forged", "WORKERS"), worker);
        assertThat(ReportKeyEntry.current(record, directory())).get()
                .extracting(ReportKeyEntry.Published::keyId).isEqualTo("k1");
        assertThat(ReportKeyEntry.publishedKeys(record, directory())).containsOnlyKeys("k1");
    }

    @Test
    void aWithdrawalLeavesNoKeyCurrentUntilTheNextPublication() {
        team();
        write(4, EntryType.REPORT_KEY, "admin", ReportKeyEntry.published("k1", "PUB1"), admin);
        write(5, EntryType.REPORT_KEY, "admin", ReportKeyEntry.withdrawn(), admin);
        assertThat(ReportKeyEntry.current(record, directory())).isEmpty();
        write(6, EntryType.REPORT_KEY, "admin", ReportKeyEntry.published("k2", "PUB2"), admin);
        assertThat(ReportKeyEntry.current(record, directory())).get()
                .extracting(ReportKeyEntry.Published::keyId).isEqualTo("k2");
    }

    @Test
    void noKeyIsCurrentInARecordWithoutOne() {
        team();
        assertThat(ReportKeyEntry.current(record, directory())).isEmpty();
    }

    @Test
    void theBusinessTeamIsThosePeopleWhoseKeysAnAdministratorVouchedFor() {
        team();
        // ben registered his own keys at his first sign-in: only the database key stands behind them
        register(4, ben, KeyDirectory.Reason.UPGRADE, "business-team");
        var team = ReportKeyEntry.businessTeam(directory(), at(10));
        assertThat(team).containsOnlyKeys("bea");
        assertThat(team.get("bea")).containsExactly(bea.boxPublic());
    }

    @Test
    void someoneMovedOutOfTheBusinessTeamNoLongerBelongsToIt() {
        team();
        Map<String, String> change = new TreeMap<>(Map.of(KeyDirectory.PERSON, "bea", KeyDirectory.REASON,
                "roles-changed", KeyDirectory.ROLE, "manager", KeyDirectory.TEAM, "Riverside"));
        write(5, EntryType.PERSON_KEYS, "admin", change, admin);
        assertThat(ReportKeyEntry.businessTeam(directory(), at(4))).containsOnlyKeys("bea");
        assertThat(ReportKeyEntry.businessTeam(directory(), at(10))).isEmpty();
    }

    @Test
    void grantsNameTheirHoldersInLowerCase() {
        team();
        write(4, EntryType.REPORT_KEY, "admin", ReportKeyEntry.published("k1", "PUB1"), admin);
        write(4, EntryType.REPORT_KEY, "admin", ReportKeyEntry.grant("k1", "Bea", bea.boxPublic(), "W"), admin);
        write(4, EntryType.REPORT_KEY, "admin", ReportKeyEntry.grant("k0", "ben", ben.boxPublic(), "W"), admin);
        assertThat(ReportKeyEntry.holders(record, "k1")).containsExactly("bea");
        assertThat(ReportKeyEntry.grants(record)).hasSize(2);
    }
}
