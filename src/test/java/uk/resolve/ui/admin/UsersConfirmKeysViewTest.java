/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;

import uk.resolve.app.Person;
import uk.resolve.app.Session;
import uk.resolve.app.Vault;
import uk.resolve.security.Role;
import uk.resolve.ui.UiTestSupport;

/**
 * In the Users screen an administrator confirms the keys another administrator registered on their
 * own (the first administrator's, at set-up), after a confirmation; confirming again is refused in words.
 */
class UsersConfirmKeysViewTest extends UiTestSupport {

    static final String PW = "a long enough password";
    static final String TEMP = "temporary password 1";

    /** The first administrator registered their own keys; a second administrator confirms them. */
    @Override
    protected Vault vault() {
        Vault vault = Vault.at(folder.resolve("resolve.mv.db"), clock);
        try (Session first = vault.createFirstAdministrator("admin", PW.toCharArray(), "IT")) {
            first.addUser("root", "Second Admin", Role.ADMINISTRATOR, "IT", TEMP.toCharArray());
        }
        try (Session root = vault.signIn("root", TEMP.toCharArray())) {
            root.changePassword(TEMP.toCharArray(), PW.toCharArray());
        }
        return vault;
    }

    @Test
    void anAdministratorConfirmsTheKeysAnotherRegisteredOnTheirOwn() {
        fill("nameField", "root");
        fill("passwordField", PW);
        clickButton("submitButton");
        assertThat(window.context()).as("signed in").isNotNull();
        press("usersNav");
        settle();
        TableView<Person> table = node("usersTable");
        Person admin = table.getItems().stream().filter(p -> p.name().equals("admin")).findFirst().orElseThrow();
        onFx(() -> table.getSelectionModel().select(admin));
        clickButton("confirmKeysButton");
        clickButton("confirmKeysYes");
        settle();
        assertThat(text("doneLabel")).contains("Confirmed admin's keys (1 registration)");

        onFx(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(p -> p.name().equals("admin")).findFirst().orElseThrow()));
        clickButton("confirmKeysButton");
        clickButton("confirmKeysYes");
        settle();
        assertThat(text("errorLabel")).contains("no keys of 'admin' waiting to be confirmed");

        press("auditNav");
        settle();
        assertThat(allText("auditTable")).contains("keys confirmed");
    }
}
