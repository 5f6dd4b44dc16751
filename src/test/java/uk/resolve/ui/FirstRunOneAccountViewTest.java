/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.util.UUID;

import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;

import uk.resolve.app.Person;
import uk.resolve.app.Vault;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.security.Role;
import uk.resolve.ui.admin.UsersController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A school safeguarding lead installs Resolve for themselves: one account, set up on the first
 * screen, records a case and also looks after Resolve (the Users screen), with no second account
 * and no signing out.
 */
class FirstRunOneAccountViewTest extends EscalationJourney {

    static final String PW = "my own long password";

    private Vault vault;

    @Override
    protected Vault vault() {
        vault = Vault.at(folder.resolve("resolve.mv.db"), clock);
        return vault;
    }

    @Test
    void oneAccountSetUpOnTheFirstScreenRecordsACaseAndOpensUsers() {
        settle();
        assertThat(text("heading")).isEqualTo("Set up Resolve");
        fill("nameField", "dee");
        fill("fullNameField", "Dee Lead");
        pick("roleChoice", "Safeguarding lead");
        fill("teamField", "Oak Primary School");
        fill("passwordField", PW);
        fill("repeatField", PW);
        screenshot("first-run-one-account");
        clickButton("submitButton");
        assertThat(window.context()).as("signed in at once").isNotNull();
        services = window.services();
        assertThat(services.actor().roles()).containsExactlyInAnyOrder(Role.SAFEGUARDING_LEAD, Role.ADMINISTRATOR);
        assertThat(text("whoLabel")).contains("dee", "Safeguarding lead and administrator", "Oak Primary School");
        for (String nav : new String[] {"homeNav", "newNav", "reportsNav", "syncNav", "usersNav", "settingsNav",
                "auditNav"}) {
            assertThat(present(nav)).as(nav + " is offered").isTrue();
        }

        UUID id = openCase("croydon", ChildStatus.CHILD_IN_NEED, "OAK-0042");
        CaseState stored = stored(id);
        assertThat(stored.details().childRef()).isEqualTo("OAK-0042");
        assertThat(stored.entries().get(0).author()).isEqualTo("dee");

        clickButton("usersNav");
        assertThat(window.shell().current()).isInstanceOf(UsersController.class);
        TableView<Person> table = node("usersTable");
        settle();
        assertThat(table.getItems()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("dee");
            assertThat(p.fullName()).isEqualTo("Dee Lead");
            assertThat(p.rolesLabel()).isEqualTo("Safeguarding lead and administrator");
        });
        assertThat(allText("usersTable")).contains("Safeguarding lead and administrator");

        // A colleague added here with both: the screen edits the case role and administration together.
        clickButton("addButton");
        type("nameField", "max");
        fill("fullNameField", "Max Manager");
        pick("roleChoice", "Manager");
        onFx(() -> this.<javafx.scene.control.CheckBox>node("administersBox").setSelected(true));
        fill("teamField", "Oak Primary School");
        fill("passwordField", "max's first password");
        fill("repeatField", "max's first password");
        clickButton("saveUserButton");
        assertThat(text("doneLabel")).contains("max added as manager and administrator");
        screenshot("users-with-roles");

        assertThat(window.session().users()).extracting(u -> u.name() + "=" + u.role())
                .containsExactly("dee=safeguarding-lead,administrator", "max=manager,administrator");
    }
}
