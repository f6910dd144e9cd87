package org.baton.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baton.advice.AdviceChanged;
import org.baton.advice.AdviceReadings;
import org.baton.advice.AdviceRequest;
import org.baton.authority.DelegationEnded;
import org.baton.decisions.HolderRequest;
import org.baton.decisions.HolderRequestChanged;
import org.baton.decisions.HolderRequestRerouted;
import org.baton.decisions.HolderRequests;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.initiatives.InitiativeChanged;
import org.baton.initiatives.Initiatives;
import org.baton.learning.LearningChanged;
import org.baton.learning.LearningKind;
import org.baton.learning.LearningResponses;
import org.baton.strategy.Dialogues;
import org.baton.strategy.StrategyChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what happened into notifications for the people concerned, and pushes them live: the unread
 * count to everyone notified, and a refresh signal to pages showing the changed thing. Each
 * notification has a kind, by which the person's choice sends it by e-mail at once, keeps it for
 * their digest, or leaves it here ({@link NotificationPreferences}); the e-mail goes into the
 * outbox in the same transaction as the notification.
 */
@Service
public class NotificationCentre {

  public record Notification(long id, String text, String link, Instant createdAt, boolean read) {}

  private final JdbcClient jdbc;
  private final LiveBus streams;
  private final Directory directory;
  private final Initiatives initiatives;
  private final LearningResponses learning;
  private final Dialogues dialogues;
  private final org.baton.roles.Roles roles;
  private final AdviceReadings advice;
  private final HolderRequests holderRequests;
  private final NotificationPreferences preferences;
  private final NotificationMail mail;
  private final AdviceNoticeWords adviceWords;
  private final java.time.ZoneId zone;

  NotificationCentre(
      JdbcClient jdbc,
      LiveBus streams,
      Directory directory,
      Initiatives initiatives,
      LearningResponses learning,
      Dialogues dialogues,
      org.baton.roles.Roles roles,
      AdviceReadings advice,
      HolderRequests holderRequests,
      NotificationPreferences preferences,
      NotificationMail mail,
      AdviceNoticeWords adviceWords,
      org.baton.platform.BatonProperties properties) {
    this.adviceWords = adviceWords;
    this.learning = learning;
    this.dialogues = dialogues;
    this.roles = roles;
    this.advice = advice;
    this.holderRequests = holderRequests;
    this.preferences = preferences;
    this.mail = mail;
    this.zone = properties.notifications().zone();
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
    AdviceRequest request = advice.find(event.requestId()).orElse(null);
    String what = adviceWords.text(event, request);
    List<String> details = request == null ? List.of() : details(request);
    notifyAll(
        besides(present(event.newlyAsked()), event.actorPersonId()),
        NotificationKind.ADVICE_ASKED,
        request == null ? what : adviceWords.asked(request),
        link,
        details);
    NotificationKind kind =
        switch (event.kind()) {
          case REMINDER -> NotificationKind.DEADLINE;
          case ADVISER_LEFT -> NotificationKind.PEOPLE_LEFT;
          default -> NotificationKind.ADVICE_ACTIVITY;
        };
    // Someone who has left hears nothing more (they stay on the panel's history), and nobody is
    // told of what they did themselves.
    List<Long> others =
        besides(present(event.audience()), event.actorPersonId()).stream()
            .filter(p -> !event.newlyAsked().contains(p))
            .toList();
    notifyAll(others, kind, what, link, details);
    streams.publish(event.audience(), "advice-" + event.requestId(), what);
    pushUnread(event.audience());
  }

  /** The people to tell, without the one who did it. */
  private static List<Long> besides(List<Long> people, Long actor) {
    return actor == null ? people : people.stream().filter(p -> !p.equals(actor)).toList();
  }

  @ApplicationModuleListener
  void on(InitiativeChanged event) {
    String link = "/initiatives/" + event.initiativeId();
    String what = words(event);
    String title = initiatives.find(event.initiativeId()).title();
    // not whoever has left (the leader, say), nor who did it
    List<Long> audience = besides(present(event.audience()), event.actorPersonId());
    NotificationKind kind =
        switch (event.kind()) {
          case HANDED_OVER, PICKED_UP, STATUS_CHANGED, LEADER_LEFT ->
              NotificationKind.INITIATIVE_MILESTONE;
          default -> NotificationKind.INITIATIVE_ACTIVITY;
        };
    notifyAll(audience, kind, title + ": " + what, link, List.of());
    streams.publish(present(event.audience()), "initiative-" + event.initiativeId(), what);
    pushUnread(audience);
  }

  /** The holder hears of a request to decide; the requester hears its answer. */
  @ApplicationModuleListener
  void on(HolderRequestChanged event) {
    HolderRequest request = holderRequests.find(event.requestId()).orElse(null);
    if (request == null) {
      return;
    }
    List<String> details = new ArrayList<>();
    details.add("Why: " + request.reason());
    if (request.amount() != null) {
      details.add("Amount: " + request.amount().toPlainString() + " " + request.currency());
    }
    String link = "/authority/requests";
    long told;
    switch (event.kind()) {
      case ASKED -> {
        told = event.holderPersonId();
        notify(
            told,
            NotificationKind.DECISION_REQUESTED,
            request.requesterName() + " asks you to decide: " + about(request),
            link,
            details);
      }
      case APPROVED -> {
        told = event.requesterPersonId();
        notify(
            told,
            NotificationKind.REQUEST_ANSWERED,
            request.holderName() + " approved and decided: " + about(request),
            event.decisionId() == null ? link : "/decisions/" + event.decisionId(),
            List.of());
      }
      default -> {
        told = event.requesterPersonId();
        notify(
            told,
            NotificationKind.REQUEST_ANSWERED,
            request.holderName() + " declined your request: " + about(request),
            link,
            List.of("Their answer: " + request.answer()));
      }
    }
    pushUnread(List.of(told));
  }

  /** A request to decide moved on because its holder left: the requester and new holder hear. */
  @ApplicationModuleListener
  void on(HolderRequestRerouted event) {
    String left = name(event.leftPersonId());
    String link = "/authority/requests";
    if (event.newHolderPersonId() == null) {
      notify(
          event.requesterPersonId(),
          NotificationKind.PEOPLE_LEFT,
          left + " has left, and nobody above them holds this authority: ask again",
          link,
          List.of());
      pushUnread(List.of(event.requesterPersonId()));
      return;
    }
    String holder = name(event.newHolderPersonId());
    notify(
        event.requesterPersonId(),
        NotificationKind.PEOPLE_LEFT,
        left + " has left: your request to decide now waits for " + holder,
        link,
        List.of());
    notify(
        event.newHolderPersonId(),
        NotificationKind.DECISION_REQUESTED,
        left
            + " has left: "
            + name(event.requesterPersonId())
            + "'s request to decide now waits for your answer",
        link,
        List.of());
    pushUnread(List.of(event.requesterPersonId(), event.newHolderPersonId()));
  }

  /** A request to decide as its notifications name it: its title and amount. */
  private static String about(HolderRequest request) {
    return request.title()
        + (request.amount() == null
            ? ""
            : " ("
                + request.amount().stripTrailingZeros().toPlainString()
                + " "
                + request.currency()
                + ")");
  }

  /** A delegation ended because one side left: the other side hears. */
  @ApplicationModuleListener
  void on(DelegationEnded event) {
    notify(
        event.otherPersonId(),
        NotificationKind.PEOPLE_LEFT,
        name(event.leftPersonId()) + " has left: the delegation between you has ended",
        "/authority/delegations",
        List.of());
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
    List<Long> told = besides(present(event.told()), event.actorPersonId());
    notifyAll(told, NotificationKind.LEARNING, what, link, List.of());
    pushUnread(told);
    streams.broadcast("learning-feed", "changed");
  }

  /** The owner of a review's action is reminded once, the day before it is due. */
  @ApplicationModuleListener
  void on(org.baton.learning.LearningActionDue event) {
    List<Long> owner = present(List.of(event.ownerPersonId()));
    String what =
        "Your action from the learning review \""
            + learning.title(LearningKind.REVIEW, event.reviewId())
            + "\" is due on "
            + NotificationMail.day(event.dueOn())
            + ": "
            + learning.actionDescription(event.actionId());
    notifyAll(
        owner,
        NotificationKind.DEADLINE,
        what,
        "/learning/reviews/" + event.reviewId(),
        List.of("Mark it done with a note on the review, or say what changed."));
    pushUnread(owner);
  }

  /**
   * Strategic dialogue: a round opening or published is told to everyone; an answer (or a changed
   * one) and a comment to the contribution's author. The round's open pages reload their list on
   * every change (everyone may read a round, so the signal goes to every stream).
   */
  @ApplicationModuleListener
  void on(StrategyChanged event) {
    String title = dialogues.title(event.roundId());
    String link =
        event.contributionId() == null
            ? "/dialogues/" + event.roundId()
            : "/dialogues/" + event.roundId() + "/contributions/" + event.contributionId();
    String actor = event.actorPersonId() == null ? "" : name(event.actorPersonId());
    String what =
        switch (event.kind()) {
          case ROUND_OPENED -> actor + " opened a strategic dialogue: " + title + ". Contribute.";
          case ROUND_PUBLISHED ->
              "The strategic dialogue " + title + " is published: see what we adopted.";
          case ANSWERED -> actor + " answered your contribution to " + title;
          case COMMENTED -> actor + " commented on your contribution to " + title;
          default -> "";
        };
    NotificationKind kind =
        event.kind() == StrategyChanged.Kind.COMMENTED
            ? NotificationKind.DIALOGUE_ACTIVITY
            : NotificationKind.DIALOGUE;
    List<Long> told =
        event.toEveryone()
            ? directory.organisation().members().stream()
                .filter(org.baton.directory.Organisation.Member::active)
                .map(org.baton.directory.Organisation.Member::id)
                .filter(id -> !id.equals(event.actorPersonId()))
                .toList()
            : present(event.told());
    if (!what.isEmpty()) {
      notifyAll(told, kind, what, link, List.of());
      pushUnread(told);
    }
    streams.broadcast("dialogue-" + event.roundId(), event.kind().name());
  }

  /**
   * Growth: the owner of a rule hears that someone it limits has earned a suggestion to raise it;
   * the person hears the owner's answer (a decline with its reason on their record).
   */
  @ApplicationModuleListener
  void on(org.baton.growth.GrowthChanged event) {
    String person = name(event.personId());
    String owner = name(event.ownerPersonId());
    String what =
        switch (event.kind()) {
          case SUGGESTED ->
              person + "'s record has earned a suggestion to raise their limit: answer it";
          case APPROVED -> owner + " raised your limit, on your record";
          case DECLINED -> owner + " declined raising your limit, with a reason";
          case DEFERRED -> owner + " will come back to raising your limit later";
        };
    String link =
        event.kind() == org.baton.growth.GrowthChanged.Kind.SUGGESTED
            ? "/authority/growth-suggestions/" + event.suggestionId()
            : "/people/" + event.personId() + "/track-record";
    List<Long> told = present(event.told());
    notifyAll(told, NotificationKind.GROWTH, what, link, List.of());
    pushUnread(told);
  }

  /**
   * Roles: an application, the time answer, messages, a proposed or agreed match, a decline or
   * withdrawal to the people in that conversation; a role handed on or left to those concerned; an
   * opening role to people open to roles whom it matches. An application's open pages (only its
   * three readers) reload on every change.
   */
  @ApplicationModuleListener
  void on(org.baton.roles.RolesChanged event) {
    String role = roles.role(event.roleId()).name();
    String link =
        event.applicationId() == null
                || event.kind() == org.baton.roles.RolesChanged.Kind.APPROVAL_ASKED
            ? "/roles/" + event.roleId()
            : "/roles/" + event.roleId() + "/applications/" + event.applicationId();
    String actor = event.actorPersonId() == null ? "Baton" : name(event.actorPersonId());
    String what =
        switch (event.kind()) {
          case APPLIED -> actor + " applied for " + role + ": read the application and answer";
          case TIME_ANSWERED -> actor + " answered about the time for " + role;
          case MESSAGE -> actor + " wrote about the application for " + role;
          case MATCH_PROPOSED -> actor + " proposed a match for " + role + ": agree or reply";
          case MATCHED -> actor + " agreed the match: " + role + " is taken on";
          case DECLINED -> actor + " declined the application for " + role + ", with a reason";
          case WITHDRAWN -> actor + " withdrew their application for " + role;
          case HANDED -> actor + " handed on " + role;
          case APPROVAL_ASKED ->
              "Someone is to hold " + role + ": approve it, as its authority comes from your rule";
          case LEFT -> "A holding of " + role + " ended";
          case OPENED -> "An open role that matches your interests: " + role;
        };
    NotificationKind kind =
        event.kind() == org.baton.roles.RolesChanged.Kind.OPENED
            ? NotificationKind.ROLES_OPENING
            : NotificationKind.ROLES;
    List<Long> told = present(event.told());
    notifyAll(told, kind, what, link, List.of());
    pushUnread(told);
    if (event.applicationId() != null) {
      List<Long> readers = new java.util.ArrayList<>(event.told());
      if (event.actorPersonId() != null) {
        readers.add(event.actorPersonId());
      }
      streams.publish(readers, "application-" + event.applicationId(), event.kind().name());
    }
  }

  private List<Long> present(List<Long> people) {
    return directory.people(people).stream().filter(Person::active).map(Person::id).toList();
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

  /** What an e-mail about an advice request says besides what happened: the question, when. */
  private List<String> details(AdviceRequest request) {
    return List.of(
        "The question: " + request.question(),
        "Advice is due by " + NotificationMail.when(request.deadline(), zone));
  }

  /**
   * Keeps the notification and, as the person chose for its kind, writes its e-mail now (into the
   * outbox, in this transaction) or marks it for their digest.
   */
  private void notify(
      long person, NotificationKind kind, String text, String link, List<String> details) {
    notifyAll(List.of(person), kind, text, link, details);
  }

  /**
   * The same notification to each of these people: their preferences in one query, the
   * notifications in one statement, and e-mail to those who want it at once (a round opening tells
   * everyone, so nothing here is done once per person that can be done once for all).
   */
  void notifyAll(
      List<Long> people, NotificationKind kind, String text, String link, List<String> details) {
    if (people.isEmpty()) {
      return;
    }
    String shown = text.length() > 500 ? text.substring(0, 499) + "…" : text;
    Map<Long, NotificationKind.Delivery> deliveries = preferences.deliveriesFor(people, kind);
    List<Long> distinct = people.stream().distinct().toList();
    jdbc.sql(
            """
            insert into notification (person_id, kind, text, link, digest_pending)
            select p, :kind, :text, :link, d
            from unnest(cast(:people as bigint[]), cast(:digest as boolean[])) as t (p, d)
            """)
        .param("people", distinct.toArray(Long[]::new))
        .param(
            "digest",
            distinct.stream()
                .map(p -> deliveries.get(p) == NotificationKind.Delivery.DIGEST)
                .toArray(Boolean[]::new))
        .param("kind", kind.name())
        .param("text", shown)
        .param("link", link)
        .update();
    List<Long> atOnce =
        distinct.stream()
            .filter(p -> deliveries.get(p) == NotificationKind.Delivery.IMMEDIATELY)
            .toList();
    if (!atOnce.isEmpty()) {
      NotificationMail.Item item = new NotificationMail.Item(shown, details, link);
      directory.people(atOnce).stream()
          .filter(Person::active)
          .forEach(p -> mail.send(p.email(), p.id(), kind, item));
    }
  }

  /** Each person's open pages get their new unread count; the counts come in one query. */
  void pushUnread(List<Long> people) {
    if (people.isEmpty()) {
      return;
    }
    Map<Long, Integer> unread = new java.util.HashMap<>();
    jdbc.sql(
            "select person_id, count(*) from notification where read_at is null"
                + " and person_id = any (cast(? as bigint[])) group by person_id")
        .param(people.toArray(Long[]::new))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> unread.put(rs.getLong(1), rs.getInt(2)));
    for (Long person : people.stream().distinct().toList()) {
      streams.publish(List.of(person), "unread", Integer.toString(unread.getOrDefault(person, 0)));
    }
  }
}
