/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.attachment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.rules.RuleViolation;

class AttachmentCheckTest {

    private static byte[] head(String spec) {
        return spec.startsWith("hex:") ? HexFormat.of().parseHex(spec.substring(4))
                : spec.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0} starting {1} is accepted")
    @CsvSource({
            "minutes.pdf, %PDF-1.7",
            "letter.DOCX, hex:504b0304",
            "letter.doc, hex:d0cf11e0a1b11ae1",
            "email.msg, hex:d0cf11e0a1b11ae1",
            "notes.odt, hex:504b0304",
            "letter.rtf, {\\rtf1",
            "scan.png, hex:89504e470d0a1a0a",
            "photo.jpg, hex:ffd8ffe0",
            "photo.gif, GIF89a",
            "scan.tiff, hex:49492a00",
            "notes.txt, Meeting on Monday",
            "reply.eml, From: someone",
    })
    void documentsOfTheAllowedKindsAreAccepted(String name, String head) {
        assertThatCode(() -> AttachmentCheck.check(name, 1000, head(head), 0)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} starting {1}: {2}")
    @CsvSource({
            "invoice.pdf, MZ\u0090\u0000, is a program or script",
            "minutes.pdf, hex:7f454c46, is a program or script",
            "notes.txt, #!/bin/sh, is a program or script",
            "minutes.pdf, hex:504b0304, is not really a .pdf file",
            "photo.png, %PDF-1.4, is not really a .png file",
            "setup.exe, MZ, only these kinds of file can",
            "README, text, only these kinds of file can",
    })
    void disguisedOrUnknownFilesAreRefusedSayingWhy(String name, String head, String why) {
        assertThatThrownBy(() -> AttachmentCheck.check(name, 1000, head(head), 0)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining(why);
    }

    @ParameterizedTest(name = "{1} bytes with {2} on the case: {3}")
    @CsvSource({
            "a.pdf, 0, 0, is empty",
            "a.pdf, 26214401, 0, may be at most 25.0 MB",
            "a.pdf, 1048576, 104857600, its limit of 100.0 MB",
    })
    void emptyOrOversizedFilesAreRefusedStatingTheLimit(String name, long size, long onCase, String why) {
        assertThatThrownBy(() -> AttachmentCheck.check(name, size, head("%PDF-1.7"), onCase))
                .isInstanceOf(RuleViolation.class).hasMessageContaining(why);
    }
}
