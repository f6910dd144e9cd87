package org.baton.demo;

import java.math.BigDecimal;
import java.util.List;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.authority.Holder;
import org.baton.authority.RuleDraft;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.directory.Team;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.BatonProperties;
import org.baton.platform.SystemTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's authority policy (see docs/DEMO.md), created once, through the same
 * administration an admin uses, when the demo is on and no decision type exists yet.
 */
@Component
@Order(20)
class DemoPolicy implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPolicy.class);

  private final BatonProperties properties;
  private final AuthorityAdministration administration;
  private final Directory directory;
  private final Accounts accounts;

  DemoPolicy(
      BatonProperties properties,
      AuthorityAdministration administration,
      Directory directory,
      Accounts accounts) {
    this.properties = properties;
    this.administration = administration;
    this.directory = directory;
    this.accounts = accounts;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo()
        || !administration.types().isEmpty()
        || directory.findPersonByEmail("sam@example.com").isEmpty()) {
      return;
    }
    BatonUser admin = (BatonUser) accounts.loadUserByUsername("admin");
    SystemTask.runAsAdmin(
        () -> {
          types();
          rules(admin);
          return null;
        });
    log.info("Created the demo authority policy.");
  }

  private void types() {
    type("customer", "Customer decisions", "Anything done for a customer.", true, false);
    type(
        "customer.goodwill",
        "Goodwill credit",
        "A credit for a customer who was let down.",
        true,
        false);
    type("customer.refund", "Refund", "Money back for a returned or faulty product.", true, false);
    type("purchasing", "Purchasing", "Buying goods and services.", true, false);
    type("purchasing.tools", "Tool purchase", "Tools and fixtures for production.", true, false);
    type("production", "Production decisions", "How the plant runs.", false, false);
    type(
        "production.process-change",
        "Process change",
        "Changing how a part is made.",
        false,
        false);
    type(
        "production.stop-line",
        "Stop the line",
        "Stopping production to fix a problem.",
        false,
        false);
    type("finance.write-off", "Write-off", "Writing off a receivable or stock.", true, true);
  }

  private void rules(BatonUser admin) {
    long serviceDesk = team("Service Desk");
    long production = team("Production");
    long engineering = team("Production Engineering");
    long finance = team("Finance");
    long leadership = team("Leadership");
    Long maria = person("maria@example.com");
    Long sam = person("sam@example.com");
    Long karl = person("karl@example.com");
    Long ruth = person("ruth@example.com");

    rule(
        admin,
        "customer.goodwill",
        Holder.Kind.TEAM,
        serviceDesk,
        "500",
        "250",
        List.of("finance"),
        maria,
        "The service desk settles goodwill on the spot; finance advises on larger credits.");
    rule(
        admin,
        "customer.goodwill",
        Holder.Kind.TEAM_LEADER,
        serviceDesk,
        "2000",
        null,
        List.of(),
        sam,
        "The service-desk leader covers the larger cases.");
    rule(
        admin,
        "customer",
        Holder.Kind.TEAM_LEADER,
        leadership,
        "50000",
        null,
        List.of(),
        sam,
        "The chief executive decides the exceptional customer cases.");
    rule(
        admin,
        "purchasing.tools",
        Holder.Kind.TEAM,
        engineering,
        "5000",
        "1000",
        List.of("finance"),
        karl,
        "Engineers buy the tools they need; finance advises above 1,000 EUR.");
    rule(
        admin,
        "production.process-change",
        Holder.Kind.TEAM_AND_SUBTEAMS,
        production,
        null,
        null,
        List.of("quality", "production-engineering"),
        karl,
        "Whoever runs the process may change it, after advice from quality and engineering.");
    rule(
        admin,
        "production.process-change",
        Holder.Kind.TEAM,
        engineering,
        null,
        null,
        List.of("quality"),
        karl,
        "Engineers change processes after advice from quality.");
    rule(
        admin,
        "production.stop-line",
        Holder.Kind.TEAM_AND_SUBTEAMS,
        production,
        null,
        null,
        List.of(),
        karl,
        "Anyone on the line stops it when something is wrong.");
    rule(
        admin,
        "finance.write-off",
        Holder.Kind.TEAM_LEADER,
        finance,
        "10000",
        null,
        List.of(),
        ruth,
        "The head of finance writes off small amounts; the rest goes to the executive.");
  }

  private void type(
      String code, String name, String description, boolean amount, boolean confidential) {
    administration.saveType(new DecisionType(code, name, description, amount, confidential));
  }

  private void rule(
      BatonUser admin,
      String type,
      Holder.Kind kind,
      long teamId,
      String limit,
      String threshold,
      List<String> perspectives,
      Long owner,
      String reason) {
    administration.createRule(
        admin,
        new RuleDraft(
            type,
            kind,
            null,
            teamId,
            null,
            limit == null ? null : new BigDecimal(limit),
            limit == null ? null : "EUR",
            threshold == null ? null : new BigDecimal(threshold),
            perspectives,
            List.of(),
            null,
            null,
            owner,
            reason));
  }

  private long team(String name) {
    return directory.teams().stream()
        .filter(team -> team.name().equals(name))
        .map(Team::id)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The demo has no team " + name));
  }

  private Long person(String email) {
    return directory.findPersonByEmail(email).map(Person::id).orElse(null);
  }
}
