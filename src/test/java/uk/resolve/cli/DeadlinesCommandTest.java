/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadlinesCommandTest {

    @TempDir
    Path dir;
    private CliRunner cli;
    private String caseId;

    @BeforeEach
    void openCase() {
        System.setProperty("resolve.now", "2026-12-21T09:00:00Z");
        cli = new CliRunner(dir.resolve("resolve.mv.db"));
        CliRunner.Result r = cli.run("case", "new", "--policy", "croydon", "--child-ref", "SECRET-REF-42",
                "--child-name", "Secret Childname", "--raised-by", "Alex", "--raised-agency", "School",
                "--other-agency", "Children's Social Care", "--category", "Levels of need",
                "--concern", "SECRET-CONCERN text", "--at", "2026-12-21T09:00");
        assertThat(r.code()).as(r.err()).isZero();
        caseId = r.out().strip();
    }

    @AfterEach
    void realClock() {
        System.clearProperty("resolve.now");
    }

    @Test
    void deadlinesIcsWritesTheCalendarFileAndSaysWhere() throws Exception {
        Path ics = dir.resolve("my deadlines.ics");
        CliRunner.Result r = cli.run("deadlines", "--ics", ics.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote 1 deadline to " + ics.toAbsolutePath());
        String text = Files.readString(ics);
        assertThat(text).doesNotContain("SECRET-REF-42", "Secret Childname", "SECRET-CONCERN");
        List<VEvent> events = new CalendarBuilder().build(new StringReader(text)).getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo(caseId + "-s1-stage@resolve.uk");
        assertThat(events.get(0).getProperty(Property.SUMMARY).orElseThrow().getValue())
                .startsWith("Resolve case " + caseId.substring(0, 8) + ":");
    }

    @Test
    void deadlinesListsTheOpenDeadlinesWithoutChildDetails() {
        CliRunner.Result r = cli.run("deadlines");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(caseId.substring(0, 8)).contains("4 Jan 2027")
                .contains("Resolve or escalate to line managers").doesNotContain("SECRET");
    }

    @Test
    void aCalendarFileInAMissingFolderIsRefusedWithExitOneAndWhere() {
        Path ics = dir.resolve("gone").resolve("d.ics");
        CliRunner.Result r = cli.run("deadlines", "--ics", ics.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("resolve: Could not write the calendar file to " + ics.toAbsolutePath())
                .contains("does not exist");
        assertThat(ics).doesNotExist();
    }

    @Test
    void remindAheadAndQuietHoursAreSavedAsThePersonsOwnAndBadHoursAreRefused() {
        CliRunner.Result r = cli.run("deadlines", "--remind-ahead", "3", "--quiet-hours", "18:00-08:00");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("up to 3 working days ahead; quiet hours 18:00-08:00");
        CliRunner.Result bad = cli.run("deadlines", "--quiet-hours", "evenings");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("'evenings' is not two times");
        CliRunner.Result far = cli.run("deadlines", "--remind-ahead", "40");
        assertThat(far.code()).isEqualTo(1);
        assertThat(far.err()).contains("0 to 10 working days");
    }
}
