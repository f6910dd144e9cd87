package org.baton.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.directory.Directory;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.BatonProperties;
import org.baton.platform.Money;
import org.baton.platform.SystemTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few decisions of the demo organisation, recorded through the decision record itself (each
 * checked against the demo policy when recorded), so that a newcomer's first start shows decisions
 * made at the front line, one of them confidential, and a record that verifies.
 */
@Component
@Order(30)
class DemoDecisions implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDecisions.class);

  private final BatonProperties properties;
  private final DecisionRecord decisions;
  private final Directory directory;
  private final Accounts accounts;
  private final Clock clock;

  DemoDecisions(
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
    if (!properties.demo()
        || !decisions.isEmpty()
        || directory.findPersonByEmail("henry@example.com").isEmpty()) {
      return;
    }
    SystemTask.runAsAdmin(
        () -> {
          decide(
              "henry@example.com",
              "customer.goodwill",
              "Goodwill credit for a late delivery",
              "The order arrived a week late for a gold customer; a credit keeps her trust.",
              Money.of("150", "EUR"),
              Map.of("customer.tier", "gold"),
              "Service Desk");
          decide(
              "maria@example.com",
              "customer.goodwill",
              "Goodwill credit after a failed repair",
              "The second repair failed too; the customer gets the repair cost back.",
              Money.of("1200", "EUR"),
              Map.of(),
              "Service Desk");
          decide(
              "olivia@example.com",
              "production.stop-line",
              "Stopped line 3 for burrs",
              "Every part had a burr after the tool change; stopping saves scrap.",
              null,
              Map.of(),
              "Production");
          decide(
              "ruth@example.com",
              "finance.write-off",
              "Wrote off an unrecoverable receivable",
              "The customer is insolvent; the administrator confirmed nothing will be paid.",
              Money.of("3000", "EUR"),
              Map.of(),
              "Finance");
          return null;
        });
    log.info("Recorded the demo decisions.");
  }

  private void decide(
      String email,
      String type,
      String title,
      String reason,
      Money amount,
      Map<String, String> context,
      String team) {
    BatonUser decider = (BatonUser) accounts.loadUserByUsername(email);
    long teamId =
        directory.teams().stream()
            .filter(t -> t.name().equals(team))
            .findFirst()
            .orElseThrow()
            .id();
    decisions.record(
        decider,
        new DecisionDraft(
            type,
            title,
            reason,
            amount,
            context,
            List.of(teamId),
            LocalDate.now(clock).plusDays(30),
            "",
            null));
  }
}
