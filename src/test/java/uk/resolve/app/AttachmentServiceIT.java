/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.attachment.AttachmentCheck;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.forms.FormDocuments;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

class AttachmentServiceIT {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");
    private Services s;
    private UUID caseId;

    @BeforeEach
    void open() {
        s = Fixtures.services(dir, clock);
        caseId = s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00")).id();
    }

    @AfterEach
    void close() {
        s.close();
    }

    private Path file(String name, byte[] bytes) throws Exception {
        Path f = Files.createDirectories(dir.resolve("in")).resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    void aFileOfTheLargestSizeAllowedIsKeptWholeAndReadBackAfterReopening() throws Exception {
        byte[] big = new byte[(int) AttachmentCheck.MAX_FILE_BYTES];
        new java.util.Random(3).nextBytes(big);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        s.attachments().attach(caseId, file("scan.pdf", big), "Scanned minutes");
        s.close();
        s = Fixtures.services(dir, clock);
        assertThat(s.attachments().content(caseId, 1)).isEqualTo(big);
        assertThat(s.cases().list()).hasSize(1);
    }

    @Test
    void theTemporaryCopyToOpenIsNamedByTheCaseNumberInAFolderOnlyThisPersonCanRead() throws Exception {
        byte[] pdf = "%PDF-1.4\nletter".getBytes(StandardCharsets.US_ASCII);
        s.attachments().attach(caseId, file("Letter about REF-CROYDON.pdf", pdf), "");
        Path copy = s.attachments().temporaryCopy(caseId, 1);
        assertThat(copy.getFileName().toString()).isEqualTo("case-" + caseId.toString().substring(0, 8) + "-1.pdf");
        assertThat(Files.readAllBytes(copy)).isEqualTo(pdf);
        if (Files.getFileStore(copy.getParent()).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(copy.getParent())).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        }
        Files.delete(copy);
    }

    @Test
    void theChronologyPdfListsTheDocumentWithoutItsContents() throws Exception {
        s.attachments().attach(caseId, file("reply.txt", "WALRUS contents of the reply".getBytes(StandardCharsets.UTF_8)),
                "Reply from the service manager");
        var c = s.cases().get(caseId);
        var doc = FormDocuments.chronology(c, s.cases().policyOf(c), "Test Worker", java.time.LocalDate.of(2026, 12, 21));
        byte[] pdf = new uk.resolve.pdf.PdfRenderer().render(doc, false);
        String text;
        try (var pd = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(pd);
        }
        assertThat(text).contains("Documents on the record").contains("1. reply.txt (1 KB)")
                .contains("Reply from the service manager").contains("Stage 1 · Document attached")
                .contains("reply.txt (1 KB): Reply from the service manager")
                .doesNotContain("WALRUS");
    }

    @Test
    void aRefusedFileRecordsNothing() throws Exception {
        int before = s.cases().get(caseId).entries().size();
        assertThatThrownBy(() -> s.attachments().attach(caseId, file("notes.txt", new byte[0]), "x"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> s.attachments().attach(caseId, dir, "x"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("is a folder");
        assertThat(s.cases().get(caseId).entries()).hasSize(before);
    }
}
