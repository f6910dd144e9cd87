package org.baton.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The library's ranking on a corpus written for it: twelve reviews that are each the known best
 * answer to a query, among three hundred that share their words in weaker places (a word in the
 * body rather than the title, one word of two, a title about something near). Each query, typos and
 * partial words included, must put its known best first. The corpus is dated 2001, and every query
 * is narrowed to that year, so that nothing else in the shared database takes part.
 */
@BatonIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryRankingIntegrationTest {

  /** The known best answers: title, what happened, what we learned. */
  private static final String[][] BEST = {
    {
      "Goodwill credit above the counter limit",
      "A clerk credited 600 EUR at the counter.",
      "The goodwill limit is not shown at the counter; check before promising."
    },
    {
      "Burrs after a tool change on line 3",
      "Every part had a burr after the cutting tool was changed.",
      "Run a first-part check after every tool change."
    },
    {
      "Forklift near miss in the dispatch aisle",
      "A forklift reversed into the walkway while a visitor passed.",
      "Mark the walkway and sound the horn when reversing."
    },
    {
      "Supplier invoice paid twice",
      "The same invoice arrived by post and by e-mail and both were paid.",
      "Match invoices on their number before paying."
    },
    {
      "Night shift missed the new torque setting",
      "The changed torque reached the day shift only.",
      "Read process changes out at every shift start."
    },
    {
      "Warranty repair refused by mistake",
      "A repair under warranty was charged to the customer.",
      "Look up the purchase date before quoting a repair."
    },
    {
      "Courier lost a parcel and nobody called the customer",
      "The courier lost the parcel; the customer heard nothing for a week.",
      "Call the customer the day a parcel is reported lost."
    },
    {
      "Measuring gauge used after its calibration expired",
      "Parts were measured with a gauge whose calibration had lapsed.",
      "Label gauges with their calibration date and block expired ones."
    },
    {
      "A shared password on the packing station",
      "The packing station's password was on a sticky note.",
      "Give each packer an account; never share a password."
    },
    {
      "Forecast error left us with overstock of spare parts",
      "The forecast doubled last year's demand for spare parts.",
      "Review forecasts against last year's orders before buying."
    },
    {
      "New clerk refunded without inspection",
      "A clerk in her first week refunded a return before it was inspected.",
      "Onboarding covers refunds: inspect first, then refund."
    },
    {
      "Hazardous waste collected by an unlicensed carrier",
      "Solvent waste went with a carrier whose licence had expired.",
      "Check the carrier's licence at every collection."
    }
  };

  /** Near topics whose titles and texts share words with the best answers, more weakly. */
  private static final String[] TOPICS = {
    "counter layout",
    "tool storage",
    "line 3 lighting",
    "dispatch schedule",
    "invoice format",
    "shift rota",
    "repair backlog",
    "parcel sizes",
    "gauge cabinet",
    "password policy",
    "spare parts shelf",
    "clerk rota",
    "waste bins",
    "customer survey",
    "torque wrench order",
    "forklift charging",
    "warranty cards",
    "courier contract",
    "calibration budget",
    "packing material",
    "forecast meeting",
    "refund form",
    "inspection bench",
    "goodwill budget",
    "supplier visit"
  };

  private static final String[][] TEMPLATES = {
    {"Notes on the %s", "We talked about the %s and the %s; nothing changed yet."},
    {"Question about the %s", "Someone asked whether the %s affects the %s."},
    {"The %s, revisited", "The %s was fine; the %s needs a look next month."},
    {"Idea: simplify the %s", "A simpler %s would save time at the %s."},
    {"Survey results on the %s", "Most people like the %s; a few mention the %s."},
    {"Budget for the %s", "The %s costs less than the %s this year."},
    {"Training on the %s", "New people learn the %s in their first week, then the %s."},
    {"Audit of the %s", "The audit found the %s in order and asked about the %s."},
    {"Visit report: %s", "We saw how another plant runs its %s and its %s."},
    {"Checklist for the %s", "A checklist for the %s, like the one for the %s."},
    {"Who owns the %s", "The %s has an owner now; the %s still has none."},
    {"Cost of the %s", "The %s cost us time; the %s cost us money."}
  };

  @Autowired LearningReviews reviews;
  @Autowired LearningLibrary library;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  void writeTheCorpus() {
    if (jdbc.sql("select count(*) from learning_review where published_at < '2002-01-01'")
            .query(Long.class)
            .single()
        > 0) {
      return;
    }
    List<Long> ids = new ArrayList<>();
    for (String[] best : BEST) {
      ids.add(write(best[0], best[1], best[2]));
    }
    for (int t = 0; t < TOPICS.length; t++) {
      for (String[] template : TEMPLATES) {
        String other = TOPICS[(t + 7) % TOPICS.length];
        ids.add(
            write(
                template[0].formatted(TOPICS[t]),
                "It came up in the weekly meeting about the " + other + ".",
                template[1].formatted(TOPICS[t], other)));
      }
    }
    // Dated 2001, so the queries below can be narrowed to this corpus alone.
    jdbc.sql("update learning_review set published_at = '2001-06-01' where id = any(?)")
        .param(ids.toArray(Long[]::new))
        .update();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "goodwill limit at the counter, Goodwill credit above the counter limit",
    "burr tool change, Burrs after a tool change on line 3",
    "forklift near miss, Forklift near miss in the dispatch aisle",
    "invoice paid twice, Supplier invoice paid twice",
    "torque night shift, Night shift missed the new torque setting",
    "warrenty repiar, Warranty repair refused by mistake",
    "courier lost parcel customer, Courier lost a parcel and nobody called the customer",
    "calibration expired gauge, Measuring gauge used after its calibration expired",
    "shared password, A shared password on the packing station",
    "overstock spare parts forecast, Forecast error left us with overstock of spare parts",
    "clerk refund inspection, New clerk refunded without inspection",
    "hazardous waste carrier licence, Hazardous waste collected by an unlicensed carrier",
    "calibr, Measuring gauge used after its calibration expired"
  })
  void theKnownBestAnswerComesFirst(String query, String best) {
    List<LearningLibrary.Result> results =
        library.search(
            account("olivia@example.com"),
            new LearningLibrary.Query(
                query,
                null,
                null,
                null,
                null,
                LocalDate.of(2001, 1, 1),
                LocalDate.of(2001, 12, 31),
                null));
    assertThat(results).isNotEmpty();
    assertThat(results.get(0).titleHtml().replaceAll("</?mark>", "")).isEqualTo(best);
  }

  /**
   * A word in the titles of more than a page of learnings: those are ranked alone. Each has the
   * word in its title; those that also have it in what we learned come first; texts that have it
   * only further down, however often, do not take their place.
   */
  @Test
  void aWordInTheTitlesOfMoreThanAPageRanksThoseTitles() {
    String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    List<Long> alsoLearned = new ArrayList<>();
    List<Long> all = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      long id =
          write(
              "Lesson " + i + " about the " + word,
              "Something happened.",
              i % 7 == 0 ? "We learned about the " + word + "." : "Nothing more.");
      all.add(id);
      if (i % 7 == 0) {
        alsoLearned.add(id);
      }
    }
    List<Long> elsewhere = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      elsewhere.add(write("Other lesson " + i, ("The " + word + " again. ").repeat(5), "More."));
    }
    all.addAll(elsewhere);
    // Dated 2002, apart from the corpus above and the rest of the shared database.
    jdbc.sql("update learning_review set published_at = '2002-06-01' where id = any(?)")
        .param(all.toArray(Long[]::new))
        .update();

    List<LearningLibrary.Result> results =
        library.search(
            account("olivia@example.com"),
            new LearningLibrary.Query(
                word,
                null,
                null,
                null,
                null,
                LocalDate.of(2002, 1, 1),
                LocalDate.of(2002, 12, 31),
                null));

    assertThat(results).hasSize(LearningLibrary.PAGE);
    assertThat(results.subList(0, alsoLearned.size()))
        .extracting(LearningLibrary.Result::id)
        .containsExactlyInAnyOrderElementsOf(alsoLearned);
    assertThat(results).allMatch(r -> r.titleHtml().contains("<mark>" + word + "</mark>"));
    assertThat(results)
        .extracting(LearningLibrary.Result::id)
        .doesNotContainAnyElementsOf(elsewhere);
    assertThat(results)
        .extracting(LearningLibrary.Result::rank)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  private long write(String title, String happened, String learned) {
    BatonUser henry = account("henry@example.com");
    LearningReview review =
        reviews.create(
            henry,
            new ReviewDraft(
                title, happened, "", learned, "", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of()));
    return reviews.publish(henry, review.id()).id();
  }

  private BatonUser account(String email) {
    return (BatonUser) accounts.loadUserByUsername(email);
  }
}
