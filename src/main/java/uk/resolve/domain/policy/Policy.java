/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.List;
import java.util.Optional;

/**
 * A partnership's resolution of professional differences procedure, as loaded from its policy
 * file. Immutable.
 *
 * @param id            stable identifier ("croydon")
 * @param name          the procedure's title
 * @param partnership   the partnership or board that publishes it
 * @param shortName     a short name for lists ("Croydon")
 * @param version       the version of the procedure this file describes
 * @param source        where it comes from (document, date, approval)
 * @param summary       a short introduction for users
 * @param scope         whom it covers
 * @param categories    the kinds of disagreement it names
 * @param principles    its principles, in short
 * @param recording     what it says about keeping records
 * @param immediateRisk what to do when a child is at immediate risk
 * @param finalArbiter  who decides last
 * @param contacts      people and mailboxes it names
 * @param tracks        its routes (at least one)
 * @param notifications notifications not tied to one stage (for example on opening)
 * @param forms         forms it requires
 * @param calendar      the UK bank-holiday calendar its working days use ({@code england-and-wales},
 *                      {@code scotland}, {@code northern-ireland})
 * @param dates         dates it asks the worker for
 * @param facts         questions it asks, whose answers rules test
 * @param outcomes      the outcomes it names ("resolved at stage 1"), which rules may test
 */
public record Policy(String id, String name, String partnership, String shortName, String version, String source,
                     String summary, Scope scope, List<Category> categories, List<String> principles,
                     String recording, ImmediateRisk immediateRisk, FinalArbiter finalArbiter,
                     List<Contact> contacts, List<Track> tracks, List<NotificationRule> notifications,
                     List<FormDefinition> forms, String calendar, List<DateQuestion> dates,
                     List<FactQuestion> facts, List<Category> outcomes) {

    public Policy {
        calendar = calendar == null ? "england-and-wales" : calendar;
        dates = dates == null ? List.of() : List.copyOf(dates);
        facts = facts == null ? List.of() : List.copyOf(facts);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        categories = List.copyOf(categories);
        principles = List.copyOf(principles);
        contacts = List.copyOf(contacts);
        tracks = List.copyOf(tracks);
        notifications = List.copyOf(notifications);
        forms = List.copyOf(forms);
    }

    public Track defaultTrack() {
        return tracks.get(0);
    }

    public Optional<Track> track(String trackId) {
        return tracks.stream().filter(t -> t.id().equals(trackId)).findFirst();
    }

    /** Who decides last on {@code track}: the track's own final arbiter, else the procedure's. */
    public FinalArbiter finalArbiter(Track track) {
        return track != null && track.finalArbiter() != null ? track.finalArbiter() : finalArbiter;
    }

    public Optional<DateQuestion> date(String dateId) {
        return dates.stream().filter(d -> d.id().equals(dateId)).findFirst();
    }

    public Optional<FactQuestion> fact(String factId) {
        return facts.stream().filter(f -> f.id().equals(factId)).findFirst();
    }

    public Optional<Contact> contact(String contactId) {
        return contacts.stream().filter(c -> c.id().equals(contactId)).findFirst();
    }

    public Optional<FormDefinition> form(String formId) {
        return forms.stream().filter(f -> f.id().equals(formId)).findFirst();
    }

    public Optional<Category> category(String idOrLabel) {
        return categories.stream()
                .filter(c -> c.id().equalsIgnoreCase(idOrLabel) || c.label().equalsIgnoreCase(idOrLabel))
                .findFirst();
    }
}
