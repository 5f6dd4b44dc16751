/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.policy.FieldKind;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.Policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormDefinitionLoaderTest {

    private static String bundled(String name) throws IOException {
        try (InputStream in = FormDefinitionLoaderTest.class.getResourceAsStream("/policies/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Croydon's file with its forms section replaced by {@code forms}. */
    private static String croydonWithForms(String forms) throws IOException {
        String text = bundled("croydon.yaml");
        int start = text.indexOf("\nforms:\n");
        int end = text.indexOf("\ntracks:\n");
        return text.substring(0, start) + "\nforms:\n" + forms + text.substring(end);
    }

    @Test
    void theBundledFormsLoadWithTheirSectionsFieldsAndSignatureBlocks() throws Exception {
        Policy croydon = PolicyLoader.load(bundled("croydon.yaml"), "croydon.yaml");
        FormDefinition a = croydon.form("appendix-a").orElseThrow();
        assertThat(a.anonymous()).isTrue();
        assertThat(a.fields()).extracting(f -> f.id()).containsExactly("name", "role", "agency", "contact", "stage",
                "category", "other-agency", "concern", "actions", "outcome-status", "agreed",
                "dispute-resolution-meeting");
        assertThat(a.fields()).noneMatch(f -> f.source() != null && f.source().startsWith("case.child"));

        Policy ns = PolicyLoader.load(bundled("north-somerset.yaml"), "north-somerset.yaml");
        FormDefinition m = ns.form("monitoring-form").orElseThrow();
        assertThat(m.signatures()).extracting(b -> b.title())
                .containsExactly("Signature of initiating manager", "Signature of receiving manager");
        assertThat(m.field("resolution-stage").orElseThrow().choices()).containsExactly("3", "4");
        assertThat(m.field("days-taken").orElseThrow().kind()).isEqualTo(FieldKind.NUMBER);

        Policy soc = PolicyLoader.load(bundled("safety-of-children.yaml"), "safety-of-children.yaml");
        assertThat(soc.form("monitoring-form").orElseThrow().fields()).hasSizeGreaterThan(10);
    }

    @Test
    void everyProblemInAFormIsReportedWithItsPathAndLine() throws Exception {
        String forms = """
                  - id: appendix-a
                    title: Appendix A
                    recipient: cscb-business-team
                    anonymous: true
                    sections:
                      - title: About
                        fields:
                          - {id: who, label: Name, kind: txt}
                          - {id: child, label: Child, source: case.childName}
                          - {id: pick, label: Pick one, kind: choice}
                          - {id: where, label: Where, source: case.address}
                          - {id: mail, label: Mail, source: contact.nobody.email}
                          - {id: who, label: Again}
                      - title: Empty
                    signatures:
                      - id: manager
                        title: Manager
                        sources: {signature: user.name}
                """;
        assertThatThrownBy(() -> PolicyLoader.load(croydonWithForms(forms), "croydon.yaml"))
                .isInstanceOf(PolicyFileException.class)
                .satisfies(e -> {
                    var problems = ((PolicyFileException) e).problems();
                    assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                            .contains("forms[0].sections[0].fields[0].kind").contains("unknown kind 'txt'")
                            .contains("text, long text, date, number, choice"));
                    assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                            .contains("forms[0].sections[0].fields[1].source").contains("anonymous")
                            .contains("identifies the child"));
                    assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                            .contains("a choice field lists its 'choices'"));
                    assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                            .contains("unknown source 'case.address'"));
                    assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                            .contains("no contact has the id 'nobody'"));
                    assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                            .contains("the field id 'who' is used twice"));
                    assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                            .contains("forms[0].sections[1]").contains("a section needs 'fields', 'text' or both"));
                    assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                            .contains("unknown field 'signature'"));
                    assertThat(problems).allSatisfy(p -> assertThat(p.line()).isPositive());
                });
    }
}
