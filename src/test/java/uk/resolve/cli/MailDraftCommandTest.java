/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.MailDraftIT;
import uk.resolve.app.Services;
import uk.resolve.forms.FormCases;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

class MailDraftCommandTest {

    @TempDir
    Path dir;
    private CliRunner cli;
    private UUID croydon;

    @BeforeEach
    void makeCase() {
        MutableClock clock = MutableClock.at("2026-01-05T09:00");
        try (Services s = Fixtures.services(dir, clock)) {
            croydon = FormCases.croydonAtStage3(s, clock);
        }
        cli = new CliRunner(dir.resolve("resolve.mv.db"));
        System.setProperty("resolve.now", "2026-01-19T12:00:00Z");
    }

    @AfterEach
    void realClock() {
        System.clearProperty("resolve.now");
    }

    @Test
    void formWithEmlCompletesTheFormAndWritesADraftWithItsPdf() throws Exception {
        Path eml = dir.resolve("appendix-a.eml");
        CliRunner.Result r = cli.run("form", croydon.toString().substring(0, 8), "appendix-a", "--eml", eml.toString(),
                "--set", "role=Head of Service", "--set", "contact=020 8726 6000", "--set", "concern=Closed too early.");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Recorded").contains("Wrote the e-mail draft to " + eml.toAbsolutePath());
        MailDraftIT.Read read = MailDraftIT.read(eml);
        assertThat(read.message().getHeader("X-Unsent")).containsExactly("1");
        assertThat(read.attachments()).hasSize(1);
    }

    @Test
    void notifyDraftWritesTheNotificationAndAnUnknownOneIsRefusedWithTheList() throws Exception {
        Path eml = dir.resolve("n.eml");
        CliRunner.Result r = cli.run("case", "notify-draft", croydon.toString().substring(0, 8), "cscb-business-team",
                "--eml", eml.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(MailDraftIT.read(eml).text()).contains("Notify the board");

        CliRunner.Result bad = cli.run("case", "notify-draft", croydon.toString().substring(0, 8), "nobody",
                "--eml", eml.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("no notification 'nobody'").contains("cscb-business-team (stage 3)");
    }

    @Test
    void aDraftFormCannotBeEmailed() {
        CliRunner.Result r = cli.run("form", croydon.toString(), "appendix-a", "--draft", "--eml",
                dir.resolve("x.eml").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--eml: only a completed form");
    }
}
