package org.baton.polls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baton.decisions.Decision;
import org.baton.identity.BatonUser;
import org.baton.platform.Money;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/polls")
@Tag(
    name = "Polls",
    description = "Group choices: consent, choices, scores, rankings, meeting times")
class PollsApi {

  record AudienceBody(List<Long> teamIds, List<Long> personIds) {}

  record PollBody(
      PollKind kind,
      String title,
      String details,
      List<String> options,
      AudienceBody audience,
      Instant closesAt,
      boolean anonymous,
      boolean resultsHidden,
      int quorumPercent,
      boolean reasonRequired,
      boolean several,
      String decisionType) {}

  record VoteBody(
      List<Long> options,
      Map<Long, Integer> scores,
      List<Long> ranking,
      Stance stance,
      String reason) {}

  record AmendBody(String details, String note) {}

  record AnswerBody(String voter, String answer) {}

  record AmountBody(BigDecimal value, String currency) {}

  record OutcomeBody(
      Long optionId,
      String decisionType,
      String title,
      String reason,
      AmountBody amount,
      String otherThanTheCount) {}

  private final Polls polls;
  private final PollOutcomes outcomes;

  PollsApi(Polls polls, PollOutcomes outcomes) {
    this.polls = polls;
    this.outcomes = outcomes;
  }

  @GetMapping
  @Operation(
      summary = "Polls waiting for your say (open=true), or those you started or are asked in")
  List<Poll> list(
      @AuthenticationPrincipal BatonUser me, @RequestParam(defaultValue = "false") boolean open) {
    return open ? polls.waitingFor(me, 50) : polls.involving(me, 50);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Ask a group: the audience is fixed when the poll opens")
  Poll start(@AuthenticationPrincipal BatonUser me, @RequestBody PollBody body) {
    AudienceBody audience =
        body.audience() == null ? new AudienceBody(null, null) : body.audience();
    return polls.start(
        me,
        new PollDraft(
            body.kind(),
            body.title(),
            body.details(),
            body.options(),
            audience.teamIds(),
            audience.personIds(),
            body.closesAt(),
            body.anonymous(),
            body.resultsHidden(),
            body.reasonRequired(),
            body.several(),
            body.quorumPercent(),
            body.decisionType()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A poll with its tally, as far as its settings let you see it")
  PollView get(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return polls.view(me, id);
  }

  @PostMapping("/{id}/votes")
  @Operation(summary = "Vote, or change your vote, while the poll is open (its audience)")
  PollView vote(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @RequestBody VoteBody body) {
    polls.vote(
        me,
        id,
        new VoteDraft(body.options(), body.scores(), body.ranking(), body.stance(), body.reason()));
    return polls.view(me, id);
  }

  @PostMapping("/{id}/amendment")
  @Operation(summary = "Amend a consent proposal (its author, while open)")
  PollView amend(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @RequestBody AmendBody body) {
    polls.amend(me, id, body.details(), body.note());
    return polls.view(me, id);
  }

  @PostMapping("/{id}/objections/answer")
  @Operation(summary = "Say why the proposal stands despite an objection (its author)")
  PollView answer(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @RequestBody AnswerBody body) {
    polls.answer(me, id, body.voter(), body.answer());
    return polls.view(me, id);
  }

  @PostMapping("/{id}/close")
  @Operation(summary = "Close early (its author)")
  PollView close(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    polls.close(me, id);
    return polls.view(me, id);
  }

  @PostMapping("/{id}/outcome")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record the outcome as your decision (its author, once closed)")
  Decision outcome(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @RequestBody OutcomeBody body) {
    Money amount =
        body.amount() == null || body.amount().value() == null
            ? null
            : new Money(
                body.amount().value(),
                body.amount().currency() == null ? "EUR" : body.amount().currency());
    return outcomes.record(
        me,
        id,
        new PollOutcomes.Outcome(
            body.optionId(),
            body.decisionType(),
            body.title(),
            body.reason(),
            amount,
            body.otherThanTheCount()));
  }
}
