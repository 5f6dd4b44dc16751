/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.security.Argon2Params;
import uk.resolve.testing.MutableClock;

class TransferIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");
    private final List<Services> open = new ArrayList<>();
    private Services a;
    private Services b;
    private UUID case1;
    private UUID case2;
    private Path export;

    @BeforeEach
    void setUp() {
        a = laptop("a");
        b = laptop("b");
        case1 = Laptops.openCase(a, "AB-123", clock.instant());
        clock.advance(Duration.ofMinutes(5));
        Laptops.discuss(a, case1, "Spoke to the duty manager, \"urgent\"\nsecond line", clock.instant());
        clock.advance(Duration.ofMinutes(5));
        case2 = Laptops.openCase(a, "CD-456", clock.instant());
        clock.advance(Duration.ofDays(3));
        a.cases().resolve(case2, new ResolveRequest("Assessment agreed", null, null, clock.instant()));
        export = dir.resolve("out/cases.resolve");
    }

    @AfterEach
    void tearDown() {
        open.forEach(Services::close);
    }

    /** The passphrase the tests export with. */
    private static final String PASSPHRASE = "correct horse battery staple";
    /** Cheap key derivation for tests that read a file many times (the reader takes the manifest's settings). */
    private static final Argon2Params CHEAP = new Argon2Params(1024, 1, 1, new byte[16]);

    private static char[] pass() {
        return PASSPHRASE.toCharArray();
    }

    /** A version 1 file, from before encryption, of all of a's entries. */
    private void writeLegacy(Path file) {
        ExportFile.write(file, new ExportFile.Manifest(clock.instant(), TestAccess.entries(a).device(), "a", List.of()),
                TestAccess.entries(a).all(), null, CHEAP, n -> { });
    }

    private Services laptop(String name) {
        Services s = Laptops.laptop(dir.resolve(name), clock, name);
        open.add(s);
        return s;
    }

    @Test
    void anExportImportedElsewhereGivesTheSameCasesAndImportingAgainChangesNothing() {
        Transfer.Exported e = a.sync().export(export, List.of(), pass(), n -> { });
        assertThat(e.entries()).isEqualTo(4);
        assertThat(e.cases()).isEqualTo(2);

        Transfer.Imported first = b.sync().importFile(export, pass(), n -> { });
        assertThat(first.added()).isEqualTo(4);
        assertThat(Laptops.ids(b)).isEqualTo(Laptops.ids(a));
        assertThat(Laptops.states(b)).isEqualTo(Laptops.states(a));

        Transfer.Imported again = b.sync().importFile(export, pass(), n -> { });
        assertThat(again.added()).isZero();
        assertThat(again.summary()).isEqualTo("Nothing new: this database already held all 4 entries of the file.");
        assertThat(TestAccess.entries(b).count()).isEqualTo(4);
        assertThat(TestAccess.entries(b).lastLocalSeq()).isEqualTo(4);
    }

    @Test
    void anExportOfChosenCasesHoldsOnlyTheirEntries() {
        Transfer.Exported e = a.sync().export(export, List.of(case2), pass(), n -> { });
        assertThat(e.entries()).isEqualTo(2);
        b.sync().importFile(export, pass(), n -> { });
        assertThat(Laptops.states(b).keySet()).containsExactly(case2);
        assertThat(Laptops.states(b).get(case2)).isEqualTo(a.cases().get(case2));
    }

    @Test
    void theFileHasAReadableManifestAndEverythingElseIsEncrypted() throws Exception {
        Transfer.Exported e = a.sync().export(export, List.of(), pass(), n -> { });
        byte[] bytes = Files.readAllBytes(export);
        String manifest = new String(bytes, 0, indexOf(bytes, (byte) '\n'), StandardCharsets.UTF_8);
        assertThat(manifest).startsWith("{\"format\":\"resolve-export\",\"version\":2,")
                .contains("\"entries\":4")
                .contains("\"encryption\":{\"cipher\":\"AES-256-GCM\",\"kdf\":{\"algorithm\":\"argon2id\","
                        + "\"memoryKiB\":65536,\"iterations\":2,\"parallelism\":1,\"salt\":\"");
        assertThat(e.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        uk.resolve.testing.Plaintext.assertAbsent(bytes, "AB-123", "CD-456", "Child Name", "duty manager", "closed without an assessment",
                "Three absences", "Sam Social Worker", "Assessment agreed", PASSPHRASE);
    }

    @Test
    void aWrongPassphraseIsRefusedWholeAndNothingIsImported() throws Exception {
        a.sync().export(export, List.of(), pass(), n -> { });
        Laptops.openCase(b, "B-1", clock.instant());
        Set<UUID> before = Laptops.ids(b);
        assertThatThrownBy(() -> b.sync().importFile(export, "correct horse battery stapler".toCharArray(), n -> { }))
                .isInstanceOf(SyncException.class)
                .hasMessage("The passphrase does not open the file " + export + ", or the file has been altered or"
                        + " damaged since it was exported. Nothing was imported. Check the passphrase with whoever sent"
                        + " the file (capital letters and spaces count); if it is right, ask for the file to be"
                        + " exported again.");
        assertThatThrownBy(() -> b.sync().importFile(export, null, n -> { }))
                .hasMessage("The file " + export + " is encrypted. Give the passphrase it was exported with. Nothing"
                        + " was imported.");
        assertThat(b.sync().importNeedsPassphrase(export)).isTrue();
        assertThat(Laptops.ids(b)).isEqualTo(before);
    }

    @Test
    void aShortPassphraseIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> a.sync().export(export, List.of(), "short".toCharArray(), n -> { }))
                .hasMessageContaining("A passphrase needs at least 12 characters");
        assertThat(Files.exists(export)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"entries\":4|\"entries\":3", "\"scope\":\"all\"|\"scope\":\"cases\"",
            "\"iterations\":1|\"iterations\":2", "\"exportedBy\":\"a\"|\"exportedBy\":\"b\""})
    void anEditedManifestIsRefusedWholeAndNothingIsImported(String edit) throws Exception {
        ExportFile.write(export, new ExportFile.Manifest(clock.instant(), TestAccess.entries(a).device(), "a", List.of()),
                TestAccess.entries(a).all(), pass(), CHEAP, n -> { });
        String[] fromTo = edit.split("\\|");
        byte[] bytes = Files.readAllBytes(export);
        int eol = indexOf(bytes, (byte) '\n');
        String manifest = new String(bytes, 0, eol, StandardCharsets.UTF_8);
        assertThat(manifest).contains(fromTo[0]);
        byte[] head = manifest.replace(fromTo[0], fromTo[1]).getBytes(StandardCharsets.UTF_8);
        byte[] edited = new byte[head.length + bytes.length - eol];
        System.arraycopy(head, 0, edited, 0, head.length);
        System.arraycopy(bytes, eol, edited, head.length, bytes.length - eol);
        Files.write(export, edited);
        assertThatThrownBy(() -> b.sync().importFile(export, pass(), n -> { }))
                .hasMessageContaining("has been altered or damaged since it was exported. Nothing was imported.");
        assertThat(TestAccess.entries(b).count()).isZero();
    }

    @Test
    void aFileFromBeforeEncryptionIsStillImportedWithANote() throws Exception {
        writeLegacy(export);
        assertThat(b.sync().importNeedsPassphrase(export)).isFalse();
        Transfer.Imported r = b.sync().importFile(export, null, n -> { });
        assertThat(r.added()).isEqualTo(4);
        assertThat(r.encrypted()).isFalse();
        assertThat(r.summary()).isEqualTo("Imported 4 new entries of the 4 in the file; the rest were already here."
                + " Note: this file was not encrypted (it was made by an earlier version of Resolve); delete it now"
                + " that it is imported.");
        assertThat(Laptops.ids(b)).isEqualTo(Laptops.ids(a));
    }

    @Test
    void aFileFromBeforeEncryptionHasAManifestAChecksumAndOneEntryALine() throws Exception {
        writeLegacy(export);
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("{\"format\":\"resolve-export\",\"version\":1,")
                .contains("\"entries\":4").contains("\"encryption\":{\"cipher\":\"none\"}")
                .contains("\"device\":\"" + TestAccess.entries(a).device() + "\"");
        byte[] bytes = Files.readAllBytes(export);
        int trailerStart = new String(bytes, StandardCharsets.UTF_8).lastIndexOf("{\"end\"");
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Arrays.copyOf(bytes, trailerStart)));
        assertThat(lines.get(5)).isEqualTo("{\"end\":\"resolve-export\",\"entries\":4,\"sha256\":\"" + sum + "\"}");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 100, 400, 700, 1000, -1})
    void aTruncatedFileIsRefusedWholeAndNothingIsImported(int cutFromEnd) throws Exception {
        ExportFile.write(export, new ExportFile.Manifest(clock.instant(), TestAccess.entries(a).device(), "a", List.of()),
                TestAccess.entries(a).all(), pass(), CHEAP, n -> { });
        byte[] bytes = Files.readAllBytes(export);
        int keep = cutFromEnd < 0 ? bytes.length / 2 : Math.max(0, bytes.length - 1 - cutFromEnd);
        Path cut = dir.resolve("cut.resolve");
        Files.write(cut, Arrays.copyOf(bytes, keep));
        Laptops.openCase(b, "B-1", clock.instant());
        Set<UUID> before = Laptops.ids(b);

        assertThatThrownBy(() -> b.sync().importFile(cut, pass(), n -> { }))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("Nothing was imported")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("incomplete", "not a Resolve export",
                        "altered or damaged since it was exported"));
        assertThat(Laptops.ids(b)).isEqualTo(before);
    }

    @Test
    void aFileWithAnyOneBitFlippedIsRefusedWholeAndNothingIsImported() throws Exception {
        ExportFile.write(export, new ExportFile.Manifest(clock.instant(), TestAccess.entries(a).device(), "a", List.of()),
                TestAccess.entries(a).all(), pass(), CHEAP, n -> { });
        byte[] bytes = Files.readAllBytes(export);
        Laptops.openCase(b, "B-1", clock.instant());
        Set<UUID> before = Laptops.ids(b);
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 60; i++) {
            byte[] flipped = bytes.clone();
            int at = i == 0 ? bytes.length / 2 : random.nextInt(bytes.length);
            flipped[at] ^= (byte) (1 << random.nextInt(8));
            Path bad = dir.resolve("flipped.resolve");
            Files.write(bad, flipped);
            assertThatThrownBy(() -> b.sync().importFile(bad, pass(), n -> { }))
                    .as("bit flipped at byte %d", at)
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("Nothing was imported");
        }
        assertThat(Laptops.ids(b)).isEqualTo(before);
    }

    @Test
    void aFlippedBitInTheMiddleOfAFileFromBeforeEncryptionIsReportedAsDamage() throws Exception {
        writeLegacy(export);
        byte[] bytes = Files.readAllBytes(export);
        bytes[bytes.length / 2] ^= 0x04;
        Files.write(export, bytes);
        assertThatThrownBy(() -> b.sync().importFile(export, pass(), n -> { }))
                .hasMessage("The file " + export + " is damaged: its checksum does not match its content (it may have"
                        + " been altered or corrupted in transit). Nothing was imported; ask for it to be exported"
                        + " again.");
        assertThat(TestAccess.entries(b).count()).isZero();
    }

    @Test
    void anEntryAlteredWithTheFileChecksumRecomputedIsSetAsideByItsOwnHashAndTheRestImported() throws Exception {
        writeLegacy(export);
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        UUID altered = UUID.fromString(new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(2))
                .get("id").asText());
        lines.set(2, lines.get(2).replace("duty manager", "duty officer"));
        Files.write(export, resealed(lines));
        Transfer.Imported r = b.sync().importFile(export, pass(), n -> { });
        assertThat(r.setAside()).isOne();
        assertThat(r.added()).isEqualTo(lines.size() - 3);
        assertThat(r.summary()).contains("1 entry failed their checks and were set aside in quarantine");
        assertThat(TestAccess.entries(b).entry(altered)).isEmpty();
        assertThat(new uk.resolve.store.QuarantineStore(TestAccess.database(b)).list()).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("does not match its hash"));
    }

    @Test
    void aFileFromANewerVersionIsRefusedWithWhatToDo() throws Exception {
        writeLegacy(export);
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        lines.set(0, lines.get(0).replace("\"version\":1", "\"version\":4"));
        Files.write(export, resealed(lines));
        assertThatThrownBy(() -> b.sync().importFile(export, pass(), n -> { }))
                .hasMessage("The file " + export + " was made by a newer version of Resolve (export format version 4;"
                        + " this version reads up to 3). Nothing was imported. Install the newer version of Resolve to"
                        + " import it.");
        assertThat(TestAccess.entries(b).count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "case_id,policy\n1,croydon\n", "{\"format\":\"something-else\",\"version\":1}\n",
            "%PDF-1.7\n%\u00e2\u00e3\n", "PK\u0003\u0004 a zip file"})
    void aFileOfAnotherKindIsRefusedAsNotAnExport(String content) throws Exception {
        Path other = dir.resolve("other.txt");
        Files.writeString(other, content);
        assertThatThrownBy(() -> b.sync().importFile(other, pass(), n -> { }))
                .hasMessage("The file " + other + " is not a Resolve export (it does not begin with a Resolve"
                        + " manifest). Nothing was imported. Choose a file made with Resolve's Export (resolve export"
                        + " --out).");
        assertThat(TestAccess.entries(b).count()).isZero();
    }

    @Test
    void aFileHoldingADifferentVersionOfAnEntryAlreadyHereHasItSetAside() throws Exception {
        a.sync().export(export, List.of(case1), pass(), n -> { });
        b.sync().importFile(export, pass(), n -> { });
        ExportFile.write(export, new ExportFile.Manifest(clock.instant(), TestAccess.entries(a).device(), "a", List.of(case1)),
                TestAccess.entries(a).caseEntries(case1), null, CHEAP, n -> { });
        // the same entry id, re-hashed with other content: consistent in itself, but not what b holds
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(1));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("data")).put("concern", "Something else");
        var entry = TestAccess.entries(a).entry(UUID.fromString(node.get("id").asText())).orElseThrow();
        var altered = new uk.resolve.domain.record.Entry(entry.id(), entry.caseId(), entry.type(), entry.author(),
                entry.device(), entry.deviceSeq(), entry.writtenAt(), entry.happenedAt(),
                new java.util.TreeMap<>(java.util.Map.of("concern", "Something else")), entry.prevHash(), "");
        node.put("hash", uk.resolve.domain.record.EntryHasher.hash(altered));
        node.set("data", json.valueToTree(altered.data()));
        lines.set(1, json.writeValueAsString(node));
        Files.write(export, resealed(lines));
        long before = TestAccess.entries(b).count();
        Transfer.Imported r = b.sync().importFile(export, pass(), n -> { });
        assertThat(r.setAside()).isOne();
        assertThat(TestAccess.entries(b).count()).isEqualTo(before);
        assertThat(TestAccess.entries(b).entry(entry.id()).orElseThrow().hash()).isEqualTo(entry.hash());
        assertThat(new uk.resolve.store.QuarantineStore(TestAccess.database(b)).list()).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("holds a different version of it"));
    }

    @Test
    void exportingAnUnknownCaseWritesNothing() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> a.sync().export(export, List.of(unknown), pass(), n -> { }))
                .hasMessageContaining("There is no case " + unknown);
        assertThat(Files.exists(export)).isFalse();
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** Rewrites the trailer so the whole-file checksum matches the altered lines. */
    private static byte[] resealed(List<String> lines) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.size() - 1; i++) {
            body.append(lines.get(i)).append('\n');
        }
        byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        String trailer = lines.get(lines.size() - 1).replaceAll("\"sha256\":\"[0-9a-f]+\"", "\"sha256\":\"" + sum + "\"");
        return (body + trailer + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
