package org.baton.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.Holder;
import org.baton.authority.RuleDraft;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.BatonProperties;
import org.baton.platform.SystemTask;
import org.baton.roles.Applications;
import org.baton.roles.Circle;
import org.baton.roles.Role;
import org.baton.roles.RoleApplication;
import org.baton.roles.RoleDrafts;
import org.baton.roles.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's change team, written through the roles services: the admin makes a sustainability
 * change team led by Priya, with three open roles; the supplier sustainability lead carries
 * authority for tool purchases (a rule whose holder is the role); Ben has applied to be energy
 * champion and Ines confirmed his time; Eva holds the scrap scout role after an agreed match; Mateo
 * applied and withdrew. Olivia is open to roles, interested in sustainability.
 */
@Component
@Order(60)
class DemoRoles implements ApplicationRunner {

  static final String CIRCLE = "Sustainability change team";
  static final String SUPPLIER_LEAD = "Supplier sustainability lead";

  private static final Logger log = LoggerFactory.getLogger(DemoRoles.class);

  private final BatonProperties properties;
  private final Roles roles;
  private final org.baton.roles.RoleProfiles roleProfiles;
  private final Applications applications;
  private final AuthorityAdministration authority;
  private final Directory directory;
  private final Accounts accounts;
  private final Clock clock;

  DemoRoles(
      BatonProperties properties,
      Roles roles,
      org.baton.roles.RoleProfiles roleProfiles,
      Applications applications,
      AuthorityAdministration authority,
      Directory directory,
      Accounts accounts,
      Clock clock) {
    this.properties = properties;
    this.roles = roles;
    this.roleProfiles = roleProfiles;
    this.applications = applications;
    this.authority = authority;
    this.directory = directory;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo()
        || directory.findPersonByEmail("priya@example.com").isEmpty()
        || !roles.circles().isEmpty()) {
      return;
    }
    SystemTask.runAsAdmin(
        () -> {
          write();
          return null;
        });
    log.info("Wrote the demo change team.");
  }

  private void write() {
    BatonUser admin = user("admin");
    Circle circle =
        roles.createCircle(
            admin,
            new RoleDrafts.CircleDraft(
                CIRCLE,
                "Halve our footprint by 2030 without losing a customer: suppliers, energy, scrap.",
                null,
                person("priya@example.com")));
    BatonUser priya = user("priya@example.com");
    LocalDate term = LocalDate.now(clock).plusMonths(12);
    Role supplier =
        role(
            priya,
            circle,
            SUPPLIER_LEAD,
            "Bring our tool and material suppliers onto the sustainability plan.",
            "Agree targets with our ten largest suppliers; choose greener tooling options.",
            List.of("purchasing.tools"),
            List.of("quality"),
            "2",
            1,
            term,
            "Most of our footprint is in what we buy.",
            "Negotiating with suppliers, and how purchasing decisions are made.");
    Role energy =
        role(
            priya,
            circle,
            "Energy champion",
            "Find and fix energy waste on the shop floor.",
            "A monthly energy walk; a list of quick wins with owners.",
            List.of("production"),
            List.of("production-engineering", "safety"),
            "1",
            2,
            term,
            "Compressed air leaks alone cost us 30,000 EUR a year.",
            "How the machines use energy, and how to measure it.");
    Role scrap =
        role(
            priya,
            circle,
            "Scrap scout",
            "Find where scrap comes from and bring it to the people who can stop it.",
            "A weekly scrap walk; learning reviews for the biggest sources.",
            List.of("production"),
            List.of("quality"),
            "1.5",
            2,
            term,
            "Scrap is material, energy and time thrown away.",
            "Root-cause analysis with the quality team.");
    authority.createRule(
        admin,
        new RuleDraft(
            "purchasing.tools",
            Holder.Kind.ROLE,
            null,
            null,
            supplier.id(),
            new BigDecimal("5000"),
            "EUR",
            null,
            List.of(),
            List.of(),
            null,
            null,
            person("karl@example.com"),
            "The supplier sustainability lead chooses greener tooling without waiting for"
                + " engineering."));

    RoleApplication ben =
        applications.apply(
            user("ben@example.com"),
            energy.id(),
            new RoleDrafts.ApplicationDraft(
                "I walk past the air leaks every night shift and want them fixed.",
                List.of("safety"),
                "I kept the compressor logs at my last job.",
                List.of(person("clara@example.com")),
                List.of(),
                new BigDecimal("1"),
                null));
    applications.answerTime(
        user("ines@example.com"),
        energy.id(),
        ben.id(),
        new RoleDrafts.TimeDraft(
            org.baton.roles.RoleApplication.TimeAnswerKind.CONFIRMED, null, "Fine on nights."));
    applications.message(
        priya, energy.id(), ben.id(), "Could you start with the night-shift walk next week?");

    BatonUser eva = user("eva@example.com");
    RoleApplication evas =
        applications.apply(
            eva,
            scrap.id(),
            new RoleDrafts.ApplicationDraft(
                "Half of our scrap starts at my machine's neighbour; I want to find out why.",
                List.of("safety"),
                "",
                List.of(person("david@example.com")),
                List.of(),
                new BigDecimal("1.5"),
                null));
    applications.answerTime(
        user("ines@example.com"),
        scrap.id(),
        evas.id(),
        new RoleDrafts.TimeDraft(
            org.baton.roles.RoleApplication.TimeAnswerKind.CONFIRMED, null, ""));
    RoleDrafts.MatchDraft match =
        new RoleDrafts.MatchDraft(
            new BigDecimal("1.5"), term, "A scrap walk every Tuesday; report-out monthly.");
    applications.match(priya, scrap.id(), evas.id(), match);
    applications.match(eva, scrap.id(), evas.id(), match);

    BatonUser mateo = user("mateo@example.com");
    RoleApplication mateos =
        applications.apply(
            mateo,
            scrap.id(),
            new RoleDrafts.ApplicationDraft(
                "Scrap analysis is what I did my thesis on.",
                List.of("production-engineering"),
                "",
                List.of(),
                List.of(),
                new BigDecimal("1"),
                null));
    applications.withdraw(mateo, scrap.id(), mateos.id());

    roleProfiles.saveProfile(
        user("olivia@example.com"),
        new RoleDrafts.ProfileDraft(true, List.of("sustainability"), new BigDecimal("4")));
  }

  private Role role(
      BatonUser lead,
      Circle circle,
      String name,
      String purpose,
      String accountabilities,
      List<String> types,
      List<String> perspectives,
      String hours,
      int seats,
      LocalDate until,
      String why,
      String learn) {
    return roles.createRole(
        lead,
        new RoleDrafts.RoleDraft(
            circle.id(),
            name,
            purpose,
            accountabilities,
            types,
            perspectives,
            new BigDecimal(hours),
            seats,
            until,
            true,
            why,
            learn));
  }

  private long person(String email) {
    return directory.findPersonByEmail(email).map(Person::id).orElseThrow();
  }

  private BatonUser user(String username) {
    return (BatonUser) accounts.loadUserByUsername(username);
  }
}
