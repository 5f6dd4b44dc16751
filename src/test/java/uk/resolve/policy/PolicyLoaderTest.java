/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.time.TimeSpan;
import uk.resolve.domain.time.TimeUnit;

class PolicyLoaderTest {

    private static final String MINIMAL = """
            format: resolve-policy/1
            id: example
            name: Example procedure
            partnership: Example Partnership
            version: "1"
            categories:
              - {id: levels-of-need, label: Levels of need}
            immediateRisk:
              instruction: Tell your designated safeguarding lead now.
              startStages: [2]
            finalArbiter:
              title: Partnership chair
            tracks:
              - id: main
                name: Main
                stages:
                  - title: Worker to worker
                    guidance: Talk to the other worker.
                    deadlines:
                      - {id: stage, label: Resolve, within: 3 working days}
                  - title: Managers
                    guidance: Managers talk.
            """;

    @Test
    void aMinimalProcedureLoadsWithDefaults() throws Exception {
        Policy p = PolicyLoader.load(MINIMAL, "example.yaml");
        assertThat(p.id()).isEqualTo("example");
        assertThat(p.shortName()).isEqualTo("Example Partnership");
        assertThat(p.defaultTrack().stage(1).orElseThrow().heading()).isEqualTo("Stage 1 — Worker to worker");
        assertThat(p.defaultTrack().stage(1).orElseThrow().deadlines().get(0).within()).isEqualTo(TimeSpan.workingDays(3));
    }

    @Test
    void theSameProcedureLoadsFromJson() throws Exception {
        String json = """
                {"format": "resolve-policy/1", "id": "json-one", "name": "J", "partnership": "P", "version": "2",
                 "categories": [{"id": "c", "label": "C"}],
                 "immediateRisk": {"instruction": "Act now."},
                 "finalArbiter": {"title": "Chair", "binding": true},
                 "tracks": [{"id": "main", "name": "Main", "stages": [{"title": "Only", "guidance": "Talk."}]}]}
                """;
        Policy p = PolicyLoader.load(json, "one.json");
        assertThat(p.finalArbiter().binding()).isTrue();
        assertThat(p.defaultTrack().lastStage()).isEqualTo(1);
    }

    @Test
    void everyProblemIsListedWithItsPathAndLineAndNothingIsLoaded() {
        String broken = MINIMAL
                .replace("within: 3 working days", "within: 3 wrking days")
                .replace("    name: Main\n", "    nmae: Main\n")
                .replace("startStages: [2]", "startStages: [9]")
                .replace("id: example", "id: Example Procedure");
        assertThatThrownBy(() -> PolicyLoader.load(broken, "broken.yaml"))
                .isInstanceOfSatisfying(PolicyFileException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                            .startsWith("line 2, id:").contains("not a valid id"));
                    assertThat(e.problems()).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                            .startsWith("line 15, tracks[0].nmae:").contains("did you mean 'name'?"));
                    assertThat(e.problems()).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                            .contains("tracks[0].name").contains("'name' is required"));
                    assertThat(e.problems()).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                            .startsWith("line 20, tracks[0].stages[0].deadlines[0].within:")
                            .contains("'3 wrking days' is not a timescale"));
                    assertThat(e.problems()).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                            .contains("immediateRisk.startStages").contains("there is no stage 9"));
                    assertThat(e.problems()).hasSize(5);
                    assertThat(e.getMessage()).contains("broken.yaml has 5 problems and was not loaded");
                });
    }

    @Test
    void aReferenceToAnUnknownContactOrFormIsAProblem() {
        String broken = MINIMAL.replace("        guidance: Managers talk.\n", """
                        guidance: Managers talk.
                        contacts: [nobody]
                        forms:
                          - {form: missing-form}
                """);
        assertThatThrownBy(() -> PolicyLoader.load(broken, "refs.yaml"))
                .isInstanceOfSatisfying(PolicyFileException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message)
                        .containsExactlyInAnyOrder(
                                "no contact has the id 'nobody'; add it under 'contacts' or correct the id",
                                "no form has the id 'missing-form'; add it under 'forms' or correct the id"));
    }

    @Test
    void invalidYamlIsReportedWithItsLine() {
        String broken = MINIMAL.replace("name: Example procedure", "name: [Example procedure");
        assertThatThrownBy(() -> PolicyLoader.load(broken, "syntax.yaml"))
                .isInstanceOfSatisfying(PolicyFileException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.line()).isBetween(3, 5);
                        assertThat(p.message()).startsWith("this is not valid YAML");
                    });
                });
    }

    @Test
    void aFileFromANewerFormatSaysItNeedsANewerResolve() {
        assertThatThrownBy(() -> PolicyLoader.load(MINIMAL.replace("resolve-policy/1", "resolve-policy/2"), "new.yaml"))
                .isInstanceOfSatisfying(PolicyFileException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("may need a newer version of Resolve"));
    }

    @Test
    void anEmptyFileSaysWhatAProcedureStartsWith() {
        assertThatThrownBy(() -> PolicyLoader.load("", "empty.yaml"))
                .isInstanceOfSatisfying(PolicyFileException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("the file is empty"));
    }

    @Test
    void timescalesAreReadInPlainEnglish() {
        assertThat(PolicyLoader.span("1 working day")).isEqualTo(TimeSpan.workingDays(1));
        assertThat(PolicyLoader.span("7 Working Days")).isEqualTo(TimeSpan.workingDays(7));
        assertThat(PolicyLoader.span("24 hours")).isEqualTo(new TimeSpan(24, TimeUnit.HOURS));
        assertThat(PolicyLoader.span("3 calendar days")).isEqualTo(new TimeSpan(3, TimeUnit.CALENDAR_DAYS));
        assertThat(PolicyLoader.span("10 days")).isEqualTo(new TimeSpan(10, TimeUnit.CALENDAR_DAYS));
        assertThat(PolicyLoader.span("immediately")).isEqualTo(TimeSpan.immediately());
        assertThat(PolicyLoader.span("soon")).isNull();
        assertThat(PolicyLoader.span("-1 days")).isNull();
    }

    @Test
    void theCompleteExampleInTheFormatDocumentIsAValidProcedure() throws IOException, PolicyFileException {
        String doc = Files.readString(Path.of("docs/policy-format.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```yaml\n", doc.indexOf("## A complete example")) + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        Policy p = PolicyLoader.load(yaml, "docs/policy-format.md");
        assertThat(p.tracks()).hasSize(2);
        assertThat(p.defaultTrack().budgets()).hasSize(1);
        assertThat(p.finalArbiter().binding()).isTrue();
    }
}
