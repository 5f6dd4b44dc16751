/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Keeps what is written about a child off the command line, where every user of the machine can
 * read it in the process list: every free-text option ({@code --concern TEXT}, {@code --child-ref
 * REF}, …) also takes {@code -} to read the text from standard input, and has a twin {@code
 * --concern-file PATH} that reads it from a file. Which options are free text is read from their
 * parameter label, so a subcommand added later gets both forms without further code.
 */
final class TextOptions {

    /** The parameter labels of options whose values may be about a child. */
    private static final Set<String> FREE_TEXT_LABELS = Set.of("TEXT", "REF", "NAME", "NAMES");
    /** More than any text Resolve accepts (the domain states the real limits); stops a huge file early. */
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    /** The value that means "read standard input". */
    static final String STDIN = "-";

    /** A free-text option and its {@code -file} twin. */
    private record Pair(OptionSpec text, OptionSpec file, boolean required) {
    }

    private final Map<CommandSpec, List<Pair>> pairs = new IdentityHashMap<>();

    /** Gives every free-text option of every subcommand under {@code root} its stdin and file forms. */
    static TextOptions install(CommandLine root) {
        TextOptions t = new TextOptions();
        root.getSubcommands().values().forEach(t::installUnder);
        return t;
    }

    private void installUnder(CommandLine cmd) {
        CommandSpec spec = cmd.getCommandSpec();
        if (!pairs.containsKey(spec)) {
            List<Pair> found = new ArrayList<>();
            for (OptionSpec o : List.copyOf(spec.options())) {
                if (o.type() != String.class || !FREE_TEXT_LABELS.contains(o.paramLabel())
                        || !o.longestName().startsWith("--")) {
                    continue;
                }
                String fileName = o.longestName() + "-file";
                if (spec.findOption(fileName) != null) {
                    continue;
                }
                String said = String.join(" ", o.description());
                OptionSpec text = o.toBuilder().required(false)
                        .description((said.isEmpty() ? "" : said + " ") + "Or - to read it from standard input.").build();
                spec.remove(o);
                spec.addOption(text);
                OptionSpec file = OptionSpec.builder(fileName).paramLabel("PATH").type(String.class)
                        .description("Read " + o.longestName() + " from this file (UTF-8), keeping it off the command line.")
                        .build();
                spec.addOption(file);
                found.add(new Pair(text, file, o.required()));
            }
            pairs.put(spec, found);
        }
        cmd.getSubcommands().values().forEach(this::installUnder);
    }

    /**
     * Fills in the texts given as {@code -} or by file for the command {@code parsed} names, before it
     * runs; refuses a required text given neither way, a text given both ways, and unreadable input.
     */
    void resolve(ParseResult parsed, InputStream stdin) {
        boolean stdinUsed = false;
        for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
            if (pr.isUsageHelpRequested() || pr.isVersionHelpRequested()) {
                return;
            }
        }
        for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
            for (Pair p : pairs.getOrDefault(pr.commandSpec(), List.of())) {
                boolean asText = pr.hasMatchedOption(p.text());
                boolean asFile = pr.hasMatchedOption(p.file());
                String name = p.text().longestName();
                if (asText && asFile) {
                    throw new CommandLine.ParameterException(pr.commandSpec().commandLine(), "Give either " + name
                            + " or " + p.file().longestName() + ", not both.");
                }
                if (!asText && !asFile && p.required()) {
                    throw new CommandLine.ParameterException(pr.commandSpec().commandLine(), "Missing required option: "
                            + name + " (give " + p.file().longestName() + " PATH, or " + name
                            + " - with the text on standard input).");
                }
                if (asFile) {
                    p.text().setValue(fromFile(name, Path.of((String) p.file().getValue())));
                } else if (asText && STDIN.equals(p.text().getValue())) {
                    if (stdinUsed) {
                        throw new UserError("Only one option can read standard input; give the other with its"
                                + " -file form.");
                    }
                    stdinUsed = true;
                    p.text().setValue(fromStdin(name, stdin));
                }
            }
        }
    }

    static String fromFile(String option, Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UserError("The file given for " + option + " is far longer than any text Resolve accepts."
                        + " Check that it is the right file.");
            }
            return decode(option, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserError("There is no file " + file + " (given for " + option + "-file). Check the path.");
        } catch (IOException e) {
            throw new UserError("Cannot read the file " + file + " given for " + option + "-file ("
                    + e.getClass().getSimpleName() + "). Check the path and that you can read it.");
        }
    }

    static String fromStdin(String option, InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new UserError("The text given on standard input for " + option + " is far longer than any text"
                        + " Resolve accepts.");
            }
            return decode(option, bytes);
        } catch (IOException e) {
            throw new UserError("Cannot read standard input for " + option + " (" + e.getClass().getSimpleName() + ").");
        }
    }

    private static String decode(String option, byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (s.startsWith("\uFEFF")) {
                s = s.substring(1); // the byte-order mark some Windows editors write
            }
            // the end of line an editor or echo adds is not part of the text
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
                end--;
            }
            return s.substring(0, end);
        } catch (CharacterCodingException e) {
            throw new UserError("The text given for " + option + " is not UTF-8 text. Save it as UTF-8 and try again.");
        }
    }
}
