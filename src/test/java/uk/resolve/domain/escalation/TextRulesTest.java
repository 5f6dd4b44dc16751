/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.rules.RuleViolation;

class TextRulesTest {

    @ParameterizedTest(name = "{0} of {1} characters: allowed {2}")
    @CsvSource({
            "concern,   20000, true",
            "concern,   20001, false",
            "summary,   20001, false",
            "childRef,  100,   true",
            "childRef,  101,   false",
            "raisedBy,  500,   true",
            "raisedBy,  501,   false",
            "field.x,   20000, true"})
    void eachFieldHasAStatedLimit(String field, int length, boolean allowed) {
        String text = "a".repeat(length);
        if (allowed) {
            assertThatCode(() -> TextRules.check(field, text)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> TextRules.check(field, text)).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("at most " + String.format(java.util.Locale.UK, "%,d", TextRules.limit(field)))
                    .hasMessageNotContaining("aaaa");
        }
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"0000", "0001", "001B", "007F", "0085", "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068",
            "2069"})
    void invisibleAndReorderingCharactersAreRefused(String hex) {
        String text = "abc" + (char) Integer.parseInt(hex, 16);
        assertThatThrownBy(() -> TextRules.check("concern", text)).isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("The concern contains ").hasMessageContaining("(U+" + hex + ") at character 4")
                .hasMessageNotContaining("abc");
    }

    @Test
    void tabsLineBreaksAndOrdinaryScriptsAreKept() {
        assertThatCode(() -> TextRules.check("concern", "Line\tone\r\nLine two — café, Łódź, مرحبا, 日本"))
                .doesNotThrowAnyException();
    }

    @Test
    void theTextsOfOneEntryHaveALimitTogether() {
        Map<String, String> form = new java.util.TreeMap<>();
        for (int i = 0; i < 11; i++) {
            form.put("field.f" + i, "b".repeat(19_000));
        }
        assertThatThrownBy(() -> TextRules.check(form)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("209,000 characters").hasMessageContaining("at most 200,000");
    }

    @Test
    void openingACaseRefusesABadConcernAndABadChildReference() throws Exception {
        uk.resolve.domain.policy.Policy croydon;
        try (var in = getClass().getResourceAsStream("/policies/croydon.yaml")) {
            croydon = uk.resolve.policy.PolicyLoader.load(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8), "croydon.yaml");
        }
        CaseCommands commands = new CaseCommands("sam", java.time.Instant.parse("2026-11-25T12:00:00Z"));
        assertThatCode(() -> commands.open(croydon, request("CR-1", "Closed"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> commands.open(croydon, request("CR-1", "Closed\u202Egnp.exe")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("right-to-left override");
        assertThatThrownBy(() -> commands.open(croydon, request("CR-1\u0000", "Closed")))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("The child's reference contains a NUL");
    }

    private static OpenCaseRequest request(String ref, String concern) {
        return new OpenCaseRequest("croydon", null, ref, null, null, "Sam Lee", "Oak School", "CSC", null,
                "Levels of need", concern, null, null, false, 1, null, false, null);
    }
}
