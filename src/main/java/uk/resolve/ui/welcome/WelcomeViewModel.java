/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.welcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.resolve.app.CaseService;
import uk.resolve.app.Preferences;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.escalation.OpenCaseRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.ui.support.Background;

/** The first-run welcome: what Resolve does, and sample cases to explore. */
public final class WelcomeViewModel {

    /** Setting: the welcome has been seen. */
    public static final String WELCOMED = "ui.welcomed";

    private final CaseService cases;
    private final Preferences prefs;
    private final Background background;
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public WelcomeViewModel(CaseService cases, Preferences prefs, Background background) {
        this.cases = cases;
        this.prefs = prefs;
        this.background = background;
    }

    /** Marks the welcome as seen and then runs {@code next}. */
    public void dismiss(Runnable next) {
        background.run(() -> {
            prefs.put(WELCOMED, "true");
            return null;
        }, v -> next.run(), error::set);
    }

    /** Adds three sample cases, clearly marked, then runs {@code next}. */
    public void addSamples(Runnable next) {
        busy.set(true);
        background.run(() -> {
            addSampleCases(cases);
            prefs.put(WELCOMED, "true");
            return null;
        }, v -> {
            busy.set(false);
            next.run();
        }, msg -> {
            busy.set(false);
            error.set(msg);
        });
    }

    /** The sample cases: one under Croydon, Havering and North Somerset, at different points. */
    public static List<java.util.UUID> addSampleCases(CaseService cases) {
        Instant now = cases.now();
        var a = cases.open(new OpenCaseRequest("croydon", null, "SAMPLE-A1", null, ChildStatus.CHILD_IN_NEED,
                "Sam Sample", "Oak Primary School", "Children's Social Care", "Duty social worker",
                "Levels of need", "The referral about repeated bruising was closed without an assessment.",
                "Three marks seen in two weeks, recorded in the school's safeguarding log.",
                "A child and family assessment.", false, 1, null, true, now.minus(Duration.ofDays(12))));
        cases.discuss(a.id(), new DiscussionRequest("Duty social worker, Children's Social Care", "phone",
                "The social worker explained the threshold decision; we still disagree.", "Share the log with the team manager.",
                false, now.minus(Duration.ofDays(11))));
        cases.escalate(a.id(), "Not resolved between front line workers.", "School safeguarding log entries.",
                now.minus(Duration.ofDays(10)));
        var b = cases.open(new OpenCaseRequest("havering", null, "SAMPLE-B2", null, ChildStatus.CP_PLAN,
                "Sam Sample", "Community health", "Children's Social Care", "Key worker",
                "Progressing plans and communication", "Core group actions have not been followed up for six weeks.",
                "Missed core group meetings on two dates.", "The plan's actions reviewed now.", false, 1, null, true,
                now.minus(Duration.ofDays(2))));
        cases.escalate(b.id(), "The key worker could not agree a date to review the plan.", "E-mails on file.",
                now.minus(Duration.ofHours(20)));
        var c = cases.open(new OpenCaseRequest("north-somerset", null, "SAMPLE-C3", null, ChildStatus.CHILD_IN_NEED,
                "Sam Sample", "Police", "Housing", "Housing officer", "A decision or action that is not safe",
                "A family with a new baby faces eviction tomorrow with nowhere to go.", "Notice served; visit record.",
                "Emergency accommodation agreed today.", true, 3, "Eviction tomorrow; the baby would be homeless.", true,
                now.minus(Duration.ofHours(3))));
        return List.of(a.id(), b.id(), c.id());
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
