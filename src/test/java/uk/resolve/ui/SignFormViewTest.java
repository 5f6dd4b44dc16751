/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.forms.FormCases;
import uk.resolve.forms.FormSigningIT;

/** A manager signs a completed monitoring form from the case's chronology. */
class SignFormViewTest extends UiTestSupport {

    @Override
    protected boolean welcomed() {
        return true;
    }

    @Test
    void aManagerSignsTheMonitoringFormFromTheChronology() {
        settle();
        UUID id = FormCases.northSomersetResolvedAtStage3(services, clock);
        Entry version = services.forms().complete(id, "monitoring-form", 0, FormSigningIT.ANSWERS).entries().stream()
                .filter(e -> e.type() == EntryType.FORM_COMPLETED).reduce((a, b) -> b).orElseThrow();
        onFx(() -> window.shell().showCase(id));
        settle();
        // a discussion or an escalation has no Sign button; the completed monitoring form has
        assertThat(present("sign-" + version.id())).isTrue();
        scrollTo(node("sign-" + version.id()));
        screenshot("sign-button");
        clickButton("sign-" + version.id());
        screenshot("sign-form");
        type("field-note", "Reviewed with the receiving manager");
        clickButton("submitAction");
        settle();
        assertThat(allText("chronologyList")).contains("Signed by Test Worker", "in the block “Signature of initiating manager”");
        assertThat(present("sign-" + version.id())).as("signed once: no second Sign button").isFalse();
        screenshot("signed");
        assertThat(services.cases().get(id).entries()).filteredOn(e -> e.type() == EntryType.FORM_SIGNED)
                .singleElement().satisfies(e -> assertThat(e.get("note")).isEqualTo("Reviewed with the receiving manager"));
    }
}
