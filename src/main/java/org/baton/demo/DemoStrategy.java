package org.baton.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.BatonProperties;
import org.baton.platform.Money;
import org.baton.platform.SystemTask;
import org.baton.strategy.Contribution;
import org.baton.strategy.DialogueDrafts;
import org.baton.strategy.DialogueRound;
import org.baton.strategy.Dialogues;
import org.baton.strategy.Direction;
import org.baton.strategy.DirectionDrafts;
import org.baton.strategy.FigureDrafts;
import org.baton.strategy.KeyFigure;
import org.baton.strategy.KeyFigures;
import org.baton.strategy.Strategy;
import org.baton.strategy.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's strategy, written through the strategy services: Sam (the chief
 * executive, named a strategy editor by the admin) writes the vision, four values, trade-offs and
 * three priorities with goals and some progress; five key figures at different levels get two years
 * of monthly values through the CSV import; and a dialogue round is open with a few contributions
 * and supports.
 */
@Component
@Order(50)
class DemoStrategy implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoStrategy.class);

  private final BatonProperties properties;
  private final Strategy strategy;
  private final KeyFigures figures;
  private final Dialogues dialogues;
  private final Directory directory;
  private final Accounts accounts;
  private final Clock clock;
  private final DecisionRecord decisions;

  DemoStrategy(
      BatonProperties properties,
      Strategy strategy,
      KeyFigures figures,
      Dialogues dialogues,
      Directory directory,
      Accounts accounts,
      Clock clock,
      DecisionRecord decisions) {
    this.decisions = decisions;
    this.properties = properties;
    this.strategy = strategy;
    this.figures = figures;
    this.dialogues = dialogues;
    this.directory = directory;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo()
        || directory.findPersonByEmail("sam@example.com").isEmpty()
        || strategy.direction().version() > 0) {
      return;
    }
    SystemTask.runAsAdmin(
        () -> {
          write();
          return null;
        });
    log.info("Wrote the demo strategy.");
  }

  private void write() {
    BatonUser admin = user("admin");
    strategy.nameEditor(admin, person("sam@example.com"));
    BatonUser sam = user("sam@example.com");
    strategy.changeVision(
        sam,
        new DirectionDrafts.VisionDraft(
            "Parts our customers never have to check, delivered when we said.",
            "We machine precision parts for machine builders in Europe, and stand by every one.",
            "The strategy day in September."));
    strategy.changeValues(
        sam,
        new DirectionDrafts.ValuesDraft(
            List.of(
                new Direction.Value(
                    "Decide where the work is",
                    "Whoever sees the problem leads its fix; ask for advice, then decide."),
                new Direction.Value(
                    "Say it early", "A late delivery told a day before is a promise kept."),
                new Direction.Value(
                    "Learn, don't blame",
                    "After a mistake we ask what happened and what we change."),
                new Direction.Value(
                    "Open books", "Everyone sees the figures that tell how we are doing.")),
            "The strategy day in September."));
    strategy.changeTradeOffs(
        sam,
        new DirectionDrafts.TradeOffsDraft(
            List.of(
                "Customer trust even over short-term margin.",
                "A stopped line over a bad part shipped.",
                "Fewer suppliers we know well over the cheapest offer."),
            "The strategy day in September."));
    LocalDate year = LocalDate.now(clock).withDayOfYear(1);
    Direction direction =
        strategy.changePriorities(
            sam,
            new DirectionDrafts.PrioritiesDraft(
                List.of(
                    priority(
                        "Deliver on time, every time",
                        "Late deliveries cost us two customers last year; on time is what they"
                            + " buy first.",
                        "tom@example.com",
                        year,
                        List.of("customer", "production"),
                        goal("On-time delivery", "%", "86", "97", year.plusMonths(11))),
                    priority(
                        "Halve the cost of quality",
                        "Scrap and rework eat a third of our margin.",
                        "adam@example.com",
                        year,
                        List.of("production", "purchasing.tools"),
                        goal("Cost of quality per month", "kEUR", "120", "60", year.plusMonths(11)),
                        goal("Scrap rate", "%", "4.2", "2", year.plusMonths(8))),
                    priority(
                        "Every customer hears from us before they have to ask",
                        "A customer told early stays a customer.",
                        "maria@example.com",
                        year,
                        List.of("customer.goodwill", "customer.refund"),
                        goal(
                            "Customer satisfaction", "points", "7.1", "8.5", year.plusMonths(11)))),
                "The strategy day in September."));
    BatonUser tom = user("tom@example.com");
    Direction.Goal onTime = direction.priorities().get(0).goals().get(0);
    // The goal's progress is the key figure "On-time delivery" (86, 0.3 a month, swing 3) at
    // two points, so that the strategy page and the key figures say the same number.
    strategy.recordProgress(
        tom, onTime.id(), monthly(86, 0.3, 3, 20), "Three months ago: the new planning board.");
    strategy.recordProgress(tom, onTime.id(), monthly(86, 0.3, 3, 23), "Last month.");
    Direction.Goal scrap = direction.priorities().get(1).goals().get(1);
    strategy.recordProgress(
        user("adam@example.com"),
        scrap.id(),
        new BigDecimal("3.1"),
        "First-part checks after tool changes.");
    // A clerk's decision that names the priority it serves: the priority's page lists it.
    decisions.record(
        user("henry@example.com"),
        new DecisionDraft(
            "customer.goodwill",
            "Told the customer of the delay first, with a 60 EUR credit",
            "We called before they had to ask, as the priority says.",
            Money.of("60", "EUR"),
            Map.of(),
            List.of(),
            null,
            "",
            null,
            List.of(),
            List.of(),
            direction.priorities().get(2).id()));

    figure(
        sam,
        "Revenue",
        "kEUR",
        "Invoiced per month.",
        "2100",
        Visibility.EVERYONE,
        List.of(),
        1900,
        25,
        120);
    figure(
        sam,
        "On-time delivery",
        "%",
        "Orders delivered by the promised day.",
        "97",
        Visibility.EVERYONE,
        List.of(),
        86,
        0.3,
        3);
    figure(
        sam,
        "Cost of quality",
        "kEUR",
        "Scrap, rework and goodwill per month.",
        "60",
        Visibility.LEADERS,
        List.of(),
        125,
        -1.5,
        10);
    figure(
        sam,
        "Margin",
        "%",
        "Operating margin per month.",
        "12",
        Visibility.PEOPLE,
        List.of(person("sam@example.com"), person("grace@example.com"), person("ruth@example.com")),
        8,
        0.1,
        1.5);
    figure(
        admin,
        "Cash position",
        "kEUR",
        "Cash at the end of the month.",
        null,
        Visibility.ADMINS,
        List.of(),
        3400,
        20,
        300);

    DialogueRound round =
        dialogues.open(
            sam,
            new DialogueDrafts.RoundDraft(
                "Autumn dialogue " + LocalDate.now(clock).getYear(),
                "Where should we go next year? Three questions:\n\n"
                    + "1. What keeps you from delivering on time?\n"
                    + "2. Where do we lose quality, and what would you change?\n"
                    + "3. What should customers hear from us that they do not today?",
                LocalDate.now(clock).plusDays(14),
                LocalDate.now(clock).plusDays(28),
                List.of(person("tom@example.com")),
                List.of("Delivery", "Quality", "Customers")));
    long delivery =
        round.themes().stream()
            .filter(t -> t.name().equals("Delivery"))
            .findFirst()
            .orElseThrow()
            .id();
    long quality =
        round.themes().stream()
            .filter(t -> t.name().equals("Quality"))
            .findFirst()
            .orElseThrow()
            .id();
    long customers =
        round.themes().stream()
            .filter(t -> t.name().equals("Customers"))
            .findFirst()
            .orElseThrow()
            .id();
    Contribution checks =
        contribute(
            round,
            "olivia@example.com",
            Contribution.Kind.IDEA,
            "Let operators order tool inserts directly up to a small amount: we wait days for a"
                + " 40 EUR insert while the line runs slow.",
            quality);
    Contribution tracking =
        contribute(
            round,
            "henry@example.com",
            Contribution.Kind.IDEA,
            "Send customers a tracking link when an order ships; most calls to the desk are"
                + " \"where is my order?\".",
            customers);
    contribute(
        round,
        "lukas@example.com",
        Contribution.Kind.CONCERN,
        "The night shift hears of process changes last. On-time delivery will not rise while"
            + " half the plant works from old instructions.",
        delivery);
    contribute(
        round,
        "nina@example.com",
        Contribution.Kind.QUESTION,
        "Will the goodwill limit at the desk rise for gold customers?",
        customers);
    for (String supporter : List.of("priya@example.com", "ben@example.com", "ines@example.com")) {
      dialogues.support(user(supporter), round.id(), checks.id(), true);
    }
    for (String supporter : List.of("maria@example.com", "nina@example.com")) {
      dialogues.support(user(supporter), round.id(), tracking.id(), true);
    }
  }

  private Contribution contribute(
      DialogueRound round, String email, Contribution.Kind kind, String body, long theme) {
    return dialogues.contribute(
        user(email), round.id(), new DialogueDrafts.ContributionDraft(kind, body, theme));
  }

  /** A figure with 24 monthly values: a trend, a seasonal swing, nothing random. */
  private void figure(
      BatonUser editor,
      String name,
      String unit,
      String description,
      String target,
      Visibility visibility,
      List<Long> people,
      double start,
      double perMonth,
      double swing) {
    KeyFigure figure =
        figures.create(
            editor,
            new FigureDrafts.FigureDraft(
                name,
                unit,
                description,
                target == null ? null : new BigDecimal(target),
                visibility,
                people));
    StringBuilder csv = new StringBuilder("on,value,comment\n");
    LocalDate first = LocalDate.now(clock).withDayOfMonth(1).minusMonths(24);
    for (int month = 0; month < 24; month++) {
      csv.append(first.plusMonths(month))
          .append(',')
          .append(monthly(start, perMonth, swing, month).toPlainString())
          .append(",\n");
    }
    figures.importCsv(editor, figure.id(), csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A figure's value in a month: a trend and a seasonal swing, to one decimal. */
  private static BigDecimal monthly(double start, double perMonth, double swing, int month) {
    double value = start + perMonth * month + swing * Math.sin(month * Math.PI / 6);
    return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP);
  }

  private DirectionDrafts.PriorityDraft priority(
      String title,
      String why,
      String owner,
      LocalDate year,
      List<String> types,
      DirectionDrafts.GoalDraft... goals) {
    return new DirectionDrafts.PriorityDraft(
        null,
        title,
        why,
        person(owner),
        year,
        year.plusYears(1).minusDays(1),
        types,
        List.of(goals));
  }

  private static DirectionDrafts.GoalDraft goal(
      String title, String unit, String start, String target, LocalDate due) {
    return new DirectionDrafts.GoalDraft(
        null, title, unit, new BigDecimal(start), new BigDecimal(target), due);
  }

  private long person(String email) {
    return directory.findPersonByEmail(email).map(Person::id).orElseThrow();
  }

  private BatonUser user(String username) {
    return (BatonUser) accounts.loadUserByUsername(username);
  }
}
