/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.resolve.domain.policy.Contact;
import uk.resolve.domain.policy.Policy;
import uk.resolve.testing.CaseRun;

/** Contacts' uses, dates asked at a stage and deadlines with a shorter alternative: read, and checked with lines. */
class UrgentContactsAndStageQuestionsFormatTest {

    private static final String BASE = """
            format: resolve-policy/1
            id: t
            name: T
            partnership: P
            version: "1"
            categories: [{id: c, label: C}]
            immediateRisk: {instruction: Act., startStages: []}
            finalArbiter: {title: Board}
            """;

    private static final String TRACK = """
            tracks:
              - id: main
                name: Main
                stages:
                  - title: One
                    guidance: G.
                    deadlines:
                      - {id: d, label: A working week, within: 5 working days, orSooner: a timescale that protects the child}
                  - {title: Two, guidance: G.}
            """;

    private static List<Problem> problems(String text) {
        return catchThrowableOfType(() -> PolicyLoader.load(text, "x.yaml"), PolicyFileException.class).problems();
    }

    @Test
    void contactsUsesDatesAtAStageAndShorterAlternativesAreRead() throws Exception {
        Policy p = PolicyLoader.load(BASE + """
                contacts:
                  - {id: fd, name: Front Door, phone: 01632 960 001, use: [front-door, out-of-hours]}
                  - {id: dsl, name: DSL, use: immediate-risk}
                  - {id: plain, name: Plain}
                dates:
                  - {id: strategy, label: "When was the strategy discussion?", askedAt: stage-2}
                """ + TRACK, "x.yaml");
        assertThat(p.contacts()).extracting(Contact::uses).containsExactly(List.of("front-door", "out-of-hours"),
                List.of("immediate-risk"), List.of());
        assertThat(p.date("strategy").orElseThrow().stage()).isEqualTo(2);
        assertThat(p.date("strategy").orElseThrow().atOpening()).isFalse();
        assertThat(p.defaultTrack().stage(1).orElseThrow().deadlines().get(0).sooner())
                .isEqualTo("a timescale that protects the child");
    }

    @Test
    void anUnknownUseIsReportedAtItsLine() {
        List<Problem> ps = problems(BASE + "contacts:\n  - {id: fd, name: Front Door, phone: \"1\", use: [front-dor]}\n" + TRACK);
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("unknown use 'front-dor'").contains("front-door, out-of-hours, immediate-risk");
        });
    }

    @Test
    void aFrontDoorWithoutAPhoneNumberIsReported() {
        List<Problem> ps = problems(BASE + "contacts:\n  - {id: fd, name: Front Door, use: out-of-hours}\n" + TRACK);
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("needs the 'phone' number");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage-3", "stage-0", "stage-x"})
    void aQuestionAskedAtAStageNoTrackHasIsReportedAtItsLine(String askedAt) {
        List<Problem> ps = problems(BASE + "facts:\n  - {id: iro, label: \"IRO?\", askedAt: " + askedAt + "}\n" + TRACK);
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).containsAnyOf("there is no stage 3", "unknown askedAt '" + askedAt + "'");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"conference-dissent", "shared-budget", "iro-channel"})
    void theNeverSeenExampleProceduresLoad(String id) {
        assertThat(CaseRun.load("/procedures/" + id + ".yaml").id()).isEqualTo(id);
    }
}
