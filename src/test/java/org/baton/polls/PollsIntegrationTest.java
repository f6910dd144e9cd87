package org.baton.polls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.baton.BatonIntegrationTest;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Polls with real people, the real decision record and the real check: votes replaced, not added;
 * anonymous votes that the database cannot tie to anyone; a consent proposal decided only once its
 * objections are answered, its count carried into the decision's hashed content.
 */
@BatonIntegrationTest
class PollsIntegrationTest {

  @Autowired Polls polls;
  @Autowired PollOutcomes outcomes;
  @Autowired DecisionRecord decisions;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private BatonUser account(String email) {
    return (BatonUser) accounts.loadUserByUsername(email);
  }

  private Poll start(
      String author, PollKind kind, List<String> options, boolean anonymous, String... asked) {
    return polls.start(
        account(author),
        new PollDraft(
            kind,
            kind + " poll",
            "Details of the proposal.",
            options,
            List.of(),
            java.util.Arrays.stream(asked).map(e -> account(e).personId()).toList(),
            clock.instant().plus(Duration.ofHours(2)),
            anonymous,
            false,
            false,
            false,
            50,
            null));
  }

  @Test
  void aChangedVoteReplacesTheFirstAndTheCountFollows() {
    Poll poll =
        start(
            "maria@example.com",
            PollKind.CHOICE,
            List.of("Supplier A", "Supplier B"),
            false,
            "henry@example.com",
            "olivia@example.com");
    long a = poll.options().get(0).id();
    long b = poll.options().get(1).id();
    polls.vote(
        account("henry@example.com"), poll.id(), new VoteDraft(List.of(a), null, null, null, ""));
    polls.vote(
        account("henry@example.com"), poll.id(), new VoteDraft(List.of(b), null, null, null, ""));
    Tally tally = polls.view(account("maria@example.com"), poll.id()).tally();
    assertThat(tally.voters()).isEqualTo(1);
    assertThat(tally.options()).extracting(Tally.OptionCount::votes).containsExactly(0L, 1L);
    assertThat(tally.quorumMet()).isTrue(); // one of two is 50%
    assertThat(tally.leading()).isEqualTo(b);
  }

  @Test
  void thoseWhoHaveNotVotedAreRemindedOnceInThePollsLastQuarter() {
    Poll poll =
        polls.start(
            account("maria@example.com"),
            new PollDraft(
                PollKind.CHOICE,
                "Which day for the stocktake?",
                "",
                List.of("Monday", "Friday"),
                List.of(),
                List.of(
                    account("henry@example.com").personId(),
                    account("olivia@example.com").personId()),
                clock.instant().plus(Duration.ofHours(1)),
                false,
                false,
                false,
                false,
                0,
                null));
    polls.vote(
        account("henry@example.com"),
        poll.id(),
        new VoteDraft(List.of(poll.options().get(0).id()), null, null, null, ""));
    polls.remindClosingSoon(1000); // not yet: three quarters of the hour are left
    org.baton.TestClock testClock = (org.baton.TestClock) clock;
    try {
      testClock.advance(Duration.ofMinutes(50));
      polls.remindClosingSoon(1000);
      polls.remindClosingSoon(1000); // once only
    } finally {
      testClock.reset();
    }
    org.baton.Listeners.awaitAllHandled(jdbc);
    String reminder =
        "Your say is still asked, and the poll closes soon: Which day for the stocktake?";
    assertThat(
            jdbc.sql("select person_id from notification where text = ? and link = ?")
                .params(reminder, "/polls/" + poll.id())
                .query(Long.class)
                .list())
        .containsExactly(account("olivia@example.com").personId());
  }

  @Test
  void aVoteCountsEachOptionOnceAndOnlyWhatItsKindAsks() {
    Poll poll =
        start(
            "maria@example.com",
            PollKind.CHOICE,
            List.of("A", "B", "C"),
            false,
            "henry@example.com");
    long a = poll.options().get(0).id();
    long b = poll.options().get(1).id();
    BatonUser henry = account("henry@example.com");
    assertThatThrownBy(
            () -> polls.vote(henry, poll.id(), new VoteDraft(List.of(a, a), null, null, null, "")))
        .isInstanceOf(InvalidInputException.class);
    // a ranking and scores sent to a choice are not its vote: only the option chosen counts
    polls.vote(
        henry,
        poll.id(),
        new VoteDraft(List.of(a), Map.of(b, 10), List.of(b, b, b), Stance.OBJECT, ""));
    Tally tally = polls.view(account("maria@example.com"), poll.id()).tally();
    assertThat(tally.options()).extracting(Tally.OptionCount::votes).containsExactly(1L, 0L, 0L);
    assertThat(polls.view(henry, poll.id()).myVote().stance()).isNull();
  }

  @Test
  void onlyThoseAskedVoteAndOthersDoNotSeeThePoll() {
    Poll poll = start("maria@example.com", PollKind.CONSENT, List.of(), false, "henry@example.com");
    assertThatThrownBy(() -> polls.view(account("olivia@example.com"), poll.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                polls.vote(
                    account("maria@example.com"),
                    poll.id(),
                    new VoteDraft(null, null, null, Stance.CONSENT, "")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                polls.vote(
                    account("henry@example.com"),
                    poll.id(),
                    new VoteDraft(null, null, null, Stance.OBJECT, " ")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).byField()).containsKey("reason"));
    assertThat(
            jdbc.sql("select count(*) from poll_vote where poll_id = ?")
                .param(poll.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anAnonymousVoteNamesNobodyInTheDatabaseYetCanBeChanged() {
    Poll poll =
        start(
            "maria@example.com",
            PollKind.CHOICE,
            List.of("Early shift", "Late shift"),
            true,
            "henry@example.com",
            "olivia@example.com");
    long early = poll.options().get(0).id();
    long late = poll.options().get(1).id();
    BatonUser henry = account("henry@example.com");
    polls.vote(henry, poll.id(), new VoteDraft(List.of(early), null, null, null, ""));
    polls.vote(henry, poll.id(), new VoteDraft(List.of(late), null, null, null, ""));
    List<Map<String, Object>> rows =
        jdbc.sql("select voter_key, person_id from poll_vote where poll_id = ?")
            .param(poll.id())
            .query()
            .listOfRows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("person_id")).isNull();
    String key = (String) rows.get(0).get("voter_key");
    assertThat(key).matches("a:[0-9a-f]{64}").isNotEqualTo(String.valueOf(henry.personId()));
    // nor does any other table: no turnout row, no moment of its own, no event naming the voter
    assertThat(
            jdbc.sql(
                    "select count(*) from poll_audience where poll_id = ? and voted_at is not null")
                .param(poll.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select voted_at from poll_vote where poll_id = ?")
                .param(poll.id())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant())
        .isEqualTo(poll.openedAt());
    assertThat(
            jdbc.sql(
                    "select count(*) from event_publication where serialized_event like ?"
                        + " and serialized_event like '%\"VOTED\"%'"
                        + " and serialized_event not like '%\"actorPersonId\":null%'")
                .param("%\"pollId\":" + poll.id() + ",%")
                .query(Long.class)
                .single())
        .isZero();
    // yet the voter's own view and list know they voted
    assertThat(polls.waitingFor(henry, 100)).extracting(Poll::id).doesNotContain(poll.id());
    assertThat(polls.waitingFor(account("olivia@example.com"), 100))
        .extracting(Poll::id)
        .contains(poll.id());
    PollView seenByAdmin = polls.view(account("admin"), poll.id());
    assertThat(seenByAdmin.votes()).isEmpty();
    assertThat(polls.view(henry, poll.id()).myVote().optionIds()).containsExactly(late);
  }

  @Test
  void aConsentProposalIsDecidedOnlyOnceItsObjectionIsAnsweredAndTheRecordKeepsTheCount() {
    BatonUser henry = account("henry@example.com");
    Poll poll =
        polls.start(
            henry,
            new PollDraft(
                PollKind.CONSENT,
                "Goodwill for late deliveries",
                "Every late delivery gets 40 EUR goodwill.",
                List.of(),
                List.of(),
                List.of(
                    account("olivia@example.com").personId(),
                    account("priya@example.com").personId()),
                clock.instant().plus(Duration.ofHours(1)),
                false,
                false,
                false,
                false,
                0,
                "customer.goodwill"));
    polls.vote(
        account("olivia@example.com"),
        poll.id(),
        new VoteDraft(null, null, null, Stance.OBJECT, "It rewards complaints over loyalty."));
    polls.close(henry, poll.id());
    PollOutcomes.Outcome outcome =
        new PollOutcomes.Outcome(
            null,
            null,
            "Goodwill for late deliveries",
            "The team consented.",
            Money.of("40", "EUR"),
            null);
    assertThatThrownBy(() -> outcomes.record(henry, poll.id(), outcome))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).byField()).containsKey("objections"));
    String key = String.valueOf(account("olivia@example.com").personId());
    polls.answer(
        henry, poll.id(), key, "Loyal customers get it too: it is for every late delivery.");
    Decision decision = outcomes.record(henry, poll.id(), outcome);
    assertThat(decision.context())
        .containsEntry("Poll", "#" + poll.id() + ", Consent to a proposal, version 1")
        .containsEntry("Objections", "1")
        .containsKey("Objection 1");
    assertThat(decision.context().get("Count"))
        .contains("object 1")
        .contains("silent on this version (counted as consent) 1");
    assertThat(polls.view(henry, poll.id()).poll().decisionId()).isEqualTo(decision.id());
    // the people asked hear of the decision: its event was written with it, and is handled
    org.baton.Listeners.awaitAllHandled(jdbc);
    assertThat(
            jdbc.sql(
                    "select count(*) from notification where person_id = ? and link = ?"
                        + " and text like '%: decided'")
                .params(account("priya@example.com").personId(), "/polls/" + poll.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThatThrownBy(() -> outcomes.record(henry, poll.id(), outcome))
        .isInstanceOf(InvalidInputException.class);
  }
}
