/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a required field left blank says. */
class FieldTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Is an Independent Reviewing Officer involved?|Required: is an Independent Reviewing Officer involved?",
            "How urgent is the disagreement?|Required: how urgent is the disagreement?",
            "The concern|Required: the concern.",
            "Say why.|Required: say why."})
    void aRequiredQuestionLeftBlankEndsWithItsQuestionMarkNotAFullStopAfterIt(String label, String message) {
        Field<String> f = Field.text(label, true);
        f.set("x");
        f.set("");
        assertThat(f.shownErrorBinding().get()).isEqualTo(message).doesNotContain("?.");
    }

    @Test
    void aFilledRequiredQuestionSaysNothing() {
        Field<String> f = Field.text("Is an IRO involved?", true);
        f.set("yes");
        assertThat(f.shownErrorBinding().get()).isEmpty();
    }
}
