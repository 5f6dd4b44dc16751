/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui;

import java.time.Duration;
import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import uk.resolve.app.Person;
import uk.resolve.app.Preferences;
import uk.resolve.app.Session;
import uk.resolve.app.SignInMemory;
import uk.resolve.app.Vault;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.ui.admin.AuditController;
import uk.resolve.ui.admin.UsersController;
import uk.resolve.ui.welcome.WelcomeViewModel;
import uk.resolve.ui.workspace.WorkspaceController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's door, on a real encrypted database: setting up the first administrator, signing in
 * with a wrong and then the right password, choosing one's own password, what each role is offered,
 * the administrator's screens, and the idle lock that hides everything until the password is typed.
 */
class SignInViewTest extends UiTestSupport {

    static final String ADMIN_PW = "admin's long password";
    static final String PAT_PW = "pat's own long password";
    static final String BEA_PW = "bea's own long password";
    static final String TEMP_PW = "temporary password 1";

    private final String test;
    private Vault vault;
    private UUID patCase;

    SignInViewTest(TestInfo info) {
        test = info.getTestMethod().orElseThrow().getName();
    }

    /** An encrypted database with an administrator, a practitioner, a business-team member and a newcomer. */
    @Override
    protected Vault vault() {
        vault = Vault.at(folder.resolve("resolve.mv.db"), clock);
        if (test.startsWith("firstRun")) {
            return vault;
        }
        try (Session admin = vault.createFirstAdministrator("admin", ADMIN_PW.toCharArray(), "IT")) {
            admin.addUser("pat", "Pat Practitioner", Role.PRACTITIONER, "School nursing", TEMP_PW.toCharArray());
            admin.addUser("bea", "Bea Business", Role.BUSINESS_TEAM, "Partnership", TEMP_PW.toCharArray());
            admin.addUser("newbie", "New Person", Role.PRACTITIONER, "School nursing", TEMP_PW.toCharArray());
        }
        try (Session pat = vault.signIn("pat", TEMP_PW.toCharArray())) {
            pat.changePassword(TEMP_PW.toCharArray(), PAT_PW.toCharArray());
            Preferences.of(pat.services()).put(WelcomeViewModel.WELCOMED, "true");
            patCase = pat.services().cases().open(Fixtures.openRequest(pat.services(), "croydon",
                    ChildStatus.CHILD_IN_NEED, "2026-12-14T08:00")).id();
        }
        try (Session bea = vault.signIn("bea", TEMP_PW.toCharArray())) {
            bea.changePassword(TEMP_PW.toCharArray(), BEA_PW.toCharArray());
        }
        if (test.startsWith("keyboard")) {
            SignInMemory.beside(vault).remember("pat");
        }
        return vault;
    }

    private void signIn(String name, String password) {
        fill("nameField", name);
        fill("passwordField", password);
        clickButton("submitButton");
    }

    private Scene scene() {
        return window.stage().getScene();
    }

    /** True when {@code n} and everything around it shows (and so can be read or reached). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    @Test
    void firstRunSetsUpTheAdministratorWhoLandsOnTheUsersScreen() {
        assertThat(text("heading")).isEqualTo("Set up Resolve");
        assertThat(text("nameField")).as("the name offered is the computer's user name").isNotBlank();
        assertThat(present("teamField")).isTrue();
        assertThat(present("repeatField")).isTrue();
        assertThat(text("hint")).contains("at least 10 characters");

        fill("nameField", "Admin");
        fill("teamField", "Safeguarding hub");
        fill("passwordField", ADMIN_PW);
        fill("repeatField", ADMIN_PW);
        clickButton("submitButton");
        assertThat(text("messageLabel")).as("what they do is asked").startsWith("Problem:")
                .contains("Choose what you do");
        assertThat(window.context()).isNull();
        assertThat(text("administersNote")).as("the first person always looks after Resolve here")
                .isEqualTo("You also look after Resolve on this computer.");
        pick("roleChoice", "None: I only look after Resolve here");

        fill("passwordField", "too short");
        fill("repeatField", "too short");
        clickButton("submitButton");
        assertThat(text("messageLabel")).startsWith("Problem:").contains("at least 10 characters");
        assertThat(window.context()).isNull();

        fill("passwordField", ADMIN_PW);
        fill("repeatField", ADMIN_PW + "x");
        clickButton("submitButton");
        assertThat(text("messageLabel")).contains("not the same");
        screenshot("set-up");

        fill("passwordField", ADMIN_PW);
        fill("repeatField", ADMIN_PW);
        clickButton("submitButton");
        assertThat(window.context()).as("signed in").isNotNull();
        assertThat(window.session().actor().roles()).as("an administrator-only account stays possible")
                .containsExactly(Role.ADMINISTRATOR);
        assertThat(window.shell().current()).isInstanceOf(UsersController.class);
        assertThat(vault.state()).isEqualTo(Vault.State.PROTECTED);
        assertThat(present("usersNav")).isTrue();
        assertThat(present("auditNav")).isTrue();
        assertThat(present("settingsNav")).isTrue();
        assertThat(lookup("#homeNav").tryQuery()).as("an administrator is offered no cases").isEmpty();
        assertThat(lookup("#newNav").tryQuery()).isEmpty();
        TableView<Person> table = node("usersTable");
        assertThat(table.getItems()).extracting(Person::name).containsExactly("admin");
        assertThat(table.getItems().get(0).team()).isEqualTo("Safeguarding hub");
        assertThat(SignInMemory.beside(vault).lastName()).contains("admin");
    }

    @Test
    void anAdministratorAddsChangesResetsAndRemovesPeople() {
        assertThat(text("heading")).isEqualTo("Sign in");
        signIn("admin", ADMIN_PW);
        screenshot("users");
        assertThat(window.shell().current()).isInstanceOf(UsersController.class);
        TableView<Person> table = node("usersTable");
        assertThat(table.getItems()).extracting(Person::name).containsExactly("admin", "bea", "newbie", "pat");

        clickButton("addButton");
        type("nameField", "sam");
        fill("fullNameField", "Sam Patel");
        pick("roleChoice", "Manager");
        fill("teamField", "Children's Social Care");
        fill("passwordField", "sam's first password");
        fill("repeatField", "sam's first password");
        clickButton("saveUserButton");
        assertThat(text("doneLabel")).contains("sam added as manager");
        Person sam = table.getItems().stream().filter(u -> u.name().equals("sam")).findFirst().orElseThrow();
        assertThat(sam.fullName()).isEqualTo("Sam Patel");
        assertThat(sam.role()).isEqualTo("manager");
        assertThat(sam.temporaryPassword()).isTrue(); // until sam signs in and chooses their own

        onFx(() -> table.getSelectionModel().select(sam));
        clickButton("changeButton");
        pick("roleChoice", "Safeguarding lead");
        clickButton("saveUserButton");
        assertThat(text("doneLabel")).contains("sam is now safeguarding lead");

        onFx(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(u -> u.name().equals("sam")).findFirst().orElseThrow()));
        clickButton("resetButton");
        fill("passwordField", "short");
        fill("repeatField", "short");
        clickButton("saveUserButton");
        assertThat(text("errorLabel")).contains("at least 10 characters");
        fill("passwordField", "a new temporary one");
        fill("repeatField", "a new temporary one");
        clickButton("saveUserButton");
        assertThat(text("doneLabel")).contains("temporary password is set for sam");

        onFx(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(u -> u.name().equals("sam")).findFirst().orElseThrow()));
        clickButton("removeButton");
        clickButton("confirmRemove");
        assertThat(text("doneLabel")).contains("sam can no longer sign in");
        assertThat(table.getItems().stream().filter(u -> u.name().equals("sam")).findFirst().orElseThrow().active())
                .isFalse();

        // The audit log shows all of it, in words.
        clickButton("auditNav");
        assertThat(window.shell().current()).isInstanceOf(AuditController.class);
        String log = allText("auditTable");
        assertThat(log).contains("User added", "User changed", "Password reset", "User removed", "Signed in");
        clickButton("verifyButton");
        assertThat(text("verdictLabel")).startsWith("Intact");
        screenshot("audit-log");

        // Settings: the idle lock.
        clickButton("settingsNav");
        onFx(() -> this.<javafx.scene.control.Spinner<Integer>>node("idleMinutes").getValueFactory().setValue(12));
        clickButton("saveSettingsButton");
        assertThat(text("doneLabel")).contains("after 12 minutes");
        assertThat(window.session().idleLockMinutes()).isEqualTo(12);
    }

    @Test
    void aPractitionerSignsInAfterAWrongPasswordAndSeesTheirCases() {
        screenshot("sign-in");
        signIn("pat", "not my password at all");
        assertThat(window.context()).isNull();
        assertThat(text("messageLabel")).startsWith("Problem: ").contains("name or password is not right");
        assertThat(text("passwordField")).as("the wrong password is not kept").isEmpty();
        assertThat(scene().getFocusOwner().getId()).isEqualTo("passwordField");

        fill("passwordField", PAT_PW);
        clickButton("submitButton");
        assertThat(window.context()).isNotNull();
        assertThat(window.session().actor().name()).isEqualTo("pat");
        assertThat(present("homeNav")).isTrue();
        assertThat(present("newNav")).isTrue();
        assertThat(lookup("#reportsNav").tryQuery()).as("reports are for managers, leads and the business team").isEmpty();
        assertThat(lookup("#usersNav").tryQuery()).isEmpty();
        assertThat(lookup("#auditNav").tryQuery()).isEmpty();
        assertThat(screenText()).contains("REF-CROYDON");
        assertThat(SignInMemory.beside(vault).lastName()).contains("pat");

        // Sharing the case with a colleague from the workspace.
        onFx(() -> window.shell().showCase(patCase));
        settle();
        clickButton("shareButton");
        type("field-with", "Bea");
        type("field-note", "For the partnership review.");
        clickButton("submitAction");
        assertThat(text("messageLabel")).contains("Shared with Bea");
        assertThat(window.services().cases().access(patCase).sharedWith()).containsExactly("bea");
    }

    @Test
    void aNewcomerChoosesTheirOwnPasswordBeforeGoingOn() {
        signIn("newbie", TEMP_PW);
        assertThat(text("heading")).isEqualTo("Choose your own password");
        assertThat(window.context()).as("not in yet").isNull();
        assertThat(present("nameRow")).as("the name is not asked again").isFalse();
        fill("passwordField", "my very own password");
        fill("repeatField", "my very own password!");
        clickButton("submitButton");
        assertThat(text("messageLabel")).contains("not the same");
        fill("passwordField", "my very own password");
        fill("repeatField", "my very own password");
        clickButton("submitButton");
        assertThat(window.context()).isNotNull();
        assertThat(window.session().mustChangePassword()).isFalse();
        assertThat(window.viewModel().screenProperty().get()).isEqualTo("home");
        assertThat(screenText()).as("pat's case is not newbie's").doesNotContain("REF-CROYDON");
    }

    @Test
    void theBusinessTeamSeesReportsAndTheAuditLogButNoCases() {
        signIn("bea", BEA_PW);
        assertThat(window.services().actor().role()).isEqualTo(Role.BUSINESS_TEAM);
        assertThat(window.viewModel().screenProperty().get()).isEqualTo("reports");
        assertThat(lookup("#homeNav").tryQuery()).as("no case list").isEmpty();
        assertThat(lookup("#newNav").tryQuery()).isEmpty();
        assertThat(lookup("#syncNav").tryQuery()).isEmpty();
        assertThat(lookup("#usersNav").tryQuery()).isEmpty();
        assertThat(screenText()).doesNotContain("REF-CROYDON");
        clickButton("auditNav");
        TableView<?> t = node("auditTable");
        assertThat(t.getItems()).isNotEmpty();
        assertThat(allText("auditTable")).contains("Case opened", "Signed in").doesNotContain("REF-CROYDON");
    }

    @Test
    void idleLockHidesTheScreenUntilThePasswordIsTyped() {
        signIn("pat", PAT_PW);
        onFx(() -> window.shell().showCase(patCase));
        settle();
        clickButton("discussButton");
        type("field-with", "Jo Bloggs, duty social worker");
        Node field = node("field-with");

        // Minutes pass without a key or a click: the window locks itself.
        later(Duration.ofMinutes(4));
        onFx(window.idleLock()::checkNow);
        assertThat(window.locked()).as("not yet: 5 minutes by default").isFalse();
        later(Duration.ofMinutes(2));
        onFx(window.idleLock()::checkNow);
        settle();
        assertThat(window.locked()).isTrue();
        assertThat(shown(field)).as("what was typed is hidden").isFalse();
        assertThat(screenText()).doesNotContain("Jo Bloggs").contains("Resolve is locked");
        assertThat(text("lockExplanation")).contains("Resolve locked itself");
        assertThat(scene().getFocusOwner().getId()).isEqualTo("lockPassword");
        assertThat(window.session().locked()).isTrue();
        screenshot("lock-screen");

        // Shortcuts do nothing while locked.
        push(KeyCode.CONTROL, KeyCode.N);
        settle();
        assertThat(window.shell().current()).isInstanceOf(WorkspaceController.class);

        type("lockPassword", "the wrong password");
        push(KeyCode.ENTER);
        settle();
        assertThat(window.locked()).isTrue();
        assertThat(text("lockMessage")).startsWith("Problem: ").contains("not right");
        assertThat(shown(field)).isFalse();

        type("lockPassword", PAT_PW);
        push(KeyCode.ENTER);
        settle();
        assertThat(window.locked()).isFalse();
        assertThat(window.session().locked()).isFalse();
        assertThat(shown(field)).as("the same screen, as it was").isTrue();
        assertThat(this.<javafx.scene.control.TextField>node("field-with").getText())
                .isEqualTo("Jo Bloggs, duty social worker");
        assertThat(((WorkspaceController) window.shell().current()).viewModel().caseId()).isEqualTo(patCase);

        // Lock now, then sign out from the lock screen: back at the door.
        clickButton("lockButton");
        assertThat(window.locked()).isTrue();
        assertThat(text("lockExplanation")).as("a lock by hand is not called automatic")
                .contains("You locked Resolve").doesNotContain("locked itself");
        clickButton("lockSignOut");
        settle();
        assertThat(window.context()).isNull();
        assertThat(text("heading")).isEqualTo("Sign in");
        assertThat(text("nameField")).isEqualTo("pat");
    }

    @Test
    void keyboardOnlySignInWithTheRememberedName() {
        settle();
        onFx(() -> {
            window.stage().toFront();
            window.stage().requestFocus();
        });
        // The one pointer click: on the card's heading (not a control), so that the headless window
        // system gives this window the keyboard. From here on only keys are used.
        pointerClick(node("heading"));
        settle();
        assertThat(text("nameField")).as("the last name signed in with").isEqualTo("pat");
        assertThat(scene().getFocusOwner().getId()).as("the password box has the keyboard").isEqualTo("passwordField");
        keys(scene(), "wrong password");
        push(KeyCode.ENTER);
        settle();
        assertThat(text("messageLabel")).contains("not right");
        assertThat(scene().getFocusOwner().getId()).isEqualTo("passwordField");
        keys(scene(), PAT_PW);
        push(KeyCode.ENTER);
        settle();
        assertThat(window.context()).isNotNull();
        assertThat(window.session().actor().name()).isEqualTo("pat");
    }
}
