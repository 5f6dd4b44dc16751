/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormStatusTest {

    @ParameterizedTest
    @CsvSource({
            "complete, false, Appendix A (stage 3): to be completed",
            "complete, true,  Appendix A (stage 3): completed",
            "update,   false, Appendix A (stage 3): an update is due",
            "update,   true,  Appendix A (stage 3): updated",
    })
    void aFormDueIsDescribedWithoutContradictingItself(String action, boolean completed, String expected) {
        assertThat(FormStatus.describe("Appendix A", 3, action, completed)).isEqualTo(expected)
                .doesNotContain("complete): due");
    }
}
