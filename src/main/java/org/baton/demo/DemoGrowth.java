package org.baton.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.directory.Directory;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
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
 * Story 7's clerk: five months of goodwill credits by Jakub, recorded through the decision record
 * as of the days they stand for ({@link Backdating}), each checked against the demo policy at that
 * moment. Forty-four decisions within scope, none reversed, a quarter of them above 300 EUR: the
 * growth policy's record, so the growth follower suggests that Maria, who owns the service desk's
 * goodwill rule, raise his limit. The suggestion waits for her answer.
 */
@Component
@Order(35)
class DemoGrowth implements ApplicationRunner {

  static final int DECISIONS = 44;
  private static final Logger log = LoggerFactory.getLogger(DemoGrowth.class);

  /** A few credits a week, now and then a larger one (finance consulted above 250 EUR). */
  private static final int[] AMOUNTS = {80, 120, 340, 60, 150, 420, 95, 200, 310, 130, 75};

  private static final String[] CASES = {
    "a late delivery",
    "a parcel that arrived damaged",
    "a repair that took three visits",
    "a missed appointment",
    "a wrong invoice",
    "an order shipped to the old address",
    "a faulty replacement part"
  };

  private final BatonProperties properties;
  private final DecisionRecord decisions;
  private final Directory directory;
  private final Accounts accounts;
  private final Clock clock;

  DemoGrowth(
      BatonProperties properties,
      DecisionRecord decisions,
      Directory directory,
      Accounts accounts,
      Clock clock) {
    this.properties = properties;
    this.decisions = decisions;
    this.directory = directory;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo() || directory.findPersonByEmail("jakub@example.com").isEmpty()) {
      return;
    }
    BatonUser jakub = (BatonUser) accounts.loadUserByUsername("jakub@example.com");
    if (!decisions.list(jakub, "mine", null, null, null, 1).items().isEmpty()) {
      return;
    }
    long felix = directory.findPersonByEmail("felix@example.com").orElseThrow().id();
    Instant now = clock.instant();
    for (int i = 0; i < DECISIONS; i++) {
      // from five months ago to a few days ago, oldest first
      Instant at = now.minus(Duration.ofDays(150 - i * 3L)).minus(Duration.ofHours(i % 5));
      int amount = AMOUNTS[i % AMOUNTS.length];
      String what = CASES[i % CASES.length];
      Backdating.asOf(
          at,
          () ->
              decisions.record(
                  jakub,
                  new DecisionDraft(
                          "customer.goodwill",
                          "Credit to a customer for " + what,
                          "The customer was let down by " + what + "; a credit keeps their trust.",
                          Money.of(String.valueOf(amount), "EUR"),
                          Map.of(),
                          List.of(),
                          null,
                          amount > 250 ? "Fine for a customer of many years." : "",
                          null)
                      // above 250 EUR the desk's rule needs finance's advice: Felix gave it
                      .withAdvice(amount > 250 ? List.of(felix) : List.of(), null)));
    }
    log.info("Recorded five months of Jakub's goodwill decisions (story 7).");
  }
}
