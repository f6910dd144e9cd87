package org.baton.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.baton.directory.Directory;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.learning.LearningKind;
import org.baton.learning.LearningResponses;
import org.baton.learning.LearningReview;
import org.baton.learning.LearningReviews;
import org.baton.learning.ReportOut;
import org.baton.learning.ReportOuts;
import org.baton.learning.ReviewDraft;
import org.baton.platform.BatonProperties;
import org.baton.platform.SystemTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the demo organisation has learned, written through the learning services: reviews (one of a
 * goodwill credit above the limit, one of burrs after a tool change) and report-outs, a round the
 * service desk leader started, a few comments and "helped" marks, so that the check, the initiative
 * form and the advice form show learnings at the moment of decision on a first start.
 */
@Component
@Order(40)
class DemoLearning implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoLearning.class);

  private final BatonProperties properties;
  private final LearningReviews reviews;
  private final ReportOuts reportOuts;
  private final LearningResponses responses;
  private final Directory directory;
  private final Accounts accounts;
  private final Clock clock;

  DemoLearning(
      BatonProperties properties,
      LearningReviews reviews,
      ReportOuts reportOuts,
      LearningResponses responses,
      Directory directory,
      Accounts accounts,
      Clock clock) {
    this.properties = properties;
    this.reviews = reviews;
    this.reportOuts = reportOuts;
    this.responses = responses;
    this.directory = directory;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo()
        || directory.findPersonByEmail("maria@example.com").isEmpty()
        || reviews.anyWritten()) {
      return;
    }
    SystemTask.runAsAdmin(
        () -> {
          write();
          return null;
        });
    log.info("Wrote the demo learnings.");
  }

  private void write() {
    LearningReview goodwill =
        review(
            "nina@example.com",
            "Goodwill credit above the counter limit",
            "A long-standing customer had a second late delivery. We credited 600 EUR at the"
                + " counter, above the 500 EUR the service desk may give, and finance reversed it.",
            "That the credit was within our authority, since the customer is gold tier.",
            "The counter screen does not show the goodwill limit, and the tier does not raise it."
                + " Check **Can I decide?** before promising a credit; above 250 EUR, ask finance"
                + " first.",
            "Show the limit on the counter screen; add goodwill to the onboarding of new clerks.",
            List.of("information", "training"),
            List.of("customer.goodwill"),
            List.of("finance", "customer-service"),
            "maria@example.com",
            "Show the goodwill limit on the counter screen");
    LearningReview burrs =
        review(
            "olivia@example.com",
            "Burrs on every part after a tool change",
            "After the cutting tool on line 3 was changed, every part had a burr. We ran two hours"
                + " before the line was stopped, and 400 parts were scrapped.",
            "The new tool to cut like the old one.",
            "A new tool needs a first-part check before the line runs on; the operator may stop"
                + " the line at once, without waiting for the shift leader.",
            "A first-part check after every tool change, on the shift checklist.",
            List.of("process", "tooling"),
            List.of("production.stop-line", "production.process-change"),
            List.of("quality", "production-engineering"),
            "priya@example.com",
            "Add the first-part check to the tool-change procedure");
    review(
        "omar@example.com",
        "Refund promised before the return arrived",
        "We promised a refund on the phone; the returned product was not faulty.",
        "The return to confirm the fault.",
        "Promise to check, not to refund: the refund follows the inspection.",
        "A short script for the phone.",
        List.of("process", "communication"),
        List.of("customer.refund"),
        List.of("customer-service"),
        "maria@example.com",
        "Write the phone script for returns");
    review(
        "priya@example.com",
        "Supplier changed the tool steel without telling us",
        "Tools from our supplier wore out in half the usual time.",
        "The same steel grade as before.",
        "Ask suppliers to announce material changes; check tool life in the first week.",
        "",
        List.of("supplier", "tooling"),
        List.of("purchasing.tools"),
        List.of("production-engineering"),
        "victor@example.com",
        "Agree change notices with the tool supplier");
    review(
        "ines@example.com",
        "Night shift did not hear about the process change",
        "A changed torque setting reached the day shift only.",
        "The shift handover to carry it.",
        "Process changes go on the handover board and are read out at each shift start.",
        "",
        List.of("communication", "process"),
        List.of("production.process-change"),
        List.of("quality"),
        "lukas@example.com",
        "Put process changes on the handover board");
    review(
        "henry@example.com",
        "Goodwill voucher that could not be redeemed online",
        "A customer got a goodwill voucher she could not use in the web shop.",
        "Vouchers to work everywhere.",
        "Give goodwill as a credit on the account, not as a voucher, until the shop takes them.",
        "",
        List.of("tooling", "customer"),
        List.of("customer.goodwill"),
        List.of("customer-service"),
        "nina@example.com",
        "Tell the desk to use account credits");

    ReportOuts.Round round =
        reportOuts.startRound(
            user("maria@example.com"),
            directory.findTeamByName("Service Desk").orElseThrow().id(),
            "Each of us interviews one customer about late deliveries",
            LocalDate.now(clock).plusDays(5));
    ReportOut interview =
        post(
            "aisha@example.com",
            "What a gold customer told me about late deliveries",
            "She does not mind a late delivery as much as **not being told**. A call the day"
                + " before would have kept her calm; the credit mattered less.",
            List.of("customer", "delivery"),
            "Service Desk",
            round.id());
    post(
        "paul@example.com",
        "Customers want tracking, not credits",
        "Three of four customers I asked would rather have a tracking link than a goodwill"
            + " credit.",
        List.of("customer", "delivery"),
        "Service Desk",
        round.id());
    post(
        "chen@example.com",
        "Visit to the tool maker",
        "At the tool maker's plant we saw how they check edges under a microscope. A burr"
            + " starts where the edge is chipped: a first-part check finds it in a minute.",
        List.of("tooling", "quality", "visit"),
        "Shift A",
        null);
    post(
        "grace@example.com",
        "Course: reading a cash-flow statement",
        "Goodwill credits reduce revenue, not cost. What looks small per case adds up: 40 credits"
            + " a month of 150 EUR is 72,000 EUR a year.",
        List.of("finance", "course"),
        "Leadership",
        null);
    post(
        "ben@example.com",
        "What the night shift needs from the handover",
        "Written changes, read aloud, with a name to ask. A note in the log is not enough.",
        List.of("handover", "process"),
        "Shift A",
        null);

    BatonUser henry = user("henry@example.com");
    responses.mark(henry, ref(goodwill), LearningResponses.Mark.HELPED);
    responses.mark(user("omar@example.com"), ref(goodwill), LearningResponses.Mark.HELPED);
    responses.mark(user("ben@example.com"), ref(burrs), LearningResponses.Mark.HELPED);
    responses.comment(
        user("maria@example.com"),
        ref(goodwill),
        "Thank you, Nina. The limit is on the counter screen from next week.");
    responses.comment(
        henry,
        new LearningKind.Ref(LearningKind.REPORT_OUT, interview.id()),
        "Same with my customer: a call would have done it.");
  }

  private LearningReview review(
      String author,
      String title,
      String happened,
      String expected,
      String learned,
      String change,
      List<String> factors,
      List<String> types,
      List<String> perspectives,
      String actionOwner,
      String action) {
    BatonUser writer = user(author);
    LearningReview draft =
        reviews.create(
            writer,
            new ReviewDraft(
                title,
                happened,
                expected,
                learned,
                change,
                factors,
                List.of(),
                List.of(),
                List.of(),
                types,
                perspectives,
                List.of(
                    new ReviewDraft.ActionDraft(
                        actionOwner, action, LocalDate.now(clock).plusDays(21)))));
    return reviews.publish(writer, draft.id());
  }

  private ReportOut post(
      String author, String title, String body, List<String> tags, String team, Long round) {
    return reportOuts.post(
        user(author),
        new ReportOuts.Draft(
            title, body, tags, List.of(directory.findTeamByName(team).orElseThrow().id()), round));
  }

  private static LearningKind.Ref ref(LearningReview review) {
    return new LearningKind.Ref(LearningKind.REVIEW, review.id());
  }

  private BatonUser user(String email) {
    return (BatonUser) accounts.loadUserByUsername(email);
  }
}
