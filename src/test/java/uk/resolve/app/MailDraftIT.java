/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.domain.mail.MailDraft;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.forms.FormCases;
import uk.resolve.forms.FormSigningIT;
import uk.resolve.pdf.PdfText;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** E-mail drafts of real forms and notifications, written as .eml files and read back with Jakarta Mail. */
public class MailDraftIT {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-01-05T09:00");
    private Services s;

    /** A message read back: its headers, its text and its attachments by file name. */
    public record Read(MimeMessage message, String text, Map<String, byte[]> attachments) {
    }

    @BeforeEach
    void open() {
        s = Fixtures.services(dir, clock);
    }

    @AfterEach
    void close() {
        s.close();
    }

    public static Read read(Path eml) throws Exception {
        MimeMessage m;
        try (InputStream in = Files.newInputStream(eml)) {
            m = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        Multipart parts = (Multipart) m.getContent();
        String text = null;
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                try (InputStream in = p.getInputStream()) {
                    files.put(p.getFileName(), in.readAllBytes());
                }
            } else if (p.isMimeType("text/plain")) {
                text = (String) p.getContent();
            }
        }
        return new Read(m, text, files);
    }

    private static Map<String, String> appendixA() {
        Map<String, String> m = new HashMap<>();
        m.put("role", "Head of Service");
        m.put("contact", "020 8726 6000");
        m.put("concern", "The referral was closed too early.");
        return m;
    }

    private List<String> childDetails() {
        return List.of(FormCases.CHILD_REF, FormCases.CHILD_NAME, "Marlowe", "Jamie",
                Fixtures.openRequest(s, "croydon", null, null).concern());
    }

    @Test
    void aCompletedAppendixAIsDraftedToTheBoardWithThePdfAndNothingAboutTheChild() throws Exception {
        UUID id = FormCases.croydonAtStage3(s, clock);
        s.forms().complete(id, "appendix-a", 0, appendixA());
        CaseState before = s.cases().get(id);
        MailDraft draft = s.mailDrafts().formDraft(id, "appendix-a", 0);
        MailDraftService.Draft written = s.mailDrafts().write(id, draft, dir.resolve("appendix-a.eml"));
        Read r = read(written.file());

        assertThat(r.message().getHeader("X-Unsent")).containsExactly("1");
        assertThat(r.message().getFrom()).isNull();
        InternetAddress to = (InternetAddress) r.message().getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("SafeguardingChildrenBoard@croydon.gov.uk");
        String number = id.toString().substring(0, 8);
        String title = s.forms().definition(id, "appendix-a").title();
        assertThat(title).contains("(Appendix A)");
        assertThat(r.message().getSubject()).isEqualTo(title + " — Resolve case " + number + ", stage 3");
        assertThat(r.message().getSentDate()).isNotNull();
        assertThat(r.text()).startsWith("Dear ").contains("Please find attached the " + title + " for Stage 3")
                .contains("Resolve case number: " + number).contains("neither this e-mail nor the form gives details");
        for (String detail : childDetails()) {
            assertThat(r.message().getSubject()).doesNotContain(detail);
            assertThat(r.text()).doesNotContain(detail);
        }
        assertThat(r.attachments()).containsOnlyKeys("appendix-a_" + number + "_2026-01-19.pdf");
        byte[] pdf = r.attachments().values().iterator().next();
        assertThat(pdf).isEqualTo(draft.attachment().bytes());
        assertThat(PdfText.all(pdf)).contains("The referral was closed too early.").doesNotContain(FormCases.CHILD_REF);
        assertThat(written.message()).contains(written.file().toString()).doesNotContain("fill in the To line");
        assertThat(s.cases().get(id).entries()).as("a draft records nothing").hasSameSizeAs(before.entries());
    }

    @Test
    void aMonitoringFormDraftGivesTheChildsReferenceInTheBodyButNotTheSubject() throws Exception {
        UUID id = FormCases.northSomersetResolvedAtStage3(s, clock);
        s.forms().complete(id, "monitoring-form", 0, FormSigningIT.ANSWERS);
        Read r = read(s.mailDrafts().write(id, s.mailDrafts().formDraft(id, "monitoring-form", 0),
                dir.resolve("m.eml")).file());
        assertThat(((InternetAddress) r.message().getRecipients(Message.RecipientType.TO)[0]).getAddress())
                .isEqualTo("jo.baker@n-somerset.gov.uk");
        assertThat(r.message().getSubject()).startsWith("Monitoring Form (Appendix 2)").doesNotContain(FormCases.CHILD_REF);
        assertThat(r.text()).contains("Child (agency reference): " + FormCases.CHILD_REF);
        assertThat(PdfText.all(r.attachments().values().iterator().next())).contains("Reviewed at the network meeting.");
    }

    @Test
    void aFormNotYetCompletedCannotBeDrafted() {
        UUID id = FormCases.croydonAtStage3(s, clock);
        assertThatThrownBy(() -> s.mailDrafts().formDraft(id, "appendix-a", 0)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("has not been completed");
    }

    @Test
    void aNotificationDraftCarriesItsPurposeAndTheCompletedFormForTheSameContact() throws Exception {
        UUID id = FormCases.croydonAtStage3(s, clock);
        Read without = read(s.mailDrafts().write(id, s.mailDrafts().notificationDraft(id, "cscb-business-team", 0),
                dir.resolve("n1.eml")).file());
        assertThat(without.attachments()).isEmpty();
        assertThat(without.text()).contains("Notify the board of the nature of the professional challenge (Appendix A).")
                .contains("has not been completed yet");

        s.forms().complete(id, "appendix-a", 0, appendixA());
        Read with = read(s.mailDrafts().write(id, s.mailDrafts().notificationDraft(id, "cscb-business-team", 0),
                dir.resolve("n2.eml")).file());
        assertThat(with.message().getHeader("X-Unsent")).containsExactly("1");
        assertThat(with.message().getSubject()).isEqualTo("Croydon escalation: CSCB Business Team — Resolve case "
                + id.toString().substring(0, 8) + ", stage 3");
        assertThat(with.text()).contains("The " + s.forms().definition(id, "appendix-a").title() + " is attached.");
        assertThat(with.attachments()).hasSize(1);
        for (String detail : childDetails()) {
            assertThat(with.message().getSubject()).doesNotContain(detail);
            assertThat(with.text()).doesNotContain(detail);
        }
        assertThat(s.cases().get(id).notificationsDue()).as("marking sent stays the worker's act")
                .extracting(n -> n.id()).contains("cscb-business-team");
    }

    @Test
    void aContactWithoutAnAddressGivesADraftWithTheAddressLeftEmptyAndSaysSo() throws Exception {
        clock.set("2026-01-05T09:00");
        CaseState c = s.cases().open(Fixtures.openRequest(s, "havering", ChildStatus.CP_PLAN, "2026-01-05T09:00"));
        clock.set("2026-01-06T09:00");
        s.cases().escalate(c.id(), "No agreement", null, Fixtures.instant("2026-01-06T09:00"));
        MailDraftService.Draft d = s.mailDrafts().write(c.id(), s.mailDrafts().notificationDraft(c.id(), "iro", 0),
                dir.resolve("iro.eml"));
        Read r = read(d.file());
        assertThat(r.message().getRecipients(Message.RecipientType.TO)).isNull();
        assertThat(r.text()).startsWith("Dear Independent Reviewing Officer,");
        assertThat(d.message()).contains("no e-mail address for Independent Reviewing Officer")
                .contains("fill in the To line");
    }

    @Test
    void aDraftThatCannotBeWrittenIsRefusedWithWhereAndWhy() throws Exception {
        UUID id = FormCases.croydonAtStage3(s, clock);
        MailDraft draft = s.mailDrafts().notificationDraft(id, "cscb-business-team", 0);
        Path target = dir.resolve("missing").resolve("x.eml");
        assertThatThrownBy(() -> s.mailDrafts().write(id, draft, target)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("Could not write the e-mail draft to " + target)
                .hasMessageContaining("does not exist");
        List<Path> left = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".tmp") || p.toString().endsWith(".eml")).forEach(left::add);
        }
        assertThat(left).isEmpty();
    }
}
