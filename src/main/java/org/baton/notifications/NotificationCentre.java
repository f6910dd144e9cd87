package org.baton.notifications;

import java.time.Instant;
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

  private final NotificationStore store;
  private final java.time.Clock clock;
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
      NotificationStore store,
      java.time.Clock clock,
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
    this.store = store;
    this.clock = clock;
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
        besides(present(event.told()), event.actorPersonId()).stream()
            .filter(p -> !event.newlyAsked().contains(p))
            .toList();
    notifyAll(others, kind, what, link, details);
    streams.publish(event.told(), "advice-" + event.requestId(), what);
    pushUnread(event.told());
  }

  /** The people to tell, without the one who did it. */
  private static List<Long> besides(List<Long> people, Long actor) {
    return actor == null ? people : people.stream().filter(p -> !p.equals(actor)).toList();
  }

  @ApplicationModuleListener
  void on(InitiativeChanged event) {
    String link = "/initiatives/" + event.initiativeId();
    String what = InitiativeNoticeWords.text(event, this::name);
    String title = initiatives.find(event.initiativeId()).title();
    // not whoever has left (the leader, say), nor who did it
    List<Long> audience = besides(present(event.told()), event.actorPersonId());
    notifyAll(audience, InitiativeNoticeWords.kind(event), title + ": " + what, link, List.of());
    streams.publish(present(event.told()), "initiative-" + event.initiativeId(), what);
    pushUnread(audience);
  }

  /** The holder hears of a request to decide; the requester hears its answer. */
  @ApplicationModuleListener
  void on(HolderRequestChanged event) {
    HolderRequest request = holderRequests.find(event.requestId()).orElse(null);
    if (request == null) {
      return;
    }
    RequestNoticeWords.Notice notice = RequestNoticeWords.of(event, request);
    notify(notice.told(), notice.kind(), notice.text(), notice.link(), notice.details());
    pushUnread(List.of(notice.told()));
  }

  /** A request to decide moved on because its holder left: the requester and new holder hear. */
  @ApplicationModuleListener
  void on(HolderRequestRerouted event) {
    String left = name(event.leftPersonId());
    String link = RequestNoticeWords.LINK;
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
    String title =
        event.kind() == LearningChanged.Kind.ROUND_STARTED
            ? learning.roundTitle(event.roundId())
            : learning.title(event.learning(), event.learningId());
    String what = ActivityNoticeWords.text(event, name(event.actorPersonId()), title);
    String link = ActivityNoticeWords.link(event);
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
    String link = ActivityNoticeWords.link(event);
    String actor = event.actorPersonId() == null ? "" : name(event.actorPersonId());
    String what = ActivityNoticeWords.text(event, actor, title);
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
    String what = ActivityNoticeWords.text(event, this::name);
    String link = ActivityNoticeWords.link(event);
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
    String actor = event.actorPersonId() == null ? "Baton" : name(event.actorPersonId());
    String what = ActivityNoticeWords.text(event, actor, role);
    String link = ActivityNoticeWords.link(event);
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

  private String name(Long personId) {
    return personId == null
        ? "someone"
        : directory.findPerson(personId).map(Person::name).orElse("someone");
  }

  public List<Notification> recent(long personId) {
    return store.recent(personId);
  }

  public int unread(long personId) {
    return store.unread(personId);
  }

  @Transactional
  public void markAllRead(long personId) {
    store.markAllRead(personId, clock.instant());
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
    store.add(
        distinct,
        distinct.stream().map(p -> deliveries.get(p) == NotificationKind.Delivery.DIGEST).toList(),
        kind,
        shown,
        link,
        clock.instant());
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
    Map<Long, Integer> unread = store.unread(people);
    for (Long person : people.stream().distinct().toList()) {
      streams.publish(List.of(person), "unread", Integer.toString(unread.getOrDefault(person, 0)));
    }
  }
}
