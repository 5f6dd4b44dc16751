/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.forms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import uk.resolve.app.Services;
import uk.resolve.domain.policy.FieldKind;
import uk.resolve.domain.policy.FormDefinition;
import uk.resolve.domain.policy.FormField;
import uk.resolve.domain.policy.Policy;
import uk.resolve.forms.FormCases;
import uk.resolve.pdf.PdfPrinter;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every form the bundled procedures ship, opened in the editor: each gets the control
 * its kind asks for (a date a date picker, a choice a drop-down, long text a text area), made by the one
 * control factory, with a visible label that names it and an accessible name read back as a screen
 * reader would.
 */
@ExtendWith(ApplicationExtension.class)
class BundledFormsControlsViewTest {

    @TempDir
    static Path dir;

    private static Services services;
    private static final List<UUID> CASES = new ArrayList<>();
    private Stage stage;

    @BeforeAll
    static void makeCases() {
        MutableClock clock = MutableClock.at("2026-01-05T09:00");
        services = Fixtures.services(dir.resolve("forms"), clock);
        CASES.add(FormCases.croydonAtStage3(services, clock));
        CASES.add(FormCases.northSomersetResolvedAtStage3(services, clock));
        CASES.add(FormCases.safetyOfChildrenAtStage2(services, clock));
    }

    @AfterAll
    static void close() {
        services.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1180, 740));
        stage.show();
    }

    @Test
    void everyFieldOfEveryBundledFormGetsItsControlWithAnAccessibleName(FxRobot robot) throws Exception {
        Set<String> procedures = new HashSet<>();
        Set<FieldKind> kinds = new HashSet<>();
        int checked = 0;
        for (UUID id : CASES) {
            Policy policy = services.cases().policyOf(services.cases().get(id));
            procedures.add(policy.id());
            for (FormDefinition form : policy.forms()) {
                FormEditorViewModel model = new FormEditorViewModel(services.forms(), new PdfPrinter(), id, form.id(),
                        0, Runnable::run, Runnable::run);
                robot.interact(() -> {
                    stage.getScene().setRoot(FormEditorWindow.load(model));
                    model.load();
                });
                Parent root = stage.getScene().getRoot();
                // the controls arrive a few a frame: wait for the last
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.fields().keySet().stream()
                        .allMatch(f -> root.lookup("#" + uk.resolve.ui.support.Controls.id(f)) != null));
                robot.interact(root::applyCss);
                for (var section : form.sections()) {
                    for (FormField f : section.fields()) {
                        kinds.add(f.kind());
                        checkControl(robot, root, form.id() + "/" + f.id(), f.id(), f.label(), f.kind());
                        checked++;
                    }
                }
                for (var block : form.signatures()) {
                    for (String part : uk.resolve.domain.policy.SignatureBlock.PARTS) {
                        checkControl(robot, root, form.id() + "/" + block.fieldId(part), block.fieldId(part),
                                uk.resolve.domain.policy.SignatureBlock.partLabel(part),
                                part.equals("date") ? FieldKind.DATE : FieldKind.TEXT);
                        checked++;
                    }
                }
                assertThat(model.fields()).as(form.id() + ": one Field per answer").hasSize(
                        form.fields().size() + form.signatures().size() * 4);
            }
        }
        Set<String> withForms = new HashSet<>();
        for (Policy p : services.policies().latest()) {
            if (!p.forms().isEmpty()) {
                withForms.add(p.id());
            }
        }
        assertThat(procedures).as("every bundled procedure with forms is covered").containsAll(withForms);
        assertThat(kinds).as("every kind of field is among them").containsExactlyInAnyOrder(FieldKind.values());
        assertThat(checked).isGreaterThan(40);
    }

    private static void checkControl(FxRobot robot, Parent root, String what, String id, String label,
                                     FieldKind kind) {
        Node control = root.lookup("#" + uk.resolve.ui.support.Controls.id(id));
        assertThat(control).as(what + " has a control").isNotNull();
        Class<?> expected = switch (kind) {
            case DATE -> DatePicker.class;
            case CHOICE -> ComboBox.class;
            case LONG_TEXT -> TextArea.class;
            case TEXT, NUMBER -> TextField.class;
        };
        assertThat(control).as(what + " is entered with a " + expected.getSimpleName()).isInstanceOf(expected);
        Object[] read = new Object[1];
        robot.interact(() -> read[0] = control.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        Object name = read[0];
        assertThat(name).as(what + ": its accessible name").isNotNull();
        assertThat(name.toString()).as(what + ": its accessible name").startsWith(label);
        Label visible = root.lookupAll(".field-label").stream().map(Label.class::cast)
                .filter(l -> l.getLabelFor() == control).findFirst().orElse(null);
        assertThat(visible).as(what + ": a visible label names it").isNotNull();
        assertThat(visible.getText()).startsWith(label);
        assertThat(visible.isVisible()).isTrue();
        if (kind == FieldKind.DATE) {
            assertThat(((Label) root.lookup("#" + uk.resolve.ui.support.Controls.id(id) + "Hint")).getText()).as(what + ": how to write a date")
                    .contains("For example 21/12/2026");
        }
    }
}
