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
import uk.resolve.domain.escalation.ResolveRequest;
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

    private Services laptop(String name) {
        Services s = Laptops.laptop(dir.resolve(name), clock, name);
        open.add(s);
        return s;
    }

    @Test
    void anExportImportedElsewhereGivesTheSameCasesAndImportingAgainChangesNothing() {
        Transfer.Exported e = a.sync().export(export, List.of(), n -> { });
        assertThat(e.entries()).isEqualTo(4);
        assertThat(e.cases()).isEqualTo(2);

        Transfer.Imported first = b.sync().importFile(export, n -> { });
        assertThat(first.added()).isEqualTo(4);
        assertThat(Laptops.ids(b)).isEqualTo(Laptops.ids(a));
        assertThat(Laptops.states(b)).isEqualTo(Laptops.states(a));

        Transfer.Imported again = b.sync().importFile(export, n -> { });
        assertThat(again.added()).isZero();
        assertThat(again.summary()).isEqualTo("Nothing new: this database already held all 4 entries of the file.");
        assertThat(b.entries().count()).isEqualTo(4);
        assertThat(b.entries().lastLocalSeq()).isEqualTo(4);
    }

    @Test
    void anExportOfChosenCasesHoldsOnlyTheirEntries() {
        Transfer.Exported e = a.sync().export(export, List.of(case2), n -> { });
        assertThat(e.entries()).isEqualTo(2);
        b.sync().importFile(export, n -> { });
        assertThat(Laptops.states(b).keySet()).containsExactly(case2);
        assertThat(Laptops.states(b).get(case2)).isEqualTo(a.cases().get(case2));
    }

    @Test
    void theFileHasAManifestAChecksumAndOneEntryALine() throws Exception {
        a.sync().export(export, List.of(), n -> { });
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("{\"format\":\"resolve-export\",\"version\":1,")
                .contains("\"entries\":4").contains("\"encryption\":{\"cipher\":\"none\"}")
                .contains("\"device\":\"" + a.entries().device() + "\"");
        byte[] bytes = Files.readAllBytes(export);
        int trailerStart = new String(bytes, StandardCharsets.UTF_8).lastIndexOf("{\"end\"");
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Arrays.copyOf(bytes, trailerStart)));
        assertThat(lines.get(5)).isEqualTo("{\"end\":\"resolve-export\",\"entries\":4,\"sha256\":\"" + sum + "\"}");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 100, 400, 700, 1000, -1})
    void aTruncatedFileIsRefusedWholeAndNothingIsImported(int cutFromEnd) throws Exception {
        a.sync().export(export, List.of(), n -> { });
        byte[] bytes = Files.readAllBytes(export);
        int keep = cutFromEnd < 0 ? bytes.length / 2 : Math.max(0, bytes.length - 1 - cutFromEnd);
        Path cut = dir.resolve("cut.resolve");
        Files.write(cut, Arrays.copyOf(bytes, keep));
        Laptops.openCase(b, "B-1", clock.instant());
        Set<UUID> before = Laptops.ids(b);

        assertThatThrownBy(() -> b.sync().importFile(cut, n -> { }))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("Nothing was imported")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("incomplete", "not a Resolve export"));
        assertThat(Laptops.ids(b)).isEqualTo(before);
    }

    @Test
    void aFileWithAnyOneBitFlippedIsRefusedWholeAndNothingIsImported() throws Exception {
        a.sync().export(export, List.of(), n -> { });
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
            assertThatThrownBy(() -> b.sync().importFile(bad, n -> { }))
                    .as("bit flipped at byte %d", at)
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("Nothing was imported");
        }
        assertThat(Laptops.ids(b)).isEqualTo(before);
    }

    @Test
    void aFlippedBitInTheMiddleIsReportedAsDamage() throws Exception {
        a.sync().export(export, List.of(), n -> { });
        byte[] bytes = Files.readAllBytes(export);
        bytes[bytes.length / 2] ^= 0x04;
        Files.write(export, bytes);
        assertThatThrownBy(() -> b.sync().importFile(export, n -> { }))
                .hasMessage("The file " + export + " is damaged: its checksum does not match its content (it may have"
                        + " been altered or corrupted in transit). Nothing was imported; ask for it to be exported"
                        + " again.");
        assertThat(b.entries().count()).isZero();
    }

    @Test
    void anEntryAlteredWithTheFileChecksumRecomputedIsRefusedByItsOwnHash() throws Exception {
        a.sync().export(export, List.of(), n -> { });
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        lines.set(2, lines.get(2).replace("duty manager", "duty officer"));
        Files.write(export, resealed(lines));
        assertThatThrownBy(() -> b.sync().importFile(export, n -> { }))
                .hasMessageContaining("has been tampered with: entry ")
                .hasMessageContaining("does not match its own hash")
                .hasMessageContaining("Nothing was imported");
        assertThat(b.entries().count()).isZero();
    }

    @Test
    void aFileFromANewerVersionIsRefusedWithWhatToDo() throws Exception {
        a.sync().export(export, List.of(), n -> { });
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        lines.set(0, lines.get(0).replace("\"version\":1", "\"version\":2"));
        Files.write(export, resealed(lines));
        assertThatThrownBy(() -> b.sync().importFile(export, n -> { }))
                .hasMessage("The file " + export + " was made by a newer version of Resolve (export format version 2;"
                        + " this version reads up to 1). Nothing was imported. Install the newer version of Resolve to"
                        + " import it.");
        assertThat(b.entries().count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "case_id,policy\n1,croydon\n", "{\"format\":\"something-else\",\"version\":1}\n",
            "%PDF-1.7\n%\u00e2\u00e3\n", "PK\u0003\u0004 a zip file"})
    void aFileOfAnotherKindIsRefusedAsNotAnExport(String content) throws Exception {
        Path other = dir.resolve("other.txt");
        Files.writeString(other, content);
        assertThatThrownBy(() -> b.sync().importFile(other, n -> { }))
                .hasMessage("The file " + other + " is not a Resolve export (it does not begin with a Resolve"
                        + " manifest). Nothing was imported. Choose a file made with Resolve's Export (resolve export"
                        + " --out).");
        assertThat(b.entries().count()).isZero();
    }

    @Test
    void aFileHoldingADifferentVersionOfAnEntryAlreadyHereIsRefused() throws Exception {
        a.sync().export(export, List.of(case1), n -> { });
        b.sync().importFile(export, n -> { });
        // the same entry id, re-hashed with other content: consistent in itself, but not what b holds
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(1));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("data")).put("concern", "Something else");
        var entry = a.entries().entry(UUID.fromString(node.get("id").asText())).orElseThrow();
        var altered = new uk.resolve.domain.record.Entry(entry.id(), entry.caseId(), entry.type(), entry.author(),
                entry.device(), entry.deviceSeq(), entry.writtenAt(), entry.happenedAt(),
                new java.util.TreeMap<>(java.util.Map.of("concern", "Something else")), entry.prevHash(), "");
        node.put("hash", uk.resolve.domain.record.EntryHasher.hash(altered));
        node.set("data", json.valueToTree(altered.data()));
        lines.set(1, json.writeValueAsString(node));
        Files.write(export, resealed(lines));
        long before = b.entries().count();
        assertThatThrownBy(() -> b.sync().importFile(export, n -> { }))
                .hasMessageContaining("holds a different version of entry " + entry.id());
        assertThat(b.entries().count()).isEqualTo(before);
    }

    @Test
    void exportingAnUnknownCaseWritesNothing() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> a.sync().export(export, List.of(unknown), n -> { }))
                .hasMessageContaining("There is no case " + unknown);
        assertThat(Files.exists(export)).isFalse();
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
