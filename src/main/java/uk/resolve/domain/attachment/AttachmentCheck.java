/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.resolve.domain.rules.RuleViolation;

/**
 * Whether a file may go on a case's record: a letter, minutes, an e-mail, a PDF, a Word or
 * OpenDocument file or an image, not empty, within the limits, and really what its name says. A
 * program renamed {@code .pdf} is refused by its first bytes (Windows {@code MZ}, Linux {@code ELF},
 * a script's {@code #!}), as is any file whose first bytes do not match its kind.
 */
public final class AttachmentCheck {

    /** The largest file accepted. */
    public static final long MAX_FILE_BYTES = 25L * 1024 * 1024;
    /** The most one case may hold in all. */
    public static final long MAX_CASE_BYTES = 100L * 1024 * 1024;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** Each kind allowed, with the first bytes it must start with (none: text, checked for executables only). */
    private static final Map<String, List<byte[]>> KINDS = Map.ofEntries(
            Map.entry("pdf", List.of(ascii("%PDF-"))),
            Map.entry("docx", List.of(ZIP)),
            Map.entry("odt", List.of(ZIP)),
            Map.entry("doc", List.of(OLE)),
            Map.entry("msg", List.of(OLE)),
            Map.entry("rtf", List.of(ascii("{\\rtf"))),
            Map.entry("png", List.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})),
            Map.entry("jpg", List.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})),
            Map.entry("jpeg", List.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})),
            Map.entry("gif", List.of(ascii("GIF87a"), ascii("GIF89a"))),
            Map.entry("tif", List.of(new byte[] {'I', 'I', 42, 0}, new byte[] {'M', 'M', 0, 42})),
            Map.entry("tiff", List.of(new byte[] {'I', 'I', 42, 0}, new byte[] {'M', 'M', 0, 42})),
            Map.entry("txt", List.of()),
            Map.entry("eml", List.of()));
    private static final List<byte[]> EXECUTABLE = List.of(ascii("MZ"), new byte[] {0x7F, 'E', 'L', 'F'}, ascii("#!"),
            new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}, new byte[] {(byte) 0xCA, (byte) 0xFE,
                    (byte) 0xBA, (byte) 0xBE});

    private AttachmentCheck() {
    }

    /** The kinds accepted, for messages and help text. */
    public static final String KINDS_TEXT = "pdf, doc, docx, odt, rtf, txt, eml, msg, png, jpg, gif, tiff";

    /** The kinds accepted, for messages: "pdf, doc, docx, …". */
    public static String kinds() {
        return KINDS_TEXT;
    }

    /**
     * Refuses, saying what is wrong and what to do, a file that may not be attached.
     *
     * @param fileName  its name (only the part after the last dot is read)
     * @param size      its size in bytes
     * @param head      its first bytes (at least 8 when it has them)
     * @param caseBytes what the case holds already
     */
    public static void check(String fileName, long size, byte[] head, long caseBytes) {
        String name = fileName == null ? "" : fileName.strip();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!KINDS.containsKey(ext)) {
            throw new RuleViolation("'" + name + "' cannot be attached: only these kinds of file can (" + kinds()
                    + "). Save it as one of them, for example as a PDF.");
        }
        if (size == 0) {
            throw new RuleViolation("'" + name + "' is empty, so there is nothing to attach. Check you chose the right"
                    + " file.");
        }
        if (size > MAX_FILE_BYTES) {
            throw new RuleViolation("'" + name + "' is " + mb(size) + "; a file on the record may be at most "
                    + mb(MAX_FILE_BYTES) + ". Make it smaller (for example, scan at a lower resolution) or keep it on"
                    + " the child's file and note where it is.");
        }
        if (caseBytes + size > MAX_CASE_BYTES) {
            throw new RuleViolation("'" + name + "' (" + mb(size) + ") would take this case past its limit of "
                    + mb(MAX_CASE_BYTES) + " of attachments (it holds " + mb(caseBytes) + "). Keep it on the child's"
                    + " file and note where it is.");
        }
        if (EXECUTABLE.stream().anyMatch(m -> startsWith(head, m))) {
            throw new RuleViolation("'" + name + "' is a program or script, not a ." + ext + " file, and is refused."
                    + " Resolve never attaches or runs programs; tell your IT support if you did not expect this.");
        }
        List<byte[]> magic = KINDS.get(ext);
        if (!magic.isEmpty() && magic.stream().noneMatch(m -> startsWith(head, m))) {
            throw new RuleViolation("'" + name + "' is not really a ." + ext + " file (its contents do not match its"
                    + " name). Open it in the program that made it and save it again as ." + ext + ".");
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head != null && head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0,
                magic.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024))
                : String.format(Locale.UK, "%d KB", Math.max(1, (bytes + 1023) / 1024));
    }
}
