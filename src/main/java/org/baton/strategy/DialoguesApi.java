package org.baton.strategy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.baton.identity.BatonUser;
import org.baton.platform.KeyedPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Strategic dialogue rounds over the API. */
@RestController
@RequestMapping("/api/v1/dialogues")
class DialoguesApi {

  record ContributionCommentBody(String body) {}

  private final Dialogues dialogues;

  DialoguesApi(Dialogues dialogues) {
    this.dialogues = dialogues;
  }

  @GetMapping
  @Operation(summary = "The dialogue rounds, newest first")
  List<DialogueRound> list(@AuthenticationPrincipal BatonUser me) {
    return dialogues.list(me);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Open a round (strategy editors); everyone is told")
  DialogueRound open(
      @AuthenticationPrincipal BatonUser me,
      @RequestBody(required = false) DialogueDrafts.RoundDraft draft) {
    return dialogues.open(
        me,
        draft == null ? new DialogueDrafts.RoundDraft(null, null, null, null, null, null) : draft);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A round: its schedule, state, themes and counts")
  DialogueRound get(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return dialogues.round(me, id);
  }

  @GetMapping("/{id}/contributions")
  @Operation(
      summary = "A page of a round's contributions",
      description = "sort: SUPPORT (the default) or NEWEST; theme: a theme's id; unanswered: true.")
  KeyedPage<Contribution> contributions(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(required = false) Dialogues.Sort sort,
      @RequestParam(required = false) Long theme,
      @RequestParam(defaultValue = "false") boolean unanswered,
      @Parameter(description = "The key of the page to read: the previous page's 'next'")
          @RequestParam(required = false)
          String after,
      @RequestParam(defaultValue = "20") int size) {
    return dialogues.contributions(
        me, id, new Dialogues.Query(sort, theme, unanswered, after, size));
  }

  @PostMapping("/{id}/contributions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Contribute an idea, a concern or a question while the round is open")
  Contribution contribute(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) DialogueDrafts.ContributionDraft draft) {
    return dialogues.contribute(
        me, id, draft == null ? new DialogueDrafts.ContributionDraft(null, null, null) : draft);
  }

  @PostMapping("/{id}/contributions/{cid}/support")
  @Operation(summary = "Support a contribution (not one's own) while the round is open")
  Contribution support(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @PathVariable long cid) {
    return dialogues.support(me, id, cid, true);
  }

  @DeleteMapping("/{id}/contributions/{cid}/support")
  @Operation(summary = "Withdraw one's support while the round is open")
  Contribution withdraw(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @PathVariable long cid) {
    return dialogues.support(me, id, cid, false);
  }

  @GetMapping("/{id}/contributions/{cid}/comments")
  @Operation(summary = "A contribution's comments, oldest first")
  List<Contribution.DialogueComment> comments(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @PathVariable long cid) {
    return dialogues.comments(me, id, cid);
  }

  @PostMapping("/{id}/contributions/{cid}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Comment on a contribution until the round is published")
  Contribution.DialogueComment comment(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long cid,
      @RequestBody(required = false) ContributionCommentBody body) {
    return dialogues.comment(me, id, cid, body == null ? null : body.body());
  }

  @PostMapping("/{id}/contributions/{cid}/answer")
  @Operation(
      summary = "Answer a contribution (the round's leaders), or change the answer",
      description = "state: ADOPTED, EXPLORE, NOT_NOW or DECLINED, with the reason in answer.")
  Contribution answer(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long cid,
      @RequestBody(required = false) DialogueDrafts.AnswerDraft draft) {
    return dialogues.answer(
        me, id, cid, draft == null ? new DialogueDrafts.AnswerDraft(null, null) : draft);
  }

  @PostMapping("/{id}/publish")
  @Operation(
      summary = "Publish the round with its summary (the round's leaders)",
      description = "422 naming the contributions still unanswered, if any is.")
  DialogueRound publish(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) DialogueDrafts.PublicationDraft draft) {
    return dialogues.publish(
        me, id, draft == null ? new DialogueDrafts.PublicationDraft(null, null) : draft);
  }
}
