package org.baton.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.BatonProperties;
import org.baton.platform.Money;
import org.baton.polls.Poll;
import org.baton.polls.PollDraft;
import org.baton.polls.PollKind;
import org.baton.polls.PollOutcomes;
import org.baton.polls.Polls;
import org.baton.polls.Stance;
import org.baton.polls.VoteDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's polls, asked by Priya of the change team and of her engineers: an open consent
 * proposal with one objection answered, a time to walk the shop floor (closed), and a choice among
 * three tooling suppliers that ended in her recorded decision.
 */
@Component
@Order(70)
class DemoPolls implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPolls.class);

  private final BatonProperties properties;
  private final Polls polls;
  private final PollOutcomes outcomes;
  private final Directory directory;
  private final Accounts accounts;
  private final Clock clock;

  DemoPolls(
      BatonProperties properties,
      Polls polls,
      PollOutcomes outcomes,
      Directory directory,
      Accounts accounts,
      Clock clock) {
    this.properties = properties;
    this.polls = polls;
    this.outcomes = outcomes;
    this.directory = directory;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo()
        || directory.findPersonByEmail("priya@example.com").isEmpty()
        || polls.anyPolls()) {
      return;
    }
    BatonUser priya = user("priya@example.com");
    consent(priya);
    meeting(priya);
    choice(priya);
    log.info("Wrote the demo polls.");
  }

  private void consent(BatonUser priya) {
    Poll poll =
        polls.start(
            priya,
            draft(
                PollKind.CONSENT,
                "Run the line 3 compressor in eco mode at night",
                "From next Monday the line 3 compressor runs in eco mode between 22:00 and 06:00."
                    + " It saves about 9,000 EUR of energy a year.",
                List.of(),
                List.of(
                    "olivia@example.com",
                    "ines@example.com",
                    "mateo@example.com",
                    "julia@example.com"),
                Duration.ofHours(24)));
    vote(
        "olivia@example.com",
        poll,
        Stance.OBJECT,
        "The night shift needs full pressure for press 2: eco mode would stall it.");
    polls.answer(
        priya,
        poll.id(),
        String.valueOf(person("olivia@example.com")),
        "Eco mode only while press 2 is off: the controller switches back to full pressure within"
            + " seconds of the press starting.");
    vote("mateo@example.com", poll, Stance.CONSENT, "");
    vote("julia@example.com", poll, Stance.STAND_ASIDE, "I am on leave that month.");
  }

  private void meeting(BatonUser priya) {
    LocalDate next = LocalDate.now(clock).plusDays(7);
    Poll poll =
        polls.start(
            priya,
            draft(
                PollKind.MEETING,
                "Energy walk on the shop floor",
                "An hour along the lines to list energy waste, with whoever runs them.",
                List.of(time(next, 7), time(next, 14), time(next.plusDays(1), 10)),
                List.of("olivia@example.com", "ines@example.com", "mateo@example.com"),
                Duration.ofHours(4)));
    Poll.Option first = poll.options().get(0);
    Poll.Option second = poll.options().get(1);
    choose("olivia@example.com", poll, List.of(first.id(), second.id()));
    choose("ines@example.com", poll, List.of(second.id()));
    choose("mateo@example.com", poll, List.of(second.id(), poll.options().get(2).id()));
    polls.close(priya, poll.id());
  }

  private void choice(BatonUser priya) {
    Poll poll =
        polls.start(
            priya,
            draft(
                PollKind.CHOICE,
                "Which supplier for the new press tooling?",
                "Three offers within 5 % of each other on price; which one do we take?",
                List.of("Hartmann Werkzeuge", "Nordtool", "GreenTec Tooling"),
                List.of("victor@example.com", "mateo@example.com", "julia@example.com"),
                Duration.ofHours(24)));
    Poll.Option greenTec = poll.options().get(2);
    choose("mateo@example.com", poll, List.of(greenTec.id()));
    choose("julia@example.com", poll, List.of(greenTec.id()));
    choose("victor@example.com", poll, List.of(poll.options().get(0).id()));
    polls.close(priya, poll.id());
    outcomes.record(
        priya,
        poll.id(),
        new PollOutcomes.Outcome(
            greenTec.id(),
            "purchasing.tools",
            "Press tooling from GreenTec Tooling",
            "Two of three engineers chose it: the lowest footprint at nearly the same price.",
            Money.of("800", "EUR"),
            null));
  }

  private PollDraft draft(
      PollKind kind,
      String title,
      String details,
      List<String> options,
      List<String> asked,
      Duration open) {
    return new PollDraft(
        kind,
        title,
        details,
        options,
        List.of(),
        asked.stream().map(this::person).toList(),
        clock.instant().plus(open),
        false,
        false,
        false,
        false,
        0,
        null);
  }

  private void vote(String who, Poll poll, Stance stance, String reason) {
    polls.vote(user(who), poll.id(), new VoteDraft(null, null, null, stance, reason));
  }

  private void choose(String who, Poll poll, List<Long> options) {
    polls.vote(user(who), poll.id(), new VoteDraft(options, null, null, null, ""));
  }

  private static String time(LocalDate day, int hour) {
    return LocalDateTime.of(day, java.time.LocalTime.of(hour, 0)).toString().replace('T', ' ');
  }

  private long person(String email) {
    return directory.findPersonByEmail(email).map(Person::id).orElseThrow();
  }

  private BatonUser user(String username) {
    return (BatonUser) accounts.loadUserByUsername(username);
  }
}
