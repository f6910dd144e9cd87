package org.baton.notifications;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baton.advice.AdviceReadings;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.HolderRequest;
import org.baton.decisions.HolderRequests;
import org.baton.directory.Directory;
import org.baton.initiatives.Initiatives;
import org.baton.platform.BatonProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes each person's digest when it is due: daily at {@code baton.notifications.digest-at}, or
 * weekly on Mondays at that time, with what waits for them (advice asked of them, requests for them
 * to decide), the notifications they chose to get this way since the last one, and what happened in
 * their teams over the period ({@link TeamNews}). Nothing to tell, no e-mail.
 *
 * <p>People are taken {@value #CHUNK} at a time, each chunk in one transaction: its e-mails go into
 * the outbox, its notifications leave the digest queue and its people are marked done together, so
 * a crash mid-way loses nothing and repeats nothing; the next run carries on with the rest.
 */
@Component
class Digests implements SchedulingConfigurer {

  static final int CHUNK = 500;
  private static final int MOST_ITEMS = 30;

  private final DigestStore store;
  private final Clock clock;
  private final BatonProperties.Notifications settings;
  private final AdviceReadings advice;
  private final HolderRequests holderRequests;
  private final NotificationMail mail;
  private final TransactionTemplate transactions;
  private final DecisionRecord decisions;
  private final Initiatives initiatives;
  private final Directory directory;

  Digests(
      DigestStore store,
      Clock clock,
      BatonProperties properties,
      AdviceReadings advice,
      HolderRequests holderRequests,
      NotificationMail mail,
      PlatformTransactionManager transactionManager,
      DecisionRecord decisions,
      Initiatives initiatives,
      Directory directory) {
    this.decisions = decisions;
    this.initiatives = initiatives;
    this.directory = directory;
    this.store = store;
    this.clock = clock;
    this.settings = properties.notifications();
    this.advice = advice;
    this.holderRequests = holderRequests;
    this.mail = mail;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::writeDue, settings.digestPoll(), settings.digestInitialDelay()));
  }

  /** Writes every digest that is due now; returns how many e-mails it wrote. */
  int writeDue() {
    Instant now = clock.instant();
    return writeDue(NotificationPreferences.Digest.DAILY, lastDailyTime(now), now)
        + writeDue(NotificationPreferences.Digest.WEEKLY, lastWeeklyTime(now), now);
  }

  private int writeDue(NotificationPreferences.Digest frequency, Instant since, Instant now) {
    int written = 0;
    long after = 0;
    TeamNews[] news = new TeamNews[1]; // read once, when the first chunk has someone due
    while (true) {
      long from = after;
      Integer[] chunk = new Integer[] {0};
      Long last =
          transactions.execute(
              status -> {
                List<DigestStore.Due> due = store.due(frequency, since, from, CHUNK);
                if (due.isEmpty()) {
                  return null;
                }
                if (news[0] == null) {
                  Instant period =
                      now.minus(
                          frequency == NotificationPreferences.Digest.WEEKLY
                              ? java.time.Duration.ofDays(7)
                              : java.time.Duration.ofDays(1));
                  news[0] =
                      new TeamNews(
                          directory.organisation(),
                          decisions.openDecisionsSince(period, TeamNews.MOST_READ),
                          initiatives.startedSince(period, TeamNews.MOST_READ));
                }
                chunk[0] = write(due, now, news[0]);
                return due.get(due.size() - 1).personId();
              });
      if (last == null) {
        return written;
      }
      written += chunk[0];
      after = last;
    }
  }

  private int write(List<DigestStore.Due> due, Instant now, TeamNews news) {
    List<Long> people = due.stream().map(DigestStore.Due::personId).toList();
    Map<Long, List<NotificationMail.Item>> items = new HashMap<>();
    for (AdviceReadings.WaitingAdvice waiting : advice.waitingFor(people)) {
      items
          .computeIfAbsent(waiting.personId(), p -> new ArrayList<>())
          .add(
              new NotificationMail.Item(
                  "Your advice is asked: " + waiting.question(),
                  List.of("Due by " + NotificationMail.when(waiting.deadline(), settings.zone())),
                  "/advice/" + waiting.requestId()));
    }
    for (HolderRequest request : holderRequests.waitingFor(people)) {
      items
          .computeIfAbsent(request.holderPersonId(), p -> new ArrayList<>())
          .add(
              new NotificationMail.Item(
                  request.requesterName() + " asks you to decide: " + request.title(),
                  List.of(
                      "Waiting since "
                          + NotificationMail.when(request.createdAt(), settings.zone())),
                  "/authority/requests"));
    }
    for (DigestStore.Pending pending : store.pending(people)) {
      items
          .computeIfAbsent(pending.personId(), p -> new ArrayList<>())
          .add(new NotificationMail.Item(pending.text(), List.of(), pending.link()));
    }
    for (DigestStore.Due person : due) {
      List<NotificationMail.Item> teams = news.forPerson(person.personId());
      if (!teams.isEmpty()) {
        items.computeIfAbsent(person.personId(), p -> new ArrayList<>()).addAll(teams);
      }
    }
    int written = 0;
    for (DigestStore.Due person : due) {
      List<NotificationMail.Item> theirs = items.get(person.personId());
      if (theirs == null) {
        continue;
      }
      List<NotificationMail.Item> shown =
          theirs.size() > MOST_ITEMS ? theirs.subList(0, MOST_ITEMS) : theirs;
      if (theirs.size() > MOST_ITEMS) {
        shown = new ArrayList<>(shown);
        shown.add(
            new NotificationMail.Item(
                (theirs.size() - MOST_ITEMS) + " more in Baton", List.of(), "/notifications"));
      }
      mail.sendDigest(
          person.email(),
          person.personId(),
          "Your Baton digest: " + theirs.size() + (theirs.size() == 1 ? " thing" : " things"),
          shown);
      written++;
    }
    store.written(people, now);
    return written;
  }

  /** The latest daily digest time at or before now. */
  Instant lastDailyTime(Instant now) {
    ZonedDateTime local = now.atZone(settings.zone());
    ZonedDateTime today = local.toLocalDate().atTime(settings.digestAt()).atZone(settings.zone());
    return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
  }

  /** The latest Monday digest time at or before now. */
  Instant lastWeeklyTime(Instant now) {
    ZonedDateTime local = now.atZone(settings.zone());
    LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    ZonedDateTime time = monday.atTime(settings.digestAt()).atZone(settings.zone());
    return (time.isAfter(local) ? time.minusWeeks(1) : time).toInstant();
  }
}
