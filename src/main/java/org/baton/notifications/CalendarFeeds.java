package org.baton.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.baton.advice.AdviceReadings;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.BatonUser;
import org.baton.platform.BatonProperties;
import org.baton.strategy.DialogueRound;
import org.baton.strategy.Dialogues;
import org.baton.strategy.Direction;
import org.baton.strategy.Strategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's calendar (iCalendar, RFC 5545): the dates of dialogue rounds and of the current
 * priorities' goals, which every member may see, and their own: follow-up dates of their decisions
 * and the deadlines of advice asked of them. Read with an API token, or at a secret address a
 * calendar app subscribes to; only the secret's SHA-256 is kept, a new address replaces the old,
 * and revoking ends it. Nothing confidential to others is in it: key figures have no dates here,
 * and the decisions and advice are the person's own.
 */
@Service
public class CalendarFeeds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretsStore store;
  private final Dialogues dialogues;
  private final Strategy strategy;
  private final DecisionRecord decisions;
  private final AdviceReadings advice;
  private final String baseUrl;
  private final Clock clock;
  private final org.baton.directory.Directory directory;
  private final org.baton.identity.Accounts accounts;

  CalendarFeeds(
      SecretsStore store,
      org.baton.directory.Directory directory,
      org.baton.identity.Accounts accounts,
      Dialogues dialogues,
      Strategy strategy,
      DecisionRecord decisions,
      AdviceReadings advice,
      BatonProperties properties,
      Clock clock) {
    this.store = store;
    this.directory = directory;
    this.accounts = accounts;
    this.dialogues = dialogues;
    this.strategy = strategy;
    this.decisions = decisions;
    this.advice = advice;
    this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
    this.clock = clock;
  }

  /** The calendar of the person acting. */
  @Transactional(readOnly = true)
  public String calendarOf(BatonUser actor) {
    return write(actor, actor.personId());
  }

  /**
   * The calendar at a secret address, if the secret is the current one of a person who may still
   * sign in (someone who has left gets nothing).
   */
  @Transactional(readOnly = true)
  public Optional<String> calendarAt(String secret) {
    return store
        .personWithSecret(hash(secret))
        .flatMap(directory::findPerson)
        .filter(org.baton.directory.Person::active)
        .flatMap(this::account)
        .map(user -> write(user, user.personId()));
  }

  private Optional<BatonUser> account(org.baton.directory.Person person) {
    try {
      BatonUser user = (BatonUser) accounts.loadUserByUsername(person.email());
      return user.isEnabled() ? Optional.of(user) : Optional.empty();
    } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
      return Optional.empty();
    }
  }

  /** A new secret address for the person acting (the old one stops working); shown once. */
  @Transactional
  public String newAddress(BatonUser actor) {
    actor.requirePerson("person", "calendars are a person's.");
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    store.keep(actor.personId(), hash(secret), clock.instant());
    return baseUrl + "/calendar/" + secret + ".ics";
  }

  @Transactional
  public void revoke(BatonUser actor) {
    if (actor.personId() != null) {
      store.forget(actor.personId());
    }
  }

  /**
   * Someone who leaves loses their calendar address at once, in the deactivation's transaction;
   * coming back does not revive it (they make a new one).
   */
  @org.springframework.context.event.EventListener
  void on(org.baton.directory.PersonDeactivated event) {
    store.forget(event.personId());
  }

  @Transactional(readOnly = true)
  public boolean hasAddress(BatonUser actor) {
    return actor.personId() != null && store.has(actor.personId());
  }

  private String write(BatonUser actor, Long person) {
    List<ICalendar.Event> events = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (DialogueRound round : dialogues.list(actor)) {
      if (round.published()) {
        continue;
      }
      String url = baseUrl + "/dialogues/" + round.id();
      events.add(
          new ICalendar.Event(
              "round-" + round.id() + "-close@baton",
              "Contributions close: " + round.title(),
              round.contributionsCloseOn(),
              null,
              url));
      events.add(
          new ICalendar.Event(
              "round-" + round.id() + "-answers@baton",
              "Answers due: " + round.title(),
              round.answersDueOn(),
              null,
              url));
    }
    for (Direction.Priority priority : strategy.currentPriorities()) {
      for (Direction.Goal goal : priority.goals()) {
        events.add(
            new ICalendar.Event(
                "goal-" + goal.id() + "@baton",
                "Goal due: " + goal.title() + " (" + priority.title() + ")",
                goal.dueOn(),
                null,
                baseUrl + "/strategy/priorities/" + priority.id()));
      }
    }
    if (person != null) {
      for (DecisionRecord.FollowUpDate f : decisions.followUpDatesOf(person, today.minusDays(30))) {
        events.add(
            new ICalendar.Event(
                "decision-" + f.decisionId() + "-follow-up@baton",
                "Follow up: " + f.title(),
                f.on(),
                null,
                baseUrl + "/decisions/" + f.decisionId()));
      }
      for (AdviceReadings.WaitingAdvice w : advice.waitingFor(List.of(person))) {
        if (w.deadline() != null) {
          events.add(
              new ICalendar.Event(
                  "advice-" + w.requestId() + "-deadline@baton",
                  "Advice due: " + w.question(),
                  null,
                  w.deadline(),
                  baseUrl + "/advice/" + w.requestId()));
        }
      }
    }
    return ICalendar.write("Baton", events, clock.instant());
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
