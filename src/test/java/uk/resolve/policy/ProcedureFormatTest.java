/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.policy.Anchor;
import uk.resolve.domain.policy.Policy;

/** The procedure format's new constructs, and the strict checks on them, each with its line. */
class ProcedureFormatTest {

    private static String joint() {
        try {
            return new String(ProcedureFormatTest.class.getResourceAsStream("/procedures/joint-protocol.yaml")
                    .readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int lineOf(String text, String needle, int occurrence) {
        int at = -1;
        for (int i = 0; i < occurrence; i++) {
            at = text.indexOf(needle, at + 1);
        }
        assertThat(at).as(needle).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static List<Problem> problems(String text) {
        return catchThrowableOfType(() -> PolicyLoader.load(text, "x.yaml"), PolicyFileException.class).problems();
    }

    @Test
    void theExampleProceduresLoadWithEveryNewConstruct() throws Exception {
        Policy p = PolicyLoader.load(joint(), "joint.yaml");
        assertThat(p.calendar()).isEqualTo("england-and-wales");
        assertThat(p.dates()).extracting(d -> d.id()).containsExactly("decision", "conference");
        assertThat(p.facts()).extracting(f -> f.id()).containsExactly("iro", "urgency");
        var stage1 = p.track("adults").orElseThrow().stage(1).orElseThrow();
        assertThat(stage1.deadlines()).extracting(d -> d.from()).containsExactly(Anchor.DATE, Anchor.FIRST_DISCUSSION,
                Anchor.DEADLINE, Anchor.STAGE_ENTERED);
        assertThat(stage1.deadlines().get(0).fromId()).isEqualTo("decision");
        assertThat(stage1.switches()).extracting(s -> s.to()).containsExactly("fast", "children");
        assertThat(stage1.items()).filteredOn(i -> i.beforeEscalating()).extracting(i -> i.id()).containsExactly("justified");
        assertThat(stage1.checklist()).hasSize(2);
        assertThat(p.track("children").orElseThrow().finalArbiter().title()).contains("Partnership executive");
        Policy scot = PolicyLoader.load(new String(getClass().getResourceAsStream("/procedures/scottish-procedure.yaml")
                .readAllBytes(), StandardCharsets.UTF_8), "scot.yaml");
        assertThat(scot.calendar()).isEqualTo("scotland");
        assertThat(scot.finalArbiter().title()).isEqualTo("Head of Service");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a duplicate deadline id | {id: reply, label: The other agency | {id: raise, label: The other agency | the id 'raise' is used twice",
            "a duplicate notification id | {id: statement, to: | {id: iro, to: | the id 'iro' is used twice",
            "a duplicate date id | {id: conference, label: \"Date and | {id: decision, label: \"Date and | the id 'decision' is used twice",
            "a when naming an unknown fact | when: {facts: {iro: yes}}} | when: {facts: {iru: yes}}} | names the fact 'iru'",
            "an answer not among a fact's choices | when: {facts: {urgency: urgent}}} | when: {facts: {urgency: soon}}} | 'soon' is not an answer",
            "a from naming an undeclared date | from: \"date:decision\" | from: \"date:hearing\" | 'from: date:hearing' names a date not declared",
            "a from naming an unknown deadline | from: \"deadline:reply\" | from: \"deadline:answer\" | names no deadline",
            "a switch to an unknown track | {to: fast, label | {to: fastest, label | the track 'fastest', which this procedure does not have",
            "an unknown calendar | calendar: england-and-wales | calendar: wales | unknown calendar 'wales'",
    })
    void aMistakeIsReportedAtItsLine(String what, String find, String replace, String message) {
        String text = joint();
        // the line changed: for a duplicate, where the id is used the second time
        int line = lineOf(text, find, 1);
        List<Problem> found = problems(text.replace(find, replace));
        int expected = line;
        assertThat(found).anySatisfy(p -> {
            assertThat(p.message()).contains(message);
            assertThat(p.line()).isEqualTo(expected);
        });
    }

    @Test
    void aFileOfTheEarlierFormatLoadsUnchanged() throws Exception {
        for (String id : List.of("croydon", "havering", "kingston-richmond", "north-somerset", "safety-of-children")) {
            Policy p = Bundled.load(id);
            assertThat(p.calendar()).isEqualTo("england-and-wales");
            assertThat(p.tracks()).allSatisfy(t -> assertThat(p.finalArbiter(t)).isSameAs(p.finalArbiter()));
        }
    }
}
