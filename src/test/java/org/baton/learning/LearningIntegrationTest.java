package org.baton.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Learning reviews through the API and the services: a draft only its author sees, blame hints that
 * never block, every bad field named with nothing saved, publishing, the library's ranked and
 * highlighted search (typos in titles too), and a review of a confidential decision found only by
 * those who may see that decision.
 */
@BatonIntegrationTest
class LearningIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LearningReviews reviews;
  @Autowired LearningLibrary library;
  @Autowired DecisionRecord decisions;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  private final String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

  @Test
  void aDraftIsTheAuthorsUntilPublishedAndBlameIsFlaggedNotBlocked() throws Exception {
    mvc.perform(
            post("/api/v1/learning-reviews")
                .with(user(account("henry@example.com")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"title": "Goodwill credit above the limit %s",
                     "whatHappened": "It was my fault: I gave 400 EUR.",
                     "whatWeLearned": "The limit is not on the counter screen.",
                     "factors": ["information"],
                     "decisionTypes": ["customer.goodwill"],
                     "actions": [{"owner": "maria@example.com", "description": "Show the limit",
                                  "due": "%s"}]}
                    """
                        .formatted(word, LocalDate.now().plusDays(14))))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.blameHints[0].phrase").value("my fault"))
        .andExpect(jsonPath("$.actions[0].ownerName").value("Maria Lopez"));
    long id =
        jdbc.sql("select id from learning_review where title like ?")
            .param("%" + word)
            .query(Long.class)
            .single();
    assertThatThrownBy(() -> reviews.find(account("olivia@example.com"), id))
        .isInstanceOf(NotFoundException.class);
    assertThat(library.search(account("olivia@example.com"), word)).isEmpty();

    reviews.publish(account("henry@example.com"), id);
    assertThat(reviews.find(account("olivia@example.com"), id).published()).isTrue();
  }

  @Test
  void everyBadFieldIsNamedAndNothingIsSaved() {
    long before = count();
    assertThatThrownBy(
            () ->
                reviews.create(
                    account("henry@example.com"),
                    new ReviewDraft(
                        "  ",
                        "",
                        "",
                        "x".repeat(10_001),
                        "",
                        List.of("fate"),
                        List.of(confidentialDecision()),
                        List.of(),
                        List.of(),
                        List.of("no.such-type"),
                        List.of(),
                        List.of(
                            new ReviewDraft.ActionDraft(
                                "lena@example.com", "", LocalDate.now().minusDays(1))))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.byField())
                    .containsKeys(
                        "title",
                        "whatHappened",
                        "whatWeLearned",
                        "factors",
                        "decisionIds",
                        "decisionTypes",
                        "actions[0].description",
                        "actions[0].due"));
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void theLibraryRanksHighlightsAndToleratesTyposInTitles() throws Exception {
    publish(
        "henry@example.com",
        "Burrs after a tool change " + word,
        "Check the first part.",
        List.of());
    publish(
        "maria@example.com", "A note on coffee " + word, "Tool change mentioned once.", List.of());

    List<LearningLibrary.Result> results =
        library.search(account("olivia@example.com"), "burrs " + word);
    assertThat(results).isNotEmpty();
    assertThat(results.get(0).titleHtml()).contains("<mark>Burrs</mark>");

    List<LearningLibrary.Result> typo =
        library.search(account("olivia@example.com"), "Burs after a tool chnage " + word);
    assertThat(typo)
        .extracting(LearningLibrary.Result::titleHtml)
        .anyMatch(t -> t.startsWith("Burrs after a "));

    mvc.perform(
            get("/api/v1/learnings")
                .param("q", "burrs " + word)
                .with(user(account("olivia@example.com"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].kind").value("review"));
  }

  @Test
  void aReviewOfAConfidentialDecisionIsFoundOnlyByThoseWhoMaySeeIt() {
    publish(
        "ruth@example.com",
        "Write-off lesson " + word,
        "Ask earlier.",
        List.of(confidentialDecision()));
    assertThat(library.search(account("ruth@example.com"), "write-off " + word)).hasSize(1);
    assertThat(library.search(account("henry@example.com"), "write-off " + word)).isEmpty();
  }

  @Test
  void markupInAReviewComesBackEscapedInHighlights() {
    publish("henry@example.com", "<script>alert(1)</script> " + word, "Nothing.", List.of());
    assertThat(library.search(account("olivia@example.com"), word))
        .extracting(LearningLibrary.Result::titleHtml)
        .allSatisfy(t -> assertThat(t).doesNotContain("<script>"));
  }

  private void publish(String author, String title, String learned, List<Long> decisionIds) {
    LearningReview review =
        reviews.create(
            account(author),
            new ReviewDraft(
                title,
                "What happened",
                "",
                learned,
                "",
                List.of(),
                decisionIds,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
    reviews.publish(account(author), review.id());
  }

  private long confidentialDecision() {
    return org.baton.Demo.confidentialDecision(
        decisions, account("ruth@example.com"), "Write off " + word);
  }

  private long count() {
    return jdbc.sql("select count(*) from learning_review").query(Long.class).single();
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
