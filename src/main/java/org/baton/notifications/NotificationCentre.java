package org.baton.notifications;

import java.time.Instant;
import java.util.List;
import org.baton.advice.AdviceChanged;
import org.baton.authority.DelegationEnded;
import org.baton.decisions.HolderRequestRerouted;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.initiatives.InitiativeChanged;
import org.baton.initiatives.Initiatives;
import org.baton.learning.LearningChanged;
import org.baton.learning.LearningKind;
import org.baton.learning.LearningResponses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what happened into notifications for the people concerned, and pushes them live: the unread
 * count to everyone notified, and a refresh signal to pages showing the changed thing.
 */
@Service
public class NotificationCentre {

  public record Notification(long id, String text, String link, Instant createdAt, boolean read) {}

  private final JdbcClient jdbc;
  private final LiveBus streams;
  private final Directory directory;
  private final Initiatives initiatives;
  private final LearningResponses learning;

  NotificationCentre(
      JdbcClient jdbc,
      LiveBus streams,
      Directory directory,
      Initiatives initiatives,
      LearningResponses learning) {
    this.learning = learning;
    this.jdbc = jdbc;
    this.streams = streams;
    this.directory = directory;
    this.initiatives = initiatives;
  }

  /**
   * Durable: the publication is stored with the transaction that asked, advised or closed, and
   * handled after it commits in a transaction of its own; one not handled before a crash is handled
   * again at the next start.
   */
  @ApplicationModuleListener
  void on(AdviceChanged event) {
    String link = "/advice/" + event.requestId();
    String what = words(event);
    for (Long asked : event.newlyAsked()) {
      notify(asked, "You are asked for advice: " + what, link);
    }
    // Someone who has left hears nothing more (they stay on the panel's history).
    List<Long> others =
        present(event.audience()).stream().filter(p -> !event.newlyAsked().contains(p)).toList();
    others.forEach(person -> notify(person, what, link));
    streams.publish(event.audience(), "advice-" + event.requestId(), what);
    pushUnread(event.audience());
  }

  @ApplicationModuleListener
  void on(InitiativeChanged event) {
    String link = "/initiatives/" + event.initiativeId();
    String what = words(event);
    String title = initiatives.find(event.initiativeId()).title();
    List<Long> audience = present(event.audience()); // not whoever has left (the leader, say)
    audience.forEach(person -> notify(person, title + ": " + what, link));
    streams.publish(audience, "initiative-" + event.initiativeId(), what);
    pushUnread(audience);
  }

  /** A request to decide moved on because its holder left: the requester and new holder hear. */
  @ApplicationModuleListener
  void on(HolderRequestRerouted event) {
    String left = name(event.leftPersonId());
    String link = "/authority/requests";
    if (event.newHolderPersonId() == null) {
      notify(
          event.requesterPersonId(),
          left + " has left, and nobody above them holds this authority: ask again",
          link);
      pushUnread(List.of(event.requesterPersonId()));
      return;
    }
    String holder = name(event.newHolderPersonId());
    notify(
        event.requesterPersonId(),
        left + " has left: your request to decide now waits for " + holder,
        link);
    notify(
        event.newHolderPersonId(),
        left
            + " has left: "
            + name(event.requesterPersonId())
            + "'s request to decide now waits for your answer",
        link);
    pushUnread(List.of(event.requesterPersonId(), event.newHolderPersonId()));
  }

  /** A delegation ended because one side left: the other side hears. */
  @ApplicationModuleListener
  void on(DelegationEnded event) {
    notify(
        event.otherPersonId(),
        name(event.leftPersonId()) + " has left: the delegation between you has ended",
        "/authority/delegations");
    pushUnread(List.of(event.otherPersonId()));
  }

  /**
   * Learning: those concerned hear personally; everyone's open feed is told that something changed
   * (the signal carries nothing, and each page reloads what its reader may see).
   */
  @ApplicationModuleListener
  void on(LearningChanged event) {
    String actor = name(event.actorPersonId());
    String link =
        event.learning() == LearningKind.REVIEW
            ? "/learning/reviews/" + event.learningId()
            : "/report-outs/" + event.learningId();
    // a round's id is not a learning's: its title comes from the round
    String title =
        event.kind() == LearningChanged.Kind.ROUND_STARTED
            ? learning.roundTitle(event.learningId())
            : learning.title(event.learning(), event.learningId());
    String what =
        switch (event.kind()) {
          case REVIEW_PUBLISHED ->
              actor + " published a learning review with an action for you: " + title;
          case REPORT_OUT_POSTED -> actor + " posted a report-out for your round: " + title;
          case COMMENTED ->
              actor
                  + " commented on your "
                  + (event.learning() == LearningKind.REVIEW ? "review" : "report-out")
                  + ": "
                  + title;
          case ROUND_STARTED ->
              actor + " asks for report-outs: " + learning.roundTitle(event.learningId());
        };
    if (event.kind() == LearningChanged.Kind.ROUND_STARTED) {
      link = "/learning/rounds/" + event.learningId();
    }
    List<Long> told = present(event.told());
    for (Long person : told) {
      notify(person, what, link);
    }
    pushUnread(told);
    streams.broadcast("learning-feed", "changed");
  }

  private List<Long> present(List<Long> people) {
    return directory.people(people).stream().filter(Person::active).map(Person::id).toList();
  }

  /** What happened to an advice request, in the words a person reads. */
  String words(AdviceChanged event) {
    String actor = event.actorPersonId() == null ? "" : name(event.actorPersonId());
    return switch (event.kind()) {
      case ASKED -> actor + " asks for advice";
      case ADVISED -> actor + " advised: " + event.stance().label().toLowerCase();
      case REVISED -> actor + " revised their advice: " + event.stance().label().toLowerCase();
      case CLOSED -> actor + " closed the request";
      case REMINDER -> "Reminder: your advice is due within a day";
      case ADVISER_LEFT -> actor + " has left before advising: ask someone in their place";
    };
  }

  /** What happened to an initiative, in the words a person reads. */
  String words(InitiativeChanged event) {
    String actor = name(event.actorPersonId());
    return switch (event.kind()) {
      case STARTED -> "was started by " + actor;
      case SUPPORTER_JOINED -> actor + " joined as a supporter";
      case HANDED_OVER -> actor + " handed the lead to " + name(event.otherPersonId());
      case PICKED_UP -> actor + " picked up the lead";
      case STATUS_CHANGED -> "is now " + event.status().label().toLowerCase();
      case COMMENTED -> actor + " commented";
      case HELP_OFFERED -> actor + " offered help";
      case LEADER_LEFT -> actor + " has left: the lead is open for you to pick up";
    };
  }

  private String name(Long personId) {
    return personId == null
        ? "someone"
        : directory.findPerson(personId).map(Person::name).orElse("someone");
  }

  public List<Notification> recent(long personId) {
    return jdbc.sql(
            "select id, text, link, created_at, read_at is not null from notification"
                + " where person_id = ? order by id desc limit 50")
        .param(personId)
        .query(
            (rs, n) ->
                new Notification(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getBoolean(5)))
        .list();
  }

  public int unread(long personId) {
    return jdbc.sql("select count(*) from notification where person_id = ? and read_at is null")
        .param(personId)
        .query(Integer.class)
        .single();
  }

  @Transactional
  public void markAllRead(long personId) {
    jdbc.sql("update notification set read_at = now() where person_id = ? and read_at is null")
        .param(personId)
        .update();
    pushUnread(List.of(personId));
  }

  private void notify(long person, String text, String link) {
    jdbc.sql("insert into notification (person_id, text, link) values (?, ?, ?)")
        .params(person, text.length() > 500 ? text.substring(0, 499) + "…" : text, link)
        .update();
  }

  private void pushUnread(List<Long> people) {
    for (Long person : people) {
      streams.publish(List.of(person), "unread", Integer.toString(unread(person)));
    }
  }
}
