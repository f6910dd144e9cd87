package org.baton.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.Listeners;
import org.baton.TestClock;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.directory.Directory;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.notifications.NotificationCentre;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Learning at the moment of decision and beyond reviews: similar learnings that say why, a decision
 * that keeps which learnings its decider acknowledged (and refuses a claim they did not make),
 * report-outs with comments and "helped", the library's filters and sort, rounds only a team's
 * leader starts, a feed that hides what its reader may not see, and Markdown rendered harmless.
 */
@BatonIntegrationTest
class LearningMomentsIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LearningReviews reviews;
  @Autowired LearningLibrary library;
  @Autowired SimilarLearnings similar;
  @Autowired ReportOuts reportOuts;
  @Autowired LearningResponses responses;
  @Autowired LearningFeed feed;
  @Autowired DecisionRecord decisions;
  @Autowired Directory directory;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired NotificationCentre notifications;
  @Autowired TestClock clock;
  @Autowired ActionReminders reminders;

  private final String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

  @Test
  void similarLearningsPreferTheSameKindOfDecisionAndSayWhy() {
    LearningReview sameType =
        publish(
            "henry@example.com", "Credit lesson " + word, List.of("customer.goodwill"), List.of());
    publish(
        "henry@example.com", "Unrelated lesson " + word, List.of("purchasing.tools"), List.of());
    LearningReview hidden =
        publish(
            "ruth@example.com", "Confidential lesson " + word, List.of(), List.of(confidential()));

    List<SimilarLearnings.Similar> found =
        similar.find(account("aisha@example.com"), word, "customer.goodwill", List.of("finance"));
    assertThat(found).hasSizeLessThanOrEqualTo(3);
    assertThat(found.get(0).id()).isEqualTo(sameType.id());
    assertThat(found.get(0).why()).contains("Same kind of decision (Goodwill credit)");
    assertThat(found.get(0).why()).anyMatch(w -> w.startsWith("Shares the words"));
    // the person's own words, never a stem: "lessons" is stemmed "lesson", "credits" "credit"
    assertThat(
            similar.find(
                account("aisha@example.com"), "credits " + word, "customer.goodwill", List.of()))
        .first()
        .satisfies(s -> assertThat(s.why()).anyMatch(w -> w.contains("credits")));
    assertThat(found).extracting(SimilarLearnings.Similar::id).doesNotContain(hidden.id());
    assertThat(similar.find(account("ruth@example.com"), "confidential " + word, "", List.of()))
        .extracting(SimilarLearnings.Similar::id)
        .contains(hidden.id());
  }

  @Test
  void aReviewOfTheSameKindStillComesFirstWhenMoreHelpfulOnesThanEachSourceGivesCrowdIt() {
    // More than each source of candidates gives (50): reviews of another kind that share the word,
    // and reviews of the same kind that do not, all of them more helpful than the one asked for.
    List<Long> crowd = new java.util.ArrayList<>();
    for (int i = 0; i < 55; i++) {
      crowd.add(
          publish(
                  "henry@example.com",
                  "Tools note " + i + " " + word,
                  List.of("purchasing.tools"),
                  List.of())
              .id());
      crowd.add(
          publish("henry@example.com", "Refund note " + i, List.of("customer.refund"), List.of())
              .id());
    }
    // as ten "helped" marks each would have left them, written at once
    jdbc.sql("update learning_review set helped_count = 10 where id = any(?)")
        .param(crowd.toArray(Long[]::new))
        .update();
    LearningReview sameKind =
        publish(
            "henry@example.com", "Refund lesson " + word, List.of("customer.refund"), List.of());

    List<SimilarLearnings.Similar> found =
        similar.find(account("aisha@example.com"), word, "customer.refund", List.of());
    assertThat(found).isNotEmpty();
    assertThat(found.get(0).id()).isEqualTo(sameKind.id());
    assertThat(found.get(0).why()).anyMatch(w -> w.startsWith("Same kind of decision"));
  }

  @Test
  void aReviewsTitleWordsAreListedOncePublishedWithHowOftenItHelped() {
    BatonUser henry = account("henry@example.com");
    LearningReview draft =
        draft(
            "henry@example.com",
            "Torque lessons " + word,
            List.of("production.stop-line"),
            List.of());
    assertThat(titleWords(draft.id())).as("a draft is nobody's similar learning").isEmpty();

    reviews.publish(henry, draft.id());
    assertThat(titleWords(draft.id()))
        .containsExactlyInAnyOrder(
            "lesson 0 {production.stop-line}",
            "torqu 0 {production.stop-line}",
            word + " 0 {production.stop-line}");

    responses.mark(
        account("aisha@example.com"),
        LearningKind.Ref.parse(draft.ref()).orElseThrow(),
        LearningResponses.Mark.HELPED);
    assertThat(titleWords(draft.id())).allMatch(w -> w.contains(" 1 "));
  }

  private List<String> titleWords(long reviewId) {
    return jdbc.sql(
            "select concat_ws(' ', lexeme, helped_count, decision_types) from learning_title_word"
                + " where kind = 'review' and learning_id = ?")
        .param(reviewId)
        .query(String.class)
        .list();
  }

  @Test
  void aDecisionKeepsTheLearningsItsDeciderAcknowledgedInItsHashedContent() {
    LearningReview review =
        publish(
            "nina@example.com", "Goodwill lesson " + word, List.of("customer.goodwill"), List.of());
    BatonUser aisha = account("aisha@example.com");
    String ref = review.ref();

    assertThatThrownBy(() -> decisions.record(aisha, goodwill(List.of(ref), List.of(ref))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.byField()).containsKey("learningsAcknowledged"));
    LearningReview hidden =
        publish("ruth@example.com", "Hidden " + word, List.of(), List.of(confidential()));
    assertThatThrownBy(() -> decisions.record(aisha, goodwill(List.of(hidden.ref()), List.of())))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.byField()).containsKey("learningsShown"));

    assertThat(
            responses.mark(
                aisha, LearningKind.Ref.parse(ref).orElseThrow(), LearningResponses.Mark.HELPED))
        .isEqualTo(1);
    Decision recorded = decisions.record(aisha, goodwill(List.of(ref), List.of(ref)));
    Decision read = decisions.find(aisha, recorded.id());
    assertThat(read.learningsShown()).containsExactly(ref);
    assertThat(read.learningsAcknowledged()).containsExactly(ref);
    assertThat(decisions.verify().intact()).isTrue();
    assertThat(reviews.find(aisha, review.id()).helpedCount()).isEqualTo(1);
  }

  @Test
  void reportOutsTakeCommentsAndHelpedThroughTheApiAndBadInputSavesNothing() throws Exception {
    long before = jdbc.sql("select count(*) from learning_report_out").query(Long.class).single();
    mvc.perform(
            post("/api/v1/report-outs")
                .with(user(account("henry@example.com")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"title": "  ", "body": " ", "tags": ["not a tag"], "teamIds": [999999]}
                    """))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[?(@.field == 'title')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'body')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'tags')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'teamIds')]").exists());
    assertThat(jdbc.sql("select count(*) from learning_report_out").query(Long.class).single())
        .isEqualTo(before);

    ReportOut posted =
        reportOuts.post(
            account("henry@example.com"),
            new ReportOuts.Draft(
                "Interview " + word,
                "Customers want a call.",
                List.of("Customer"),
                List.of(),
                null));
    assertThat(posted.tags()).containsExactly("customer");
    mvc.perform(
            post("/api/v1/report-outs/{id}/comments", posted.id())
                .with(user(account("olivia@example.com")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\": \"Same on the line.\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.authorName").value("Olivia Brown"));
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              post("/api/v1/learnings/report-out/{id}/helped", posted.id())
                  .with(user(account("olivia@example.com"))))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.helpedCount").value(1));
    }
    mvc.perform(get("/api/v1/learnings").param("q", word).with(user(account("maria@example.com"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].kind").value("report-out"))
        .andExpect(jsonPath("$[0].titleHtml").value("Interview <mark>" + word + "</mark>"));
    assertThat(reportOuts.find(account("maria@example.com"), posted.id()).comments())
        .extracting(ReportOut.Comment::body)
        .containsExactly("Same on the line.");
    // the page shows the comment, and its form posts to this report-out
    String page =
        mvc.perform(get("/report-outs/{id}", posted.id()).with(user(account("maria@example.com"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("<p>Same on the line.</p>")
        .contains("action=\"/learning/report-out/" + posted.id() + "/comments\"")
        .contains("hx-get=\"/report-outs/" + posted.id() + "\"");
  }

  @Test
  void theLibraryFiltersByTypeWithItsSubTypesFactorAndTeamAndSortsByHelped() {
    LearningReview goodwill =
        publish("henry@example.com", "Filtered " + word, List.of("customer.goodwill"), List.of());
    LearningReview tools =
        publish(
            "olivia@example.com", "Filtered tools " + word, List.of("purchasing.tools"), List.of());
    BatonUser maria = account("maria@example.com");

    assertThat(search(word, "customer", null, null, null))
        .extracting(LearningLibrary.Result::id)
        .containsExactly(goodwill.id());
    assertThat(search(word, null, "process", null, null))
        .extracting(LearningLibrary.Result::id)
        .containsExactly(tools.id());
    long serviceDesk = directory.findTeamByName("Service Desk").orElseThrow().id();
    assertThat(search(word, null, null, serviceDesk, null))
        .extracting(LearningLibrary.Result::id)
        .containsExactly(goodwill.id());

    responses.mark(
        maria, LearningKind.Ref.parse(tools.ref()).orElseThrow(), LearningResponses.Mark.HELPED);
    assertThat(search(word, null, null, null, "helped"))
        .extracting(LearningLibrary.Result::id)
        .startsWith(tools.id());
  }

  @Test
  void onlyATeamsLeaderStartsARoundWhichListsWhoHasPosted() {
    long serviceDesk = directory.findTeamByName("Service Desk").orElseThrow().id();
    assertThatThrownBy(
            () ->
                reportOuts.startRound(
                    account("henry@example.com"),
                    serviceDesk,
                    "Interview",
                    LocalDate.now().plusDays(2)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.byField()).containsKey("teamId"));
    ReportOuts.Round round =
        reportOuts.startRound(
            account("maria@example.com"),
            serviceDesk,
            "Interview " + word,
            LocalDate.now().plusDays(2));
    assertThat(round.waitingFor())
        .contains("Henry Walsh", "Aisha Bello")
        .doesNotContain("Maria Lopez");
    Listeners.awaitAllHandled(jdbc);
    assertThat(notifications.recent(account("henry@example.com").personId()))
        .extracting(NotificationCentre.Notification::text)
        .anyMatch(t -> t.contains("asks for report-outs: Interview " + word));

    reportOuts.post(
        account("henry@example.com"),
        new ReportOuts.Draft(
            "My interview " + word, "A call helps.", List.of(), List.of(), round.id()));
    ReportOuts.Round after = reportOuts.round(account("olivia@example.com"), round.id());
    assertThat(after.posts()).extracting(ReportOut::authorName).containsExactly("Henry Walsh");
    assertThat(after.waitingFor()).doesNotContain("Henry Walsh").contains("Aisha Bello");
  }

  @Test
  void theFeedHidesAReviewOfAConfidentialDecisionAndFollowsPeople() {
    LearningReview hidden =
        publish("ruth@example.com", "Feed hidden " + word, List.of(), List.of(confidential()));
    LearningReview open = publish("henry@example.com", "Feed open " + word, List.of(), List.of());
    BatonUser olivia = account("olivia@example.com");

    List<Long> seen =
        feed.page(olivia, new LearningFeed.Filter(null, null, false), null).items().stream()
            .filter(i -> i.review() != null)
            .map(i -> i.review().id())
            .toList();
    assertThat(seen).contains(open.id()).doesNotContain(hidden.id());

    feed.follow(olivia, account("henry@example.com").personId(), true);
    assertThat(feed.page(olivia, new LearningFeed.Filter(null, null, true), null).items())
        .allMatch(
            i ->
                (i.review() != null ? i.review().authorName() : i.reportOut().authorName())
                    .equals("Henry Walsh"));
  }

  @Test
  void markdownWithScriptsHandlersAndJavascriptLinksIsRenderedHarmless() throws Exception {
    LearningReview review =
        reviews.create(
            account("henry@example.com"),
            new ReviewDraft(
                "Markup " + word,
                "**bold**\n\n<script>alert('x')</script>\n\nSee <img src=x onerror=alert(1)>",
                "",
                "[click](javascript:alert(1)) and <a href=\"javascript:alert(2)\" onclick=\"x()\">me</a>",
                "",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
    String page =
        mvc.perform(
                get("/learning/reviews/{id}", review.id()).with(user(account("henry@example.com"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("<strong>bold</strong>");
    // the markup survives only as text: no element carries a handler, no link runs script
    assertThat(page)
        .doesNotContain("<script>alert")
        .doesNotContainPattern("<[a-z]+[^>]*\\son(error|click)=")
        .doesNotContainPattern("href=\"javascript:");
  }

  @Test
  void actionOwnersAreToldRemindedOnceBeforeItIsDueAndAnActionPastItsDateIsOverdue() {
    BatonUser nina = account("nina@example.com");
    LearningReview draft =
        reviews.create(
            nina,
            new ReviewDraft(
                "Follow-up " + word,
                "What happened",
                "",
                "What we learned",
                "",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(
                    new ReviewDraft.ActionDraft(
                        "omar@example.com",
                        "Update the script " + word,
                        LocalDate.now(clock).plusDays(3)))));
    reviews.publish(nina, draft.id());
    Listeners.awaitAllHandled(jdbc);
    long omar = account("omar@example.com").personId();
    assertThat(notifications.recent(omar))
        .extracting(NotificationCentre.Notification::text)
        .anyMatch(t -> t.contains("with an action for you: Follow-up " + word));
    assertThat(reviews.openActionsOf(account("omar@example.com")))
        .anyMatch(o -> o.reviewId() == draft.id() && !o.action().overdue());

    reminders.remind();
    Listeners.awaitAllHandled(jdbc);
    assertThat(remindersOf(omar, draft.id())).as("not yet: due in three days").isZero();
    clock.advance(java.time.Duration.ofDays(2));
    try {
      reminders.remind();
      reminders.remind();
      Listeners.awaitAllHandled(jdbc);
      assertThat(remindersOf(omar, draft.id())).as("the day before, once").isEqualTo(1);
      assertThat(
              notifications.recent(omar).stream()
                  .filter(n -> n.link().equals("/learning/reviews/" + draft.id()))
                  .map(NotificationCentre.Notification::text))
          .anyMatch(t -> t.contains("Update the script " + word));
      clock.advance(java.time.Duration.ofDays(2));
      assertThat(reviews.find(nina, draft.id()).overdueActions()).hasSize(1);
      assertThat(reviews.overdueOnReviewsOf(nina))
          .extracting(o -> o.action().description())
          .contains("Update the script " + word);
    } finally {
      clock.reset();
    }
  }

  private long remindersOf(long person, long reviewId) {
    return notifications.recent(person).stream()
        .filter(n -> n.link().equals("/learning/reviews/" + reviewId))
        .filter(n -> n.text().startsWith("Your action from the learning review"))
        .count();
  }

  @Test
  void anActionOwnerMustBeAbleToSeeWhatTheReviewIsAbout() {
    long decision = confidential();
    assertThatThrownBy(
            () ->
                reviews.create(
                    account("ruth@example.com"),
                    new ReviewDraft(
                        "Owner check " + word,
                        "What happened",
                        "",
                        "What we learned",
                        "",
                        List.of(),
                        List.of(decision),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(
                            new ReviewDraft.ActionDraft(
                                "olivia@example.com", "Follow up", LocalDate.now().plusDays(3))))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.byField())
                    .containsEntry(
                        "actions[0].owner", "Olivia Brown may not see what this review is about."));
  }

  @Test
  void theHintsFragmentFlagsBlameWhileWriting() throws Exception {
    String hints =
        mvc.perform(
                post("/learning/reviews/hints")
                    .with(user(account("henry@example.com")))
                    .with(csrf())
                    .param("whatHappened", "It was my fault, and Nina forgot the form."))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(hints).contains("my fault").contains("Nina forgot");
  }

  private List<LearningLibrary.Result> search(
      String q, String type, String factor, Long team, String sort) {
    return library.search(
        account("maria@example.com"),
        new LearningLibrary.Query(q, type, null, team, factor, null, null, sort));
  }

  private DecisionDraft goodwill(List<String> shown, List<String> acknowledged) {
    return new DecisionDraft(
        "customer.goodwill",
        "Credit " + word,
        "Late delivery",
        Money.of("100", "EUR"),
        Map.of(),
        List.of(),
        null,
        null,
        null,
        shown,
        acknowledged);
  }

  private LearningReview publish(
      String author, String title, List<String> types, List<Long> decisionIds) {
    LearningReview review = draft(author, title, types, decisionIds);
    return reviews.publish(account(author), review.id());
  }

  private LearningReview draft(
      String author, String title, List<String> types, List<Long> decisionIds) {
    return reviews.create(
        account(author),
        new ReviewDraft(
            title,
            "What happened",
            "",
            "What we learned",
            "",
            types.contains("purchasing.tools") ? List.of("process") : List.of(),
            decisionIds,
            List.of(),
            List.of(),
            types,
            List.of(),
            List.of()));
  }

  private long confidential() {
    return org.baton.Demo.confidentialDecision(
        decisions, account("ruth@example.com"), "Write off " + word);
  }

  private BatonUser account(String email) {
    return (BatonUser) accounts.loadUserByUsername(email);
  }
}
