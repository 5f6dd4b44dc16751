/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes a {@link MailDraft} as an RFC 5322 message with MIME parts (RFC 2045–2047) and the header
 * {@code X-Unsent: 1}, which makes Outlook open it as an unsent draft; Thunderbird and Apple Mail
 * open it too. No From line: the mail program puts the worker's own account there.
 */
public final class EmlWriter {

    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private EmlWriter() {
    }

    /** The message's bytes, dated {@code date}. */
    public static byte[] write(MailDraft d, ZonedDateTime date) {
        String boundary = "----=_Resolve_" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder m = new StringBuilder();
        m.append("Date: ").append(DATE.format(date)).append(CRLF);
        if (d.toAddress() != null) {
            m.append("To: ").append(d.toName().isBlank() ? "" : phrase(d.toName()) + " ")
                    .append('<').append(d.toAddress()).append('>').append(CRLF);
        }
        m.append("Subject: ").append(unstructured(d.subject())).append(CRLF);
        m.append("X-Unsent: 1").append(CRLF);
        m.append("MIME-Version: 1.0").append(CRLF);
        m.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append('"').append(CRLF);
        m.append(CRLF);
        m.append("This is a message in MIME format.").append(CRLF);
        m.append("--").append(boundary).append(CRLF);
        m.append("Content-Type: text/plain; charset=UTF-8").append(CRLF);
        m.append("Content-Transfer-Encoding: base64").append(CRLF).append(CRLF);
        m.append(base64(d.body().replace("\r\n", "\n").replace("\n", CRLF).getBytes(StandardCharsets.UTF_8)));
        if (d.attachment() != null) {
            MailDraft.Attachment a = d.attachment();
            String name = parameter(a.fileName());
            m.append("--").append(boundary).append(CRLF);
            m.append("Content-Type: ").append(a.contentType()).append("; name=").append(name).append(CRLF);
            m.append("Content-Disposition: attachment; filename=").append(name).append(CRLF);
            m.append("Content-Transfer-Encoding: base64").append(CRLF).append(CRLF);
            m.append(base64(a.bytes()));
        }
        m.append("--").append(boundary).append("--").append(CRLF);
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String base64(byte[] bytes) {
        return Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes) + CRLF;
    }

    private static boolean plain(String s) {
        return s.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f);
    }

    /** A display name: a quoted string, or encoded words when it is not plain ASCII. */
    private static String phrase(String s) {
        return plain(s) ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : encodedWords(s);
    }

    /** A file name parameter: quoted ASCII; others lose what is not ASCII (names are made by Resolve). */
    private static String parameter(String s) {
        return "\"" + s.replaceAll("[^A-Za-z0-9._ -]", "_") + "\"";
    }

    /** An unstructured header value: as it is when short ASCII, else RFC 2047 encoded words. */
    private static String unstructured(String s) {
        return plain(s) && s.length() <= 66 ? s : encodedWords(s);
    }

    /** RFC 2047 "B" encoded words of at most 45 UTF-8 bytes each, folded onto lines of their own. */
    private static String encodedWords(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > 45) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        if (chunk.length() > 0 || words.isEmpty()) {
            words.add(word(chunk.toString()));
        }
        return String.join(CRLF + " ", words);
    }

    private static String word(String s) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
