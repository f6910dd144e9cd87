package org.baton.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.baton.advice.AdviceRequest;
import org.baton.advice.AdviceService;
import org.baton.advice.Stance;
import org.baton.authority.Authority;
import org.baton.authority.CheckQuestion;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.HolderRequest;
import org.baton.decisions.HolderRequests;
import org.baton.directory.Directory;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.initiatives.Initiative;
import org.baton.initiatives.InitiativeStatus;
import org.baton.initiatives.Initiatives;
import org.baton.platform.Backdating;
import org.baton.platform.BatonProperties;
import org.baton.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Six months of the demo company's everyday work, done through the real services as of the moments
 * they stand for ({@link Backdating}), so that insights and the home are alive on a first start:
 * clerks checking and deciding goodwill credits (and asking Maria for the large ones, less often as
 * the months go by, and answered faster), operators stopping the line, engineers buying tools,
 * initiatives spotted, decided, handed over and done, and advice asked, given and closed.
 *
 * <p>Nothing here is random: the same start gives the same history, which a newcomer can follow
 * from week to week. Large credits are well above the desk's limit (never "just above", so that the
 * growth policy suggests nothing from them); a few checks just above it show as the rule most often
 * just exceeded.
 */
@Component
@Order(36)
class DemoHistory implements ApplicationRunner {

  static final int WEEKS = 26;
  private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

  private static final String[] CLERKS = {
    "nina@example.com", "omar@example.com", "aisha@example.com", "paul@example.com"
  };
  private static final String[] OPERATORS = {
    "ben@example.com", "chen@example.com", "dario@example.com", "eva@example.com",
    "mila@example.com", "noah@example.com", "rosa@example.com", "tara@example.com"
  };
  private static final String[] SHIFT_LEADERS = {"ines@example.com", "lukas@example.com"};
  private static final String[] ENGINEERS = {
    "mateo@example.com", "julia@example.com", "yusuf@example.com"
  };
  private static final String[] CASES = {
    "a late delivery",
    "a parcel that arrived damaged",
    "a missed appointment",
    "a wrong invoice",
    "a repair that took two visits"
  };
  private static final String[] PROBLEMS = {
    "Coolant leaking at press 2",
    "Labels peeling off in the cold store",
    "Torque wrench out of calibration",
    "Pallets blocking the fire exit",
    "Scrap bin overflowing at line 1",
    "Gauges missing from the tool board",
    "Forklift charging cable frayed",
    "Drawings at line 4 out of date",
    "Air leak at the paint booth"
  };

  private final BatonProperties properties;
  private final Directory directory;
  private final Accounts accounts;
  private final Authority authority;
  private final DecisionRecord decisions;
  private final HolderRequests requests;
  private final Initiatives initiatives;
  private final AdviceService advice;
  private final Clock clock;

  DemoHistory(
      BatonProperties properties,
      Directory directory,
      Accounts accounts,
      Authority authority,
      DecisionRecord decisions,
      HolderRequests requests,
      Initiatives initiatives,
      AdviceService advice,
      Clock clock) {
    this.properties = properties;
    this.directory = directory;
    this.accounts = accounts;
    this.authority = authority;
    this.decisions = decisions;
    this.requests = requests;
    this.initiatives = initiatives;
    this.advice = advice;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo() || directory.findPersonByEmail("nina@example.com").isEmpty()) {
      return;
    }
    BatonUser nina = user("nina@example.com");
    if (!decisions.list(nina, "mine", null, null, null, 1).items().isEmpty()) {
      return; // written on an earlier start
    }
    // One day a week at 9:00, from six months ago to last week.
    Instant start =
        clock
            .instant()
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .minus(Duration.ofDays(7L * WEEKS))
            .plus(Duration.ofHours(9));
    for (int week = 0; week < WEEKS; week++) {
      Instant monday = start.plus(Duration.ofDays(7L * week));
      serviceDesk(week, monday);
      production(week, monday);
      engineering(week, monday);
    }
    log.info("Wrote six months of the demo company's work (insights and the home).");
  }

  /** Two goodwill credits a week at the counter; large ones to Maria, fewer as months go by. */
  private void serviceDesk(int week, Instant monday) {
    BatonUser maria = user("maria@example.com");
    for (int i = 0; i < 2; i++) {
      BatonUser clerk = user(CLERKS[(week * 2 + i) % CLERKS.length]);
      Instant at = monday.plus(Duration.ofHours(26L * i + 1));
      int amount = 60 + ((week * 37 + i * 53) % 180);
      String what = CASES[(week + i) % CASES.length];
      at(at, () -> check(clerk, "customer.goodwill", amount));
      at(at.plus(Duration.ofMinutes(5)), () -> decisions.record(clerk, credit(what, amount)));
    }
    if (week % 4 == 1) {
      // A clerk checks just above the desk's limit, and settles within it.
      BatonUser clerk = user(CLERKS[week % CLERKS.length]);
      at(monday.plus(Duration.ofHours(50)), () -> check(clerk, "customer.goodwill", 560));
    }
    // Early on, large credits go to Maria twice a week; later, once a fortnight. She answers
    // faster as the months go by.
    int escalations = week < WEEKS / 2 ? 2 : week % 2;
    for (int i = 0; i < escalations; i++) {
      BatonUser clerk = user(CLERKS[(week + i + 1) % CLERKS.length]);
      Instant asked = monday.plus(Duration.ofHours(28L + 24 * i));
      int amount = 900 + ((week * 71 + i * 29) % 800);
      String what = CASES[(week + i + 2) % CASES.length];
      HolderRequest request =
          at(asked, () -> requests.ask(clerk, maria.personId(), credit(what, amount)));
      if (week == WEEKS - 1) {
        continue; // last week's still waits for Maria: a bottleneck on the insights page
      }
      long hours = Math.max(2, 30 - week);
      at(asked.plus(Duration.ofHours(hours)), () -> requests.approve(maria, request.id(), ""));
    }
  }

  /** Operators stop the line when something is wrong; shift leaders now and then; initiatives. */
  private void production(int week, Instant monday) {
    BatonUser operator = user(OPERATORS[week % OPERATORS.length]);
    at(
        monday.plus(Duration.ofHours(3)),
        () ->
            decisions.record(
                operator,
                decision(
                    "production.stop-line",
                    "Stopped the line: " + PROBLEMS[week % PROBLEMS.length].toLowerCase(),
                    "Parts would have been scrapped; fixed and restarted within the hour.",
                    null)));
    if (week % 2 == 0) {
      BatonUser leader = user(SHIFT_LEADERS[(week / 2) % SHIFT_LEADERS.length]);
      at(
          monday.plus(Duration.ofHours(30)),
          () ->
              decisions.record(
                  leader,
                  decision(
                      "production.stop-line",
                      "Stopped both lines for a safety walk",
                      "A near miss at the loading bay; everyone walked the floor.",
                      null)));
    }
    if (week % 3 == 0 && week / 3 < PROBLEMS.length) {
      spotAndFollow(week, monday, operator);
    }
  }

  /** An initiative spotted by an operator, decided days later, sometimes handed over, done. */
  private void spotAndFollow(int week, Instant monday, BatonUser operator) {
    long production = team("Production");
    String problem = PROBLEMS[week / 3];
    Initiative spotted =
        at(
            monday.plus(Duration.ofHours(4)),
            () ->
                initiatives.start(
                    operator,
                    problem,
                    "Spotted on the shift; I will lead the fix.",
                    "Plant 1",
                    "production.process-change",
                    List.of(production)));
    long decidedAfter = 24L * (6 - Math.min(4, week / 5)); // faster as the months go by
    at(
        monday.plus(Duration.ofHours(4 + decidedAfter)),
        () ->
            initiatives.changeStatus(
                operator, spotted.id(), InitiativeStatus.DECIDED, "We know what to do."));
    BatonUser leader = operator;
    if (week % 2 == 0) {
      BatonUser engineer = user(ENGINEERS[week % ENGINEERS.length]);
      at(
          monday.plus(Duration.ofHours(8 + decidedAfter)),
          () ->
              initiatives.handOver(
                  operator,
                  spotted.id(),
                  String.valueOf(engineer.personId()),
                  "The fix needs an engineer."));
      leader = engineer;
    }
    BatonUser finisher = leader;
    if (week < WEEKS - 4) {
      at(
          monday.plus(Duration.ofHours(4 + decidedAfter + 72)),
          () ->
              initiatives.changeStatus(
                  finisher, spotted.id(), InitiativeStatus.DONE, "Fixed and checked."));
    }
  }

  /** Engineers buy tools within their limit; once a month one asks quality and finance first. */
  private void engineering(int week, Instant monday) {
    if (week % 2 == 1) {
      BatonUser engineer = user(ENGINEERS[week % ENGINEERS.length]);
      int amount = 300 + (week * 43) % 600;
      at(monday.plus(Duration.ofHours(6)), () -> check(engineer, "purchasing.tools", amount));
      at(
          monday.plus(Duration.ofHours(7)),
          () ->
              decisions.record(
                  engineer,
                  decision(
                      "purchasing.tools",
                      "Bought a set of replacement cutters",
                      "The old set is worn; parts came out rough.",
                      Money.of(String.valueOf(amount), "EUR"))));
    }
    if (week % 4 == 2) {
      BatonUser engineer = user(ENGINEERS[(week / 4) % ENGINEERS.length]);
      BatonUser clara = user("clara@example.com");
      BatonUser felix = user("felix@example.com");
      Instant asked = monday.plus(Duration.ofHours(5));
      AdviceRequest request =
          at(
              asked,
              () ->
                  advice.ask(
                      engineer,
                      new AdviceService.Ask(
                          null,
                          "Should we move the deburring station next to line 3?",
                          "It would save a walk per batch; it needs a new extraction hood.",
                          asked.plus(Duration.ofDays(5)),
                          List.of(),
                          List.of(clara.personId(), felix.personId()),
                          false,
                          "purchasing.tools",
                          null)));
      long first = Math.max(1, 20 - week / 2); // advice comes sooner as the months go by
      at(
          asked.plus(Duration.ofHours(first)),
          () -> advice.advise(clara, request.id(), Stance.SUPPORT, "Quality gains too.", ""));
      at(
          asked.plus(Duration.ofHours(first + 6)),
          () ->
              advice.advise(
                  felix,
                  request.id(),
                  Stance.SUPPORT_WITH_CONDITIONS,
                  "Fine within this year's budget.",
                  "Order the hood before the price rise."));
      at(
          asked.plus(Duration.ofHours(first + 30)),
          () -> advice.close(engineer, request.id(), null, "Moving it in the next shutdown."));
    }
  }

  private Object check(BatonUser who, String type, int amount) {
    return authority.check(
        who,
        new CheckQuestion(who.personId(), type, Money.of(String.valueOf(amount), "EUR"), Map.of()));
  }

  private static DecisionDraft credit(String what, int amount) {
    return decision(
        "customer.goodwill",
        "Credit to a customer for " + what,
        "The customer was let down by " + what + "; a credit keeps their trust.",
        Money.of(String.valueOf(amount), "EUR"));
  }

  private static DecisionDraft decision(String type, String title, String reason, Money amount) {
    return new DecisionDraft(type, title, reason, amount, Map.of(), List.of(), null, "", null);
  }

  private long team(String name) {
    return directory.teams().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private BatonUser user(String email) {
    return (BatonUser) accounts.loadUserByUsername(email);
  }

  private static <T> T at(Instant moment, Supplier<T> work) {
    return Backdating.asOf(moment, work);
  }
}
